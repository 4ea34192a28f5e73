import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { turnOutcome } from '../conversation/turnOutcome.js';
import type { Locale } from '../knowledge/locale.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';

/** One input line of CONTRACT §1. zh-TW (and bare "zh") text is answered as Chinese. */
const inputLine = z.object({
  id: z.union([z.string().min(1).max(200), z.number()]),
  text: z.string().trim().min(1, 'must not be empty').max(2000, 'is longer than 2000 characters'),
  locale: z
    .enum(['zh-CN', 'zh-TW', 'zh', 'en'])
    .transform((l): Locale => (l === 'en' ? 'en' : 'zh-CN'))
    .optional(),
  conversation: z.string().min(1).max(200).optional(),
});

const config = loadConfig(process.env);
// Logs go to stderr: stdout carries answers only.
const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
// The server's runtime on the embedded default store, in a temporary folder removed at exit (CONTRACT §1).
const storeDir = mkdtempSync(path.join(os.tmpdir(), 'anxin-ask-'));
process.once('exit', () => rmSync(storeDir, { recursive: true, force: true }));
const runtime = await openRuntime(config, logger, { store: 'embedded', dir: storeDir });
const channel = (await runtime.turns()).inProcess('cli');
const jsonl = process.argv.includes('--jsonl');

function errorOf(line: string): { id: unknown; error: string } | z.infer<typeof inputLine> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  const parsed = inputLine.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
  const issue = parsed.error.issues[0];
  return { id, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
}

if (jsonl) {
  let fresh = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    const input = errorOf(line);
    if ('error' in input) {
      process.stdout.write(`${JSON.stringify(input)}\n`);
      continue;
    }
    const conversation = input.conversation ? `c:${input.conversation}` : `fresh:${++fresh}`;
    try {
      const { handoffEvent: _event, ...outcome } = turnOutcome(
        await channel.say(conversation, input.text, input.locale),
      );
      process.stdout.write(`${JSON.stringify({ id: input.id, ...outcome })}\n`);
    } catch (err) {
      logger.error({ err, id: input.id }, 'turn failed');
      process.stdout.write(`${JSON.stringify({ id: input.id, error: 'the turn failed; see the log' })}\n`);
    }
  }
} else {
  const question = process.argv
    .slice(2)
    .filter((a) => a !== '--')
    .join(' ')
    .trim();
  if (!question) {
    console.error(
      'usage: npm run ask -- "停息挂账靠谱吗"   or   npm run --silent ask -- --jsonl < questions.jsonl',
    );
    process.exit(2);
  }
  const o = turnOutcome(await channel.say('cli', question));
  console.log(o.reply);
  console.log(
    `\n— intent ${o.intent} · topics ${o.topics.join(', ') || '-'} · confidence ${o.confidence} · risk ${o.risk}` +
      `${o.redFlags.length ? ` · red flags ${o.redFlags.join(', ')}` : ''}${o.handoff ? ' · handoff' : ''}${o.refused ? ' · refused' : ''}`,
  );
}

await runtime.close();
