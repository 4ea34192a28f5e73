import { describe, expect, it } from 'vitest';
import { RedFlagFinder } from '../../src/bot/redFlagFinder.js';
import { loadContent } from '../../src/knowledge/content.js';
import { normalize } from '../../src/knowledge/normalize.js';

const finder = new RedFlagFinder(loadContent('content').redFlags);
const asOffer = (text: string) => finder.find(normalize(text), 'offer');

describe('RedFlagFinder, reading a pasted advert as an offer', () => {
  // Pitches quoted in ../shared/research/domain.md (regulators' and banks' risk warnings).
  for (const pitch of [
    '助贷咨询',
    '异议申诉咨询、代理',
    '帮你和银行谈',
    '代看征信',
    '十年专注债务逾期问题,免费提供咨询服务',
    '您名下的网贷账户未注销，将影响个人征信，请尽快联系专员处理',
    '客服打电话说我的学生账户要注销不然影响征信',
    'Stop collection calls today. Call now for a free consultation',
  ])
    it(`When "${pitch}" is pasted for a check, then it has a red flag`, () => {
      expect(asOffer(pitch)).not.toEqual([]);
    });

  for (const notice of [
    '尊敬的客户，您的信用卡已逾期，请尽快还款',
    '持卡人可以致电我行客服申请个性化分期',
    '政策实行免申即享，个人无需申请，不收取任何费用、不需要第三方代理',
  ])
    it(`When the bank's or a regulator's own notice "${notice}" is pasted, then it has none`, () => {
      expect(asOffer(notice)).toEqual([]);
    });

  it('When a customer asks about the same service in their own words, then the offer cues stay silent', () => {
    expect(finder.find(normalize('停息挂账靠谱吗'))).toEqual([]);
    for (const question of ['如果不及时还款会影响征信吗', '我注销了信用卡会影响征信吗', '怎么绑定银行卡'])
      expect(finder.find(normalize(question)), question).toEqual([]);
    expect(asOffer('停息挂账靠谱吗')).toContain('third-party-fix');
  });
});
