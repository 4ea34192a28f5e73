import type { Strings } from './strings.js';

export const en: Strings = {
  lang: 'en',
  launcher: 'Chat with us',
  launcherLabel: 'Chat with us: open the Anxin assistant',
  defaultTitle: 'Anxin assistant',
  subtitle: 'Scam warnings · official channels · a real person',
  close: 'Close',
  switchLocale: '中文',
  switchLocaleLabel: '切换到中文',
  largeTextLabel: 'Large text',
  transcriptLabel: 'Conversation',
  privacy:
    'To keep you safe, please do not send your ID number, bank card number, passwords or verification codes in this chat. Bank staff will never ask you for them.',
  privacyDismiss: 'Got it',
  inputLabel: 'Type your question',
  placeholder: 'Type your question…',
  send: 'Send',
  talkToPerson: 'Talk to a person',
  who: { customer: 'You', bot: 'Anxin', agent: 'Customer service', system: 'Notice' },
  typing: { bot: 'Anxin is replying…', agent: 'Customer service is typing…' },
  sending: 'Sending…',
  notSent: 'Not sent.',
  resend: 'Send again',
  citation: (title, reviewed) => `Source: "${title}" · reviewed ${reviewed}`,
  helpfulQuestion: 'Was this helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackThanks: 'Thank you for your feedback.',
  handoff: (h) => {
    switch (h.state) {
      // `position` is the customer's own place: the first in line has nobody ahead.
      case 'queued': {
        if (!h.position) return 'Connecting you to a person, please wait.';
        const ahead = h.position - 1;
        if (!ahead) return 'Connecting you to a person. You are next in line, please wait.';
        return `Connecting you to a person. ${ahead} ${ahead === 1 ? 'customer' : 'customers'} ahead of you, please wait.`;
      }
      case 'accepted':
        return `${h.agentName ?? 'A customer service agent'} has joined. Please tell them what happened.`;
      case 'completed':
        return 'The customer service agent has ended the chat. Ask me anything else at any time.';
      case 'failed':
        return "Sorry, we couldn't connect you to a person this time. Please try again later or call your bank's official hotline.";
      default:
        return "No one from customer service is online right now. You can keep asking me, or call your bank's official hotline if it is urgent.";
    }
  },
  rateLimited: (s) => `You're sending quickly. Please wait ${s} seconds; your message will go out then.`,
  down: "We can't reach the Anxin assistant right now. Please try again shortly, or call your bank's official hotline if it is urgent.",
  retry: 'Try again',
  rejected: "This message couldn't be sent. Please try wording it differently.",
  restarted: 'Your earlier chat had expired, so a new one has started.',
  newLanguage: 'Switched to English: a new conversation has started. The earlier one is no longer shown.',
  connecting: 'Connecting…',
};
