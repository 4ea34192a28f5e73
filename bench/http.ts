// HTTP throughput on 127.0.0.1 (autocannon), each server in its own process:
//   1. a bare express endpoint (GET /ping): the ceiling of express on this machine;
//   2. a bare express endpoint running the same bot turn (POST /turn): no tokens, limits or stores;
//   3. the customer message endpoint (POST /api/v1/conversations/{id}/messages), everything on.
// Prints requests/s and p99 of each and the ratios; writes reports/bench-http.json.
// `--seconds N` (default 10), `--connections N` (default 20).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { startRedis } from '../test/helpers/redisServer.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const seconds = arg('--seconds', 10);
const connections = arg('--connections', 20);
const QUESTIONS = [
  '停息挂账靠谱吗',
  '信用卡还不上了怎么办',
  '征信报告有错怎么改',
  'how do i complain to my bank',
  '催收半夜打电话怎么办',
];
const children: ChildProcess[] = [];

function serve(kind: 'bare' | 'turn' | 'anxin', env: Record<string, string> = {}): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', 'bench/httpServer.ts', kind],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', ...env },
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk) => resolve(`http://127.0.0.1:${JSON.parse(String(chunk)).port}`));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function run(title: string, options: autocannon.Options) {
  await autocannon({ connections, duration: 2, ...options }); // warm-up
  const r = await autocannon({ connections, duration: seconds, ...options });
  const figures = {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(
    `${title.padEnd(44)} ${String(figures.requestsPerSecond).padStart(6)} req/s · p50 ${figures.p50Ms} ms · p99 ${figures.p99Ms} ms · non-2xx ${figures.non2xx}`,
  );
  return figures;
}

const rotating = (make: (n: number) => { path: string; headers?: Record<string, string>; body: string }) => {
  let n = 0;
  return [{ method: 'POST' as const, setupRequest: (req: autocannon.Request) => ({ ...req, ...make(n++) }) }];
};

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;

/** Open conversations on a server; answers their ids and tokens. */
async function conversationsOn(base: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const r = await fetch(`${base}/api/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return (await r.json()) as { conversationId: string; token: string };
    }),
  );
}

const messageLoad = (conversations: { conversationId: string; token: string }[]) =>
  rotating((n) => {
    const c = conversations[n % conversations.length] as { conversationId: string; token: string };
    return {
      path: `/api/v1/conversations/${c.conversationId}/messages`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ text: QUESTIONS[n % QUESTIONS.length] }),
    };
  });

/** One and then two instances on one Redis, each loaded by its own autocannon, in the same run. */
async function twoInstances() {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, TOKEN_SECRET: 'bench-token-secret-shared-by-both-instances' };
  const [first, second] = await Promise.all([serve('anxin', env), serve('anxin', env)]);
  const conversations = await conversationsOn(first, connections * 4);
  const one = await run('Redis, one instance', { url: first, requests: messageLoad(conversations) });
  const half = Math.max(1, Math.floor(connections / 2));
  const [x, y] = await Promise.all([
    run('Redis, two instances: A', {
      url: first,
      connections: half,
      requests: messageLoad(conversations.slice(0, conversations.length / 2)),
    }),
    run('Redis, two instances: B', {
      url: second,
      connections: half,
      requests: messageLoad(conversations.slice(conversations.length / 2)),
    }),
  ]);
  const together = x.requestsPerSecond + y.requestsPerSecond;
  console.log(
    `Redis: one instance ${one.requestsPerSecond} req/s, two instances ${together} req/s together (×${(together / one.requestsPerSecond).toFixed(2)} on this ${cpus().length}-core machine)`,
  );
  return { one, two: { a: x, b: y, requestsPerSecond: together } };
}

try {
  const [bare, turn, anxin] = await Promise.all([serve('bare'), serve('turn'), serve('anxin')]);
  // Many conversations, so turns of one conversation (serialised) do not queue behind each other.
  const conversations = await Promise.all(
    Array.from({ length: connections * 4 }, async () => {
      const r = await fetch(`${anxin}/api/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return (await r.json()) as { conversationId: string; token: string };
    }),
  );
  const ping = await run('bare express GET /ping', { url: `${bare}/ping` });
  const bareTurn = await run('bare express POST /turn (same bot turn)', {
    url: turn,
    requests: rotating((n) => ({
      path: '/turn',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: `c${n % (connections * 4)}`,
        text: QUESTIONS[n % QUESTIONS.length],
      }),
    })),
  });
  const messages = await run('POST /api/v1/conversations/{id}/messages', {
    url: anxin,
    requests: rotating((n) => {
      const c = conversations[n % conversations.length] as { conversationId: string; token: string };
      return {
        path: `/api/v1/conversations/${c.conversationId}/messages`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ text: QUESTIONS[n % QUESTIONS.length] }),
      };
    }),
  });
  const ratio = Number((messages.requestsPerSecond / bareTurn.requestsPerSecond).toFixed(2));
  const ratioPing = Number((messages.requestsPerSecond / ping.requestsPerSecond).toFixed(3));
  console.log(`ratio, message endpoint / bare express running the same turn: ${ratio} (target ≥ 0.5)`);
  console.log(`ratio, message endpoint / bare express ping: ${ratioPing}`);
  const scaleOut = await twoInstances();
  const report = {
    at: new Date().toISOString(),
    seconds,
    connections,
    ping,
    bareTurn,
    messages,
    ratio,
    ratioPing,
    scaleOut,
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench-http.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('report: reports/bench-http.json');
} finally {
  for (const c of children) c.kill();
  await redis?.stop();
}
