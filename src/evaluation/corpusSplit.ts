import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type RealItem, readCorpus, splitByPage, textKey } from './realCorpus.js';

/** The real-text corpora: each has `parts/*.jsonl` as collected, and the split made from them. */
export const CORPORA = ['test/fixtures/real', 'test/fixtures/pitches'];
const TEST_SHARE = 0.35;

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every text the project's tests and content already contain, as one haystack. */
export function quotedSoFar(): string {
  return [...filesUnder('test', /\.test\.ts$/), ...filesUnder('content', /\.(md|ya?ml)$/)]
    .map((f) => textKey(readFileSync(f, 'utf8')))
    .join('\n');
}

/**
 * Joins a corpus's parts, drops repeated texts (the first kept, so a text is never on both sides),
 * gives each line an id and splits it by page. The split must stay as it is once tuned on: a
 * change here that moves lines would move `train` lines, already seen, into `test`.
 */
export function splitCorpus(
  dir: string,
  haystack: string,
): { train: RealItem[]; test: RealItem[]; problems: string[] } {
  const { items, problems } = readCorpus(path.join(dir, 'parts'));
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = textKey(i.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const withId = unique.map((i) => ({
    id: createHash('sha256').update(textKey(i.text)).digest('hex').slice(0, 8),
    ...i,
  }));
  const pinned = withId.filter((i) => haystack.includes(textKey(i.text))).map((i) => i.text);
  return { ...splitByPage(withId, TEST_SHARE, pinned), problems };
}

/** The lines of a split file as `corpus:split` writes them. */
export const asLines = (items: readonly RealItem[]) => items.map((i) => `${JSON.stringify(i)}\n`).join('');
