import { loadConfig } from '../config.js';
import { openKnowledge } from '../knowledge/openKnowledge.js';

const query = process.argv.slice(2).join(' ').trim();
if (!query) {
  console.error('usage: npm run search -- "停息挂账靠谱吗"');
  process.exit(2);
}
const knowledge = await openKnowledge(loadConfig(process.env));
const started = performance.now();
const result = await knowledge.search(query, { limit: 8 });
const millis = performance.now() - started;
console.log(
  `query: ${query}  (locale ${result.locale}, confidence ${result.confidence.toFixed(2)}, ${millis.toFixed(2)} ms)`,
);
result.hits.forEach((h, i) => {
  const line = `${String(i + 1).padStart(2)}. ${h.score.toFixed(3)}  vec ${h.vector.toFixed(3)}  chunk-lex ${h.chunkLexical.toFixed(3)}  article-lex ${h.articleLexical.toFixed(3)}  ${h.article.id}  [${h.article.topics.join(', ')}]`;
  console.log(`${line}\n      ${h.article.title}  ← “${h.matchedText.split('\n')[0]?.slice(0, 60)}”`);
});
