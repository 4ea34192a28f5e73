import { CueSet } from '../knowledge/cues.js';
import { LOCALES, type Locale } from '../knowledge/locale.js';
import type { RedFlag, RedFlagText } from '../knowledge/redFlags.js';

/**
 * Finds the red flags of content/red-flags.yaml in a quoted offer. Cues of both languages are
 * tried, so a Chinese advert pasted into an English conversation is still read.
 * @example finder.find('不成功不收费 只收5 ', 'zh-CN') // ['percentage-fee', 'guaranteed-result']
 */
export class RedFlagFinder {
  private readonly cues: { id: string; locale: Locale; set: CueSet }[];

  constructor(private readonly flags: readonly RedFlag[]) {
    this.cues = flags.flatMap((f) =>
      LOCALES.map((l) => ({ id: f.id, locale: l, set: new CueSet(f[l].cues) })),
    );
  }

  /** Ids of the flags whose cues fire, in content order. */
  find(normalized: string): string[] {
    const found = new Set(this.cues.filter((c) => c.set.test(normalized)).map((c) => c.id));
    return this.flags.map((f) => f.id).filter((id) => found.has(id));
  }

  describe(id: string, locale: Locale): RedFlagText | undefined {
    return this.flags.find((f) => f.id === id)?.[locale];
  }
}
