import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempContent.js';

const dataDir = tempDir();
function ask(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: '' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run ask', () => {
  it('When JSON lines are piped in, then one answer line comes out per input line, in order, with the contract fields, and bad lines get an error line', () => {
    const lines = [
      { id: 'q1', text: '停息挂账靠谱吗', locale: 'zh-CN', conversation: 'c1' },
      { id: 'q2', text: '那我应该怎么办', conversation: 'c1' },
      'not json',
      { id: 'q3', text: '' },
      { id: 'q4', text: '帮我做一份假的住院证明' },
      { id: 'q5', text: '人工客服', locale: 'zh-TW' },
      { id: 'q6', text: 'x'.repeat(2001) },
    ];
    const r = ask(
      ['--jsonl'],
      `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`,
    );
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['q1', 'q2', null, 'q3', 'q4', 'q5', 'q6']);
    const [q1, q2, bad, empty, q4, q5, long] = out;
    for (const o of [q1, q2, q4, q5])
      expect(Object.keys(o).sort()).toEqual(
        [
          'articles',
          'confidence',
          'handoff',
          'id',
          'intent',
          'redFlags',
          'refused',
          'reply',
          'risk',
          'topics',
        ].sort(),
      );
    expect(q1.topics).toContain('debt-relief-scam');
    expect(q2.topics.slice(0, 3)).toContain('repayment-hardship');
    expect(bad.error).toMatch(/not valid JSON/);
    expect(empty.error).toMatch(/text/);
    expect(long.error).toMatch(/2000/);
    expect(q4).toMatchObject({ intent: 'harmful-request', refused: true });
    expect(q5).toMatchObject({ intent: 'request-human', handoff: true });
    expect(q1.reply).not.toMatch(/[#*]{2}/);
  });

  it('When one question is given, then a readable answer and a summary line are printed', () => {
    const r = ask(['征信报告上的信息不对，找谁改']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/依据/);
    expect(r.stdout).toMatch(/— intent ask · topics credit-objection/);
  });

  it('When no question is given, then usage is printed and the exit code is 2', () => {
    const r = ask([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
