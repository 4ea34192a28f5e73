import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private copy of content/ that a test may break without touching the real one. */
export function tempContent(): { dir: string; edit(file: string, change: (text: string) => string): void } {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'anxin-content-')), 'content');
  cpSync('content', dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const full = path.join(dir, file);
      writeFileSync(full, change(readFileSync(full, 'utf8')));
    },
  };
}

export function tempDir(prefix = 'anxin-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
