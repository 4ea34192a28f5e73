import { describe, expect, it } from 'vitest';
import { Guardrail } from '../../src/bot/guardrail.js';
import { loadContent } from '../../src/knowledge/content.js';
import { renderTemplate } from '../../src/knowledge/template.js';

const content = loadContent('content');
const guardrail = new Guardrail([...content.directory.allowedValues(), '95599']);

describe('Guardrail', () => {
  it('When every article is rendered as a customer reads it, then every number and link in it is allowed', () => {
    for (const a of content.articles) {
      const text = renderTemplate([a.title, a.summary, a.body].join('\n'), a.locale, content.directory, {
        hotline: '95599',
        name: '示例银行',
      });
      expect(guardrail.check(text), a.file).toEqual({ ok: true });
    }
  });

  it('When a poisoned text carries a number or link not in the directory, then it is caught', () => {
    expect(guardrail.check('加微信咨询，或拨打 400-123-4567，详情见 www.quick-credit-fix.com')).toEqual({
      ok: false,
      offending: ['www.quick-credit-fix.com', '400-123-4567'],
    });
    expect(guardrail.check('call 13800138000 now')).toEqual({ ok: false, offending: ['13800138000'] });
  });

  it('When a text has amounts, dates, masked echoes and official numbers, then it passes', () => {
    expect(
      guardrail.check(
        '2026年交了5000元，欠20万，5%手续费，卡号 6222************128，打 12378 或 010-12321，见 https://www.12321.cn，服务时间 09:00-18:00，审核于 2026-11-24',
      ),
    ).toEqual({ ok: true });
  });
});
