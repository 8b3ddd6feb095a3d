import { api, ApiError } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { language, t } from './i18n.js';
import type { Me } from '../kb-wire.js';

/** The sign-in form shown when there is no session. */
export function loginView(root: HTMLElement, onSignedIn: (me: Me) => void): void {
  const email = h('input', { attrs: { type: 'email', name: 'email', autocomplete: 'username', required: '' } });
  const password = h('input', { attrs: { type: 'password', name: 'password', autocomplete: 'current-password', required: '' } });
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const submit = h('button', { class: 'primary', text: t('signIn'), attrs: { type: 'submit' } });
  const heading = h('h1', { text: t('signInTitle'), attrs: { tabindex: '-1' } });
  const form = h('form', { class: 'login card', attrs: { novalidate: '' } }, heading, field(t('email'), email), field(t('password'), password), error, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    api<Me>('POST', '/login', { email: email.value, password: password.value }, language())
      .then(onSignedIn, (failure: unknown) => {
        error.textContent = failure instanceof ApiError ? failure.message : t('errorGeneric');
        password.value = '';
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  replaceChildren(root, form);
  email.focus();
}
