import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/bot/pii.js';
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
});
