import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalEmbeddings } from '../../src/knowledge/localEmbeddings.js';
import { Tokenizer } from '../../src/knowledge/tokenizer.js';

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('LocalEmbeddings', () => {
  const tokenizer = new Tokenizer(readFileSync('content/dictionary.txt', 'utf8'));
  const corpus = [
    '停息挂账靠谱吗',
    '征信修复是骗局',
    '催收员半夜打电话骂人怎么投诉',
    'Is credit repair a scam?',
    '信用卡还不上可以申请个性化分期',
  ];
  const embeddings = LocalEmbeddings.fit(corpus, tokenizer, 256);

  it('When a text is embedded, then the vector has the configured size and unit length', async () => {
    const v = await embeddings.embedQuery('停息挂账');
    expect(v).toHaveLength(256);
    expect(dot(v, v)).toBeCloseTo(1, 6);
  });

  it('When the same text is embedded twice or by a rebuilt instance, then the vectors are identical', async () => {
    const again = new LocalEmbeddings(tokenizer, JSON.parse(JSON.stringify(embeddings.state)));
    expect(await again.embedQuery('征信修复')).toEqual(await embeddings.embedQuery('征信修复'));
    expect(await embeddings.embedDocuments(['a', 'b'])).toHaveLength(2);
  });

  it('When a customer types a homophone typo, then it stays closer to the right phrase than to another topic', () => {
    const typo = embeddings.embed('停息挂帐靠普吗');
    expect(dot(typo, embeddings.embed('停息挂账靠谱吗'))).toBeGreaterThan(
      dot(typo, embeddings.embed('征信修复是骗局')) + 0.2,
    );
  });

  it('When English has a misspelling, then letter trigrams keep it near the intended words', () => {
    const typo = embeddings.embed('is credit repiar a scam');
    expect(dot(typo, embeddings.embed('Is credit repair a scam?'))).toBeGreaterThan(
      dot(typo, embeddings.embed('信用卡还不上可以申请个性化分期')) + 0.3,
    );
  });
});
