import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonLines } from './jsonLines.js';

const evalCaseSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  locale: z.enum(['zh-CN', 'en']).optional(),
  conversation: z.string().optional(),
  expect: z.object({
    topics_any: z.array(z.string()).default([]),
    intent_any: z.array(z.string()).default([]),
    handoff: z.boolean().optional(),
    refused: z.boolean().optional(),
  }),
});
export type EvalCase = z.infer<typeof evalCaseSchema> & { file: string; line: number };

/**
 * Every labelled line of every `*.jsonl` file in a folder; a bad line is reported with its file and line.
 * @example const { cases, problems } = loadEvalSets('test/fixtures/eval')
 */
export function loadEvalSets(dir: string): { cases: EvalCase[]; problems: string[] } {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const file = path.join(dir, name);
    const read = readJsonLines(file, evalCaseSchema);
    cases.push(...read.rows.map((r) => ({ ...r.value, file, line: r.line })));
    problems.push(...read.problems);
  }
  return { cases, problems };
}

/** Intents whose topic the conversation engine sets by rule (a person, a crisis), not by retrieval. */
const TRIAGE_ONLY = new Set(['distress', 'request-human', 'greeting', 'thanks-bye', 'out-of-scope']);

/**
 * The cases a retriever alone can be judged on: single questions and the first turn of each
 * conversation, leaving out turns whose topic triage decides (asking for a person, distress).
 */
export function retrievalCases(cases: readonly EvalCase[]): EvalCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    if (!c.expect.topics_any.length) return false;
    if (c.expect.intent_any.length && c.expect.intent_any.every((i) => TRIAGE_ONLY.has(i))) return false;
    if (!c.conversation) return true;
    const key = `${c.file}|${c.conversation}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
