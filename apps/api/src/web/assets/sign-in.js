/**
 * Signing in with the identity provider: OpenID Connect's authorization code flow with PKCE (RFC 7636), the page
 * being a public client (it holds no secret). "Aanmelden" sends the reader to the provider with a fresh `state`,
 * `nonce` and code challenge (S256), kept in sessionStorage for this tab; the provider sends them back to this page
 * with a code, which the page exchanges at the provider's token endpoint with the code's verifier. The access token
 * is then the reader's token, kept as a pasted one is (sessionStorage, this tab only). "Afmelden" forgets it (and
 * ends the provider's session when it offers RP-Initiated Logout). The settings come from `GET /auth/oidc`.
 */
import { $, clear, el } from './dom.js';
import { setToken, state, t } from './state.js';

/**
 * @typedef {{ enabled: boolean, issuer?: string, clientId?: string, scopes?: string,
 *   authorizationEndpoint?: string, tokenEndpoint?: string, endSessionEndpoint?: string }} SignInSettings
 */
/** @typedef {{ state: string, nonce: string, verifier: string, returnTo: string, at: number }} PendingSignIn */

const PENDING = 'slimmernetwerk.signIn';
const ID_TOKEN = 'slimmernetwerk.idToken';
/** A sign-in the reader did not finish within this time is not accepted any more. */
const PENDING_MAX_MS = 10 * 60_000;
/** Clock skew allowed on the ID token's expiry. */
const SKEW_S = 60;

/** @type {Promise<SignInSettings> | null} */
let settings = null;

/** The provider's settings (read once); `enabled: false` when the api has none or cannot reach the provider. */
export function signInSettings() {
  settings ??= fetch('/auth/oidc', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { enabled: false }))
    .catch(() => ({ enabled: false }));
  return settings;
}

/** Where the provider sends the reader back: this page, without query or fragment (registered at the provider). */
const redirectUri = () => `${location.origin}${location.pathname}`;

/** @param {Uint8Array} bytes */
const base64url = (bytes) =>
  window
    .btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 256 random bits: a state, a nonce or a code verifier (RFC 7636, section 4.1: 43 characters). */
const random = () => base64url(window.crypto.getRandomValues(new Uint8Array(32)));

/** @param {string} verifier @returns {Promise<string>} the S256 code challenge (RFC 7636, section 4.2) */
const challengeOf = async (verifier) =>
  base64url(
    new Uint8Array(await window.crypto.subtle.digest('SHA-256', new window.TextEncoder().encode(verifier))),
  );

/** Sends the reader to the provider's sign-in; they come back to the view they left. */
export async function signIn() {
  const s = await signInSettings();
  if (!s.enabled || !s.authorizationEndpoint || !s.clientId) return;
  /** @type {PendingSignIn} */
  const pending = {
    state: random(),
    nonce: random(),
    verifier: random(),
    returnTo: location.hash,
    at: Date.now(),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(s.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', s.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', s.scopes || 'openid');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await challengeOf(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.href);
}

/** A sign-in that is refused; `key` names its text in `signInErrors`. */
class SignInError extends Error {
  /** @param {keyof ReturnType<typeof t>['signInErrors']} key */
  constructor(key) {
    super(key);
    this.key = key;
  }
}

/**
 * The claims of a JWT, unverified: the ID token comes straight from the token endpoint over TLS, so its claims
 * are checked and its signature need not be (OpenID Connect Core 1.0, section 3.1.3.7, item 6).
 * @param {string} jwt
 * @returns {Record<string, unknown>}
 */
function claimsOf(jwt) {
  const part = jwt.split('.')[1] || '';
  const text = window.atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const json = new window.TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

/**
 * The ID token is for this page, from this provider, not expired, and answers this sign-in (its nonce): OpenID
 * Connect Core 1.0, section 3.1.3.7, items 2, 3, 4, 9 and 11.
 * @param {string} idToken
 * @param {SignInSettings} s
 * @param {PendingSignIn} pending
 */
function checkIdToken(idToken, s, pending) {
  /** @type {Record<string, unknown>} */
  let claims;
  try {
    claims = claimsOf(idToken);
  } catch {
    throw new SignInError('idToken');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const ok =
    claims.iss === s.issuer &&
    audiences.includes(s.clientId) &&
    (audiences.length === 1 || claims.azp === s.clientId) &&
    typeof claims.exp === 'number' &&
    claims.exp + SKEW_S > Date.now() / 1000 &&
    claims.nonce === pending.nonce;
  if (!ok) throw new SignInError('idToken');
}

/**
 * The provider's answer (the query of this page's address) checked against the sign-in this tab began, the code
 * exchanged, the tokens checked. Any mismatch refuses the sign-in and sends nothing further.
 * @param {URLSearchParams} answer
 * @param {PendingSignIn | null} pending
 * @returns {Promise<{ accessToken: string, idToken: string }>}
 */
async function complete(answer, pending) {
  if (!pending || Date.now() - pending.at > PENDING_MAX_MS) throw new SignInError('notStarted');
  // The state ties the answer to this tab's request (RFC 6749, section 10.12): an answer someone else made the
  // browser load, with their code, is not taken.
  if (answer.get('state') !== pending.state) throw new SignInError('state');
  const s = await signInSettings();
  if (!s.enabled || !s.tokenEndpoint || !s.clientId) throw new SignInError('failed');
  // RFC 9207: a provider that names itself must be the one asked.
  if (answer.has('iss') && answer.get('iss') !== s.issuer) throw new SignInError('state');
  if (answer.has('error'))
    throw new SignInError(answer.get('error') === 'access_denied' ? 'declined' : 'failed');
  const code = answer.get('code');
  if (!code) throw new SignInError('failed');
  const response = await fetch(s.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: s.clientId,
      code_verifier: pending.verifier,
    }),
    credentials: 'omit',
  }).catch(() => null);
  const tokens = response && response.ok ? await response.json().catch(() => null) : null;
  if (
    !tokens ||
    typeof tokens.access_token !== 'string' ||
    typeof tokens.id_token !== 'string' ||
    String(tokens.token_type).toLowerCase() !== 'bearer'
  ) {
    throw new SignInError('token');
  }
  checkIdToken(tokens.id_token, s, pending);
  return { accessToken: tokens.access_token, idToken: tokens.id_token };
}

/** What the last sign-in or sign-out should tell the reader, shown once the page has started. */
/** @type {{ key: string, error: boolean } | null} */
let notice = null;

/**
 * Finishes a sign-in when the provider sent the reader back here (`?code=…&state=…` or `?error=…`); resolves when the
 * page may start. The answer is read once: the address drops it at once (no code in the history, a bookmark or a
 * reload), and this tab's pending sign-in is used up whatever the outcome.
 */
export async function finishSignIn() {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('state') && !answer.has('code') && !answer.has('error')) return;
  /** @type {PendingSignIn | null} */
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', `${location.pathname}${(pending && pending.returnTo) || '#/'}`);
  try {
    const { accessToken, idToken } = await complete(answer, pending);
    setToken(accessToken);
    sessionStorage.setItem(ID_TOKEN, idToken);
    notice = { key: 'signedIn', error: false };
  } catch (error) {
    notice = { key: error instanceof SignInError ? error.key : 'failed', error: true };
  }
}

/** Forgets the token (and the provider's session, where it offers to end it), then shows the page afresh. */
export async function signOut() {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  sessionStorage.removeItem(ID_TOKEN);
  setToken('');
  const s = await signInSettings();
  if (idToken && s.enabled && s.endSessionEndpoint && s.clientId) {
    // OpenID Connect RP-Initiated Logout 1.0: the provider ends its session and sends the reader back here.
    const url = new URL(s.endSessionEndpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', s.clientId);
    url.searchParams.set('post_logout_redirect_uri', redirectUri());
    location.assign(url.href);
    return;
  }
  // A new load: names and forms the token showed are gone with it.
  location.reload();
}

/** The header's part: "Afmelden" while a token is in use, else "Aanmelden" when the provider is configured. */
export function renderSession() {
  const box = $('session');
  clear(box);
  if (state.token) {
    const button = el('button', {
      type: 'button',
      id: 'sign-out',
      'data-text': 'signOut',
      text: t().signOut,
    });
    button.addEventListener('click', () => void signOut());
    box.appendChild(button);
    return;
  }
  void signInSettings().then((s) => {
    if (!s.enabled || state.token || box.firstChild) return;
    const button = el('button', { type: 'button', id: 'sign-in', 'data-text': 'signIn', text: t().signIn });
    button.addEventListener('click', () => void signIn());
    box.appendChild(button);
  });
}

/** Tells the outcome of a sign-in that just came back, above the view, with the focus on it when it failed. */
export function showSignInNotice() {
  if (!notice) return;
  const message = $('sign-in-message');
  const text = notice.error
    ? t().signInErrors[/** @type {keyof ReturnType<typeof t>['signInErrors']} */ (notice.key)]
    : t().signedIn;
  message.textContent = text;
  message.className = notice.error ? 'sign-in-message error' : 'sign-in-message';
  message.hidden = false;
  if (notice.error) message.focus();
  notice = null;
  // Said once: the next view the reader opens goes without it.
  window.addEventListener('hashchange', () => (message.hidden = true), { once: true });
}

/**
 * The provider's button beside a token prompt, once the settings say there is a provider.
 * @param {HTMLElement} form the prompt
 */
export function offerSignIn(form) {
  void signInSettings().then((s) => {
    if (!s.enabled) return;
    const button = el('button', { type: 'button', className: 'sign-in-idp', text: t().signInWithProvider });
    button.addEventListener('click', () => void signIn());
    form.appendChild(el('p', { className: 'sign-in-or' }, [t().signInOr, ' ', button]));
  });
}
