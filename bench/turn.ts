// In-process turn latency and throughput of the whole bot pipeline (middleware, triage, retrieval,
// composition, guardrail, state on the embedded SQLite store), over every labelled eval turn, as the
// batch CLI and the HTTP channels run it. Prints p50/p99 and turns per second; writes
// reports/bench-turn.json. `--rounds N` repeats the set (default 5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createBot } from '../src/bot/createBot.js';
import { loadConfig } from '../src/config.js';
import { InProcessChannel } from '../src/conversation/inProcess.js';
import { loadEvalSets } from '../src/evaluation/evalSet.js';
import { conversationsOf } from '../src/evaluation/pipelineEval.js';
import { openKnowledge } from '../src/knowledge/openKnowledge.js';
import { createLogger } from '../src/logger.js';
import { openSqliteStores } from '../src/storage/sqlite/openSqliteStores.js';
import { percentile, rssMiB } from './stats.js';

const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Number(process.argv[at + 1]) : 5;
const config = loadConfig(process.env);
const knowledge = await openKnowledge(config);
const started = performance.now();
// Logs are produced (their cost is part of a turn) but not printed.
const sink = new Writable({ write: (_c, _e, done) => done() });
// The embedded default store, SQLite, in a folder of its own (removed at the end).
const dataDir = mkdtempSync(path.join(tmpdir(), 'anxin-bench-'));
const stores = openSqliteStores(dataDir);
const { bot } = await createBot(knowledge, config.bank, stores, createLogger('info', sink));
const buildMs = performance.now() - started;
const channel = new InProcessChannel(bot, 'bench');
const conversations = conversationsOf(loadEvalSets('test/fixtures/eval').cases);

async function round(tag: string, times?: number[]): Promise<void> {
  for (const [i, turns] of conversations.entries())
    for (const c of turns) {
      const t0 = performance.now();
      await channel.say(`${tag}-${i}`, c.text, c.locale);
      times?.push(performance.now() - t0);
    }
}

await round('warm');
const times: number[] = [];
const wall0 = performance.now();
for (let r = 0; r < rounds; r++) await round(`r${r}`, times);
const wallS = (performance.now() - wall0) / 1000;
const report = {
  at: new Date().toISOString(),
  node: process.version,
  turns: times.length,
  conversations: conversations.length * rounds,
  botBuildMs: Math.round(buildMs),
  p50Ms: Number(percentile(times, 50).toFixed(2)),
  p90Ms: Number(percentile(times, 90).toFixed(2)),
  p99Ms: Number(percentile(times, 99).toFixed(2)),
  maxMs: Number(Math.max(...times).toFixed(2)),
  turnsPerSecond: Math.round(times.length / wallS),
  rssMiB: rssMiB(),
};
console.log(
  `bot build (classifier training) ${report.botBuildMs} ms\n` +
    `${report.turns} turns in ${report.conversations} conversations, one process:\n` +
    `  p50 ${report.p50Ms} ms · p90 ${report.p90Ms} ms · p99 ${report.p99Ms} ms · max ${report.maxMs} ms\n` +
    `  ${report.turnsPerSecond} turns/s · RSS ${report.rssMiB} MiB`,
);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-turn.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('report: reports/bench-turn.json');
await stores.close();
rmSync(dataDir, { recursive: true, force: true });
