import type { Handoff, Message } from './types.js';

export type StreamHandlers = {
  message(m: Message): void;
  handoff(h: Handoff): void;
  typing(who: 'bot' | 'agent'): void;
};

function parse(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
}

/** A `handoff` event's data is a Handoff, or carries one in `handoff`. */
function handoffOf(data: unknown): Handoff | undefined {
  const d = data as { state?: unknown; handoff?: Handoff } | undefined;
  if (d && typeof d.state === 'string') return d as Handoff;
  return d?.handoff && typeof d.handoff.state === 'string' ? d.handoff : undefined;
}

/**
 * The conversation's Server-Sent Events (agent and system messages, handoff state, typing).
 * EventSource reconnects by itself and sends Last-Event-ID, so the server resends what was missed.
 * @example const stop = openStream(url, { message, handoff, typing })
 */
export function openStream(url: string, on: StreamHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(url);
  source.addEventListener('message', (e) => {
    const m = parse((e as MessageEvent).data) as Message | undefined;
    if (m && typeof m.id === 'string') on.message(m);
  });
  source.addEventListener('handoff', (e) => {
    const h = handoffOf(parse((e as MessageEvent).data));
    if (h) on.handoff(h);
  });
  source.addEventListener('typing', (e) => {
    const d = parse((e as MessageEvent).data) as { role?: string } | undefined;
    on.typing(d?.role === 'bot' ? 'bot' : 'agent');
  });
  return () => source.close();
}
