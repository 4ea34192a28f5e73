import { z } from 'zod';
import { LOCALES, type Locale } from './locale.js';
import type { Problem } from './problem.js';
import { parseYamlSource } from './yamlSource.js';

const dateText = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'),
);
const articleId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes');

const frontMatterSchema = z
  .object({
    id: articleId,
    locale: z.enum(LOCALES),
    title: z.string().trim().min(2).max(100),
    topics: z.array(z.string()).min(1).max(4),
    questions: z.array(z.string().trim().min(2).max(300)).min(6, 'needs at least 6 questions'),
    summary: z.string().trim().min(20).max(520),
    sources: z
      .array(z.object({ title: z.string().min(3), date: dateText, ref: z.string().optional() }).strict())
      .min(1),
    reviewed: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), dateText),
    owner: z.string().min(1),
    related: z.array(articleId).default([]),
  })
  .strict();
type FrontMatter = z.infer<typeof frontMatterSchema>;

/** A `## heading` section of an article body. */
type Section = { heading: string; text: string; line: number };

/** One article in one locale, as loaded from `content/<locale>/<id>.md`. */
export type Article = FrontMatter & {
  file: string;
  body: string;
  bodyLine: number;
  sections: Section[];
  /** The numbered steps of the first section: what the bot shows as key steps. */
  steps: string[];
  lineOf(path: ReadonlyArray<string | number>): number;
};

/** `locale/id`, the key used in answers and citations. */
export function articleKey(a: { locale: Locale; id: string }): string {
  return `${a.locale}/${a.id}`;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parse one article file; problems name the file and line, never throw. */
export function parseArticle(text: string, file: string): { article?: Article; problems: Problem[] } {
  const m = FRONT_MATTER.exec(text);
  if (!m || m[1] === undefined)
    return {
      problems: [{ file, line: 1, message: 'front matter missing: the file must start with a --- block' }],
    };
  const yaml = parseYamlSource(m[1], file, 2);
  if (yaml.problems.length) return { problems: yaml.problems };
  const parsed = frontMatterSchema.safeParse(yaml.value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        file,
        line: yaml.lineOf(i.path as (string | number)[]),
        message: `${i.path.join('.') || 'front matter'}: ${i.message}`,
      })),
    };
  }
  const bodyLine = m[0].split('\n').length;
  const body = text.slice(m[0].length);
  const sections = splitSections(body, bodyLine);
  const steps = numberedItems(sections[0]?.text ?? '');
  return {
    article: { ...parsed.data, file, body, bodyLine, sections, steps, lineOf: yaml.lineOf },
    problems: [],
  };
}

function splitSections(body: string, firstLine: number): Section[] {
  const sections: Section[] = [];
  body.split('\n').forEach((line, i) => {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h?.[1]) sections.push({ heading: h[1], text: '', line: firstLine + i });
    else if (sections.length) {
      const last = sections[sections.length - 1] as Section;
      last.text += `${line}\n`;
    }
  });
  for (const s of sections) s.text = s.text.trim();
  return sections;
}

function numberedItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*\d+[.)]\s+(.+)$/.exec(line);
    if (m?.[1]) items.push(m[1].trim());
    else if (items.length && /^\s{2,}\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}
