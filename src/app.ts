import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { AgentAuth } from './agents/agentAuth.js';
import { type AppOptions, appChannels } from './appChannels.js';
import { channelClients } from './channelClients.js';
import { BotFrameworkConversations } from './channels/botframework/botFrameworkConversations.js';
import { wechatPush } from './channels/wechat/wechatChannel.js';
import type { Config } from './config.js';
import { TurnRunner } from './conversation/turnRunner.js';
import type { EventBus } from './coordination/eventBus.js';
import { agentApi } from './handoff/agentApi.js';
import { cannedAnswers } from './handoff/cannedAnswers.js';
import { HandoffRelay } from './handoff/handoffRelay.js';
import { hubStatusRouter } from './handoff/hubStatus.js';
import { HandoffWebhook } from './handoff/webhook.js';
import { accessLog } from './http/accessLog.js';
import { apiErrorHandler } from './http/errorHandler.js';
import { healthRouter } from './http/health.js';
import { securityHeaders } from './http/security.js';
import type { KnowledgeIndex } from './knowledge/knowledgeIndex.js';
import { normalize } from './knowledge/normalize.js';
import type { Logger } from './logger.js';
import { openRuntime } from './runtime.js';
import type { Stores } from './storage/stores.js';

export type { AppOptions } from './appChannels.js';

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

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));

/**
 * The composition root: the only place that builds infrastructure and wires it together.
 * @example const app = await createApp(loadConfig(process.env), logger)
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const runtime = await openRuntime(config, logger);
  const { stores, bus, locks, metrics, revocations } = runtime;
  const { knowledge, bot, services, screen, inProcess } = await runtime.turns();
  const clients = channelClients(config);
  const own = {
    web: inProcess('web'),
    app: inProcess('app'),
    wechat: inProcess('wechat'),
    directline: inProcess('directline'),
  };
  const webhook = config.handoffWebhook
    ? new HandoffWebhook(config.handoffWebhook.url, config.handoffWebhook.secret, logger)
    : undefined;
  const botFrameworkConversations = new BotFrameworkConversations(
    clients.botFramework,
    config.microsoft.appId ?? '',
    stores.storage,
    bot,
  );
  const relay = new HandoffRelay({
    queue: stores.handoffs,
    transcripts: stores.transcripts,
    bus,
    channels: own,
    screen: (text) => screen.screen(text),
    webhook,
    // WeChat has no stream: agents' and system messages go out through its customer-service API.
    push: { wechat: wechatPush(clients.wechat) },
    locks,
    logger,
    others: botFrameworkConversations,
    accounts: stores.agents,
  });
  const runner = new TurnRunner(
    own,
    stores.transcripts,
    bus,
    locks,
    (outcome, ms) => metrics.turn(outcome.intent, ms / 1000, outcome.handoffEvent !== undefined),
    relay,
  );
  const channels = appChannels({
    config,
    options,
    runtime,
    knowledge,
    bot,
    runner,
    relay,
    clients,
    botFrameworkConversations,
  });

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
      loginLimiter: runtime.limiter('login', 20, 60_000),
      revocations,
      canned: cannedAnswers(knowledge, services.composer),
      redFlags: (text) => services.flags.find(normalize(text)),
    }),
  );
  for (const channel of channels) app.use(channel.router);
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '1h' }));
  app.use(apiErrorHandler(logger));

  let closed = false;
  return {
    express: app,
    knowledge,
    stores,
    bus,
    upgrade: (req, socket, head) => channels.some((c) => c.upgrade?.(req, socket, head) ?? false),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const channel of channels) channel.close?.();
      await locks.drain();
      await runtime.close();
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
