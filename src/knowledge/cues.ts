import { z } from 'zod';
import { LOCALES, type Locale } from './locale.js';

/** Why a cue cannot be used, or undefined when it can. */
function cueProblem(source: string): string | undefined {
  try {
    return new RegExp(source, 'u').test('') ? 'matches empty text, so it would match anything' : undefined;
  } catch {
    return 'is not a valid regular expression';
  }
}

/** A regular expression (JavaScript syntax, no slashes or flags) matched against normalised text. */
export const cueSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((s, ctx) => {
    const problem = cueProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Cue lists for every locale. */
export const cuesByLocaleSchema = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, z.array(cueSchema).min(1)])) as Record<
      Locale,
      z.ZodArray<typeof cueSchema>
    >,
  )
  .strict();

/**
 * Cues of one locale compiled into one expression; `match` returns the first matched text.
 * @example new CueSet(['定金|押金']).match('先交押金') // '押金'
 */
export class CueSet {
  private readonly pattern: RegExp | undefined;

  constructor(cues: readonly string[]) {
    this.pattern = cues.length ? new RegExp(cues.map((c) => `(?:${c})`).join('|'), 'u') : undefined;
  }

  match(normalized: string): string | undefined {
    return this.pattern?.exec(normalized)?.[0];
  }

  test(normalized: string): boolean {
    return this.pattern?.test(normalized) ?? false;
  }
}
