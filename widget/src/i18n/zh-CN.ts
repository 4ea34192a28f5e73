import type { Strings } from './strings.js';

export const zhCN: Strings = {
  lang: 'zh-CN',
  launcher: '在线咨询',
  launcherLabel: '在线咨询：打开安心助手',
  defaultTitle: '安心助手',
  subtitle: '防骗提醒 · 正规渠道 · 可转人工',
  close: '关闭',
  switchLocale: 'English',
  switchLocaleLabel: 'Switch to English',
  largeTextLabel: '大字模式',
  transcriptLabel: '聊天记录',
  privacy: '为了保护您，请不要在聊天里发送身份证号、银行卡号、密码或验证码。银行工作人员不会向您要这些信息。',
  privacyDismiss: '知道了',
  inputLabel: '输入您的问题',
  placeholder: '请输入您的问题…',
  send: '发送',
  talkToPerson: '转人工客服',
  who: { customer: '我', bot: '安心助手', agent: '人工客服', system: '系统消息' },
  typing: { bot: '安心助手正在回复…', agent: '人工客服正在输入…' },
  sending: '发送中…',
  notSent: '没有发送成功。',
  resend: '重新发送',
  citation: (title, reviewed) => `依据：《${title}》 · 审核于 ${reviewed}`,
  helpfulQuestion: '这条回答有帮助吗？',
  helpful: '有帮助',
  notHelpful: '没帮助',
  feedbackThanks: '谢谢您的反馈。',
  handoff: (h) => {
    switch (h.state) {
      // `position` is the customer's own place: the first in line has nobody ahead.
      case 'queued':
        if (!h.position) return '正在为您转接人工客服，请稍等。';
        return h.position === 1
          ? '正在为您转接人工客服，您是下一位，请稍等。'
          : `正在为您转接人工客服，前面还有 ${h.position - 1} 位客户，请稍等。`;
      case 'accepted':
        return `人工客服${h.agentName ? ` ${h.agentName} ` : ''}已接入，请直接说明您的情况。`;
      case 'completed':
        return '人工客服已结束本次服务。有其他问题，随时可以问我。';
      case 'failed':
        return '抱歉，这次没能转接人工客服。请稍后再试，或拨打银行官方客服热线。';
      default:
        return '现在没有人工客服在线。您可以继续问我，着急的话请拨打银行官方客服热线。';
    }
  },
  rateLimited: (s) => `您发得有点快，请等 ${s} 秒，到时会自动为您发送。`,
  down: '暂时连不上安心助手，请稍后重试。着急的话，请拨打银行官方客服热线。',
  retry: '重试',
  rejected: '这条消息没能发送，请换个说法再试一次。',
  restarted: '之前的对话已过期，已为您开始新的对话。',
  newLanguage: '已切换到中文，开始新的对话。之前的对话不会再显示。',
  connecting: '正在连接…',
};
