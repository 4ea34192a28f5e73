import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(md|ya?ml|txt|json)$/.test(f))
    .sort();
}

/**
 * A fingerprint of the content files plus whatever else decides the index (embeddings, parameters),
 * so an index on disk is reused only when nothing that shaped it changed.
 * @example contentHash('content', ['local-hash-v1-d512'])
 */
export function contentHash(dir: string, extra: unknown[]): string {
  const h = createHash('sha256');
  for (const f of files(dir)) {
    h.update(path.relative(dir, f).replaceAll('\\', '/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  h.update(JSON.stringify(extra));
  return h.digest('hex');
}

/**
 * A fingerprint of the retrieval code itself (this folder), so that a change to the tokenizer,
 * the features or the embeddings rebuilds an index built by the old code.
 */
export function sourceFingerprint(): string {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((n) => /\.[jt]s$/.test(n))
    .sort())
    h.update(readFileSync(path.join(dir, f)));
  return h.digest('hex');
}
