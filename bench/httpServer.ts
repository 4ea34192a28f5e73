// A server for bench/http.ts, in its own process so the load generator does not share its thread.
// `bare`: express GET /ping. `turn`: bare express POST /turn running the same bot turn in process,
// with none of the API's layers. `anxin`: the real app (tokens, limits, stores, transcripts).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp, listen } from '../src/app.js';
import { createBot } from '../src/bot/createBot.js';
import { loadConfig } from '../src/config.js';
import { InProcessChannel } from '../src/conversation/inProcess.js';
import { openKnowledge } from '../src/knowledge/openKnowledge.js';
import { createLogger } from '../src/logger.js';
import { openMemoryStores } from '../src/storage/memory/openMemoryStores.js';
import { tempDir } from '../test/helpers/tempContent.js';

const kind = process.argv[2];
const config = loadConfig({
  DATA_DIR: process.env.DATA_DIR ?? tempDir('anxin-bench-'),
  LOG_LEVEL: 'silent',
  // Two instances on one Redis share state and tokens (the two-instance run).
  ...(process.env.REDIS_URL
    ? { REDIS_URL: process.env.REDIS_URL, TOKEN_SECRET: process.env.TOKEN_SECRET ?? '' }
    : {}),
});
let port: number;
if (kind === 'anxin') {
  const app = await createApp(config, createLogger('silent'), {
    messagesPerMinute: { perIp: 1e9, perConversation: 1e9 },
  });
  port = ((await listen(app, 0)).address() as AddressInfo).port;
} else {
  const bare = express();
  bare.get('/ping', (_req, res) => {
    res.json({ ok: true });
  });
  if (kind === 'turn') {
    const knowledge = await openKnowledge(config);
    const { bot } = await createBot(knowledge, config.bank, openMemoryStores(), createLogger('silent'));
    const channel = new InProcessChannel(bot, 'bench');
    bare.post('/turn', express.json(), async (req, res) => {
      const body = req.body as { conversation?: string; text: string };
      const sent = await channel.say(body.conversation ?? randomUUID(), body.text);
      res.json({ messages: sent.messages.map((m) => ({ text: m.text })) });
    });
  }
  const server = bare.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
}
process.stdout.write(`${JSON.stringify({ port })}\n`);

// Exit normally on a signal, so a --cpu-prof run writes its profile.
for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => process.exit(0));
