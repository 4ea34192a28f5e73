import type { Strings } from './strings.js';

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));

export const en: Strings = {
  lang: 'en',
  title: 'Anxin · agent console',
  switchLocale: '中文',
  switchLocaleLabel: '切换到中文',
  signedInAs: (name, admin) => `Signed in: ${name}${admin ? ' (admin)' : ''}`,
  logout: 'Log out',
  login: {
    heading: 'Agent login',
    username: 'User name',
    password: 'Password',
    submit: 'Log in',
    busy: 'Logging in…',
  },
  loginError: (kind, s) => {
    if (kind === 'credentials') return 'Wrong user name or password. Please try again.';
    if (kind === 'locked')
      return `Too many failed logins: the account is locked. Please try again in ${minutes(s)} minute${minutes(s) === 1 ? '' : 's'}.`;
    if (kind === 'disabled') return 'This account is disabled. Please call your system administrator.';
    if (kind === 'busy') return `Too many attempts. Please wait ${Math.max(1, s)} seconds.`;
    if (kind === 'rejected') return 'Please enter your user name and password.';
    return "Can't reach the server. Please try again shortly; if it persists, call your system administrator.";
  },
  problem: (kind) => {
    if (kind === 'conflict')
      return 'Another agent has taken this conversation, or it has ended. The queue is refreshed.';
    if (kind === 'forbidden') return 'Another agent holds this conversation: you cannot read or answer it.';
    if (kind === 'missing') return 'This conversation no longer exists.';
    if (kind === 'rejected')
      return "This couldn't be sent: check it and try again (replies are at most 2,000 characters).";
    if (kind === 'busy') return 'Too many requests. Please try again in a moment.';
    return "Can't reach the server. Please try again shortly.";
  },
  sessionEnded: 'Your session has ended. Please log in again.',
  liveLost: 'Live updates lost; reconnecting…',
  waiting: (n) => `Waiting (${n})`,
  mine: (n) => `My conversations (${n})`,
  allClaimed: (n) => `Conversations with agents (${n})`,
  emptyWaiting: 'Nobody is waiting.',
  emptyMine: 'You have not taken a conversation yet.',
  callbacks: (n) => `Call-back requests (${n})`,
  callbackRequested: 'Left a number for a call back',
  waited: (s) => {
    const m = Math.floor(s / 60);
    return m ? `waiting ${m} min ${s % 60} s` : `waiting ${s} s`;
  },
  position: (n) => `#${n} in line`,
  heldBy: (agent) => `with ${agent}`,
  newMessages: (n) => `${n} new message${n === 1 ? '' : 's'}`,
  claim: 'Take',
  open: 'Open',
  claimed: 'You have joined the conversation; the customer has been told.',
  noCase: 'Choose a conversation from the queue. Take it to read the whole conversation and reply.',
  caseHeading: (p) => `Conversation ${p}`,
  summary: 'Why the bot handed over',
  field: (name, value) => `${name}: ${value}`,
  fields: {
    reason: 'Reason',
    risk: 'Risk',
    redFlags: 'Red flags',
    intent: 'Intent',
    topics: 'Topics',
    language: 'Language',
    channel: 'Channel',
    waited: 'Waiting',
    callback: 'Call back on',
    none: 'none',
  },
  reasons: {
    'customer-request': 'Customer asked for a person',
    distress: 'Customer in distress',
    'already-involved': 'Already paid or gave documents to an agency',
    'low-confidence': 'The bot could not answer',
    frustration: 'Customer frustrated',
  },
  intents: {
    greeting: 'Greeting',
    'thanks-bye': 'Thanks or goodbye',
    ask: 'A question',
    'check-message': 'Checking an offer or message',
    'report-agency': 'Reporting an agency or advert',
    'already-involved': 'Already paid or gave documents to an agency',
    hardship: 'Cannot repay',
    'collection-complaint': 'Complaint about debt collection',
    'request-human': 'Asked for a person',
    distress: 'In distress',
    'harmful-request': 'Asked for help with something unlawful',
    'out-of-scope': 'Outside what the assistant covers',
  },
  risks: { none: 'No risk', low: 'Low risk', medium: 'Medium risk', high: 'High risk' },
  redFlags: {
    'upfront-fee': 'Fee up front',
    'percentage-fee': 'Percentage fee',
    'guaranteed-result': 'Guaranteed result',
    'inside-channel': 'Claims inside contacts',
    impersonation: 'Impersonation',
    'fake-policy': 'Fake policy',
    'asks-credentials': 'Asks for passwords or codes',
    'asks-documents': 'Asks for ID documents',
    'stop-repaying': 'Tells them to stop repaying',
    'cut-off-bank': 'Tells them to ignore the bank',
    fabricate: 'Fabricated documents',
    pressure: 'Pressure',
    'private-chat': 'Moves to private chat',
    'third-party-fix': 'Third party offers to fix debt or credit',
  },
  languages: { 'zh-CN': 'Chinese', en: 'English' },
  channels: {
    web: 'Web',
    app: 'Mobile app',
    wechat: 'WeChat',
    directline: 'Direct Line',
    botframework: 'Bot Framework',
  },
  priority: 'Priority',
  readOnly: 'Read only: take the conversation to reply.',
  transcript: 'Conversation (personal data masked)',
  who: { customer: 'Customer', bot: 'Anxin', agent: 'Agent', system: 'Notice' },
  citation: (title, reviewed) => `Source: "${title}" · reviewed ${reviewed}`,
  customerSays: (text) => `Customer: ${text}`,
  reply: {
    heading: 'Reply to the customer',
    label: 'Your reply',
    hint: 'Enter sends, Shift+Enter starts a new line',
    send: 'Send',
    sent: 'Sent.',
  },
  canned: {
    heading: 'Quick phrases (insert into the reply box)',
    kb: 'Knowledge-base answers for this case (insert into the reply box)',
    phrases: [
      "Hello, I'm from customer service. I've read your chat with Anxin, so you don't need to repeat it.",
      "Please don't pay the agency anything more, and don't send them ID, card details or codes.",
      'If repayments are hard, you can ask the bank directly for an instalment plan or a delay: no agency is needed and it is free.',
      'If you have already transferred money to them, please call the police (110) now and keep the chat records and receipts.',
      'Please never send your ID number, card number, passwords or verification codes in this chat.',
    ],
  },
  release: {
    heading: 'End the conversation',
    outcome: 'Outcome',
    note: 'Note (optional; needed for "Other")',
    noteNeeded: 'Please add a note when the outcome is "Other".',
    submit: 'End and hand back to Anxin',
    done: 'The conversation has ended; the customer has been told and Anxin answers again.',
    outcomes: [
      { value: 'resolved', label: 'Resolved' },
      { value: 'referred-hardship-team', label: 'Referred to the hardship team' },
      { value: 'referred-police', label: 'Referred to the police' },
      { value: 'other', label: 'Other' },
    ],
  },
};
