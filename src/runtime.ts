import { type Backend, type BackendChoice, openBackend } from './backend.js';
import type { AnxinBot } from './bot/anxinBot.js';
import type { PersonScreen } from './bot/personScreen.js';
import type { Services } from './bot/services.js';
import type { Config } from './config.js';
import type { InProcessChannel } from './conversation/inProcess.js';
import { Metrics } from './http/metrics.js';
import type { KnowledgeIndex } from './knowledge/knowledgeIndex.js';
import type { Logger } from './logger.js';

/** The knowledge base and the bot on it, with what runs the bot in this process. */
type Turns = {
  knowledge: KnowledgeIndex;
  bot: AnxinBot;
  services: Services;
  /** The outgoing step for agents' words (personal data and contacts outside the directory masked). */
  screen: PersonScreen;
  /** The bot in process for one channel id (`web`, `app`, `cli`, …), built once per id. */
  inProcess(channelId: string): InProcessChannel;
};

/**
 * Everything a server or a CLI run is built on, from `Config`, each piece once: the stores, bus,
 * lock, limiters and token revocations of the configured backend, the metrics, and (on first use:
 * the account CLI never needs them) the knowledge base and the bot.
 */
export type Runtime = Backend & {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** The checked content and its index, loaded (or built) on first use. */
  knowledge(): Promise<KnowledgeIndex>;
  turns(): Promise<Turns>;
};

/** Which store (see `BackendChoice`), and a knowledge base already loaded (the evaluation's). */
export type RuntimeOptions = BackendChoice & { knowledge?: KnowledgeIndex };

/**
 * The one runtime the server (`createApp`) and the CLIs (`agent`, `ask`, `eval`) open, so they use
 * the backend the configuration names.
 * @example const runtime = await openRuntime(loadConfig(process.env), logger); … await runtime.close()
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const backend = await openBackend(config, logger, options);
  logger.info({ store: backend.kind }, 'stores open');
  const metrics = new Metrics();
  let knowledge: Promise<KnowledgeIndex> | undefined;
  let turns: Promise<Turns> | undefined;
  // The knowledge base and the bot are imported when first used: the account CLI starts without them.
  const load = async (): Promise<KnowledgeIndex> => {
    const { openKnowledge } = await import('./knowledge/openKnowledge.js');
    const loaded = options.knowledge ?? (await openKnowledge(config));
    logger.info(
      { articles: loaded.content.articles.length, chunks: loaded.info.chunks, index: loaded.info.source },
      'knowledge base ready',
    );
    return loaded;
  };
  const knowledgeOnce = () => {
    knowledge ??= load();
    return knowledge;
  };
  const build = async (): Promise<Turns> => {
    const knowledge = await knowledgeOnce();
    const [{ createBot }, { InProcessChannel }] = await Promise.all([
      import('./bot/createBot.js'),
      import('./conversation/inProcess.js'),
    ]);
    const built = await createBot(knowledge, config.bank, backend.stores, logger, {
      onGuardrailReplaced: () => metrics.guardrailReplaced(),
      officeHours: config.officeHours,
    });
    const channels = new Map<string, InProcessChannel>();
    const inProcess = (id: string) => {
      const channel = channels.get(id) ?? new InProcessChannel(built.bot, id);
      channels.set(id, channel);
      return channel;
    };
    return { knowledge, ...built, inProcess };
  };
  return {
    ...backend,
    config,
    logger,
    metrics,
    knowledge: knowledgeOnce,
    turns: () => {
      turns ??= build();
      return turns;
    },
  };
}
