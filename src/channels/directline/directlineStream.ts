import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ConversationStore } from '../../conversation/conversationRecord.js';
import type { ConversationTokens } from '../../conversation/conversationTokens.js';
import type { TranscriptStore } from '../../conversation/transcript.js';
import type { EventBus } from '../../coordination/eventBus.js';
import type { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { activitySet, parseWatermark, typingActivity } from './activities.js';

const PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const TICK_MS = 20_000;
const MAX_SOCKETS = 10_000;

/** What a Direct Line stream reads and listens to. */
export type StreamDeps = {
  /** Stream tickets (from `streamUrl`), not Direct Line tokens. */
  tickets: ConversationTokens;
  revocations: TokenRevocations;
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  bus: EventBus;
  /** Keep-alive, re-read and revocation check interval (tests shorten it). */
  tickMs?: number;
};

type Accepted = { id: string; from: number; issuedAt: number };

function refuse(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * The Direct Line WebSocket stream (`streamUrl`): activity sets from the transcript, from the
 * watermark on, then each new message (whichever instance stored it), echoes and the bot's typing.
 * Each tick sends an empty keep-alive frame, re-reads the transcript (nothing is missed while a
 * subscription was being set up) and closes the stream if its token was revoked. One stream per
 * conversation on an instance: a newer one closes the older (`collision`, as Direct Line does).
 * @example server.on('upgrade', (req, socket, head) => stream.upgrade(req, socket, head) || socket.destroy())
 */
export function directLineStream(deps: StreamDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const open = new Map<string, WebSocket>();

  async function accept(req: IncomingMessage): Promise<Accepted | string> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.match(PATH)?.[1] ?? '');
    } catch {
      return '400 Bad Request';
    }
    const check = deps.tickets.check(url.searchParams.get('t') ?? undefined);
    if (!check.ok || check.conversationId !== id) return '403 Forbidden';
    if (await deps.revocations.revoked(id, check.issuedAt)) return '403 Forbidden';
    const conversation = await deps.conversations.get(id);
    if (conversation?.channel !== 'directline') return '404 Not Found';
    const from = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    if (from === undefined) return '400 Bad Request';
    if (wss.clients.size >= MAX_SOCKETS) return '503 Service Unavailable';
    return { id, from, issuedAt: check.issuedAt };
  }

  function serve(ws: WebSocket, { id, from, issuedAt }: Accepted): void {
    open.get(id)?.close(1000, 'collision');
    open.set(id, ws);
    let sent = from;
    let pump = Promise.resolve();
    const send = (frame: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    };
    // One step at a time, in order, so a burst of events never sends an activity twice.
    const queue = (step: () => Promise<void> | void) => {
      pump = pump.then(step).catch(() => ws.close(1011, 'store unavailable'));
    };
    const flush = () =>
      queue(async () => {
        const messages = await deps.transcripts.list(id, sent);
        if (!messages.length) return;
        send(activitySet(messages, sent));
        sent = messages.at(-1)?.seq ?? sent;
      });
    const checkRevoked = () =>
      queue(async () => {
        if (await deps.revocations.revoked(id, issuedAt)) ws.close(4403, 'token revoked');
      });
    const off = deps.bus.subscribe(id, (e) => {
      if (e.type === 'message') flush();
      else if (e.type === 'revoked') checkRevoked();
      else if (e.type === 'echo') queue(() => send({ activities: [e.data] }));
      else if (e.type === 'typing') {
        // The customer's message is stored before the bot types: its echo goes first.
        flush();
        queue(() => send({ activities: [typingActivity(id)] }));
      }
    });
    const tick = setInterval(() => {
      send('');
      flush();
      checkRevoked();
    }, deps.tickMs ?? TICK_MS);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(tick);
      off();
      if (open.get(id) === ws) open.delete(id);
    });
    flush();
  }

  return {
    /** Takes an HTTP upgrade on the stream path; answers false for any other path. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (!PATH.test(new URL(req.url ?? '/', 'http://localhost').pathname)) return false;
      // Until `ws` owns the socket, a client that resets it must not become an uncaught error.
      const onError = () => socket.destroy();
      socket.on('error', onError);
      accept(req)
        .then((ok) => {
          if (typeof ok === 'string') return refuse(socket, ok);
          socket.off('error', onError);
          wss.handleUpgrade(req, socket, head, (ws) => serve(ws, ok));
        })
        .catch(() => refuse(socket, '503 Service Unavailable'));
      return true;
    },
    /** Closes every stream (shutdown); clients reconnect to another instance. */
    close(): void {
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
    },
  };
}
