import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const taxonomySchema = z.object({
  topics: z.array(z.object({ id: z.string(), group: z.string(), zh: z.string(), en: z.string() })).min(1),
  intents: z.array(z.object({ id: z.string(), en: z.string() })).min(1),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

/** The stable topic and intent ids (a copy of ../shared/taxonomy.json kept in content/). */
export function loadTaxonomy(contentDir: string): Taxonomy {
  const raw: unknown = JSON.parse(readFileSync(path.join(contentDir, 'taxonomy.json'), 'utf8'));
  return taxonomySchema.parse(raw);
}
