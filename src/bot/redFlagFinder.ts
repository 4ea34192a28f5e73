import { CueSet } from '../knowledge/cues.js';
import { LOCALES, type Locale } from '../knowledge/locale.js';
import type { RedFlag, RedFlagText } from '../knowledge/redFlags.js';

/** A customer's own message, or text they quote as someone's offer (CONTENT: `offerCues`). */
export type Reading = 'message' | 'offer';

type Compiled = { id: string; cues: CueSet; offer: CueSet; official: CueSet; agency: CueSet };

/**
 * Finds the red flags of content/red-flags.yaml in a quoted offer. Cues of both languages are
 * tried, so a Chinese advert pasted into an English conversation is still read. Read as an
 * offer, a flag's `offerCues` count too, unless the text speaks only as the bank or a regulator.
 * @example finder.find('不成功不收费 只收5 ') // ['percentage-fee', 'guaranteed-result']
 * @example finder.find('洗白征信', 'offer') // ['third-party-fix']
 */
export class RedFlagFinder {
  private readonly cues: Compiled[];

  constructor(private readonly flags: readonly RedFlag[]) {
    this.cues = flags.flatMap((f) =>
      LOCALES.map((l) => ({
        id: f.id,
        cues: new CueSet(f[l].cues),
        offer: new CueSet(f[l].offerCues ?? []),
        official: new CueSet(f[l].officialVoice ?? []),
        agency: new CueSet(f[l].agencyVoice ?? []),
      })),
    );
  }

  /** Ids of the flags whose cues fire, in content order. */
  find(normalized: string, reading: Reading = 'message'): string[] {
    const fires = (c: Compiled) =>
      c.cues.test(normalized) ||
      (reading === 'offer' &&
        c.offer.test(normalized) &&
        !(c.official.test(normalized) && !c.agency.test(normalized)));
    const found = new Set(this.cues.filter(fires).map((c) => c.id));
    return this.flags.map((f) => f.id).filter((id) => found.has(id));
  }

  describe(id: string, locale: Locale): RedFlagText | undefined {
    return this.flags.find((f) => f.id === id)?.[locale];
  }
}
