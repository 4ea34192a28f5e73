import type { Line } from './types.js';

export type LiveHandlers = {
  /** The queue changed (a claim, a release, …): read it again. */
  queue(): void;
  /** A customer wrote in a conversation this agent may read. */
  message(caseId: string, line: Line): void;
  /** Connected (true) or lost and retrying (false). */
  connected(ok: boolean): void;
};

function parse(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The agent event stream (`GET /events`). EventSource reconnects by itself; when it gives up (the
 * server refused, e.g. after logout) it is reopened after a pause and the queue is read again, which
 * also finds out whether the session is still alive.
 * @example const stop = openLive('/api/v1/agent/events', { queue, message, connected })
 */
export function openLive(url: string, on: LiveHandlers): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const open = () => {
    source = new EventSource(url);
    source.addEventListener('open', () => on.connected(true));
    source.addEventListener('queue', () => on.queue());
    source.addEventListener('message', (e) => {
      const d = parse((e as MessageEvent).data) as { id?: string; message?: Line } | undefined;
      if (d && typeof d.id === 'string' && d.message && typeof d.message.text === 'string')
        on.message(d.id, d.message);
    });
    source.addEventListener('error', () => {
      on.connected(false);
      if (source?.readyState !== EventSource.CLOSED || stopped) return;
      timer = setTimeout(() => {
        if (stopped) return;
        open();
        on.queue();
      }, 5000);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
