import { describe, expect, it } from 'vitest';
import {
  isMoreRequest,
  paginate,
  pickOption,
  toWechatText,
  wechatPages,
  withOptions,
} from '../../../src/channels/wechat/render.js';
import { wechatWords } from '../../../src/channels/wechat/wechatWords.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const more = wechatWords['zh-CN'].more;
const withoutMore = (page: string) => page.replace(`\n\n${more}`, '');
const squash = (s: string) => s.replace(/\s+/g, '');

const paragraph = (i: number) =>
  `第${i}段：停息挂账、征信修复这类“代理”中介常常先收费，再让您停止还款，结果逾期更严重。正规的做法是直接联系银行协商还款计划，或者向监管部门反映。请不要把身份证、银行卡号和验证码交给任何人！`;

describe('WeChat reply text', () => {
  it('When a message holds two masked numbers, then their stars stay as they are', () => {
    const text = '我的号码 139****5678，另一个 138****1234，**请核实**';
    expect(toWechatText(text)).toBe('我的号码 139****5678，另一个 138****1234，请核实');
  });

  it('When an answer has emphasis, steps and bullets, then WeChat gets plain text with them kept', () => {
    const md = '## 怎么办\n\n**先别付钱。**\n\n1. 联系银行\n2. 保留证据\n\n* 不给验证码\n- 不转账';
    expect(toWechatText(md)).toBe(
      '怎么办\n\n先别付钱。\n\n1. 联系银行\n2. 保留证据\n\n- 不给验证码\n- 不转账',
    );
  });

  it('When an answer has bare https links or Markdown links, then they become <a href> links', () => {
    expect(toWechatText('详见 https://www.pbc.gov.cn/zxzx/ 。')).toBe(
      '详见 <a href="https://www.pbc.gov.cn/zxzx/">https://www.pbc.gov.cn/zxzx/</a> 。',
    );
    expect(toWechatText('官网：https://www.cbirc.gov.cn，电话见下。')).toBe(
      '官网：<a href="https://www.cbirc.gov.cn">https://www.cbirc.gov.cn</a>，电话见下。',
    );
    expect(toWechatText('See https://example.com/a?b=1.')).toBe(
      'See <a href="https://example.com/a?b=1">https://example.com/a?b=1</a>.',
    );
    expect(toWechatText('请访问[征信中心](https://ipcrs.pbccrc.org.cn)查询')).toBe(
      '请访问<a href="https://ipcrs.pbccrc.org.cn">征信中心</a>查询',
    );
  });

  it('When a Markdown link is not https, then only its text is shown', () => {
    expect(toWechatText('[点这里](http://evil.example) 或 [这里](javascript:void)')).toBe('点这里 或 这里');
  });

  it('When the answer fits, then it is one page without a continuation line', () => {
    expect(paginate('短回答', 2000, more)).toEqual(['短回答']);
  });

  it('When a long Chinese answer is paginated, then every page fits the limit and nothing is lost', () => {
    const text = Array.from({ length: 40 }, (_, i) => paragraph(i + 1)).join('\n\n');
    expect(bytes(text)).toBeGreaterThan(8000);
    const pages = paginate(text, 2000, more);
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) expect(bytes(page)).toBeLessThanOrEqual(2000);
    for (const page of pages.slice(0, -1)) expect(page.endsWith(`\n\n${more}`)).toBe(true);
    expect(pages.at(-1)?.endsWith(more)).toBe(false);
    // Paragraphs that fit are never cut.
    for (const page of pages)
      expect(
        withoutMore(page)
          .split('\n\n')
          .every((p) => p.startsWith('第')),
      ).toBe(true);
    expect(squash(pages.map(withoutMore).join(''))).toBe(squash(text));
  });

  it('When one Chinese paragraph is longer than a page, then it is cut at sentences and never inside a character', () => {
    const text = Array.from({ length: 30 }, (_, i) => `这是第${i + 1}句，它讲的是不要相信代理投诉。`).join(
      '',
    );
    const pages = paginate(text, 300, more);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(bytes(page)).toBeLessThanOrEqual(300);
      expect(page).not.toContain('\ufffd');
      expect(Buffer.from(page, 'utf8').toString('utf8')).toBe(page);
    }
    for (const page of pages.slice(0, -1)) expect(withoutMore(page)).toMatch(/[。，]$/);
    expect(pages.map(withoutMore).join('')).toBe(text);
  });

  it('When a sentence has no break at all, then it is cut at character boundaries, still within the limit', () => {
    const text = '安'.repeat(1000);
    const pages = paginate(text, 200, more);
    for (const page of pages) expect(bytes(page)).toBeLessThanOrEqual(200);
    expect(pages.map(withoutMore).join('')).toBe(text);
  });

  it('When a page boundary falls near a link, then the <a> tag is kept whole', () => {
    const link = '<a href="https://www.pbc.gov.cn/zhengxinzhongxin/index.html">中国人民银行征信中心</a>';
    const text = Array.from({ length: 12 }, (_, i) => `第${i}条：请通过${link}查询信用报告`).join('');
    const pages = paginate(text, 400, more);
    for (const page of pages) {
      expect(bytes(page)).toBeLessThanOrEqual(400);
      const body = withoutMore(page);
      expect(body.match(/<a /g)?.length ?? 0).toBe(body.match(/<\/a>/g)?.length ?? 0);
      expect(body).not.toMatch(/<a [^>]*$|^[^<]*">/);
    }
    expect(pages.map(withoutMore).join('')).toBe(text);
  });

  it('When the reply has suggested actions, then they are numbered options under the locale heading', () => {
    expect(withOptions('还有问题吗？', ['停息挂账靠谱吗', '转人工'], 'zh-CN')).toBe(
      '还有问题吗？\n\n回复数字：\n1. 停息挂账靠谱吗\n2. 转人工',
    );
    expect(withOptions('Anything else?', ['Talk to a person'], 'en')).toBe(
      'Anything else?\n\nReply with a number:\n1. Talk to a person',
    );
    expect(withOptions('好的', [], 'zh-CN')).toBe('好的');
  });

  it('When the customer answers with a number, then the option is picked; "0" asks for more', () => {
    const options = [{ value: 'a' }, { value: 'b' }];
    expect(pickOption('2', options)).toEqual({ value: 'b' });
    expect(pickOption(' １ ', options)).toEqual({ value: 'a' });
    expect(pickOption('3', options)).toBeUndefined();
    expect(pickOption('0', options)).toBeUndefined();
    expect(pickOption('1个', options)).toBeUndefined();
    expect(isMoreRequest('0')).toBe(true);
    expect(isMoreRequest('０')).toBe(true);
    expect(isMoreRequest('10')).toBe(false);
  });

  it('When a long answer with options becomes WeChat pages, then the options close the last page', () => {
    const md = Array.from({ length: 20 }, (_, i) => `**${paragraph(i)}**`).join('\n\n');
    const pages = wechatPages(md, { options: ['转人工'], locale: 'zh-CN' });
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(bytes(page)).toBeLessThanOrEqual(2000);
    expect(pages.at(-1)).toMatch(/回复数字：\n1\. 转人工$/);
    expect(pages.join('')).not.toContain('**');
    expect(wechatPages('Short.', { locale: 'en', options: ['Yes'] })).toEqual([
      'Short.\n\nReply with a number:\n1. Yes',
    ]);
  });
});
