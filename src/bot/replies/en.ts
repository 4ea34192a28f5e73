import type { Replies } from './replies.js';

export const en: Replies = {
  welcome:
    'Hello, I\'m Anxin (安心). Ask me about "agency complaint", "credit repair" or "debt relief" services, trouble repaying, debt collection and how to complain. You can also paste an advert or message you received and I\'ll check it for warning signs.',
  welcomeActions: [
    { title: 'Is debt relief legit?', value: 'Is it safe to pay an agency to stop interest on my debt?' },
    { title: "I can't repay", value: "I can't repay my credit card, what can I do?" },
    { title: 'Check a message', value: 'I got an advert, can you check if it is legit?' },
    { title: 'Talk to a person', value: 'talk to a person' },
  ],
  thanks: 'You are welcome. Come back any time. Keep your ID, bank cards and codes to yourself.',
  outOfScope:
    "Sorry, I can't help with that one. I can help with agency complaint, credit repair and debt relief services and their risks, how to talk to your bank when you can't repay, debt collection, and the official ways to complain.",
  outOfScopeActions: [
    { title: 'What is an agency complaint service?', value: 'what is an agency complaint service' },
    { title: 'How to complain to the bank', value: 'how do i complain to my bank' },
    { title: 'Talk to a person', value: 'talk to a person' },
  ],
  stepsHeading: 'What you can do now:',
  channelsHeading: 'Where to go:',
  citation: (title, reviewed) => `Source: "${title}" (reviewed ${reviewed})`,
  clarify: 'Let me make sure I understand. Is your question about one of these? Or tell me in other words.',
  clarifyAgain:
    "Sorry, I still haven't understood. You can put it another way, pick the closest topic, or talk to a person.",
  talkToPerson: { title: 'Talk to a person', value: 'talk to a person' },
  checkHeading: 'I see these warning signs in it:',
  flagLine: (name, explain) => `- ${name}: ${explain}`,
  checkVerdict: {
    many: 'Verdict: this looks like an illegal "agency" scheme. Please do not pay, do not send your ID, card numbers or codes, and stop chatting with them privately.',
    some: 'Verdict: some of this is a warning sign. Do not pay or send documents until you have checked.',
    none: 'I did not find the usual warning signs in it, but that does not prove it is safe: banks and regulators never charge a fee to "handle" your debt, and when in doubt, ask the bank directly.',
    unsure:
      'This is about debts, credit records or collection, but from the text alone I cannot tell who wrote it or what they want from you, so I cannot call it safe. Remember: repayment plans, credit reports and complaints are handled directly with the bank or the regulators, free and without an agent; whoever asks you first for money, documents or codes, do not give them.',
  },
  checkLawfulPath: 'The legitimate way:',
  stopLossIntro:
    "Please don't blame yourself; this happens to many people. You can still limit the damage. First:",
  refusal: {
    forge:
      "I can't help with that. Forged or made-up documents put you at legal risk and can ruin a deal you could otherwise get.",
    provoke:
      "I can't help with that. Provoking or trapping staff into mistakes puts you in a dispute and does not solve the debt.",
    'malicious-complaint':
      "I can't help with that. Made-up or repeated bad-faith complaints can bring legal trouble. If something really went wrong, I can show you how to complain effectively.",
    evade:
      "I can't help with that. Hiding from a debt or moving assets to avoid it makes things worse and may be illegal.",
  },
  refusalLawfulPath: 'What you actually need has a legitimate path:',
  distress:
    "I'm really sorry you're going through this, and I'm worried about you. Debt problems can be worked out step by step; you don't have to carry this alone.\n\nIf you are thinking of hurting yourself, please call {{channel:12356}} now and talk to someone trained to help. In an emergency, call {{channel:110}} or {{channel:120}} right away.",
  frustration: "Sorry I haven't been able to help. I'm asking a person to take over.",
  handoffQueued:
    'I have asked for a customer service colleague and passed on a summary of our chat (with personal details hidden). They will reply here when they join; if it is urgent, you can also contact {{bank:hotline}}.',
  handoffPriority:
    'I have asked for a customer service colleague as a priority and passed on a summary of our chat (with personal details hidden). They will reply here when they join; if it is urgent, you can also contact {{bank:hotline}}.',
  handoffPending: 'Your request for a person is in; they will reply here when they join.',
  handoffAccepted: (agentName) =>
    `${agentName ?? 'A customer service colleague'} has joined. Please go ahead.`,
  handoffEnded: 'The customer service colleague has closed the chat. Ask me anything else any time.',
  handoffClosed: (hours) =>
    `Our customer service colleagues are not in right now (hours: ${hours}), sorry. Your request is noted; if you like, reply with a phone number and a colleague will call you back when they are in. If it is urgent, contact {{bank:hotline}}.`,
  callbackNoted: (maskedNumber) =>
    `Thank you: we will call you back on ${maskedNumber} when our colleagues are in. Only the colleague who takes it can see the number.`,
  handoffFailed:
    'Sorry, no colleague can join right now. You can keep asking me, or contact {{bank:hotline}}.',
  handoffPosition: (position) =>
    position <= 1
      ? 'You are next in line.'
      : `${position - 1} ${position === 2 ? 'customer' : 'customers'} ahead of you.`,
  piiWarning:
    "A quick note to protect you: there's no need to send ID numbers, card numbers or phone numbers in this chat, and I have hidden them. The bank never asks for passwords or codes in chat.",
  report: {
    askWhere:
      'Thank you for reporting; it helps protect others. Where did you see this agency or advert? (for example Douyin, Xiaohongshu, WeChat, a text message or a phone call)',
    askIdentifiers: (platform) =>
      `${platform ? `OK, on ${platform}. ` : ''}What contact details or account did they use? A phone number, WeChat ID, shop or account name, or web address. Reply "skip" if you have none.`,
    askDescription:
      'Last, briefly tell me what they said or did (for example the fee, or what they promised).',
    saved: (reference) =>
      `Your report is recorded; the reference is ${reference}. The bank will look into it.\n\nYou can also report the account on the platform where you saw it, report it to {{channel:12321-web}}, take fee or contract disputes to {{channel:12315}}, and if you lost money, call {{channel:110}}.`,
    cancelled: 'OK, the report is cancelled and nothing you typed was kept. Come back any time.',
    cancelAction: { title: 'Cancel report', value: 'cancel' },
    skipAction: { title: 'Skip', value: 'skip' },
    resumeAction: { title: 'Report it', value: 'I want to report an agency' },
    noted: (items) => `Noted: ${items}.`,
    reportAdAction: { title: 'Report this advert', value: 'Report this advert' },
    askAnythingElse:
      'The advert you just sent goes with the report. Anything to add, such as what they charged or how they contacted you? Reply "no" if not.',
    pitchLabel: 'The advert: ',
  },
  safeFallback:
    'Sorry, this reply did not pass our safety check, so I did not send it. Please ask again in other words, or contact {{bank:hotline}}.',
  turnError:
    'Sorry, something went wrong just now. Please try again shortly, or contact {{bank:hotline}} if it is urgent.',
};
