import { el } from '../../widget/src/dom.js';
import type { Strings } from './i18n/strings.js';

/** The login form; `submit` answers an error to show, or nothing when the agent is in. */
export function loginView(
  t: Strings,
  submit: (username: string, password: string) => Promise<string | undefined>,
  notice?: string,
): HTMLElement {
  const user = el('input', {
    id: 'ac-user',
    name: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: '40',
  });
  const pass = el('input', {
    id: 'ac-pass',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: '200',
  });
  const error = el('p', { class: 'ac-error', role: 'alert', id: 'ac-login-error' }, notice ?? '');
  const go = el('button', { class: 'ac-btn ac-btn--primary', type: 'submit' }, t.login.submit);
  const form = el(
    'form',
    { class: 'ac-login', 'aria-labelledby': 'ac-login-h', novalidate: true },
    el('h2', { id: 'ac-login-h' }, t.login.heading),
    el('label', { for: 'ac-user' }, t.login.username),
    user,
    el('label', { for: 'ac-pass' }, t.login.password),
    pass,
    error,
    go,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (go.disabled) return;
    go.disabled = true;
    go.textContent = t.login.busy;
    error.textContent = '';
    void submit(user.value.trim(), pass.value).then((problem) => {
      if (!problem) return;
      go.disabled = false;
      go.textContent = t.login.submit;
      error.textContent = problem;
      pass.value = '';
      pass.focus();
    });
  });
  return form;
}
