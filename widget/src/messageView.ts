import { button, el } from './dom.js';
import type { Strings } from './i18n/strings.js';
import { icon } from './icons.js';
import { answerNodes, dropCitationLines } from './safeHtml.js';
import type { ShownMessage } from './types.js';

export type MessageHandlers = {
  action(value: string): void;
  feedback(messageId: string, helpful: boolean): void;
  resend(messageId: string): void;
};

function bubble(m: ShownMessage): HTMLElement {
  const body = el('div', { class: 'anxin-bubble' });
  if (m.role === 'bot') {
    body.append(answerNodes(m.html));
    dropCitationLines(body, m.citations);
  } else {
    // Customer, agent and system text is text: never parsed as HTML.
    body.textContent = m.text;
    body.classList.add('anxin-bubble--text');
  }
  return body;
}

function feedback(m: ShownMessage, t: Strings, on: MessageHandlers): HTMLElement {
  const vote = (helpful: boolean, label: string) => {
    const b = button(
      'anxin-chip anxin-chip--vote',
      [icon('thumb', helpful ? 'anxin-icon' : 'anxin-icon anxin-icon--down'), label],
      () => on.feedback(m.id, helpful),
    );
    b.setAttribute('aria-pressed', String(m.helpful === helpful));
    return b;
  };
  return el(
    'div',
    { class: 'anxin-feedback', role: 'group', 'aria-label': t.helpfulQuestion },
    el('span', { class: 'anxin-feedback__q', 'aria-hidden': 'true' }, t.helpfulQuestion),
    vote(true, t.helpful),
    vote(false, t.notHelpful),
    m.helpful === undefined ? null : el('span', { class: 'anxin-feedback__thanks' }, t.feedbackThanks),
  );
}

/**
 * One message: who said it, what they said, the sources of an answer, "was this helpful?",
 * and its suggested actions when it is the latest message.
 */
export function renderMessage(
  m: ShownMessage,
  t: Strings,
  on: MessageHandlers,
  withActions: boolean,
): HTMLElement {
  const visibleWho = m.role === 'agent' || m.role === 'system';
  const item = el(
    'div',
    { class: `anxin-msg anxin-msg--${m.role}`, 'data-id': m.id },
    el('p', { class: visibleWho ? 'anxin-who' : 'anxin-sr' }, t.who[m.role]),
    bubble(m),
  );
  if (m.citations.length) {
    const cites = el('div', { class: 'anxin-cites' });
    for (const c of m.citations)
      cites.append(el('p', { class: 'anxin-cite' }, t.citation(c.title, c.reviewed)));
    item.append(cites);
  }
  if (m.delivery === 'sending') item.append(el('p', { class: 'anxin-delivery' }, t.sending));
  if (m.delivery === 'failed') {
    item.append(
      el(
        'p',
        { class: 'anxin-delivery anxin-delivery--failed' },
        `${t.notSent} `,
        button('anxin-link', t.resend, () => on.resend(m.id)),
      ),
    );
  }
  if (m.role === 'bot' && !m.welcome) item.append(feedback(m, t, on));
  if (withActions && m.suggestedActions.length) {
    const actions = el('div', { class: 'anxin-actions' });
    for (const a of m.suggestedActions)
      actions.append(button('anxin-chip', a.title, () => on.action(a.value)));
    item.append(actions);
  }
  return item;
}
