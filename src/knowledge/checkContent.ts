import { type Article, articleKey } from './article.js';
import type { Content } from './content.js';
import { LOCALES, type Locale } from './locale.js';
import { normalize } from './normalize.js';
import type { Problem } from './problem.js';
import { BANK_FIELDS, TEMPLATE_REF } from './template.js';

const HEADINGS: Record<Locale, string[]> = {
  'zh-CN': ['现在可以做什么', '为什么', '小心这些说法', '去哪里办'],
  en: ['What to do now', 'Why', 'Watch out for', 'Where to go'],
};

/** A typed-in address or a number that looks like a phone number (not money, years or article numbers). */
const RAW_CONTACT =
  /(https?:\/\/\S+|www\.\S+|\b[a-z0-9-]+\.(?:cn|com|net|org)\b|(?<![\d.])\d{3,4}-\d{5,8}(?!\d)|(?<![\d.])1\d{10}(?!\d))/i;

/**
 * Every rule that spans files: ids, topics, references, pairing, duplicates, coverage.
 * @example const problems = [...content.problems, ...checkContent(content)]
 */
export function checkContent(content: Content): Problem[] {
  const problems: Problem[] = [];
  const add = (a: Article, path: (string | number)[], message: string, line?: number) =>
    problems.push({ file: a.file, line: line ?? a.lineOf(path), message });
  const topicIds = new Set(content.taxonomy.topics.map((t) => t.id));
  const directoryValues = content.directory.allowedValues().map((v) => v.replace(/^https:\/\//, ''));
  const byKey = new Map(content.articles.map((a) => [articleKey(a), a]));

  for (const a of content.articles) {
    const expectedFile = `${a.locale}/${a.id}.md`;
    if (!a.file.replaceAll('\\', '/').endsWith(expectedFile))
      add(
        a,
        ['id'],
        `id "${a.id}" / locale "${a.locale}" do not match the file name (expected …/${expectedFile})`,
      );
    a.topics.forEach((t, i) => {
      if (!topicIds.has(t)) add(a, ['topics', i], `topics: unknown topic id "${t}" (see taxonomy.json)`);
    });
    a.related.forEach((r, i) => {
      if (!byKey.has(`${a.locale}/${r}`)) add(a, ['related', i], `related: no article "${r}" in ${a.locale}`);
      if (r === a.id) add(a, ['related', i], 'related: an article cannot relate to itself');
    });
    checkBody(a, content, add, directoryValues);
    const seen = new Set<string>();
    a.questions.forEach((q, i) => {
      const n = normalize(q);
      if (seen.has(n)) add(a, ['questions', i], `questions: "${q}" appears twice in this article`);
      seen.add(n);
    });
  }
  problems.push(
    ...duplicateQuestions(content.articles),
    ...pairing(content),
    ...coverage(content),
    ...intentIds(content),
    ...cueFiles(content),
  );
  return problems;
}

type Add = (a: Article, path: (string | number)[], message: string, line?: number) => void;

function checkBody(a: Article, content: Content, add: Add, directoryValues: string[]): void {
  const headings = a.sections.map((s) => s.heading);
  HEADINGS[a.locale].forEach((h, i) => {
    if (headings[i] !== h)
      add(
        a,
        [],
        `body: section ${i + 1} must be "## ${h}" (found ${headings[i] ? `"## ${headings[i]}"` : 'nothing'})`,
        a.bodyLine,
      );
  });
  if (a.steps.length < 2 || a.steps.length > 4)
    add(
      a,
      [],
      `body: the first section needs 2–4 numbered steps (found ${a.steps.length})`,
      a.sections[0]?.line ?? a.bodyLine,
    );
  const texts: Array<{ text: string; line: number; path: string[] }> = [
    { text: a.title, line: a.lineOf(['title']), path: ['title'] },
    { text: a.summary, line: a.lineOf(['summary']), path: ['summary'] },
    ...a.body.split('\n').map((text, i) => ({ text, line: a.bodyLine + i, path: [] })),
  ];
  for (const { text, line } of texts) {
    for (const m of text.matchAll(TEMPLATE_REF)) {
      const [ref, kind, id] = m as unknown as [string, string, string];
      if (kind === 'channel' && !content.directory.get(id))
        add(a, [], `unknown directory reference ${ref} (not in directory.yaml)`, line);
      else if (kind === 'bank' && !(BANK_FIELDS as readonly string[]).includes(id))
        add(a, [], `unknown bank field ${ref} (name, hotline or app)`, line);
      else if (kind !== 'channel' && kind !== 'bank')
        add(a, [], `unknown reference ${ref} (use {{channel:id}} or {{bank:field}})`, line);
    }
    const plain = text.replace(TEMPLATE_REF, ' ');
    if (/\{\{|\}\}/.test(plain))
      add(a, [], 'malformed reference: use {{channel:id}} or {{bank:field}}', line);
    const raw =
      RAW_CONTACT.exec(plain) ??
      directoryValues.map((v) => new RegExp(`(?<![\\d.])${v}(?![\\d])`).exec(plain)).find(Boolean);
    if (raw)
      add(
        a,
        [],
        `"${raw[0]}" is typed in: write numbers and links as {{channel:id}} from directory.yaml`,
        line,
      );
  }
}

function duplicateQuestions(articles: Article[]): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, Article>();
  for (const a of articles) {
    a.questions.forEach((q, i) => {
      const key = `${a.locale}|${normalize(q)}`;
      const first = owner.get(key);
      if (first && first !== a)
        problems.push({
          file: a.file,
          line: a.lineOf(['questions', i]),
          message: `questions: "${q}" is also a question of ${first.file}`,
        });
      else owner.set(key, a);
    });
  }
  return problems;
}

function pairing(content: Content): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, Map<Locale, Article>>();
  for (const a of content.articles) {
    const m = ids.get(a.id) ?? new Map<Locale, Article>();
    m.set(a.locale, a);
    ids.set(a.id, m);
  }
  for (const [id, byLocale] of ids) {
    const present = [...byLocale.values()];
    const first = present[0] as Article;
    for (const locale of LOCALES) {
      if (!byLocale.has(locale))
        problems.push({ file: first.file, line: 1, message: `no ${locale} version: add ${locale}/${id}.md` });
    }
    for (const other of present.slice(1)) {
      if (other.topics.join() !== first.topics.join())
        problems.push({
          file: other.file,
          line: other.lineOf(['topics']),
          message: `topics differ from ${first.file}`,
        });
      if ([...other.related].sort().join() !== [...first.related].sort().join())
        problems.push({
          file: other.file,
          line: other.lineOf(['related']),
          message: `related differs from ${first.file}`,
        });
    }
  }
  return problems;
}

function coverage(content: Content): Problem[] {
  const problems: Problem[] = [];
  for (const locale of LOCALES) {
    const covered = new Set(content.articles.filter((a) => a.locale === locale).flatMap((a) => a.topics));
    for (const t of content.taxonomy.topics) {
      if (!covered.has(t.id))
        problems.push({
          file: 'content/taxonomy.json',
          line: 1,
          message: `topic "${t.id}" has no ${locale} article`,
        });
    }
  }
  return problems;
}

function intentIds(content: Content): Problem[] {
  const known = new Set(content.taxonomy.intents.map((i) => i.id));
  return Object.keys(content.intents)
    .filter((id) => !known.has(id))
    .map((id) => ({
      file: 'content/intents.yaml',
      line: 1,
      message: `intents: unknown intent id "${id}" (see taxonomy.json)`,
    }));
}

/** Red-flag ids are unique and pitch examples name only those; every refusal kind in signals.yaml names an article of each locale. */
function cueFiles(content: Content): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const f of content.redFlags) {
    if (seen.has(f.id))
      problems.push({
        file: 'content/red-flags.yaml',
        line: 1,
        message: `redFlags: "${f.id}" is defined twice`,
      });
    seen.add(f.id);
  }
  content.pitchExamples.forEach((e, i) => {
    for (const id of e.flags.filter((f) => !seen.has(f)))
      problems.push({
        file: 'content/pitch-examples.yaml',
        line: 1,
        message: `examples.${i}.flags: unknown red flag "${id}" (see red-flags.yaml)`,
      });
  });
  const ids = new Set(content.articles.map(articleKey));
  for (const [id, signal] of Object.entries(content.signals ?? {}))
    for (const locale of LOCALES)
      if (signal.article && !ids.has(`${locale}/${signal.article}`))
        problems.push({
          file: 'content/signals.yaml',
          line: 1,
          message: `signals.${id}.article: no article "${signal.article}" in ${locale}`,
        });
  return problems;
}
