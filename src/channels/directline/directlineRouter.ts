import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { ConversationTokens } from '../../conversation/conversationTokens.js';
import type { StoredMessage } from '../../conversation/transcript.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { EventBus } from '../../coordination/eventBus.js';
import type { Limiter } from '../../coordination/rateLimiter.js';
import type { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { AppError } from '../../errors.js';
import { publicOrigin } from '../../http/publicOrigin.js';
import { bearerOf, conversationOf } from '../../http/requireToken.js';
import { limited, parseBody, wrap } from '../../http/routeHelpers.js';
import type { Stores } from '../../storage/stores.js';
import { activitySet, echoOf, parseWatermark } from './activities.js';
import { isSecret, requireConversation } from './directlineAuth.js';
import { localeOf, postedActivity, startBody } from './directlineSchemas.js';
import { announce, beginConversation, TOKEN_SECONDS } from './directlineStart.js';

/** What the Direct Line routes use; the app wires them in `directLineChannel`. */
export type DirectLineDeps = {
  secret: string;
  /** Direct Line tokens: conversation tokens that live 30 minutes and are refreshed. */
  tokens: ConversationTokens;
  /** Stream tickets: good for opening one conversation's stream within a minute, and nothing else. */
  tickets: ConversationTokens;
  stores: Stores;
  runner: TurnRunner;
  bus: EventBus;
  limits: { perIp: Limiter; perConversation: Limiter };
  revocations: TokenRevocations;
  bodyLimit: string;
  /** The origin of the stream URLs handed out (PUBLIC_URL); unset, the server's own address. */
  publicUrl: string | undefined;
};

/** The request's `?watermark=`, or a 400 naming it. */
function watermarkOf(req: Request): number {
  const watermark = parseWatermark(req.query.watermark);
  if (watermark === undefined)
    throw AppError.api(400, 'invalid-request', 'watermark: must be one this service gave', 'watermark');
  return watermark;
}

/**
 * Where the conversation's WebSocket stream is, pre-authorised by a ticket that lives a minute (a
 * URL ends up in proxies' logs; a token there would open the conversation for half an hour). The
 * origin is PUBLIC_URL's or the server's own, never a request header's (see publicOrigin.ts).
 */
function streamUrl(origin: string, conversationId: string, ticket: string, watermark = 0): string {
  const query = `t=${encodeURIComponent(ticket)}${watermark ? `&watermark=${watermark}` : ''}`;
  return `${origin.replace(/^http/, 'ws')}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}

/**
 * The Direct Line 3.0 subset that Bot Framework Web Chat v4 (DirectLineJS) uses, under
 * `/v3/directline`: tokens, start and reconnect, send, poll with watermarks; the WebSocket stream
 * is `directlineStream.ts`. Conversations are ordinary Anxin conversations of channel `directline`.
 */
export function directLineRouter(deps: DirectLineDeps): Router {
  const { secret, tokens, stores, runner, revocations } = deps;
  const router = Router();
  const auth = requireConversation(secret, tokens, stores.conversations, revocations);
  router.use(express.json({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'] }));

  /** The conversation a token opens: a token that does not check out gets `status`, a revoked one 403. */
  const tokenConversation = async (bearer: string | undefined, status: number, message: string) => {
    const check = tokens.check(bearer);
    if (!check.ok) throw AppError.api(status, `token-${check.problem}`, message);
    if (await revocations.revoked(check.conversationId, check.issuedAt))
      throw AppError.api(403, 'token-revoked', 'the token was revoked');
    return check.conversationId;
  };

  const issue = (req: Request, conversationId: string, watermark = 0) => {
    const { token } = tokens.issue(conversationId);
    return {
      conversationId,
      token,
      expires_in: TOKEN_SECONDS,
      streamUrl: streamUrl(
        publicOrigin(deps.publicUrl, req),
        conversationId,
        deps.tickets.issue(conversationId).token,
        watermark,
      ),
    };
  };

  /** A new conversation for the bank's server; the welcome waits for the client's start. */
  router.post(
    '/tokens/generate',
    wrap(async (req, res) => {
      if (!isSecret(secret, bearerOf(req)))
        throw AppError.api(403, 'forbidden', 'tokens are generated with the Direct Line secret');
      parseBody(startBody, req.body);
      const { conversationId, token, expires_in } = issue(req, randomUUID());
      res.json({ conversationId, token, expires_in });
    }),
  );

  router.post(
    '/tokens/refresh',
    wrap(async (req, res) => {
      const id = await tokenConversation(bearerOf(req), 403, 'the token cannot be refreshed');
      const conversation = await stores.conversations.get(id);
      if (conversation && conversation.channel !== 'directline')
        throw AppError.api(404, 'not-found', 'no such conversation');
      const { conversationId, token, expires_in } = issue(req, id);
      res.json({ conversationId, token, expires_in });
    }),
  );

  /** Start: with the secret a new conversation, with a token its own; 201 when this call began it. */
  router.post(
    '/conversations',
    wrap(async (req, res) => {
      const body = parseBody(startBody, req.body);
      const bearer = bearerOf(req);
      let id: string;
      // The secret is the bank's own server, one address for all its customers: no per-IP limit.
      if (isSecret(secret, bearer)) id = randomUUID();
      else {
        await limited(deps.limits.perIp, `ip:${req.ip}`);
        id = await tokenConversation(bearer, bearer ? 403 : 401, 'a Direct Line token or secret is required');
      }
      const began = await beginConversation(deps, id, localeOf(body.locale));
      res.status(began ? 201 : 200).json(issue(req, id));
    }),
  );

  /** Reconnect: a fresh token, and a stream URL that resumes after the watermark. */
  router.get(
    '/conversations/:id',
    auth,
    wrap(async (req, res) => {
      res.json(issue(req, conversationOf(res).id, watermarkOf(req)));
    }),
  );

  router.post(
    '/conversations/:id/activities',
    auth,
    wrap(async (req, res) => {
      const conversation = conversationOf(res);
      await limited(deps.limits.perIp, `ip:${req.ip}`);
      await limited(deps.limits.perConversation, `c:${conversation.id}`);
      const activity = parseBody(postedActivity, req.body);
      const text = activity.text?.trim();
      const clientId = activity.channelData?.clientActivityID ?? randomUUID();
      // Typing, events and empty messages run no turn and are not stored; Web Chat gets its echo.
      if (activity.type !== 'message' || !text) {
        const echo = echoOf(conversation.id, activity.type, clientId);
        await deps.bus.publish(conversation.id, { type: 'echo', data: echo });
        res.json({ id: echo.id });
        return;
      }
      let replies: StoredMessage[] = [];
      let asked: StoredMessage | undefined;
      try {
        replies = await runner.say(conversation, text, clientId);
      } finally {
        // Even after a failed turn, the stored question reaches the streams.
        asked = await stores.transcripts.byClientMessageId(conversation.id, clientId);
        await announce(deps.bus, conversation.id, replies.at(-1) ?? asked);
      }
      res.json({ id: asked?.id ?? clientId });
    }),
  );

  router.get(
    '/conversations/:id/activities',
    auth,
    wrap(async (req, res) => {
      const watermark = watermarkOf(req);
      const conversation = conversationOf(res);
      res.json(activitySet(await stores.transcripts.list(conversation.id, watermark), watermark));
    }),
  );

  router.post('/conversations/:id/upload', auth, (_req: Request, _res: Response) => {
    throw AppError.api(415, 'unsupported', 'this assistant takes text only; attachments are not accepted');
  });

  router.use((req, _res, next) =>
    next(AppError.api(404, 'not-found', `no such Direct Line endpoint: ${req.method} ${req.path}`)),
  );
  return router;
}
