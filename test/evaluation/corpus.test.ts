import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asLines, CORPORA, quotedSoFar, splitCorpus } from '../../src/evaluation/corpusSplit.js';
import { pageOf, readCorpusFile, splitByPage } from '../../src/evaluation/realCorpus.js';
import { loadContent } from '../../src/knowledge/content.js';

const content = loadContent('content');
const topics = new Set(content.taxonomy.topics.map((t) => t.id));
const intents = new Set(content.taxonomy.intents.map((i) => i.id));
const flags = new Set(content.redFlags.map((f) => f.id));

describe('The real-text corpora', () => {
  const haystack = quotedSoFar();
  for (const dir of CORPORA)
    it(`When ${dir} is read, then train.jsonl and test.jsonl are the split of parts/ (run npm run corpus:split)`, () => {
      const { train, test, problems } = splitCorpus(dir, haystack);
      expect(problems).toEqual([]);
      expect(readFileSync(path.join(dir, 'train.jsonl'), 'utf8')).toBe(asLines(train));
      expect(readFileSync(path.join(dir, 'test.jsonl'), 'utf8')).toBe(asLines(test));
      const trainPages = new Set(train.map((i) => pageOf(i.source)));
      expect(test.filter((i) => trainPages.has(pageOf(i.source))).map((i) => i.source)).toEqual([]);
    });

  it('When labelled, then every topic, intent and red flag is one the content defines', () => {
    const bad: string[] = [];
    for (const split of ['train', 'test']) {
      for (const item of readCorpusFile(`test/fixtures/real/${split}.jsonl`).items) {
        const e = item.expect as { topics_any: string[]; intent_any: string[] };
        for (const t of e.topics_any) if (!topics.has(t)) bad.push(`${item.id}: topic ${t}`);
        for (const i of e.intent_any) if (!intents.has(i)) bad.push(`${item.id}: intent ${i}`);
      }
      for (const item of readCorpusFile(`test/fixtures/pitches/${split}.jsonl`).items)
        for (const f of (item.expect as { flags: string[] }).flags)
          if (!flags.has(f)) bad.push(`${item.id}: flag ${f}`);
    }
    expect(bad).toEqual([]);
  });

  it('When the checker learns from content/pitch-examples.yaml, then no example comes from a test page', () => {
    const testPages = new Set(
      CORPORA.flatMap((dir) =>
        readCorpusFile(path.join(dir, 'test.jsonl')).items.map((i) => pageOf(i.source)),
      ),
    );
    const leaked = content.pitchExamples.filter((e) => testPages.has(pageOf(e.source)));
    expect(leaked.map((e) => e.source)).toEqual([]);
    expect(content.pitchExamples.length).toBeGreaterThan(100);
  });

  it('When a text is on two pages, or quoted by a test, then its pages go to train together', () => {
    const item = (text: string, source: string) => ({
      text,
      source,
      kind: 'user',
      locale: 'zh-CN' as const,
      expect: {},
    });
    const items = Array.from({ length: 40 }, (_, i) => item(`问题${i}`, `https://a.example/${i}`));
    items.push(item('问题0', 'https://b.example/copy'), item('被引用的问题', 'https://a.example/0'));
    const { train, test } = splitByPage(items, 0.5, ['被引用的问题']);
    const sideOf = (source: string) => (train.some((i) => i.source === source) ? 'train' : 'test');
    expect(sideOf('https://b.example/copy')).toBe('train');
    expect(test.some((i) => i.source === 'https://a.example/0')).toBe(false);
    expect(test.length).toBeGreaterThan(5);
    expect(pageOf('https://www.A.example/x/?q=1')).toBe(pageOf('http://a.example/x'));
  });
});
