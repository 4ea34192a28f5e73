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

  it('When a customer checks an advert and taps "举报这条广告", then the report carries the advert and its contacts, and the conversation state never holds the whole number', async () => {
    const c = await conversation();
    const memory = () => (c.storage as unknown as { memory: Record<string, string> }).memory;
    const advert =
      '帮我看看这个靠谱吗：专业停息挂账，先交2000服务费，不成功不收费，加微信 tingxi_666 或电话 13800138000';
    const checked = await c.say(advert);
    expect(checked.intent).toBe('check-message');
    expect(checked.redFlags.length).toBeGreaterThan(0);
    // The agency's number in a pasted advert is not the customer's own: no warning about it.
    expect(checked.reply).not.toMatch(/聊天里不需要发身份证号/);
    const action = checked.activities
      .flatMap((a) => a.suggestedActions?.actions ?? [])
      .find((x) => x.title === '举报这条广告');
    expect(action).toBeDefined();
    expect((await c.say(String(action?.value))).reply).toMatch(/在哪里看到/);
    const where = await c.say('抖音');
    expect(where.reply).toMatch(/记下了/);
    expect(where.reply).toMatch(/广告内容会一起提交/);
    expect(where.reply).not.toMatch(/13800138000|tingxi_666/);
    // The transcript keeps the advert as pasted, its number masked; the whole number waits in the draft.
    const conversationState = Object.entries(memory()).filter(([key]) => !key.startsWith('report-drafts/'));
    expect(JSON.stringify(conversationState)).not.toMatch(/13800138000/);
    const done = await c.say('没有');
    const reference = REFERENCE.exec(done.reply)?.[0];
    const stored = await c.reports.get(reference as string);
    expect(stored?.platform).toBe('抖音');
    expect(stored?.identifiers).toEqual(
      expect.arrayContaining([
        { kind: 'wechat', value: 'tingxi_666' },
        { kind: 'phone', value: '13800138000' },
      ]),
    );
    expect(stored?.description).toMatch(/^广告原文：.*先交2000服务费/);
    // The draft is used once and then gone.
    const drafts = Object.entries(memory()).filter(
      ([key, value]) => key.startsWith('report-drafts/') && value,
    );
    expect(drafts).toEqual([]);
  });

  it('When a customer reports another agency later, then the last checked advert is not added to it', async () => {
    const c = await conversation();
    await c.say('帮我看看这个靠谱吗：专业停息挂账，先交2000服务费，电话 13800138000');
    expect((await c.say('我要举报中介')).reply).toMatch(/在哪里看到/);
    expect((await c.say('快手')).reply).toMatch(/联系方式或账号/);
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
