import { CueSet } from '../../knowledge/cues.js';
import { LOCALES, type Locale } from '../../knowledge/locale.js';
import type { SignalId, Signals } from '../../knowledge/signals.js';

/**
 * The cue lists of content/signals.yaml, compiled once per signal and locale.
 * @example book.match('request-human', 'zh-CN', '转人工') // '转人'
 */
export class CueBook {
  private readonly sets = new Map<string, CueSet>();

  constructor(readonly signals: Signals) {
    for (const [id, signal] of Object.entries(signals))
      for (const l of LOCALES) this.sets.set(`${id}/${l}`, new CueSet(signal[l]));
  }

  match(id: SignalId, locale: Locale, normalized: string): string | undefined {
    return this.sets.get(`${id}/${locale}`)?.match(normalized);
  }

  has(id: SignalId, locale: Locale, normalized: string): boolean {
    return this.sets.get(`${id}/${locale}`)?.test(normalized) ?? false;
  }

  /** The ids among `ids` whose cues fire. */
  fired<T extends SignalId>(ids: readonly T[], locale: Locale, normalized: string): T[] {
    return ids.filter((id) => this.has(id, locale, normalized));
  }
}
