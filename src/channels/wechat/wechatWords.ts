import type { Locale } from '../../knowledge/locale.js';

/** The few words WeChat's plain-text replies add around an answer, for one locale. */
export type WechatWords = {
  /** Heads the numbered options the customer answers with a number. */
  chooseNumber: string;
  /** Ends a page when more of the answer follows. */
  more: string;
  /** Answers a voice message that came without speech recognition. */
  typePlease: string;
  /** Answers an image, video, location or link: what the assistant can do with text. */
  textOnly: string;
};

/**
 * WeChat reply wording per locale. "0" asks for more, so it never collides with options 1…n.
 * @example wechatWords['zh-CN'].more // '回复 0 查看更多'
 */
export const wechatWords: Record<Locale, WechatWords> = {
  'zh-CN': {
    chooseNumber: '回复数字：',
    more: '回复 0 查看更多',
    typePlease: '抱歉，我暂时听不懂语音，请直接打字告诉我您的问题。',
    textOnly:
      '我只能看懂文字消息。您可以打字问我：“代理投诉”“征信修复”“停息挂账”这类中介靠不靠谱，还款有困难怎么办，怎么投诉；也可以把收到的广告文字复制发给我，我帮您看看。',
  },
  en: {
    chooseNumber: 'Reply with a number:',
    more: 'Reply 0 for more',
    typePlease: "Sorry, I can't understand voice messages yet. Please type your question.",
    textOnly:
      'I can only read text messages. Type a question about "agency complaint", "credit repair" or debt-relief services, repayment difficulties or how to complain, or paste the text of an advert and I will check it for you.',
  },
};
