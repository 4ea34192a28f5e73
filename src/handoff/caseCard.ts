import type { StoredMessage } from '../conversation/transcript.js';
import { caseKey } from './caseKey.js';
import type { QueueEntry } from './handoffQueue.js';

/** The red flags the bot's finder sees in a text (the customer's own words, masked). */
export type FindRedFlags = (text: string) => string[];

/**
 * The case's red flags: those the bot noted, then those in anything the customer wrote. An advert
 * pasted in the same message as "转人工", or after it, is never answered by the offer checker, so
 * the bot's own list can miss it.
 * @example caseRedFlags(entry, transcript, find) // ['upfront-fee', 'guaranteed-result']
 */
export function caseRedFlags(
  e: QueueEntry,
  transcript: Pick<StoredMessage, 'role' | 'text'>[],
  find: FindRedFlags,
): string[] {
  const lines = transcript.length ? transcript : e.transcript;
  const found = lines.filter((l) => l.role === 'customer').flatMap((l) => find(l.text));
  return [...new Set([...e.redFlags, ...found])];
}

/** The queue card of a case: why, how urgent, how long it has waited. No transcript. */
export function caseCard(e: QueueEntry, redFlags: string[], position?: number) {
  const { transcript: _t, callback, ...rest } = e;
  return {
    id: caseKey(e.channel, e.conversationId),
    ...rest,
    redFlags,
    waitingSeconds: Math.max(0, Math.round((Date.now() - Date.parse(e.requestedAt)) / 1000)),
    ...(position ? { position } : {}),
    ...(callback ? { callbackRequested: true } : {}),
  };
}
