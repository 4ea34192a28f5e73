import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Every non-blank line of a JSON-lines file checked against a schema, with its 1-based line
 * number; a bad line becomes a problem naming file, line and what is wrong.
 * @example const { rows, problems } = readJsonLines('test/fixtures/real/test.jsonl', schema)
 */
export function readJsonLines<T>(
  file: string,
  schema: z.ZodType<T>,
): { rows: { value: T; line: number }[]; problems: string[] } {
  const rows: { value: T; line: number }[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        if (parsed.success) rows.push({ value: parsed.data, line: i + 1 });
        else
          problems.push(
            `${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
          );
      } catch (err) {
        problems.push(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
      }
    });
  return { rows, problems };
}
