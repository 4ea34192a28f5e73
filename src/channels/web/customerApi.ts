import { randomUUID } from 'node:crypto';
import express, { type Response, Router } from 'express';
import { maskPii } from '../../bot/pii.js';
import { repliesFor } from '../../bot/replies/repliesFor.js';
import type { ConversationRecord } from '../../conversation/conversationRecord.js';
import type { ConversationTokens } from '../../conversation/conversationTokens.js';
import { TurnRunner } from '../../conversation/turnRunner.js';
import type { EventBus } from '../../coordination/eventBus.js';
import type { Limiter } from '../../coordination/rateLimiter.js';
import type { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { AppError } from '../../errors.js';
import { conversationOf, requireToken } from '../../http/requireToken.js';
import { limited, parseBody as parse, wrap } from '../../http/routeHelpers.js';
import type { Stores } from '../../storage/stores.js';
import { createConversationBody, feedbackBody, handoffBody, postMessageBody } from './apiSchemas.js';
import { eventsHandler } from './sse.js';

export type CustomerApiDeps = {
  stores: Stores;
  tokens: ConversationTokens;
  bus: EventBus;
  runner: TurnRunner;
  limits: { perIp: Limiter; perConversation: Limiter };
  revocations: TokenRevocations;
  /** Open SSE responses, ended on shutdown. */
  streams: Set<Response>;
  /** Largest JSON body accepted. */
  bodyLimit: string;
};

/** The customer HTTP API of CONTRACT §2 (web widget and mobile in-app chat), under `/api/v1`. */
export function customerApi(deps: CustomerApiDeps): Router {
  const { stores, tokens, runner, limits, revocations } = deps;
  const router = Router();
  const auth = requireToken(tokens, stores.conversations, revocations);
  router.use(
    express.json({ limit: deps.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }),
  );

  router.post(
    '/conversations',
    wrap(async (req, res) => {
      await limited(limits.perIp, `ip:${req.ip}`);
      const body = parse(createConversationBody, req.body);
      const id = randomUUID();
      const { token, expiresAt } = tokens.issue(id);
      const record: ConversationRecord = {
        id,
        channel: body.channel ?? 'web',
        locale: body.locale ?? 'zh-CN',
        createdAt: new Date().toISOString(),
        expiresAt: expiresAt.toISOString(),
      };
      await stores.conversations.create(record);
      const messages = await runner.welcome(record);
      res.status(201).json({
        conversationId: id,
        token,
        expiresAt: record.expiresAt,
        messages: TurnRunner.view(messages),
      });
    }),
  );

  router.post(
    '/conversations/:id/messages',
    auth,
    wrap(async (req, res) => {
      const conversation = conversationOf(res);
      await limited(limits.perIp, `ip:${req.ip}`);
      await limited(limits.perConversation, `c:${conversation.id}`);
      const body = parse(postMessageBody, req.body);
      const replies = await runner.say(conversation, body.text, body.clientMessageId);
      // The widget shows the customer's message as stored, masked, as soon as the server answers.
      res.json({ messages: TurnRunner.view(replies), customerText: maskPii(body.text).text });
    }),
  );

  router.get(
    '/conversations/:id/messages',
    auth,
    wrap(async (_req, res) => {
      res.json({ messages: TurnRunner.view(await stores.transcripts.list(conversationOf(res).id)) });
    }),
  );

  router.get(
    '/conversations/:id/events',
    requireToken(tokens, stores.conversations, revocations, true),
    wrap(eventsHandler(stores.transcripts, deps.bus, deps.streams, revocations)),
  );

  router.post(
    '/conversations/:id/handoff',
    auth,
    wrap(async (req, res) => {
      const conversation = conversationOf(res);
      await limited(limits.perConversation, `c:${conversation.id}`);
      parse(handoffBody, req.body);
      // The same path as a customer typing it: the bot records the request and says what happens next.
      const replies = await runner.say(conversation, repliesFor(conversation.locale).talkToPerson.value);
      const handoff = replies.find((m) => m.handoff)?.handoff ??
        (await runner.handoffView(conversation)) ?? { state: 'queued' as const };
      res.status(202).json({ handoff });
    }),
  );

  router.post(
    '/conversations/:id/feedback',
    auth,
    wrap(async (req, res) => {
      const conversation = conversationOf(res);
      const body = parse(feedbackBody, req.body);
      const messages = await stores.transcripts.list(conversation.id);
      if (!messages.some((m) => m.id === body.messageId && m.role === 'bot'))
        throw AppError.api(404, 'not-found', 'no bot message with this id in the conversation', 'messageId');
      await stores.feedback.add({
        conversationId: conversation.id,
        ...body,
        // A comment is free text: personal data in it is masked like everything stored.
        ...(body.comment ? { comment: maskPii(body.comment).text } : {}),
        createdAt: new Date().toISOString(),
      });
      res.status(204).end();
    }),
  );

  router.use((req, _res, next) =>
    next(AppError.api(404, 'not-found', `no such endpoint: ${req.method} ${req.path}`)),
  );
  return router;
}
