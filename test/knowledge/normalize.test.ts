import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/knowledge/normalize.js';
import { Tokenizer } from '../../src/knowledge/tokenizer.js';

describe('normalize', () => {
  it('When text has full-width letters, traditional characters and punctuation, then one plain form remains', () => {
    expect(normalize('停息掛賬，ＯＫ嗎？')).toBe('停息挂账 ok吗');
    expect(normalize('徵信修復！！')).toBe('征信修复');
    expect(normalize('  Credit   REPAIR?? ')).toBe('credit repair');
  });
});

describe('Tokenizer', () => {
  const tokenizer = new Tokenizer(readFileSync('content/dictionary.txt', 'utf8'));

  it('When a domain term is typed, then it stays one word thanks to the domain dictionary', () => {
    expect(tokenizer.terms('我想做停息挂账，找代理投诉能减免吗')).toEqual(
      expect.arrayContaining(['停息挂账', '代理投诉']),
    );
    expect(tokenizer.terms('信用卡可以申请个性化分期吗')).toContain('个性化分期');
  });

  it('When the text is traditional Chinese, then it yields the same words as simplified', () => {
    expect(tokenizer.terms('徵信修復靠譜嗎')).toEqual(tokenizer.terms('征信修复靠谱吗'));
  });

  it('When the text is English, then stop words go and word endings are folded', () => {
    expect(tokenizer.terms('Complaints about the collectors')).toEqual(['complaint', 'collector']);
  });
});
