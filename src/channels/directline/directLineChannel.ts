import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Router, Router as router } from 'express';
import { ConversationTokens } from '../../conversation/conversationTokens.js';
import { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { AppError } from '../../errors.js';
import { type DirectLineDeps, directLineRouter } from './directlineRouter.js';
import { TOKEN_SECONDS } from './directlineStart.js';
import { directLineStream } from './directlineStream.js';

export type DirectLineChannel = {
  /** The REST endpoints, mounted at `/v3/directline`. */
  router: Router;
  /** Takes the WebSocket upgrade of a stream URL; false for any other path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
};

/**
 * Direct Line 3.0 for Web Chat, on when `DIRECTLINE_SECRET` is set; off, every endpoint answers a
 * 404 that says how to turn it on.
 * @example const dl = directLineChannel(config.directlineSecret, { tokenSecret, stores, runner, bus, limits, bodyLimit })
 */
export function directLineChannel(
  secret: string | undefined,
  deps: Omit<DirectLineDeps, 'secret' | 'tokens' | 'tickets'> & { tokenSecret: Buffer; tickMs?: number },
): DirectLineChannel {
  if (!secret) {
    const off = router();
    off.use((_req, _res, next) =>
      next(AppError.api(404, 'not-found', 'Direct Line is off on this server: set DIRECTLINE_SECRET')),
    );
    return { router: off, upgrade: () => false, close: () => {} };
  }
  // A key of their own: a Direct Line token opens nothing in the customer API, nor the reverse.
  const key = (use: string) =>
    createHmac('sha256', deps.tokenSecret).update(`anxin/directline-${use}`).digest();
  const tokens = new ConversationTokens(key('tokens'), TOKEN_SECONDS * 1000);
  const tickets = new ConversationTokens(key('stream-tickets'), 60_000);
  const stream = directLineStream({
    tickets,
    revocations: new TokenRevocations(deps.stores.storage),
    conversations: deps.stores.conversations,
    transcripts: deps.stores.transcripts,
    bus: deps.bus,
    ...(deps.tickMs ? { tickMs: deps.tickMs } : {}),
  });
  return {
    router: directLineRouter({ ...deps, secret, tokens, tickets }),
    upgrade: stream.upgrade,
    close: stream.close,
  };
}
