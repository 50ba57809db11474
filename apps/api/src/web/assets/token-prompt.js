/**
 * The form that asks for a token where the API refused data (401/403), with the identity provider's sign-in beside
 * it when the api has one.
 */
import { ApiError } from './api.js';
import { el } from './dom.js';
import { offerSignIn, renderSession } from './sign-in.js';
import { setToken, state, t } from './state.js';

/**
 * Asks for a token; `retry` runs once one is given.
 * @param {string} message why a token is needed here
 * @param {unknown} error the refusal (a 403 says why)
 * @param {() => void} retry
 */
export function tokenPrompt(message, error, retry) {
  const input = el('input', {
    id: 'token-input',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const why = error instanceof ApiError && error.status === 403 ? ` (${error.message})` : '';
  const form = el('form', { className: 'token-form', id: 'token-form' }, [
    el('p', { text: (state.token ? `${t().tokenRejected} ` : '') + message + why }),
    el('label', null, [el('span', { text: t().tokenLabel }), input]),
    el('button', { type: 'submit', text: t().useToken }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    setToken(input.value.trim());
    renderSession();
    form.remove();
    retry();
  });
  offerSignIn(form);
  return form;
}
