import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonLines } from './jsonLines.js';

/** A line of a real-text corpus: published text, its page, and what a reviewer expects. */
const realItemSchema = z.object({
  id: z.string().optional(),
  text: z.string().min(1),
  source: z.string().url(),
  kind: z.string().min(1),
  locale: z.enum(['zh-CN', 'en']),
  expect: z.record(z.string(), z.unknown()),
  note: z.string().optional(),
});
export type RealItem = z.infer<typeof realItemSchema>;
export type Split = 'train' | 'test';

/** Every line of every `*.jsonl` in a folder (sorted), with problems named by file and line. */
export function readCorpus(dir: string): { items: RealItem[]; problems: string[] } {
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : [];
  const read = names.map((n) => readCorpusFile(path.join(dir, n)));
  return { items: read.flatMap((r) => r.items), problems: read.flatMap((r) => r.problems) };
}

/** The lines of one corpus file; a missing file has none. */
export function readCorpusFile(file: string): { items: RealItem[]; problems: string[] } {
  if (!existsSync(file)) return { items: [], problems: [] };
  const { rows, problems } = readJsonLines(file, realItemSchema);
  return { items: rows.map((r) => r.value), problems };
}

/** The page a line came from, so that two spellings of one address count as one page. */
export function pageOf(source: string): string {
  let url = source.trim();
  try {
    url = decodeURI(url);
  } catch {
    // an address with a stray % stays as written
  }
  return url
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '');
}

export const textKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Splits by source page: pages that share a text are joined first (the same question copied to
 * two sites is one group), then each group goes wholly to `train` or `test` by a hash of its
 * first page, so a new line moves no existing page unless its text joins two groups. Texts in
 * `pinned` (those that tests or content were written from) always go to `train`.
 */
export function splitByPage(
  items: readonly RealItem[],
  testShare: number,
  pinned: readonly string[] = [],
): Record<Split, RealItem[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)].sort();
    if (ra !== rb) parent.set(rb as string, ra as string);
  };
  const byText = new Map<string, string>();
  for (const item of items) {
    const page = pageOf(item.source);
    parent.set(page, parent.get(page) ?? page);
    const key = textKey(item.text);
    const seen = byText.get(key);
    if (seen) join(seen, page);
    else byText.set(key, page);
  }
  const pinnedKeys = new Set(pinned.map(textKey));
  const pinnedGroups = new Set(
    items.filter((i) => pinnedKeys.has(textKey(i.text))).map((i) => find(pageOf(i.source))),
  );
  const out: Record<Split, RealItem[]> = { train: [], test: [] };
  for (const item of items) {
    const group = find(pageOf(item.source));
    const bucket = createHash('sha256').update(group).digest().readUInt32BE(0) / 2 ** 32;
    out[!pinnedGroups.has(group) && bucket < testShare ? 'test' : 'train'].push(item);
  }
  return out;
}
