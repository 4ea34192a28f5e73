import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * Which embeddings the index uses: the built-in local ones (fitted on the content), or any
 * LangChain embeddings a bank plugs in (for example an on-premises embedding service).
 */
export type EmbeddingsChoice =
  | { kind: 'local' }
  | { kind: 'plugged'; id: string; embeddings: EmbeddingsInterface };

/**
 * Load plugged-in embeddings from a module whose default export (or `createEmbeddings`) takes the
 * options object and returns an `EmbeddingsInterface`.
 * @example await loadEmbeddings('./onprem-embeddings.js', { baseUrl: 'http://10.0.0.5:8080' })
 */
export async function loadEmbeddings(
  module: string | undefined,
  options: Record<string, unknown>,
): Promise<EmbeddingsChoice> {
  if (!module) return { kind: 'local' };
  const specifier =
    module.startsWith('.') || path.isAbsolute(module) ? pathToFileURL(path.resolve(module)).href : module;
  const loaded = (await import(specifier)) as { default?: unknown; createEmbeddings?: unknown };
  const factory = loaded.createEmbeddings ?? loaded.default;
  if (typeof factory !== 'function')
    throw new Error(
      `EMBEDDINGS_MODULE ${module}: export a function createEmbeddings(options) (or a default export)`,
    );
  const embeddings = (await factory(options)) as EmbeddingsInterface;
  if (typeof embeddings?.embedQuery !== 'function' || typeof embeddings.embedDocuments !== 'function')
    throw new Error(
      `EMBEDDINGS_MODULE ${module}: the factory must return LangChain embeddings (embedQuery, embedDocuments)`,
    );
  const id = `plugged:${module}:${createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 12)}`;
  return { kind: 'plugged', id, embeddings };
}
