import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/bot.js';

const REFERENCE = /JB-[A-Z]{4}-[A-Z]{4}/;

describe('Report dialog', () => {
  it('When a customer reports an agency step by step, then the report is stored with normalised identifiers and a reference number', async () => {
    const c = await conversation();
    const first = await c.say('我想举报一个做征信修复的中介');
    expect(first.intent).toBe('report-agency');
    expect(first.topics[0]).toBe('report-agency');
    expect(first.reply).toMatch(/在哪里看到/);
    expect((await c.say('小红书')).reply).toMatch(/在小红书上/);
    const ids = await c.say('微信号 Credit_Fix888，电话 138-0013-8000，网址 https://www.Fix-Credit.top/');
    expect(ids.reply).toMatch(/记下了/);
    // These are the agency's details, given to report it: no warning about sharing personal data.
    expect(ids.reply).not.toMatch(/聊天里不需要发身份证号/);
    expect(ids.reply).not.toMatch(/13800138000|138-0013-8000|Credit_Fix888/i);
    const done = await c.say('他说交5000就能把逾期记录全部删掉，不成功不收费');
    const reference = REFERENCE.exec(done.reply)?.[0];
    expect(reference).toBeDefined();
    expect(done.reply).toMatch(/12321/);
    expect(done.reply).toMatch(/12315/);
    expect(done.reply).toMatch(/110/);
    const stored = await c.reports.get(reference as string);
    expect(stored?.platform).toBe('小红书');
    expect(stored?.identifiers).toEqual(
      expect.arrayContaining([
        { kind: 'wechat', value: 'credit_fix888' },
        { kind: 'phone', value: '13800138000' },
        { kind: 'url', value: 'fix-credit.top' },
      ]),
    );
    expect(stored?.description).toMatch(/不成功不收费/);
  });

  it('When the first message already names the platform, then the dialog skips that question', async () => {
    const c = await conversation();
    expect((await c.say('想举报一个在抖音上发停息挂账广告的账号')).reply).toMatch(/在抖音上/);
  });

  it('When an English-speaking customer reports and skips the identifiers, then the report is still saved', async () => {
    const c = await conversation();
    expect((await c.say('I want to report an agency advert')).reply).toMatch(/Where did you see/);
    expect((await c.say('a text message')).reply).toMatch(/contact details/);
    expect((await c.say('skip')).reply).toMatch(/what they said/);
    expect((await c.say('they promised to erase my overdue record for a deposit')).reply).toMatch(REFERENCE);
  });

  for (const [step, before] of [
    ['where', ['我要举报中介']],
    ['identifiers', ['我要举报中介', '快手']],
    ['description', ['我要举报中介', '快手', '跳过']],
  ] as const)
    it(`When the customer cancels at the ${step} step, then nothing is stored and the bot says so`, async () => {
      const c = await conversation();
      for (const text of before) await c.say(text);
      const cancelled = await c.say('取消');
      expect(cancelled.reply).toMatch(/已取消举报/);
      expect(
        Object.keys((c.storage as unknown as { memory: Record<string, string> }).memory).some((k) =>
          k.includes('reports'),
        ),
      ).toBe(false);
      expect((await c.say('停息挂账靠谱吗')).reply).toMatch(/依据/);
    });

  it('When a customer in the middle of a report says they cannot go on, then the crisis reply comes first', async () => {
    const c = await conversation();
    await c.say('我要举报中介');
    const said = await c.say('算了 我不想活了');
    expect(said.intent).toBe('distress');
    expect(said.reply).toMatch(/12356/);
    expect(said.handoff).toBe(true);
  });
});
