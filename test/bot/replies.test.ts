import { describe, expect, it } from 'vitest';
import { Composer } from '../../src/bot/composer.js';
import { Guardrail } from '../../src/bot/guardrail.js';
import type { Replies } from '../../src/bot/replies/replies.js';
import { repliesFor } from '../../src/bot/replies/repliesFor.js';
import { loadContent } from '../../src/knowledge/content.js';
import { LOCALES } from '../../src/knowledge/locale.js';

/** Every string a replies file can produce, functions called with sample arguments. */
function texts(r: Replies): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') out.push(String(v('JB-ABCD-EFGH', '2026-11-24')));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(r);
  return out;
}

describe('Reply wording', () => {
  const content = loadContent('content');
  const banks: { name?: string; hotline?: string; appName?: string }[] = [
    {},
    { name: '示例银行', hotline: '95599', appName: '示例银行App' },
  ];
  for (const bank of banks)
    for (const locale of LOCALES)
      it(`When every ${locale} reply is rendered${bank.hotline ? ' with a configured bank' : ''}, then each reference resolves and passes the guardrail`, () => {
        const composer = new Composer(content.directory, bank);
        const guardrail = new Guardrail([
          ...content.directory.allowedValues(),
          ...(bank.hotline ? [bank.hotline] : []),
        ]);
        for (const text of texts(repliesFor(locale))) {
          const rendered = composer.render(text, locale);
          expect(rendered).not.toMatch(/\{\{/);
          expect(guardrail.check(rendered), rendered).toEqual({ ok: true });
        }
      });

  it('When an English customer waits behind others, then the count reads as English does', () => {
    const r = repliesFor('en');
    expect(r.handoffPosition(2)).toBe('1 customer ahead of you.');
    expect(r.handoffPosition(3)).toBe('2 customers ahead of you.');
    expect(r.handoffPosition(1)).toBe('You are next in line.');
  });

  it('When the two locales are compared, then they have the same keys, all filled', () => {
    const keys = (r: Replies) => Object.keys(r).sort();
    expect(keys(repliesFor('en'))).toEqual(keys(repliesFor('zh-CN')));
    for (const locale of LOCALES)
      for (const t of texts(repliesFor(locale))) expect(t.trim().length).toBeGreaterThan(1);
  });
});
