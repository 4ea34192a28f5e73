import { button, el } from '../../widget/src/dom.js';
import type { Strings } from './i18n/strings.js';
import type { CannedAnswer } from './types.js';

/**
 * The reply box with the knowledge base's answers for the case's topics and a few quick phrases;
 * `send` answers whether the reply went out.
 */
export function replyForm(
  t: Strings,
  draft: string,
  answers: CannedAnswer[],
  keep: (text: string) => void,
  send: (text: string) => Promise<boolean>,
): HTMLElement {
  const box = el('textarea', {
    id: 'ac-reply',
    rows: '3',
    maxlength: '2000',
    'aria-describedby': 'ac-reply-hint',
  });
  box.value = draft;
  box.dataset.focus = 'reply';
  const go = el('button', { class: 'ac-btn ac-btn--primary', type: 'submit' }, t.reply.send);
  const form = el(
    'form',
    { class: 'ac-reply' },
    el('label', { for: 'ac-reply' }, t.reply.label),
    box,
    el('p', { class: 'ac-hint', id: 'ac-reply-hint' }, t.reply.hint),
    go,
  );
  const submit = () => {
    const text = box.value.trim();
    if (!text || go.disabled) return;
    go.disabled = true;
    void send(text).then((ok) => {
      go.disabled = false;
      if (ok) {
        box.value = '';
        keep('');
      }
      box.focus();
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  box.addEventListener('input', () => keep(box.value));
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  const insert = (text: string) => {
    box.value = box.value.trim() ? `${box.value.trimEnd()}\n${text}` : text;
    keep(box.value);
    box.focus();
  };
  const chips = (items: { label: string; text: string }[]) =>
    el(
      'ul',
      { class: 'ac-canned' },
      ...items.map((i) => {
        const b = button('ac-chip', i.label, () => insert(i.text));
        if (i.label !== i.text) b.title = i.text;
        return el('li', {}, b);
      }),
    );
  return el(
    'section',
    { class: 'ac-reply-area', 'aria-labelledby': 'ac-reply-h' },
    el('h3', { id: 'ac-reply-h' }, t.reply.heading),
    form,
    answers.length ? el('h4', {}, t.canned.kb) : null,
    answers.length ? chips(answers.map((a) => ({ label: a.title, text: a.text }))) : null,
    el('h4', {}, t.canned.heading),
    chips(t.canned.phrases.map((p) => ({ label: p, text: p }))),
  );
}

/** Release with an outcome: a short choice plus a note (needed for "other"). */
export function releaseForm(t: Strings, release: (outcome: string) => Promise<boolean>): HTMLElement {
  const choice = el('select', { id: 'ac-outcome' });
  for (const o of t.release.outcomes) choice.append(el('option', { value: o.value }, o.label));
  const note = el('input', { id: 'ac-outcome-note', maxlength: '400', autocomplete: 'off' });
  const error = el('p', { class: 'ac-error', role: 'alert' });
  const go = el('button', { class: 'ac-btn ac-btn--danger', type: 'submit' }, t.release.submit);
  const form = el(
    'form',
    { class: 'ac-release', 'aria-labelledby': 'ac-release-h' },
    el('h3', { id: 'ac-release-h' }, t.release.heading),
    el('label', { for: 'ac-outcome' }, t.release.outcome),
    choice,
    el('label', { for: 'ac-outcome-note' }, t.release.note),
    note,
    error,
    go,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = note.value.trim();
    if (choice.value === 'other' && !text) {
      error.textContent = t.release.noteNeeded;
      note.focus();
      return;
    }
    error.textContent = '';
    go.disabled = true;
    void release(text ? `${choice.value}: ${text}` : choice.value).then(() => {
      go.disabled = false;
    });
  });
  return form;
}
