import type { Message, ShownMessage } from './types.js';

/** The server's transcript as the widget shows it: the bot's messages before the customer's first are the welcome. */
export function fromTranscript(messages: Message[], feedback: Record<string, boolean>): ShownMessage[] {
  const firstCustomer = messages.findIndex((m) => m.role === 'customer');
  return messages.map((m, i) => ({
    ...m,
    ...(m.role === 'bot' && (firstCustomer < 0 || i < firstCustomer) ? { welcome: true } : {}),
    ...(feedback[m.id] !== undefined ? { helpful: feedback[m.id] } : {}),
  }));
}

/** Add messages not yet shown, in order; returns those that were new. */
export function merge(shown: ShownMessage[], incoming: Message[]): ShownMessage[] {
  const known = new Set(shown.map((m) => m.id));
  const added = incoming.filter((m) => !known.has(m.id));
  shown.push(...added);
  return added;
}

/** A message as one line for a screen reader: Markdown marks removed. */
export function spoken(text: string): string {
  return text
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A local note (not from the server), shown as a system message. */
export function note(text: string): ShownMessage {
  return {
    id: `local-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    role: 'system',
    text,
    html: '',
    suggestedActions: [],
    citations: [],
    createdAt: new Date().toISOString(),
  };
}

/** A message the customer just wrote; its id is the clientMessageId sent with it. */
export function customerMessage(id: string, text: string): ShownMessage {
  return {
    id,
    role: 'customer',
    text,
    html: '',
    suggestedActions: [],
    citations: [],
    createdAt: new Date().toISOString(),
    delivery: 'sending',
  };
}

/** The transcript's messages after the last one already shown (all of them when none is). */
export function newerThanShown(transcript: Message[], shown: ShownMessage[]): Message[] {
  const known = new Set(shown.map((m) => m.id));
  let last = -1;
  transcript.forEach((m, i) => {
    if (known.has(m.id)) last = i;
  });
  return transcript.slice(last + 1);
}
