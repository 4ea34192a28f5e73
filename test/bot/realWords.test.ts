import { beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../helpers/bot.js';

type Bot = Awaited<ReturnType<typeof conversation>>;

/** The cases real customers' wording showed (issue 12, "Why"): each gets guidance, none is turned away. */
describe('When customers write as they really do', () => {
  let bot: () => Promise<Bot>;
  beforeAll(() => {
    bot = () => conversation({ bank: { name: '示例银行', hotline: '95599' } });
  });

  const cases: [text: string, topics: string[]][] = [
    ['信用不好怎么修复?', ['credit-repair-scam', 'credit-report-check', 'one-time-credit-relief']],
    ['被网络科技公司骗了怎么办?', ['already-involved', 'fee-and-fund-risk', 'report-agency']],
    ['信用卡被盗刷了怎么办', ['account-security']],
    ['网贷逾期了怎么办', ['repayment-hardship']],
    ['逾期银行打电话给父母犯法吗?', ['collection-misconduct']],
    ['最近实在是还不起钱了,好几笔贷款都快到期了', ['repayment-hardship']],
    [
      '95后,负债7万,欠的全是网贷,每月工资基本上都用来还款了,目前除了还款什么都做不了。',
      ['repayment-hardship'],
    ],
  ];
  for (const [text, topics] of cases)
    it(`"${text}" gets guidance on ${topics[0]}, never "out of scope"`, async () => {
      const said = await (await bot()).say(text, 'zh-CN');
      expect(said.intent).not.toBe('out-of-scope');
      expect(
        said.topics.slice(0, 3).some((t) => topics.includes(t)),
        said.reply.slice(0, 200),
      ).toBe(true);
    });

  it('"你们银行的客服电话是多少" is answered with the bank\'s own hotline, not a handoff', async () => {
    const said = await (await bot()).say('你们银行的客服电话是多少', 'zh-CN');
    expect(said.handoff).toBe(false);
    expect(said.intent).toBe('ask');
    expect(said.reply).toContain('95599');
  });

  it('An English question typed into a widget set to Chinese is answered in English', async () => {
    const said = await (await bot()).say(
      'my credit card was stolen and someone used it, what do i do',
      'zh-CN',
    );
    // English articles keep a few Chinese terms in brackets (挂失); the sentences are English.
    expect(said.reply.slice(0, 60)).toMatch(/^[\x20-\x7E]+$/);
    expect(said.topics.slice(0, 3)).toContain('account-security');
  });

  it("A short reply or a number keeps the widget's language", async () => {
    const said = await (await bot()).say('ok', 'zh-CN');
    expect(said.reply).toMatch(/\p{Script=Han}/u);
  });

  it('Something truly outside the domain is still said to be outside it', async () => {
    const said = await (await bot()).say('今天天气怎么样', 'zh-CN');
    expect(said.intent).toBe('out-of-scope');
  });
});
