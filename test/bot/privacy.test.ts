import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/bot/pii.js';
import { logPath, logRef } from '../../src/logger.js';
import { conversation } from '../helpers/bot.js';

describe('Personal data', () => {
  it('When a customer sends an ID, a card, a mobile number and an email, then replies, stored state and logs hold none of them', async () => {
    const c = await conversation();
    const turns = [
      '我身份证110101198003125639，卡号6228488778932871，中介说能帮我停息挂账',
      '我手机13812345678 邮箱 wang.fang@example.com 你们能打给我吗',
      '转人工',
    ];
    for (const t of turns) expect(maskPii((await c.say(t)).reply).found).toEqual([]);
    const memory = (c.storage as unknown as { memory: Record<string, string> }).memory;
    for (const [key, value] of Object.entries(memory)) expect(maskPii(value).found, key).toEqual([]);
    expect(c.logs.length).toBeGreaterThan(0);
    for (const line of c.logs) expect(maskPii(line).found).toEqual([]);
  });

  it('When a customer sends personal data twice, then the warning comes once, with the reminder about passwords and codes', async () => {
    const c = await conversation();
    const first = await c.say('my card number is 6228488778932871, can you check my balance');
    expect(first.reply).toMatch(/never asks for passwords or codes/);
    const second = await c.say('my phone is 13812345678');
    expect(second.reply).not.toMatch(/never asks for passwords/);
    expect(second.reply).not.toMatch(/13812345678/);
  });

  it('When a WeChat follower talks, then the turn log names the conversation by a hash, never the OpenID', async () => {
    const c = await conversation();
    const openId = 'oGZUI0egBJY1zhBYw2KhdUfwVJJE';
    const id = `wechat:gh_test:${openId}`;
    await c.adapter.receiveActivity({
      type: 'message',
      text: '停息挂账靠谱吗',
      conversation: { id } as never,
    });
    const turn = c.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn');
    expect(turn?.conversation).toBe(logRef(id));
    expect(c.logs.join('\n')).not.toContain(openId);
  });

  it('When conversations are named in logs, then no name ever reads as personal data', () => {
    for (let i = 0; i < 5000; i++)
      expect(maskPii(`"conversation":"${logRef(`conv-${i}`)}"`).found).toEqual([]);
  });

  it('When a number is typed into a URL, then the access log stars it and keeps conversation ids', () => {
    expect(logPath('/api/v1/13812345678/x')).toBe('/api/v1/***********/x');
    const uuid = '0f8b2c1e-1234-4321-9876-123456789012';
    expect(logPath(`/api/v1/conversations/${uuid}/messages`)).toBe(`/api/v1/conversations/${uuid}/messages`);
  });
});
