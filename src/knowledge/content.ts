import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { type Article, parseArticle } from './article.js';
import { Directory, type DirectoryEntry, directoryEntrySchema, directoryFileSchema } from './directory.js';
import { type IntentExamples, intentExamplesSchema } from './intentExamples.js';
import { LOCALES } from './locale.js';
import { type PitchExample, pitchExamplesFileSchema } from './pitchExamples.js';
import type { Problem } from './problem.js';
import { type RedFlag, redFlagsFileSchema } from './redFlags.js';
import { type Signals, signalsFileSchema } from './signals.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy.js';
import { type ThesaurusGroup, thesaurusFileSchema } from './thesaurus.js';
import { parseYamlSource } from './yamlSource.js';

/** Everything under content/, parsed; `problems` holds what could not be. */
export type Content = {
  dir: string;
  articles: Article[];
  directory: Directory;
  /** Domain words for the tokenizer, one `word frequency tag` per line. */
  dictionary: string;
  /** Example utterances per intent and locale (`intents.yaml`). */
  intents: IntentExamples;
  /** Warning signs in a quoted offer (`red-flags.yaml`). */
  redFlags: RedFlag[];
  /** Labelled real pitches and look-alikes the checker learns from (`pitch-examples.yaml`). */
  pitchExamples: PitchExample[];
  /** Cue lists for triage and dialogs (`signals.yaml`); undefined when the file is broken. */
  signals: Signals | undefined;
  taxonomy: Taxonomy;
  /** How people say what the articles say (`thesaurus.yaml`). */
  thesaurus: ThesaurusGroup[];
  problems: Problem[];
};

function relative(dir: string, file: string): string {
  return path.relative(process.cwd(), path.join(dir, file)) || file;
}

/** Parse a YAML file of content/ against its schema; problems name the line of the bad field. */
function loadYaml<T>(dir: string, name: string, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const file = relative(dir, name);
  if (!existsSync(path.join(dir, name))) {
    problems.push({ file, line: 1, message: 'file missing' });
    return undefined;
  }
  const yaml = parseYamlSource(readFileSync(path.join(dir, name), 'utf8'), file, 1);
  problems.push(...yaml.problems);
  if (yaml.problems.length) return undefined;
  const parsed = schema.safeParse(yaml.value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) {
    problems.push({
      file,
      line: yaml.lineOf(i.path as (string | number)[]),
      message: `${i.path.join('.')}: ${i.message}`,
    });
  }
  return undefined;
}

function loadDirectory(dir: string, problems: Problem[]): Directory {
  const file = relative(dir, 'directory.yaml');
  const yaml = parseYamlSource(readFileSync(path.join(dir, 'directory.yaml'), 'utf8'), file, 1);
  problems.push(...yaml.problems);
  const outline = directoryFileSchema.safeParse(yaml.value);
  if (yaml.problems.length || !outline.success) {
    if (!yaml.problems.length)
      problems.push({ file, line: 1, message: 'entries: a list of directory entries is required' });
    return new Directory([]);
  }
  const entries: DirectoryEntry[] = [];
  outline.data.entries.forEach((raw, i) => {
    const parsed = directoryEntrySchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    for (const issue of parsed.error?.issues ?? []) {
      const at = ['entries', i, ...(issue.path as (string | number)[])];
      problems.push({ file, line: yaml.lineOf(at), message: `${at.join('.')}: ${issue.message}` });
    }
  });
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id))
      problems.push({
        file,
        line: yaml.lineOf(['entries', i, 'id']),
        message: `entries.${i}.id: "${e.id}" is listed twice`,
      });
    seen.add(e.id);
  });
  return new Directory(entries);
}

/**
 * Read content/ from disk; never throws on bad content (the problems say what and where).
 * @example const content = loadContent('content'); if (content.problems.length) …
 */
export function loadContent(dir: string): Content {
  const problems: Problem[] = [];
  const taxonomy = loadTaxonomy(dir);
  const directory = loadDirectory(dir, problems);
  const intents = loadYaml(dir, 'intents.yaml', intentExamplesSchema, problems)?.intents ?? {};
  const redFlags = loadYaml(dir, 'red-flags.yaml', redFlagsFileSchema, problems)?.redFlags ?? [];
  const signals = loadYaml(dir, 'signals.yaml', signalsFileSchema, problems)?.signals;
  const pitchExamples = existsSync(path.join(dir, 'pitch-examples.yaml'))
    ? (loadYaml(dir, 'pitch-examples.yaml', pitchExamplesFileSchema, problems)?.examples ?? [])
    : [];
  const thesaurus = existsSync(path.join(dir, 'thesaurus.yaml'))
    ? (loadYaml(dir, 'thesaurus.yaml', thesaurusFileSchema, problems)?.groups ?? [])
    : [];
  const dictFile = path.join(dir, 'dictionary.txt');
  const dictionary = existsSync(dictFile) ? readFileSync(dictFile, 'utf8') : '';
  const articles: Article[] = [];
  for (const locale of LOCALES) {
    const localeDir = path.join(dir, locale);
    if (!existsSync(localeDir)) continue;
    for (const name of readdirSync(localeDir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const file = relative(dir, path.join(locale, name));
      const { article, problems: found } = parseArticle(
        readFileSync(path.join(localeDir, name), 'utf8'),
        file,
      );
      problems.push(...found);
      if (article) articles.push(article);
    }
  }
  return {
    dir,
    articles,
    directory,
    dictionary,
    intents,
    redFlags,
    pitchExamples,
    signals,
    taxonomy,
    thesaurus,
    problems,
  };
}
