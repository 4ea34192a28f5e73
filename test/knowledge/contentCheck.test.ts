import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/knowledge/checkContent.js';
import { loadContent } from '../../src/knowledge/content.js';
import { LOCALES } from '../../src/knowledge/locale.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { tempContent } from '../helpers/tempContent.js';

function check(dir: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/contentCheck.ts', dir], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, output };
  } catch (err) {
    const e = err as { status: number; stderr: string; stdout: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

const problemsOf = (dir: string) => {
  const content = loadContent(dir);
  return [...content.problems, ...checkContent(content)].map(formatProblem);
};

describe('the knowledge base', () => {
  const content = loadContent('content');

  it('When the real content is checked, then it has no problems', () => {
    expect([...content.problems, ...checkContent(content)].map(formatProblem)).toEqual([]);
  });

  it('When counted, then each locale has at least 40 articles and every taxonomy topic is covered in both', () => {
    for (const locale of LOCALES) {
      const articles = content.articles.filter((a) => a.locale === locale);
      expect(articles.length).toBeGreaterThanOrEqual(40);
      const covered = new Set(articles.flatMap((a) => a.topics));
      for (const t of content.taxonomy.topics) expect(covered, `${locale} ${t.id}`).toContain(t.id);
    }
  });

  it('When every article is read, then it has at least 6 questions, numbered steps and a review date', () => {
    for (const a of content.articles) {
      expect(a.questions.length, a.file).toBeGreaterThanOrEqual(6);
      expect(a.steps.length, a.file).toBeGreaterThanOrEqual(2);
      expect(a.reviewed, a.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('npm run content:check on bad content', () => {
  it('When the content is good, then it exits 0', () => {
    const { code, output } = check('content');
    expect(code).toBe(0);
    expect(output).toContain('no problems');
  });

  it('When an article names an unknown topic id, then the problem names the file, line and field', () => {
    const c = tempContent();
    c.edit('zh-CN/debt-relief-scam.md', (t) =>
      t.replace('topics: [debt-relief-scam,', 'topics: [debt-relief-scams,'),
    );
    const { code, output } = check(c.dir);
    expect(code).toBe(1);
    expect(output).toMatch(/zh-CN\/debt-relief-scam\.md:5: topics: unknown topic id "debt-relief-scams"/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('When a required field is missing, then the problem names the field', () => {
    const c = tempContent();
    c.edit('en/debt-relief-scam.md', (t) => t.replace(/^owner: .*\n/m, ''));
    expect(problemsOf(c.dir)).toContainEqual(expect.stringMatching(/en\/debt-relief-scam\.md:\d+: owner: /));
  });

  it('When an article refers to a directory entry that does not exist, then the line with the reference is named', () => {
    const c = tempContent();
    c.edit('zh-CN/debt-relief-scam.md', (t) => t.replace('{{channel:12378}}', '{{channel:12399}}'));
    expect(problemsOf(c.dir)).toEqual([
      expect.stringMatching(
        /zh-CN\/debt-relief-scam\.md:\d+: unknown directory reference \{\{channel:12399\}\}/,
      ),
    ]);
  });

  it('When the front matter is malformed YAML, then the problem says so with a line, and no stack trace is printed', () => {
    const c = tempContent();
    c.edit('en/debt-relief-scam.md', (t) => t.replace('title: Should', 'title: [Should'));
    const { code, output } = check(c.dir);
    expect(code).toBe(1);
    expect(output).toMatch(/en\/debt-relief-scam\.md:\d+: malformed YAML/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('When the front matter block is missing, then the file is named at line 1', () => {
    const c = tempContent();
    c.edit('en/debt-relief-scam.md', (t) => t.replace(/^---\n/, ''));
    expect(problemsOf(c.dir)).toContainEqual(
      expect.stringMatching(/en\/debt-relief-scam\.md:1: front matter missing/),
    );
  });

  it('When a phone number is typed into an article instead of a directory reference, then it is caught', () => {
    const c = tempContent();
    c.edit('zh-CN/debt-relief-scam.md', (t) => t.replace('{{channel:12378}}', '12378'));
    expect(problemsOf(c.dir)).toContainEqual(expect.stringMatching(/"12378" is typed in/));
  });

  it('When one locale of an article is missing, or a related link is broken, then both are reported', () => {
    const c = tempContent();
    rmSync(path.join(c.dir, 'en/debt-relief-scam.md'));
    expect(problemsOf(c.dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no en version: add en\/debt-relief-scam\.md/),
        expect.stringMatching(/related: no article "debt-relief-scam" in en/),
      ]),
    );
  });

  it('When two articles share a question, then the duplicate is reported with both files', () => {
    const c = tempContent();
    c.edit('zh-CN/repayment-hardship.md', (t) =>
      t.replace(/questions:\n/, 'questions:\n  - 停息挂账靠谱吗\n'),
    );
    expect(problemsOf(c.dir)).toContainEqual(
      expect.stringMatching(/"停息挂账靠谱吗" is also a question of .*debt-relief-scam\.md/),
    );
  });

  it('When a directory entry is broken, then directory.yaml and the field are named', () => {
    const c = tempContent();
    c.edit('directory.yaml', (t) => t.replace('value: https://www.12321.cn', 'value: www.12321.cn'));
    expect(problemsOf(c.dir)).toContainEqual(
      expect.stringMatching(
        /directory\.yaml:\d+: entries\.\d+\.value: a url entry needs an https:\/\/ address/,
      ),
    );
  });

  it('When a red-flag cue is not a valid regular expression, then red-flags.yaml and its line are named', () => {
    const c = tempContent();
    c.edit('red-flags.yaml', (t) => t.replace(/^(\s+cues:\n\s+- ).*$/m, '$1(定金|押金'));
    expect(problemsOf(c.dir).join('\n')).toMatch(
      /red-flags\.yaml:\d+: .*cues\.0: is not a valid regular expression/,
    );
  });

  it('When signals.yaml lacks a signal or names a missing article, then both are reported', () => {
    const c = tempContent();
    c.edit('signals.yaml', (t) =>
      t
        .replace('article: forged-documents', 'article: no-such-article')
        .replace(/^ {2}cancel:\n/m, '  cancelled:\n'),
    );
    const problems = problemsOf(c.dir).join('\n');
    expect(problems).toMatch(/signals\.yaml:\d+: signals/);
    const again = tempContent();
    again.edit('signals.yaml', (t) => t.replace('article: forged-documents', 'article: no-such-article'));
    expect(problemsOf(again.dir).join('\n')).toMatch(
      /signals\.forge\.article: no article "no-such-article" in zh-CN/,
    );
  });
});
