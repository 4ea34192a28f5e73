import type { Strings } from './i18n/strings.js';
import type { CaseCard } from './types.js';

/** A known id in the agent's language; an unknown one as it is (new ids must not vanish). */
export const label = (map: Record<string, string>, id: string): string => map[id] ?? id;

/** Short, readable name of a case: channel and the start of the conversation id. */
export const caseName = (t: Strings, c: CaseCard): string =>
  `${label(t.channels, c.channel)} · ${c.conversationId.slice(0, 8)}`;

export const listOr = (t: Strings, items: string[], map?: Record<string, string>): string =>
  items.length
    ? items.map((i) => (map ? label(map, i) : i)).join(t.lang === 'en' ? ', ' : '、')
    : t.fields.none;

/** When the case was requested, in this browser's clock (the server's waiting time, not its date). */
export const sinceOf = (c: CaseCard, fetchedAt: number): number => fetchedAt - c.waitingSeconds * 1000;

export const clock = (iso: string | undefined): string => {
  const d = iso ? new Date(iso) : undefined;
  return d && !Number.isNaN(d.getTime())
    ? `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    : '';
};
