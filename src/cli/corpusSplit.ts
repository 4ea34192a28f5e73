import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asLines, CORPORA, quotedSoFar, splitCorpus } from '../evaluation/corpusSplit.js';

/**
 * `npm run corpus:split`: joins each corpus's `parts/*.jsonl` (real questions, pitches), drops
 * repeated texts, and writes `train.jsonl` and `test.jsonl` split by source page. Lines whose text
 * a test or an article already quotes go to `train`: they were seen while writing those.
 */
const haystack = quotedSoFar();
for (const dir of CORPORA) {
  const { train, test, problems } = splitCorpus(dir, haystack);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  writeFileSync(path.join(dir, 'train.jsonl'), asLines(train));
  writeFileSync(path.join(dir, 'test.jsonl'), asLines(test));
  console.log(`${dir}: train ${train.length}, test ${test.length}`);
}
