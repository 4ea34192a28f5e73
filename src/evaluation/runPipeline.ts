import { Writable } from 'node:stream';
import { MemoryStorage, type Storage } from 'botbuilder';
import { allowedContacts } from '../bot/buildServices.js';
import { Guardrail } from '../bot/guardrail.js';
import { maskPii } from '../bot/pii.js';
import { DRAFT_KEY_PREFIX } from '../bot/report/reportDrafts.js';
import { loadConfig } from '../config.js';
import { turnOutcome } from '../conversation/turnOutcome.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';
import type { EvalCase } from './evalSet.js';
import { conversationsOf, type JudgedTurn, type PipelineSummary, summarizePipeline } from './pipelineEval.js';

/** A memory store whose raw contents can be read back, for audits (personal-data scans). */
function inspectableStorage(): { storage: Storage; dump(): Record<string, string> } {
  const memory: Record<string, string> = {};
  return { storage: new MemoryStorage(memory), dump: () => ({ ...memory }) };
}

/**
 * Runs every labelled turn through the whole bot pipeline (the same one the server and the batch
 * CLI run), then audits every reply, the stored state and every log line for numbers or links
 * outside the directory and for unmasked personal data.
 */
export async function runPipeline(
  knowledge: KnowledgeIndex,
  cases: readonly EvalCase[],
): Promise<PipelineSummary & { judged: JudgedTurn[] }> {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const { storage, dump } = inspectableStorage();
  // The server's runtime, on memory stores and with no bank configured: figures never depend on
  // the environment the evaluation runs in.
  const config = loadConfig({});
  const runtime = await openRuntime(config, createLogger('info', sink), {
    store: 'memory',
    storage,
    knowledge,
  });
  const stores = runtime.stores;
  const channel = (await runtime.turns()).inProcess('eval');
  const guardrail = new Guardrail(allowedContacts(knowledge, config.bank));
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
    if (value === undefined) continue; // deleted (MemoryStorage keeps the key)
    // A report draft keeps the agency's contacts by design, as reports do; its text is audited.
    const audited = key.startsWith(DRAFT_KEY_PREFIX) ? String(JSON.parse(value).pitch ?? '') : value;
    if (maskPii(audited).found.length) leaks.push(`stored state ${key}`);
  }
  // Handoff requests carry the transcript an agent reads. (Reports keep the agency's own contact
  // details by design: the customer gives them in order to report it.)
  for (const entry of await stores.handoffs.list())
    if (maskPii(JSON.stringify(entry)).found.length) leaks.push(`handoff ${entry.conversationId}`);
  logLines.forEach((line, i) => {
    if (maskPii(line).found.length) leaks.push(`log line ${i + 1}`);
  });
  await runtime.close();
  return { ...summarizePipeline(judged, conversations.length, violations, leaks), judged };
}
