import { createHmac } from 'node:crypto';
import { Router } from 'express';
import { ConversationTokens } from '../../conversation/conversationTokens.js';
import { AppError } from '../../errors.js';
import { cors } from '../../http/security.js';
import type { Channel } from '../channel.js';
import { type DirectLineDeps, directLineRouter } from './directlineRouter.js';
import { TOKEN_SECONDS } from './directlineStart.js';
import { directLineStream } from './directlineStream.js';

/**
 * Direct Line 3.0 for Web Chat, on when `DIRECTLINE_SECRET` is set; off, every endpoint answers a
 * 404 that says how to turn it on.
 * Its REST endpoints are at `/v3/directline` (CORS as the customer API), its streams WebSocket upgrades.
 * @example const dl = directLineChannel(config.directlineSecret, { tokenSecret, stores, runner, bus, limits, revocations, bodyLimit, corsOrigins })
 */
export function directLineChannel(
  secret: string | undefined,
  deps: Omit<DirectLineDeps, 'secret' | 'tokens' | 'tickets'> & {
    tokenSecret: Buffer;
    corsOrigins: readonly string[];
    tickMs?: number;
  },
): Channel {
  const mounted = (routes: Router) => Router().use('/v3/directline', cors(deps.corsOrigins), routes);
  if (!secret) {
    const off = Router();
    off.use((_req, _res, next) =>
      next(AppError.api(404, 'not-found', 'Direct Line is off on this server: set DIRECTLINE_SECRET')),
    );
    return { name: 'directline', router: mounted(off) };
  }
  // A key of their own: a Direct Line token opens nothing in the customer API, nor the reverse.
  const key = (use: string) =>
    createHmac('sha256', deps.tokenSecret).update(`anxin/directline-${use}`).digest();
  const tokens = new ConversationTokens(key('tokens'), TOKEN_SECONDS * 1000);
  const tickets = new ConversationTokens(key('stream-tickets'), 60_000);
  const stream = directLineStream({
    tickets,
    revocations: deps.revocations,
    conversations: deps.stores.conversations,
    transcripts: deps.stores.transcripts,
    bus: deps.bus,
    ...(deps.tickMs ? { tickMs: deps.tickMs } : {}),
  });
  return {
    name: 'directline',
    router: mounted(directLineRouter({ ...deps, secret, tokens, tickets })),
    upgrade: stream.upgrade,
    close: stream.close,
  };
}
