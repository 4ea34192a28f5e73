import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { EventBus } from '../../http/eventBus.js';
import type { TokenRevocations } from '../../http/tokenRevocations.js';
import type { ConversationTokens } from '../../http/tokens.js';
import type { ConversationStore, TranscriptStore } from '../../storage/ports.js';
import { activitySet, parseWatermark, typingActivity } from './activities.js';

const PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const KEEP_ALIVE_MS = 20_000;

export type StreamDeps = {
  tokens: ConversationTokens;
  revocations: TokenRevocations;
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  bus: EventBus;
};

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The Direct Line WebSocket stream (`streamUrl`): activity sets from the transcript, from the
 * watermark on, then each new message (whichever instance stored it) and the bot's typing. Empty
 * frames keep the connection alive; frames from the client are ignored, as Direct Line does.
 * @example server.on('upgrade', stream.upgrade)
 */
export function directLineStream(deps: StreamDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

  async function accept(req: IncomingMessage): Promise<{ id: string; from: number } | string> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const id = decodeURIComponent(url.pathname.match(PATH)?.[1] ?? '');
    const check = deps.tokens.check(url.searchParams.get('t') ?? undefined);
    if (!check.ok || check.conversationId !== id) return '403 Forbidden';
    const revokedAt = await deps.revocations.revokedAt(id);
    if (revokedAt !== undefined && check.issuedAt <= revokedAt) return '403 Forbidden';
    const conversation = await deps.conversations.get(id);
    if (conversation?.channel !== 'directline') return '404 Not Found';
    const from = parseWatermark(url.searchParams.get('watermark') ?? undefined);
    return from === undefined ? '400 Bad Request' : { id, from };
  }

  function serve(ws: WebSocket, id: string, from: number): void {
    let sent = from;
    let pump = Promise.resolve();
    // One read at a time, so a burst of events never sends an activity twice.
    const flush = () => {
      pump = pump
        .then(async () => {
          const messages = await deps.transcripts.list(id, sent);
          if (!messages.length || ws.readyState !== ws.OPEN) return;
          ws.send(JSON.stringify(activitySet(messages, sent)));
          sent = messages.at(-1)?.seq ?? sent;
        })
        .catch(() => ws.close(1011, 'store unavailable'));
    };
    const off = deps.bus.subscribe(id, (e) => {
      if (e.type === 'message') flush();
      else if (e.type === 'typing' && ws.readyState === ws.OPEN)
        ws.send(JSON.stringify({ activities: [typingActivity(id)] }));
    });
    const keepAlive = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), KEEP_ALIVE_MS);
    ws.on('close', () => {
      clearInterval(keepAlive);
      off();
    });
    flush();
  }

  return {
    /** Takes an HTTP upgrade on the stream path; answers false for any other path. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (!PATH.test(new URL(req.url ?? '/', 'http://localhost').pathname)) return false;
      accept(req)
        .then((ok) => {
          if (typeof ok === 'string') return refuse(socket, ok);
          wss.handleUpgrade(req, socket, head, (ws) => serve(ws, ok.id, ok.from));
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
