import { el } from '../../widget/src/dom.js';
import { answerNodes, dropCitationLines } from '../../widget/src/safeHtml.js';
import type { Strings } from './i18n/strings.js';
import { clock, label } from './labels.js';
import type { Line } from './types.js';

const ROLES = new Set(['customer', 'bot', 'agent', 'system']);

/**
 * One transcript line, marked with who said it. Only the bot's answer HTML is used, after the
 * widget's own browser-side sanitising; everything else is inserted as text.
 */
export function lineView(t: Strings, line: Line): HTMLElement {
  const role = ROLES.has(line.role) ? line.role : 'system';
  const body = el('div', { class: 'ac-text' });
  if (role === 'bot' && line.html) {
    body.append(answerNodes(line.html));
    dropCitationLines(body, line.citations ?? []);
  } else body.textContent = line.text;
  const item = el(
    'li',
    { class: `ac-line ac-line--${role}` },
    el(
      'p',
      { class: 'ac-who' },
      label(t.who, role),
      ' ',
      el('span', { class: 'ac-time' }, clock(line.createdAt ?? line.at)),
    ),
    body,
  );
  for (const c of line.citations ?? [])
    item.append(el('p', { class: 'ac-cite' }, t.citation(c.title, c.reviewed)));
  return item;
}
