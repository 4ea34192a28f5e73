import { button, el } from '../../widget/src/dom.js';
import type { Strings } from './i18n/strings.js';
import { caseName, label, listOr, sinceOf } from './labels.js';
import type { Agent, CaseCard, Queue } from './types.js';

export type QueueHandlers = { claim(id: string): void; open(id: string): void };

/** The risk as a badge: colour and words, never colour alone. */
export function riskBadge(t: Strings, c: CaseCard): HTMLElement {
  return el('span', { class: `ac-risk ac-risk--${c.risk}` }, label(t.risks, c.risk));
}

/** "已等待 3 分 5 秒": the element is updated every second by `tickWaiting`. */
export function waitedView(t: Strings, c: CaseCard, fetchedAt: number): HTMLElement {
  const since = sinceOf(c, fetchedAt);
  return el(
    'span',
    { class: 'ac-waited', 'data-since': String(since) },
    t.waited(Math.max(0, Math.floor((Date.now() - since) / 1000))),
  );
}

export function tickWaiting(root: ParentNode, t: Strings): void {
  for (const node of Array.from(root.querySelectorAll<HTMLElement>('[data-since]'))) {
    const s = Math.max(0, Math.floor((Date.now() - Number(node.dataset.since)) / 1000));
    node.textContent = t.waited(s);
  }
}

function card(
  t: Strings,
  c: CaseCard,
  fetchedAt: number,
  on: QueueHandlers,
  unread: number,
  mine: boolean,
): HTMLElement {
  const action = mine
    ? button('ac-btn', t.open, () => on.open(c.id), `${t.open} ${caseName(t, c)}`)
    : button('ac-btn ac-btn--primary', t.claim, () => on.claim(c.id), `${t.claim} ${caseName(t, c)}`);
  action.dataset.focus = `${mine ? 'open' : 'claim'}:${c.id}`;
  const title = button('ac-link', caseName(t, c), () => on.open(c.id));
  title.dataset.focus = `title:${c.id}`;
  return el(
    'li',
    { class: `ac-card ac-card--${c.risk}`, 'data-case': c.id },
    el(
      'h3',
      { class: 'ac-card__title' },
      c.position ? el('span', { class: 'ac-pos' }, t.position(c.position)) : null,
      title,
      c.priority ? el('span', { class: 'ac-tag ac-tag--priority' }, t.priority) : null,
    ),
    c.callbackRequested ? el('p', { class: 'ac-tag ac-tag--callback' }, t.callbackRequested) : null,
    el('p', { class: 'ac-card__why' }, label(t.reasons, c.reason)),
    el(
      'p',
      { class: 'ac-card__meta' },
      riskBadge(t, c),
      el('span', {}, t.field(t.fields.intent, label(t.intents, c.intent))),
      c.state === 'queued' ? waitedView(t, c, fetchedAt) : null,
      c.agent && !mine ? el('span', {}, t.heldBy(c.agent)) : null,
    ),
    el('p', { class: 'ac-card__flags' }, t.field(t.fields.redFlags, listOr(t, c.redFlags, t.redFlags))),
    unread ? el('p', { class: 'ac-unread' }, t.newMessages(unread)) : null,
    action,
  );
}

/** The live queue: waiting customers in service order, then the conversations this agent holds. */
export function queueView(
  t: Strings,
  agent: Agent,
  queue: Queue,
  fetchedAt: number,
  unread: Map<string, number>,
  on: QueueHandlers,
): HTMLElement {
  const list = (cards: CaseCard[], empty: string, mine: (c: CaseCard) => boolean) =>
    cards.length
      ? el(
          'ul',
          { class: 'ac-cards' },
          ...cards.map((c) => card(t, c, fetchedAt, on, unread.get(c.id) ?? 0, mine(c))),
        )
      : el('p', { class: 'ac-empty' }, empty);
  const admin = agent.role === 'admin';
  return el(
    'section',
    { class: 'ac-queue', 'aria-labelledby': 'ac-waiting-h' },
    el('h2', { id: 'ac-waiting-h', tabindex: '-1' }, t.waiting(queue.waiting.length)),
    list(queue.waiting, t.emptyWaiting, () => false),
    el('h2', { id: 'ac-mine-h' }, admin ? t.allClaimed(queue.claimed.length) : t.mine(queue.claimed.length)),
    list(queue.claimed, t.emptyMine, () => true),
    ...(queue.callbacks?.length
      ? [
          el('h2', { id: 'ac-callbacks-h' }, t.callbacks(queue.callbacks.length)),
          list(queue.callbacks, '', () => false),
        ]
      : []),
  );
}
