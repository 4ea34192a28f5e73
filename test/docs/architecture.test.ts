import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_FILE, renderArchitecture } from '../../scripts/architecture.mjs';

describe('The picture of the house (docs/architecture.md)', () => {
  it('When src/ or the dependency rules change, then the committed picture has been redrawn (npm run docs:architecture)', async () => {
    // Compares only: a stale picture fails here and is redrawn by the script, never by the test.
    expect(readFileSync(ARCHITECTURE_FILE, 'utf8')).toBe(await renderArchitecture());
  });
});
