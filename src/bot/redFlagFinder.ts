import type { Content } from '../knowledge/content.js';
import { CueSet } from '../knowledge/cues.js';
import { LOCALES, type Locale } from '../knowledge/locale.js';
import type { RedFlag, RedFlagText } from '../knowledge/redFlags.js';
import type { Tokenizer } from '../knowledge/tokenizer.js';
import { OfferModel } from './offerModel.js';

/** A customer's own message, or text they quote as someone's offer (CONTENT: `offerCues`). */
export type Reading = 'message' | 'offer';

type Compiled = { id: string; cues: CueSet; offer: CueSet; official: CueSet; agency: CueSet };

/**
 * Finds the red flags of content/red-flags.yaml in a quoted offer. Cues of both languages are
 * tried, so a Chinese advert pasted into an English conversation is still read. Read as an
 * offer, a flag's `offerCues` count too, unless the text speaks only as the bank or a regulator,
 * and so do the signs the offer model learned from real pitches.
 * @example finder.find('不成功不收费 只收5 ') // ['percentage-fee', 'guaranteed-result']
 * @example finder.find('洗白征信', 'offer') // ['third-party-fix']
 */
export class RedFlagFinder {
  private readonly cues: Compiled[];
  /** Any flag's voice lists: learned signs are not read into the bank's or a regulator's words. */
  private readonly official: CueSet;
  private readonly agency: CueSet;

  constructor(
    private readonly flags: readonly RedFlag[],
    private readonly model?: OfferModel,
  ) {
    this.cues = flags.flatMap((f) =>
      LOCALES.map((l) => ({
        id: f.id,
        cues: new CueSet(f[l].cues),
        offer: new CueSet(f[l].offerCues ?? []),
        official: new CueSet(f[l].officialVoice ?? []),
        agency: new CueSet(f[l].agencyVoice ?? []),
      })),
    );
    const voices = (pick: (t: RedFlagText) => string[] | undefined) =>
      new CueSet(flags.flatMap((f) => LOCALES.flatMap((l) => pick(f[l]) ?? [])));
    this.official = voices((t) => t.officialVoice);
    this.agency = voices((t) => t.agencyVoice);
  }

  /** The cue lists of red-flags.yaml and what the offer model learns from pitch-examples.yaml. */
  static learn(content: Pick<Content, 'redFlags' | 'pitchExamples'>, tokenizer: Tokenizer): RedFlagFinder {
    return new RedFlagFinder(content.redFlags, OfferModel.train(content.pitchExamples, tokenizer));
  }

  /** Ids of the flags whose cues fire, and for an offer the learned signs too, in content order. */
  find(normalized: string, reading: Reading = 'message'): string[] {
    const found = new Set(this.cued(normalized, reading));
    const official = this.official.test(normalized) && !this.agency.test(normalized);
    if (reading === 'offer' && !official) for (const id of this.model?.flags(normalized) ?? []) found.add(id);
    return this.inOrder(found);
  }

  /** Ids of the flags whose cues fire: what the content's words say, nothing learned. */
  cued(normalized: string, reading: Reading = 'message'): string[] {
    const fires = (c: Compiled) =>
      c.cues.test(normalized) ||
      (reading === 'offer' &&
        c.offer.test(normalized) &&
        !(c.official.test(normalized) && !c.agency.test(normalized)));
    return this.inOrder(new Set(this.cues.filter(fires).map((c) => c.id)));
  }

  private inOrder(ids: Set<string>): string[] {
    return this.flags.map((f) => f.id).filter((id) => ids.has(id));
  }

  describe(id: string, locale: Locale): RedFlagText | undefined {
    return this.flags.find((f) => f.id === id)?.[locale];
  }
}
