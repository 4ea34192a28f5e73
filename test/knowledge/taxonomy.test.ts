import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvalSets } from '../../src/evaluation/evalSet.js';
import { loadContent } from '../../src/knowledge/content.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';

// The repository carries its own copy of the shared taxonomy (content/taxonomy.json), so these
// checks run wherever it is cloned; ../shared is beside the clone only on a workstation.
const copy = 'content/taxonomy.json';
const shared = '../shared/taxonomy.json';
const taxonomy = loadTaxonomy('content');
const topics = new Set(taxonomy.topics.map((t) => t.id));
const intents = new Set(taxonomy.intents.map((i) => i.id));

/** Every quoted id that `pattern` (one capture group) finds in a source file. */
function idsIn(file: string, pattern: RegExp): string[] {
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1] as string);
}

describe('the taxonomy copy in content/', () => {
  it('When read, then it is a valid taxonomy whose topic and intent ids are each listed once', () => {
    expect(taxonomy.topics.length).toBeGreaterThan(0);
    expect(topics.size).toBe(taxonomy.topics.length);
    expect(intents.size).toBe(taxonomy.intents.length);
  });

  it('When the content uses an id, then it is one of the taxonomy', () => {
    const content = loadContent('content');
    const unknownTopics = content.articles.flatMap((a) => a.topics.filter((t) => !topics.has(t)));
    expect(unknownTopics).toEqual([]);
    expect(Object.keys(content.intents).filter((i) => !intents.has(i))).toEqual([]);
  });

  it('When the code names an intent (triage rules, the use case switch), then it is one of the taxonomy', () => {
    const named = [
      ...idsIn('src/bot/triage/triage.ts', /\brule\('([^']+)'\)/g),
      ...idsIn('src/bot/respond.ts', /\bcase '([^']+)':/g),
    ];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((i) => !intents.has(i))).toEqual([]);
  });

  it('When the labelled evaluation sets name a topic or intent, then it is one of the taxonomy', () => {
    const { cases, problems } = loadEvalSets('test/fixtures/eval');
    expect(problems).toEqual([]);
    const unknown = cases.flatMap((c) => [
      ...c.expect.topics_any.filter((t) => !topics.has(t)).map((t) => `${c.id}: topic ${t}`),
      ...c.expect.intent_any.filter((i) => !intents.has(i)).map((i) => `${c.id}: intent ${i}`),
    ]);
    expect(unknown).toEqual([]);
  });

  it('When ../shared/taxonomy.json is beside the clone, then the copy is the same taxonomy', () => {
    // CI clones without ../shared: there the copy stands alone, checked by the cases above.
    const theirs = existsSync(shared) ? JSON.parse(readFileSync(shared, 'utf8')) : undefined;
    if (theirs !== undefined) expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(theirs);
  });
});
