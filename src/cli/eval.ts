import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { loadEvalSets, retrievalCases } from '../evaluation/evalSet.js';
import { calibrationError, summarize } from '../evaluation/metrics.js';
import { evalPitches } from '../evaluation/pitchEval.js';
import { readCorpusFile, type Split } from '../evaluation/realCorpus.js';
import { evalReal, realCases } from '../evaluation/realEval.js';
import { missLines, pct, pipelineLines, pitchLines, realLines, summaryLine } from '../evaluation/report.js';
import { scoreRetrieval } from '../evaluation/retrievalRun.js';
import { runPipeline } from '../evaluation/runPipeline.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';
import { progress } from './progress.js';
import { checkRatchet, type Figures, updateRatchet } from './ratchet.js';

/**
 * `npm run eval`: our own fixtures (retrieval, then the whole pipeline), and the corpora of real
 * text, whose `test` splits were never tuned on: real questions beside a bigram-BM25 baseline in
 * the same run, and real pitches for the offer checker. `--ci` fails when a figure falls below
 * test/fixtures/eval/ratchet.json; `--show-test` also prints the test splits' misses.
 */
const args = new Set(process.argv.slice(2));
const evalDir = 'test/fixtures/eval';
const ratchetFile = path.join(evalDir, 'ratchet.json');
const problems: string[] = [];
const split = (dir: string, name: Split) => {
  const read = readCorpusFile(path.join('test/fixtures', dir, `${name}.jsonl`));
  problems.push(...read.problems);
  return read.items;
};
const { cases, problems: fixtureProblems } = loadEvalSets(evalDir);
const real = {
  train: realCases(split('real', 'train'), 'train'),
  test: realCases(split('real', 'test'), 'test'),
};
const pitches = { train: split('pitches', 'train'), test: split('pitches', 'test') };
problems.push(...fixtureProblems);
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
// The server's runtime, on memory stores: the knowledge base as the server loads it.
const runtime = await openRuntime(loadConfig(process.env), createLogger('warn'), { store: 'memory' });
const knowledge = await runtime.knowledge();
const report: Record<string, unknown> = { at: new Date().toISOString() };

console.log('retrieval, our own fixtures (written with the content):');
const selected = retrievalCases(cases);
const bar = progress('eval', selected.length);
const { ours, base } = await scoreRetrieval(knowledge, selected, bar.tick);
bar.done();
const hybrid = summarize(ours);
const baseline = summarize(base);
console.log(summaryLine('hybrid (ours)', hybrid));
console.log(summaryLine('bigram BM25 baseline', baseline));
for (const lang of ['zh-Hans', 'zh-Hant', 'en'])
  console.log(summaryLine(`  ${lang}`, summarize(ours.filter((r) => r.language === lang))));
const calibration = calibrationError(ours);
console.log(
  `confidence calibration: ECE ${calibration.ece.toFixed(3)} (${calibration.bins.map((b) => `${b.from.toFixed(1)}:${b.n}→${pct(b.accuracy)}`).join(' ')})`,
);
for (const m of ours.filter((r) => r.rank === 0 || r.rank > 3))
  console.log(
    `  miss ${m.id} [${m.expected.join('|')}] got [${m.got.slice(0, 3).join(', ')}]  ${m.text.slice(0, 50)}`,
  );
report.fixtures = { hybrid, baseline, calibration, cases: ours };

console.log('\nwhole pipeline on our own fixtures (triage, use cases, guardrail), every labelled turn:');
const { judged: _judged, ...pipeline } = await runPipeline(knowledge, cases);
for (const l of pipelineLines(pipeline)) console.log(l);
for (const l of missLines(pipeline.misses)) console.log(l);
for (const v of [...pipeline.guardrailViolations, ...pipeline.piiLeaks]) console.log(`  ! ${v}`);
report.pipeline = pipeline;

const figures: Figures = { fixtures: hybrid, pipeline };
for (const name of ['train', 'test'] as const) {
  const tuned = name === 'train' ? 'may be tuned on' : 'never tuned on';
  console.log(`\nreal questions, ${name} split (${real[name].length}, ${tuned}):`);
  const r = await evalReal(knowledge, real[name]);
  for (const l of realLines(r)) console.log(l);
  if (name === 'train' || args.has('--show-test'))
    for (const l of missLines(r.pipeline.misses)) console.log(l);
  for (const v of [...r.pipeline.guardrailViolations, ...r.pipeline.piiLeaks]) console.log(`  ! ${v}`);
  report[`real-${name}`] = r;
  if (name === 'test') figures.real = r;
}
for (const name of ['train', 'test'] as const) {
  console.log(
    `\npitches, ${name} split (${pitches[name].length}, ${name === 'train' ? 'may be tuned on' : 'never tuned on'}):`,
  );
  const s = await evalPitches(knowledge, pitches[name]);
  for (const l of pitchLines(s)) console.log(l);
  if (name === 'train' || args.has('--show-test')) for (const l of missLines(s.misses)) console.log(l);
  report[`pitches-${name}`] = s;
  if (name === 'test') figures.pitches = s;
}

mkdirSync('reports', { recursive: true });
writeFileSync(path.join('reports', 'eval.json'), JSON.stringify(report, null, 2));
console.log('\nreport: reports/eval.json');
if (args.has('--update-ratchet')) console.log(`ratchet updated: ${updateRatchet(ratchetFile, figures)}`);
if (args.has('--ci')) {
  const failures = checkRatchet(ratchetFile, figures);
  for (const f of failures) console.error(`eval: ${f}`);
  if (failures.length) process.exit(1);
  console.log('eval: ratchet holds');
}
