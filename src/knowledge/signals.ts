import { z } from 'zod';
import { cuesByLocaleSchema } from './cues.js';
import type { Locale } from './locale.js';

/**
 * The cue lists triage and the dialogs rely on, by id. The refusal kinds name the article that
 * holds the lawful alternative.
 */
const SIGNAL_IDS = [
  'request-human',
  'distress',
  'frustration',
  'forge',
  'provoke',
  'malicious-complaint',
  'evade',
  'direct-request',
  'asking-about',
  'paid',
  'signed',
  'gave-documents',
  'gave-credentials',
  'stopped-repaying',
  'quoted-offer',
  'report',
  'hardship',
  'collection',
  'follow-up',
  'cancel',
  'platform',
  'contact-number',
  'in-domain',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

const signal = z
  .object({
    article: z.string().optional(),
    ...(cuesByLocaleSchema.shape as Record<Locale, (typeof cuesByLocaleSchema.shape)[Locale]>),
  })
  .strict();

/** `content/signals.yaml`: cue lists by signal id and locale. */
export const signalsFileSchema = z
  .object({
    signals: z
      .object(Object.fromEntries(SIGNAL_IDS.map((id) => [id, signal])) as Record<SignalId, typeof signal>)
      .strict(),
  })
  .strict();
export type Signals = z.infer<typeof signalsFileSchema>['signals'];
