import type { Problem } from './problem.js';

/** Each line of the domain dictionary: `word frequency tag` (jieba's format); `#` starts a comment. */
export function checkDictionary(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    if (!/^\S+ \d+ [a-z]+$/.test(t))
      problems.push({
        file,
        line: i + 1,
        message: `dictionary: "${t}" must be "word frequency tag", e.g. "停息挂账 100000 n"`,
      });
  });
  return problems;
}

/** The dictionary's entries without comments, as jieba loads them. */
export function dictionaryEntries(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .join('\n');
}
