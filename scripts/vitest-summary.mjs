// Runs the vitest suite and ends with one plain line, "N passed, N failed", which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = 'reports/vitest.json';
rmSync(out, { force: true });
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  console.log(
    `${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`,
  );
} else {
  console.log('0 passed, 1 failed');
}
process.exit(run.status ?? 1);
