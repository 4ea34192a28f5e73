import express, { type Express } from 'express';
import type { Config } from './config.js';
import { healthRouter } from './http/health.js';
import type { KnowledgeIndex } from './knowledge/knowledgeIndex.js';
import { openKnowledge } from './knowledge/openKnowledge.js';
import type { Logger } from './logger.js';

/** The running application: the express app and what must be closed on shutdown. */
export type App = { express: Express; knowledge: KnowledgeIndex; close(): Promise<void> };

/**
 * The composition root: the only place that builds infrastructure and wires it together.
 * @example const app = await createApp(loadConfig(process.env), logger)
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const knowledge = await openKnowledge(config);
  logger.info(
    {
      articles: knowledge.content.articles.length,
      chunks: knowledge.info.chunks,
      index: knowledge.info.source,
      millis: Math.round(knowledge.info.millis),
    },
    'knowledge base ready',
  );
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter([{ name: 'knowledge', ready: () => knowledge.info.chunks > 0 }]));
  app.get('/', (_req, res) => {
    res.type('text/plain; charset=utf-8').send('Anxin (安心) is running. See /healthz and /readyz.\n');
  });
  return { express: app, knowledge, close: async () => {} };
}
