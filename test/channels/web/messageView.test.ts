import { describe, expect, it } from 'vitest';
import { customerMessage, toApiMessage, toHtml } from '../../../src/conversation/messageView.js';

describe('messageView', () => {
  it('When a link ends a Chinese sentence, then the full stop stays out of the address', () => {
    const html = toHtml('可以在 https://www.12321.cn。上举报，或者 https://www.12321.cn，都行');
    expect(html).toContain('href="https://www.12321.cn"');
    expect(html).not.toContain('12321.cn。"');
    expect(html).not.toContain('12321.cn，"');
  });

  it('When a Markdown link is followed by a full stop, then it is left as written', () => {
    expect(toHtml('[举报中心](https://www.12321.cn)。')).toContain('href="https://www.12321.cn"');
  });

  it('When a customer types a mistyped card number, then the stored message holds it masked, and so does its HTML', () => {
    const m = customerMessage('c1', '卡号6222021234567890129 被盗刷了');
    expect(m.text).toBe('卡号6222************129 被盗刷了');
    expect(toApiMessage({ ...m, seq: 1 }).html).toBe('<p>卡号6222************129 被盗刷了</p>');
  });

  it('When messages are shown, then the bot’s Markdown becomes HTML and a customer’s or an agent’s words are escaped', () => {
    const at = { id: 'm', conversationId: 'c1', seq: 1, suggestedActions: [], citations: [], createdAt: '' };
    expect(toApiMessage({ ...at, role: 'bot', text: '1. 先报警\n2. 再联系银行' }).html).toMatch(/<ol>/);
    expect(toApiMessage({ ...at, role: 'agent', text: '<b>您好</b>' }).html).toBe(
      '<p>&lt;b&gt;您好&lt;/b&gt;</p>',
    );
  });
});
