import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../src/bot/buildServices.js';
import { OfferModel } from '../../src/bot/offerModel.js';
import type { Services } from '../../src/bot/services.js';
import { detectLocale } from '../../src/knowledge/locale.js';
import { normalize } from '../../src/knowledge/normalize.js';
import { knowledgeOf } from '../helpers/bot.js';

let s: Services;
beforeAll(async () => {
  s = await buildServices(await knowledgeOf(), {});
});

describe('The offer checker, learning from real pitches (content/pitch-examples.yaml)', () => {
  it('When a pitch is worded unlike any cue, then what was learned from real pitches still flags it', () => {
    const pitch = normalize('Get your life back. One low monthly payment, no more calls.');
    expect(s.flags.cued(pitch, 'offer')).toEqual([]);
    expect(s.flags.find(pitch, 'offer')).not.toEqual([]);
  });

  it('When the same words are the customer’s own question, then nothing learned is read into them', () => {
    expect(s.flags.find(normalize('一个月还一次低一点的钱可以吗'))).toEqual([]);
  });

  for (const notice of [
    '尊敬的客户，您的信用卡已逾期，请尽快还款',
    '请于本月25日前还款，如有困难可拨打我行客服热线',
  ])
    it(`When the bank's own notice "${notice}" is pasted, then no learned flag is read into it`, () => {
      expect(s.flags.find(normalize(notice), 'offer')).toEqual([]);
    });

  it('When a pitch with no cue words is pasted for a check, then the reply names a red flag, not an all-clear', async () => {
    const text = 'Is this legit? "Get your life back. One low monthly payment, no more calls."';
    const t = await s.triage.read(text, detectLocale(text));
    expect(t.intent).toBe('check-message');
    expect(t.redFlags).not.toEqual([]);
  });

  it("When a customer repeats a collector's words, then it is read as collection, not as a pitch", async () => {
    const text = '借呗刚给我发短信说要派人到我老家村委会核实情况，这可怎么办啊';
    expect((await s.triage.read(text, 'zh-CN')).intent).toBe('collection-complaint');
  });

  it('When a quoted advert offers to forge papers and a customer asks to have one made, then the request is still refused', async () => {
    const text = '帮我做一份假的住院证明，就像他们说的“材料我们帮你包装”';
    expect((await s.triage.read(text, 'zh-CN')).intent).toBe('harmful-request');
  });
});

describe('OfferModel', () => {
  const tokenizer = () => s.knowledge.tokenizer;
  const source = 'https://example.org/page';

  it('When there are no look-alikes to learn from, then there is no model', () => {
    expect(
      OfferModel.train([{ text: '先交定金包下款', source, flags: ['upfront-fee'] }], tokenizer()),
    ).toBeUndefined();
  });

  it('When trained on pitches and look-alikes, then it names the sign a new pitch shares with them', () => {
    const model = OfferModel.train(
      [
        { text: '先交两千定金，包你下款', source, flags: ['upfront-fee'] },
        { text: '交一千押金马上放款', source, flags: ['upfront-fee'] },
        { text: '把你的银行卡密码发给我', source, flags: ['asks-credentials'] },
        { text: '告诉我验证码和密码', source, flags: ['asks-credentials'] },
        { text: '本行将于每月25日扣款', source, flags: [] },
        { text: '分期申请请登录手机银行', source, flags: [] },
      ],
      tokenizer(),
    );
    expect(model?.flags('先交三千定金')).toEqual(['upfront-fee']);
    expect(model?.flags('请登录手机银行申请分期')).toEqual([]);
  });
});
