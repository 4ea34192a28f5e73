import { z } from 'zod';
import { LOCALES } from './locale.js';

const perLocale = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, z.array(z.string().trim().min(1)).min(3)])) as Record<
      (typeof LOCALES)[number],
      z.ZodArray<z.ZodString>
    >,
  )
  .strict();

/** `content/intents.yaml`: example utterances per intent id and locale. */
export const intentExamplesSchema = z.object({ intents: z.record(z.string(), perLocale) }).strict();
export type IntentExamples = z.infer<typeof intentExamplesSchema>['intents'];

/** Intents whose turns no article should answer; the retriever learns low confidence from them. */
export const NO_ARTICLE_INTENTS = ['greeting', 'thanks-bye', 'out-of-scope'] as const;
