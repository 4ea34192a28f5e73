import { button, el } from '../../widget/src/dom.js';
import type { Strings } from './i18n/strings.js';
import { caseName, label, listOr } from './labels.js';
import { lineView } from './lineView.js';
import { riskBadge, waitedView } from './queueView.js';
import { releaseForm, replyForm } from './replyForms.js';
import { topicName } from './topics.js';
import type { Agent, CannedAnswer, CaseView } from './types.js';

export type CaseHandlers = {
  claim(id: string): void;
  reply(id: string, text: string): Promise<boolean>;
  release(id: string, outcome: string): Promise<boolean>;
  draft(text: string): void;
};

/** The case's topics by name, one a line: the names are phrases with commas of their own. */
function topicList(t: Strings, topics: string[]): Node | string {
  if (!topics.length) return t.fields.none;
  return el('ul', { class: 'ac-topics' }, ...topics.map((id) => el('li', {}, topicName(id, t.lang))));
}

function summaryList(t: Strings, v: CaseView, fetchedAt: number): HTMLElement {
  const c = v.summary;
  const f = t.fields;
  const row = (term: string, ...value: (Node | string)[]) => [el('dt', {}, term), el('dd', {}, ...value)];
  // Long values (topics, a call-back note) get the whole width.
  const wide = (term: string, ...value: (Node | string)[]) => [
    el('dt', {}, term),
    el('dd', { class: 'ac-wide' }, ...value),
  ];
  return el(
    'dl',
    { class: 'ac-summary' },
    ...row(f.reason, label(t.reasons, c.reason), c.priority ? ` · ${t.priority}` : ''),
    ...row(f.risk, riskBadge(t, c)),
    ...row(f.redFlags, listOr(t, c.redFlags, t.redFlags)),
    ...row(f.intent, label(t.intents, c.intent)),
    ...row(f.language, label(t.languages, c.locale)),
    ...row(f.channel, label(t.channels, c.channel)),
    ...(c.state === 'queued' ? row(f.waited, waitedView(t, c, fetchedAt)) : []),
    ...wide(f.topics, topicList(t, c.topics)),
    ...(v.callback ? wide(f.callback, v.callback.phone, v.callback.note ? ` · ${v.callback.note}` : '') : []),
  );
}

/**
 * The case: the summary the bot left, the masked transcript (new customer messages are appended
 * by the console as they arrive), and, for the agent who holds it, reply and release.
 */
export function caseView(
  t: Strings,
  agent: Agent,
  v: CaseView,
  fetchedAt: number,
  draft: string,
  canned: CannedAnswer[],
  on: CaseHandlers,
): HTMLElement {
  const c = v.summary;
  const mine = c.state === 'accepted' && c.agent === agent.username;
  const side = el('div', { class: 'ac-case__side' });
  const section = el(
    'section',
    { class: 'ac-case', 'aria-labelledby': 'ac-case-h' },
    el('h2', { id: 'ac-case-h', tabindex: '-1' }, t.caseHeading(caseName(t, c))),
    el(
      'div',
      { class: 'ac-case__body' },
      el(
        'div',
        { class: 'ac-case__main' },
        el('h3', {}, t.summary),
        summaryList(t, v, fetchedAt),
        el('h3', { id: 'ac-transcript-h' }, t.transcript),
        el(
          'ol',
          { class: 'ac-transcript', 'aria-labelledby': 'ac-transcript-h', tabindex: '0' },
          ...v.transcript.map((l) => lineView(t, l)),
        ),
      ),
      side,
    ),
  );
  if (mine) {
    side.append(
      replyForm(t, draft, canned, on.draft, (text) => on.reply(c.id, text)),
      releaseForm(t, (outcome) => on.release(c.id, outcome)),
    );
  } else {
    side.append(el('p', { class: 'ac-note' }, t.readOnly));
    if (c.state === 'queued' || c.state === 'offline') {
      const claim = button('ac-btn ac-btn--primary', t.claim, () => on.claim(c.id));
      claim.dataset.focus = `case-claim:${c.id}`;
      side.append(claim);
    }
  }
  return section;
}

/** The empty case pane, before a case is chosen. */
export function noCaseView(t: Strings): HTMLElement {
  return el(
    'section',
    { class: 'ac-case ac-case--empty', 'aria-labelledby': 'ac-case-h' },
    el('h2', { id: 'ac-case-h', tabindex: '-1' }, t.caseHeading('')),
    el('p', { class: 'ac-note' }, t.noCase),
  );
}
