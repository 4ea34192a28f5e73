import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { en } from '../../console/src/i18n/en.js';
import { zhCN } from '../../console/src/i18n/zh-CN.js';

// The ids an agent meets in a case: the taxonomy's intents and the content's red flags (topics are
// named from the taxonomy itself, which the browser test of the console reads).
const taxonomy = JSON.parse(readFileSync('content/taxonomy.json', 'utf8')) as { intents: { id: string }[] };
const redFlags = (parse(readFileSync('content/red-flags.yaml', 'utf8')) as { redFlags: { id: string }[] })
  .redFlags;
const SLUG = /^[a-z]+(-[a-z]+)*$/;

describe('The console names what it shows, in the agent’s language', () => {
  for (const t of [zhCN, en]) {
    it(`When an agent reads a case in ${t.lang}, then every intent and red flag has a name, not an id`, () => {
      for (const { id } of taxonomy.intents) expect(t.intents[id], id).toMatch(/./);
      for (const { id } of redFlags) expect(t.redFlags[id], id).toMatch(/./);
      for (const name of [...Object.values(t.intents), ...Object.values(t.redFlags)])
        expect(name).not.toMatch(SLUG);
    });
  }
});
