import { checkContent } from '../knowledge/checkContent.js';
import { loadContent } from '../knowledge/content.js';
import { checkDictionary } from '../knowledge/dictionary.js';
import { formatProblem } from '../knowledge/problem.js';

const dir = process.argv[2] ?? 'content';
try {
  const content = loadContent(dir);
  const problems = [
    ...content.problems,
    ...checkDictionary(content.dictionary, `${dir}/dictionary.txt`),
    ...checkContent(content),
  ];
  for (const p of problems) console.error(formatProblem(p));
  const count = content.articles.length;
  if (problems.length) {
    console.error(`content:check: ${problems.length} problem(s) in ${dir}`);
    process.exit(1);
  }
  console.log(
    `content:check: ${count} articles, ${content.directory.entries.length} directory entries, no problems`,
  );
} catch (err) {
  console.error(`content:check: cannot read ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
