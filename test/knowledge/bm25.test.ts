import { describe, expect, it } from 'vitest';
import { Bm25 } from '../../src/knowledge/bm25.js';

describe('Bm25', () => {
  const bm25 = new Bm25([
    ['停息挂账', '靠谱'],
    ['征信修复', '骗局'],
    ['停息挂账', '银行', '分期', '银行'],
  ]);

  it('When a query shares a rare term with one document, then that document ranks first', () => {
    const scores = [...bm25.search(['征信修复'])];
    expect(scores).toHaveLength(1);
    expect(scores[0]?.[0]).toBe(1);
  });

  it('When no document shares a term, then nothing is returned', () => {
    expect(bm25.search(['天气']).size).toBe(0);
  });

  it('When a document is exactly the query, then it scores close to the self-score yardstick', () => {
    const self = bm25.selfScore(['停息挂账', '靠谱']);
    const got = bm25.search(['停息挂账', '靠谱']).get(0) ?? 0;
    expect(got / self).toBeGreaterThan(0.8);
    expect(got / self).toBeLessThanOrEqual(1.2);
  });

  it('When a query has words the corpus never saw, then its yardstick grows so weak matches stay weak', () => {
    expect(bm25.selfScore(['靠谱', '天气', '股票'])).toBeGreaterThan(bm25.selfScore(['靠谱']) * 2);
  });
});
