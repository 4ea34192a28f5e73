import type { Request, Response } from 'express';
import { toApiMessage } from '../../conversation/messageView.js';
import type { TranscriptStore } from '../../conversation/transcript.js';
import type { ConversationEvent, EventBus } from '../../coordination/eventBus.js';
import type { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { conversationOf } from '../../http/requireToken.js';

const HEARTBEAT_MS = 25_000;
const ASYNC_ROLES = new Set(['agent', 'system']);

function write(res: Response, e: ConversationEvent): void {
  if (e.type === 'echo' || e.type === 'revoked' || res.writableEnded) return;
  const id = e.type === 'message' ? `id: ${e.seq}\n` : '';
  res.write(`event: ${e.type}\n${id}data: ${JSON.stringify(e.data)}\n\n`);
}

/**
 * `GET …/events`: agent and system messages, handoff state and typing, as Server-Sent Events.
 * A client that reconnects with `Last-Event-ID` first gets the messages it missed. The stream ends
 * when the conversation's tokens are revoked (at once by a bus event, else at the next heartbeat).
 */
export function eventsHandler(
  transcripts: TranscriptStore,
  bus: EventBus,
  streams: Set<Response>,
  revocations: TokenRevocations,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const conversation = conversationOf(res);
    const issuedAt = res.locals.tokenIssuedAt as number;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    streams.add(res);
    const pending: ConversationEvent[] = [];
    let replaying = true;
    const off = bus.subscribe(conversation.id, (e) => {
      if (e.type === 'revoked') stop();
      else if (replaying) pending.push(e);
      else write(res, e);
    });
    // A revoked token's stream ends; the client's reconnect then meets 401 token-revoked.
    const checkRevoked = () =>
      revocations.revoked(conversation.id, issuedAt).then(
        (revoked) => revoked && stop(),
        () => undefined,
      );
    const heartbeat = setInterval(() => {
      if (!res.writableEnded) res.write(': keep-alive\n\n');
      void checkRevoked();
    }, HEARTBEAT_MS);
    function stop() {
      clearInterval(heartbeat);
      off();
      streams.delete(res);
      res.end();
    }
    req.on('close', stop);
    await checkRevoked();
    const last = Number(req.get('last-event-id') ?? req.query.lastEventId);
    let lastSeq = 0;
    if (Number.isInteger(last) && last >= 0) {
      for (const m of await transcripts.list(conversation.id, last))
        if (ASYNC_ROLES.has(m.role)) {
          write(res, { type: 'message', seq: m.seq, data: toApiMessage(m) });
          lastSeq = m.seq;
        }
    }
    replaying = false;
    for (const e of pending) if (e.type !== 'message' || e.seq > lastSeq) write(res, e);
  };
}
