import type { AnxinBot } from './bot/anxinBot.js';
import type { ChannelClients } from './channelClients.js';
import type { BotFrameworkConversations } from './channels/botframework/botFrameworkConversations.js';
import { botFrameworkChannel } from './channels/botframework/botframework.js';
import type { Channel } from './channels/channel.js';
import { directLineChannel } from './channels/directline/directLineChannel.js';
import { webChannel } from './channels/web/webChannel.js';
import { SIGNATURE_MEMORY_MS } from './channels/wechat/plaintextReplay.js';
import { wechatChannel } from './channels/wechat/wechatChannel.js';
import type { Config } from './config.js';
import { ConversationTokens, tokenSecret } from './conversation/conversationTokens.js';
import type { TurnRunner } from './conversation/turnRunner.js';
import type { HandoffRelay } from './handoff/handoffRelay.js';
import type { KnowledgeIndex } from './knowledge/knowledgeIndex.js';
import type { Runtime } from './runtime.js';

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

/** What the channels are built from: the runtime and what the composition root wired on it. */
export type ChannelWiring = {
  config: Config;
  options: AppOptions;
  runtime: Runtime;
  knowledge: KnowledgeIndex;
  bot: AnxinBot;
  runner: TurnRunner;
  relay: HandoffRelay;
  clients: ChannelClients;
  botFrameworkConversations: BotFrameworkConversations;
};

/**
 * Every channel, the same way: built from the runtime, in the order the app mounts them (web and
 * app API, Direct Line, WeChat, Bot Framework); the app closes them on shutdown.
 * @example for (const channel of appChannels(wiring)) app.use(channel.router)
 */
export function appChannels(w: ChannelWiring): Channel[] {
  const { config, options, runtime, runner, relay, bot, knowledge, clients } = w;
  const { stores, bus, locks, revocations, logger } = runtime;
  const perMinute = options.messagesPerMinute ?? { perIp: 120, perConversation: 30 };
  const secret = tokenSecret(config.dataDir, config.tokenSecret);
  const limits = {
    perIp: runtime.limiter('ip', perMinute.perIp, 60_000),
    perConversation: runtime.limiter('conversation', perMinute.perConversation, 60_000),
  };
  const bodyLimit = options.bodyLimit ?? '16kb';
  const corsOrigins = config.corsOrigins;
  return [
    webChannel({
      stores,
      tokens: new ConversationTokens(secret, options.tokenTtlMs ?? 86_400_000),
      bus,
      runner,
      limits,
      revocations,
      bodyLimit,
      corsOrigins,
    }),
    directLineChannel(config.directlineSecret, {
      tokenSecret: secret,
      publicUrl: config.publicUrl,
      stores,
      runner,
      bus,
      limits,
      revocations,
      bodyLimit,
      corsOrigins,
      ...(options.directLineTickMs ? { tickMs: options.directLineTickMs } : {}),
    }),
    wechatChannel(config.wechat, {
      runner,
      stores,
      relay,
      services: clients.wechat,
      knowledge,
      logger,
      seen: runtime.bindings('wechat-signature', SIGNATURE_MEMORY_MS),
      ...(options.wechatWindowMs !== undefined ? { windowMs: options.wechatWindowMs } : {}),
    }),
    botFrameworkChannel({
      adapter: clients.botFramework,
      anonymous: !config.microsoft.appId,
      bot,
      runner,
      locks,
      conversations: w.botFrameworkConversations,
      own: stores.conversations,
      logger,
    }),
  ];
}
