import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Response } from 'express';
import { AgentAuth } from './agents/agentAuth.js';
import { openBackend } from './backend.js';
import { createBot } from './bot/createBot.js';
import { botFramework } from './channels/botframework/botframework.js';
import { directLineChannel } from './channels/directline/directLineChannel.js';
import { customerApi } from './channels/web/customerApi.js';
import { openApiDocument } from './channels/web/openapi.js';
import { SIGNATURE_MEMORY_MS } from './channels/wechat/plaintextReplay.js';
import { wechatOutbox, wechatRouters } from './channels/wechat/wechatChannel.js';
import type { Config } from './config.js';
import { ConversationTokens, tokenSecret } from './conversation/conversationTokens.js';
import { InProcessChannel } from './conversation/inProcess.js';
import { TurnRunner } from './conversation/turnRunner.js';
import type { EventBus } from './coordination/eventBus.js';
import { TokenRevocations } from './coordination/tokenRevocations.js';
import { agentApi } from './handoff/agentApi.js';
import { cannedAnswers } from './handoff/cannedAnswers.js';
import { HandoffRelay } from './handoff/handoffRelay.js';
import { hubStatusRouter } from './handoff/hubStatus.js';
import { HandoffWebhook } from './handoff/webhook.js';
import { accessLog } from './http/accessLog.js';
import { apiErrorHandler } from './http/errorHandler.js';
import { healthRouter } from './http/health.js';
import { Metrics } from './http/metrics.js';
import { cors, securityHeaders } from './http/security.js';
import type { KnowledgeIndex } from './knowledge/knowledgeIndex.js';
import { normalize } from './knowledge/normalize.js';
import { openKnowledge } from './knowledge/openKnowledge.js';
import type { Logger } from './logger.js';
import type { Stores } from './storage/stores.js';

/** The running application: the express app and what must be closed on shutdown. */
export type App = {
  express: Express;
  knowledge: KnowledgeIndex;
  stores: Stores;
  /** Conversation events (SSE): agent messages and handoff state are published here. */
  bus: EventBus;
  /** WebSocket upgrades (Direct Line streams); false when the path has none. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Waits for turns in flight, ends event streams, closes the stores. */
  close(): Promise<void>;
};

/** Limits a deployment may tighten; tests loosen or tighten them to exercise 429. */
export type AppOptions = {
  messagesPerMinute?: { perIp: number; perConversation: number };
  tokenTtlMs?: number;
  bodyLimit?: string;
  /** How long a WeChat turn may run before its reply goes through the customer-service API. */
  wechatWindowMs?: number;
  /** How often a Direct Line stream sends keep-alive, re-reads and checks revocation. */
  directLineTickMs?: number;
};

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));

/**
 * The composition root: the only place that builds infrastructure and wires it together.
 * @example const app = await createApp(loadConfig(process.env), logger)
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const knowledge = await openKnowledge(config);
  logger.info(
    {
      articles: knowledge.content.articles.length,
      chunks: knowledge.info.chunks,
      index: knowledge.info.source,
    },
    'knowledge base ready',
  );
  const backend = await openBackend(config, logger);
  const { stores, bus, locks } = backend;
  logger.info({ store: backend.kind }, 'stores open');
  const metrics = new Metrics();
  const { bot, services, screen } = await createBot(knowledge, config.bank, stores, logger, {
    onGuardrailReplaced: () => metrics.guardrailReplaced(),
    officeHours: config.officeHours,
  });
  const channels = {
    web: new InProcessChannel(bot, 'web'),
    app: new InProcessChannel(bot, 'app'),
    wechat: new InProcessChannel(bot, 'wechat'),
    directline: new InProcessChannel(bot, 'directline'),
  };
  const webhook = config.handoffWebhook
    ? new HandoffWebhook(config.handoffWebhook.url, config.handoffWebhook.secret, logger)
    : undefined;
  // WeChat has no stream: agents' and system messages go out through its customer-service API.
  const wechat = wechatOutbox(config.wechat);
  const botFrameworkChannels = botFramework(bot, config, logger, stores.storage);
  const relay = new HandoffRelay({
    queue: stores.handoffs,
    transcripts: stores.transcripts,
    bus,
    channels,
    screen: (text) => screen.screen(text),
    webhook,
    push: { wechat: wechat.push },
    locks,
    logger,
    others: botFrameworkChannels.conversations,
    accounts: stores.agents,
  });
  const runner = new TurnRunner(
    channels,
    stores.transcripts,
    bus,
    locks,
    (outcome, ms) => metrics.turn(outcome.intent, ms / 1000, outcome.handoffEvent !== undefined),
    relay,
  );
  const perMinute = options.messagesPerMinute ?? { perIp: 120, perConversation: 30 };
  const streams = new Set<Response>();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(metrics.errorCounter());
  app.use(accessLog(logger));
  app.use(securityHeaders());
  app.use(
    healthRouter([
      { name: 'knowledge', ready: () => knowledge.info.chunks > 0 },
      { name: 'store', ready: () => stores.ping() },
    ]),
  );
  app.get('/metrics', metrics.handler());
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  // Before the customer API, whose router answers 404 for anything else under /api/v1.
  if (config.handoffWebhook) app.use(hubStatusRouter(config.handoffWebhook.secret, relay));
  app.use(
    '/api/v1/agent',
    agentApi({
      auth: new AgentAuth(stores.agents, stores.agentSessions),
      queue: stores.handoffs,
      transcripts: stores.transcripts,
      relay,
      bus,
      loginLimiter: backend.limiter('login', 20, 60_000),
      revocations: new TokenRevocations(stores.storage),
      canned: cannedAnswers(knowledge, services.composer),
      redFlags: (text) => services.flags.find(normalize(text)),
    }),
  );
  const secret = tokenSecret(config.dataDir, config.tokenSecret);
  const limits = {
    perIp: backend.limiter('ip', perMinute.perIp, 60_000),
    perConversation: backend.limiter('conversation', perMinute.perConversation, 60_000),
  };
  const bodyLimit = options.bodyLimit ?? '16kb';
  app.use(
    '/api/v1',
    cors(config.corsOrigins),
    customerApi({
      stores,
      tokens: new ConversationTokens(secret, options.tokenTtlMs ?? 86_400_000),
      bus,
      runner,
      streams,
      limits,
      bodyLimit,
    }),
  );
  const directLine = directLineChannel(config.directlineSecret, {
    tokenSecret: secret,
    stores,
    runner,
    bus,
    limits,
    bodyLimit,
    ...(options.directLineTickMs ? { tickMs: options.directLineTickMs } : {}),
  });
  app.use('/v3/directline', cors(config.corsOrigins), directLine.router);
  const wechatOptions = options.wechatWindowMs !== undefined ? { windowMs: options.wechatWindowMs } : {};
  for (const router of wechatRouters(config.wechat, {
    runner,
    stores,
    relay,
    services: wechat.services,
    knowledge,
    logger,
    seen: backend.limiter('wechat-signature', 1, SIGNATURE_MEMORY_MS),
    ...wechatOptions,
  }))
    app.use(router);
  app.use(botFrameworkChannels.router(runner, locks, stores.conversations));
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '1h' }));
  app.use(apiErrorHandler(logger));

  let closed = false;
  return {
    express: app,
    knowledge,
    stores,
    bus,
    upgrade: directLine.upgrade,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const res of streams) res.end();
      directLine.close();
      await locks.drain();
      await backend.close();
    },
  };
}

/** Listen, resolving with the server once it is bound (port 0 picks a free port). */
export function listen(app: App, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.express.listen(port, host ?? '127.0.0.1', () => resolve(server));
    server.on('upgrade', (req, socket, head) => {
      if (!app.upgrade(req, socket, head)) socket.destroy();
    });
    server.once('error', reject);
  });
}
