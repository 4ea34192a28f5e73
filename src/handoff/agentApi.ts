import express, { type Request, Router } from 'express';
import { z } from 'zod';
import type { AgentAuth } from '../agents/agentAuth.js';
import type { AgentSession } from '../agents/ports.js';
import {
  agentOf,
  COOKIE,
  clearSessionCookie,
  cookieValue,
  requireAgent,
  setSessionCookie,
} from '../agents/sessionCookie.js';
import { maskPii } from '../bot/pii.js';
import { toApiMessage } from '../conversation/messageView.js';
import type { TranscriptStore } from '../conversation/transcript.js';
import type { EventBus } from '../coordination/eventBus.js';
import type { Limiter } from '../coordination/rateLimiter.js';
import type { TokenRevocations } from '../coordination/tokenRevocations.js';
import { AppError } from '../errors.js';
import { parseBody as parse, wrap } from '../http/routeHelpers.js';
import type { Locale } from '../knowledge/locale.js';
import type { CannedAnswer } from './cannedAnswers.js';
import { caseCard, caseRedFlags, type FindRedFlags } from './caseCard.js';
import { parseCaseKey } from './caseKey.js';
import type { HandoffQueue, QueueEntry } from './handoffQueue.js';
import { AGENTS_TOPIC, type HandoffRelay } from './handoffRelay.js';

export type AgentApiDeps = {
  auth: AgentAuth;
  queue: HandoffQueue;
  transcripts: TranscriptStore;
  relay: HandoffRelay;
  bus: EventBus;
  loginLimiter: Limiter;
  revocations: TokenRevocations;
  /** Knowledge-base replies for a case's topics. */
  canned: (topics: readonly string[], locale: Locale) => CannedAnswer[];
  /** The bot's red-flag finder, for what the customer wrote. */
  redFlags: FindRedFlags;
};

const login = z
  .object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) })
  .strict();
const text = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
const release = z.object({ outcome: z.string().trim().min(1).max(500) }).strict();

/** Agents read waiting cases and the ones they hold or held; admins read all. Only the owner writes. */
function mayRead(agent: AgentSession, e: QueueEntry): boolean {
  if (agent.role === 'admin' || e.agent === agent.username) return true;
  return e.state === 'queued' || e.state === 'offline';
}

/**
 * The agent API of CONTRACT §3, under `/api/v1/agent`: login (session cookie + CSRF token), the
 * queue, claim, the case with its masked transcript, replies, release, and live events.
 */
export function agentApi(deps: AgentApiDeps): Router {
  const { auth, queue, relay } = deps;
  const router = Router();
  /** A case's card, its red flags read from the transcript as it is now. */
  const summary = async (e: QueueEntry, position?: number) =>
    caseCard(e, caseRedFlags(e, await deps.transcripts.list(e.conversationId), deps.redFlags), position);
  router.use(express.json({ limit: '16kb' }));

  router.post(
    '/login',
    wrap(async (req, res) => {
      const limited = await deps.loginLimiter.take(`login:${req.ip}`);
      if (!limited.ok)
        throw AppError.api(
          429,
          'rate-limited',
          'too many login attempts; please wait',
          undefined,
          limited.retryAfterS,
        );
      const body = parse(login, req.body);
      const r = await auth.login(body.username, body.password);
      if (!r.ok && r.reason === 'disabled')
        throw AppError.api(403, 'account-disabled', 'this account is disabled; ask an administrator');
      if (!r.ok && r.reason === 'locked')
        throw AppError.api(
          429,
          'account-locked',
          'too many failed logins; the account is locked for a while',
          undefined,
          r.retryAfterS,
        );
      if (!r.ok) throw AppError.api(401, 'invalid-credentials', 'wrong user name or password');
      setSessionCookie(req, res, r.session);
      res.json({
        csrfToken: r.session.csrfToken,
        agent: { username: r.session.username, role: r.session.role },
      });
    }),
  );

  router.use(requireAgent(auth));

  /** The session behind the cookie: lets a reloaded console get its CSRF token back. */
  router.get(
    '/session',
    wrap(async (_req, res) => {
      const a = agentOf(res);
      res.json({ csrfToken: a.csrfToken, agent: { username: a.username, role: a.role } });
    }),
  );

  router.post(
    '/logout',
    wrap(async (req, res) => {
      const id = cookieValue(req, COOKIE);
      if (id) await auth.logout(id);
      clearSessionCookie(res);
      res.status(204).end();
    }),
  );

  router.get(
    '/queue',
    wrap(async (_req, res) => {
      const agent = agentOf(res);
      const waiting = await queue.waiting();
      const held =
        agent.role === 'admin' ? await queue.list(['accepted']) : await queue.claimedBy(agent.username);
      const callbacks = await queue.list(['offline']);
      res.json({
        waiting: await Promise.all(waiting.map((e, i) => summary(e, i + 1))),
        claimed: await Promise.all(held.map((e) => summary(e))),
        callbacks: await Promise.all(callbacks.map((e) => summary(e))),
      });
    }),
  );

  const entryOf = async (req: Request): Promise<QueueEntry> => {
    const key = parseCaseKey(String(req.params.id));
    const e = key && (await queue.entry(key.channel, key.conversationId));
    if (!e) throw AppError.api(404, 'not-found', 'no such case');
    return e;
  };
  const owned = (agent: AgentSession, e: QueueEntry) => {
    if (e.state !== 'accepted' || e.agent !== agent.username)
      throw AppError.api(403, 'forbidden', 'only the agent who claimed this conversation may do that');
  };

  router.post(
    '/conversations/:id/claim',
    wrap(async (req, res) => {
      const e = await entryOf(req);
      const claimed = await relay.claim(e.channel, e.conversationId, agentOf(res).username);
      res.json({ conversation: await summary(claimed) });
    }),
  );

  router.get(
    '/conversations/:id',
    wrap(async (req, res) => {
      const e = await entryOf(req);
      if (!mayRead(agentOf(res), e))
        throw AppError.api(403, 'forbidden', 'another agent holds this conversation');
      const stored = await deps.transcripts.list(e.conversationId);
      const position = e.state === 'queued' ? await queue.position(e.channel, e.conversationId) : undefined;
      res.json({
        summary: caseCard(e, caseRedFlags(e, stored, deps.redFlags), position),
        // The number a customer left for a call back is shown only to the agent who holds the case.
        ...(e.callback && e.agent === agentOf(res).username ? { callback: e.callback } : {}),
        transcript: stored.length ? stored.map(toApiMessage) : e.transcript,
      });
    }),
  );

  router.get(
    '/conversations/:id/canned',
    wrap(async (req, res) => {
      const e = await entryOf(req);
      if (!mayRead(agentOf(res), e))
        throw AppError.api(403, 'forbidden', 'another agent holds this conversation');
      const locale: Locale = e.locale === 'en' ? 'en' : 'zh-CN';
      res.json({ answers: deps.canned(e.topics, locale) });
    }),
  );

  router.post(
    '/conversations/:id/messages',
    wrap(async (req, res) => {
      const e = await entryOf(req);
      owned(agentOf(res), e);
      const body = parse(text, req.body);
      res.status(201).json({ message: toApiMessage(await relay.agentMessage(e, body.text)) });
    }),
  );

  /** Admins only: every token of the conversation stops working (a leaked link, a stolen phone). */
  router.post(
    '/conversations/:id/revoke-tokens',
    wrap(async (req, res) => {
      if (agentOf(res).role !== 'admin')
        throw AppError.api(403, 'forbidden', 'only an admin may revoke tokens');
      const e = await entryOf(req);
      await deps.revocations.revoke(e.conversationId);
      // Open streams end now; if the bus is down, they find out at their next heartbeat.
      await deps.bus.publish(e.conversationId, { type: 'revoked', data: {} }).catch(() => undefined);
      res.status(204).end();
    }),
  );

  router.post(
    '/conversations/:id/release',
    wrap(async (req, res) => {
      const e = await entryOf(req);
      owned(agentOf(res), e);
      const body = parse(release, req.body);
      const released = await relay.release(
        e.channel,
        e.conversationId,
        agentOf(res).username,
        maskPii(body.outcome).text,
      );
      res.json({ conversation: await summary(released) });
    }),
  );

  router.get(
    '/events',
    wrap(async (req, res) => {
      const agent = agentOf(res);
      const sessionId = cookieValue(req, COOKIE);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      // A session that ended (logout, expiry) ends its stream: the console's reconnect then gets 401.
      let ended = false;
      // Only a session that is gone ends the stream; a store that fails for a moment does not.
      const live = async () => {
        const session = await auth.session(sessionId).then(
          (s) => s ?? 'gone',
          () => 'unknown',
        );
        if (session === 'gone') end();
        return !ended;
      };
      const write = (text: string) => {
        if (!ended) res.write(text);
      };
      const off = deps.bus.subscribe(AGENTS_TOPIC, (event) => {
        void (async () => {
          if (!(await live())) return;
          if (event.type === 'message') {
            const { id } = event.data as { id: string };
            const key = parseCaseKey(id);
            const e = key && (await queue.entry(key.channel, key.conversationId));
            if (!e || !mayRead(agent, e) || e.state !== 'accepted') return;
          }
          write(
            `event: ${event.type === 'handoff' ? 'queue' : event.type}\ndata: ${JSON.stringify(event.data)}\n\n`,
          );
        })().catch(() => undefined); // a case that cannot be read now is not sent
      });
      const heartbeat = setInterval(async () => {
        if (await live()) write(': keep-alive\n\n');
      }, 25_000);
      function end() {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        off();
        res.end();
      }
      req.on('close', end);
    }),
  );

  router.use((req, _res, next) =>
    next(AppError.api(404, 'not-found', `no such endpoint: ${req.method} ${req.path}`)),
  );
  return router;
}
