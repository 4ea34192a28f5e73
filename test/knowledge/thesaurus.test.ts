import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/knowledge/content.js';
import { normalize } from '../../src/knowledge/normalize.js';
import { Thesaurus } from '../../src/knowledge/thesaurus.js';

describe('Thesaurus', () => {
  const thesaurus = new Thesaurus(loadContent('content').thesaurus);
  const expand = (text: string) => thesaurus.expand(normalize(text));

  it('When a customer writes slang, a typo or traditional characters, then the words the articles use are added', () => {
    expect(expand('网贷还不上了')).toContain('逾期');
    expect(expand('征信花了还能贷款吗')).toContain('征信查询');
    expect(expand('崔收天天打电话')).toContain('催收');
    expect(expand('我的聯徵報告')).toContain('征信');
    expect(expand('collectors keep calling my parents')).toMatch(/催收.*家人/);
  });

  it('When an English word only appears inside another word, then it does not count', () => {
    const t = new Thesaurus([{ means: ['起诉'], words: ['sued'] }]);
    expect(t.expand('i pursued my dream')).toBe('i pursued my dream');
    expect(t.expand('i was sued')).toBe('i was sued 起诉');
  });

  it('When nothing colloquial is written, then the text is unchanged', () => {
    expect(expand('就是那个啊')).toBe('就是那个啊');
  });
});
