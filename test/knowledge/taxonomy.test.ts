import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';

const shared = '../shared/taxonomy.json';

describe('the taxonomy copy in content/', () => {
  it.runIf(existsSync(shared))(
    'When compared with ../shared/taxonomy.json, then it has every shared topic and intent id',
    () => {
      const ours = loadTaxonomy('content');
      const theirs = JSON.parse(readFileSync(shared, 'utf8')) as {
        topics: { id: string }[];
        intents: { id: string }[];
      };
      expect(ours.topics.map((t) => t.id)).toEqual(expect.arrayContaining(theirs.topics.map((t) => t.id)));
      expect(ours.intents.map((i) => i.id)).toEqual(expect.arrayContaining(theirs.intents.map((i) => i.id)));
    },
  );
});
