import { Writable } from 'node:stream';
import { allowedContacts } from '../bot/buildServices.js';
import { createBot } from '../bot/createBot.js';
import { Guardrail } from '../bot/guardrail.js';
import { maskPii } from '../bot/pii.js';
import { InProcessChannel } from '../channels/inProcess.js';
import { turnOutcome } from '../channels/turnOutcome.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import { createLogger } from '../logger.js';
import { inspectableStorage } from '../storage/openStorage.js';
import type { EvalCase } from './evalSet.js';
import { conversationsOf, type JudgedTurn, type PipelineSummary, summarizePipeline } from './pipelineEval.js';

const REPORTS_PREFIX = 'anxin/reports/';

/**
 * Runs every labelled turn through the whole bot pipeline (the same one the server and the batch
 * CLI run), then audits every reply, the stored state and every log line for numbers or links
 * outside the directory and for unmasked personal data.
 */
export async function runPipeline(
  knowledge: KnowledgeIndex,
  cases: readonly EvalCase[],
): Promise<PipelineSummary> {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const { storage, dump } = inspectableStorage();
  const bank = {};
  const { bot } = await createBot(knowledge, bank, { storage }, createLogger('info', sink));
  const channel = new InProcessChannel(bot, 'eval');
  const guardrail = new Guardrail(allowedContacts(knowledge, bank));
  const judged: JudgedTurn[] = [];
  const violations: string[] = [];
  const leaks: string[] = [];
  const conversations = conversationsOf(cases);
  for (const [i, turns] of conversations.entries())
    for (const c of turns) {
      const got = turnOutcome(await channel.say(`eval-${i}`, c.text, c.locale));
      judged.push({ case: c, got });
      const verdict = guardrail.check(got.reply);
      if (!verdict.ok) violations.push(`${c.id}: ${verdict.offending.join(', ')}`);
      if (maskPii(got.reply).found.length) leaks.push(`${c.id}: reply`);
    }
  for (const [key, value] of Object.entries(dump())) {
    // A report keeps the agency's own contact details: the customer gives them to report it.
    const text = key.startsWith(REPORTS_PREFIX)
      ? JSON.stringify({ ...JSON.parse(value), identifiers: [] })
      : value;
    if (maskPii(text).found.length) leaks.push(`stored state ${key}`);
  }
  logLines.forEach((line, i) => {
    if (maskPii(line).found.length) leaks.push(`log line ${i + 1}`);
  });
  return summarizePipeline(judged, conversations.length, violations, leaks);
}
