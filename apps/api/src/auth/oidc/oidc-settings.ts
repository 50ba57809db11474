/**
 * Sign-in with an identity provider from the web page: the OpenID Connect settings of the environment
 * (`AUTH_OIDC_ISSUER`, `AUTH_OIDC_CLIENT_ID`, `AUTH_OIDC_SCOPES`), checked at start-up with the rest of the
 * configuration. The page is a public client (OAuth 2.0 for Browser-Based Apps): it holds no secret, so there is none
 * to configure; PKCE (RFC 7636) binds the code to the tab that asked for it.
 */

export interface OidcSettings {
  /** The identity provider's issuer identifier, exactly as its discovery document names it. */
  issuer: string;
  /** The page's client id, registered at the identity provider as a public client. */
  clientId: string;
  /** The scopes the page asks for, space-separated; `openid` always among them. */
  scopes: string;
}

/** What the page asks for unless told otherwise: an ID token, nothing more. */
export const DEFAULT_OIDC_SCOPES = 'openid';

/** Loopback hosts, where plain http is allowed (a provider on the developer's machine, the tests' fixture). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `url` may carry the sign-in: https, or http on this machine only. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** Scope tokens as RFC 6749, section 3.3 defines them (printable ASCII but space, `"` and `\`). */
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * The problems of the OIDC variables (one line each, naming the variable), for the start-up's list. The issuer
 * must be https (OpenID Connect Discovery 1.0, section 3: "a case-sensitive URL using the https scheme ... and no
 * query or fragment components"), except on a loopback host; the API must be able to verify what the provider
 * issues (`AUTH_JWKS_URL`).
 */
export function oidcProblems(raw: Record<string, string | undefined>): string[] {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_SCOPES: scopes } = raw;
  const problems: string[] = [];
  if (issuer === undefined && clientId === undefined) {
    if (scopes !== undefined) problems.push('AUTH_OIDC_SCOPES is set without AUTH_OIDC_ISSUER');
    return problems;
  }
  if (issuer === undefined || clientId === undefined) {
    problems.push(
      'AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID go together: set both for sign-in from the page, or neither',
    );
  }
  if (issuer !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(issuer);
    } catch {
      problems.push(`AUTH_OIDC_ISSUER=${JSON.stringify(issuer)}: not a URL`);
    }
    if (url && !isSecureOrLoopback(url)) {
      problems.push(
        `AUTH_OIDC_ISSUER=${JSON.stringify(issuer)}: must be https (http only on a loopback host)`,
      );
    }
    if (url && (url.search || url.hash || issuer.includes('#'))) {
      problems.push(`AUTH_OIDC_ISSUER=${JSON.stringify(issuer)}: an issuer has no query or fragment`);
    }
    if (!raw.AUTH_JWKS_URL) {
      problems.push(
        "AUTH_OIDC_ISSUER needs AUTH_JWKS_URL: the api verifies the provider's tokens with its keys (its discovery " +
          'document names them as jwks_uri)',
      );
    }
  }
  if (clientId !== undefined && !/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    problems.push('AUTH_OIDC_CLIENT_ID: 1 to 200 printable characters, no spaces');
  }
  if (scopes !== undefined) {
    const list = scopes.split(' ');
    if (!list.every((scope) => SCOPE.test(scope))) {
      problems.push(`AUTH_OIDC_SCOPES=${JSON.stringify(scopes)}: scopes separated by single spaces`);
    } else if (!list.includes('openid')) {
      problems.push(`AUTH_OIDC_SCOPES=${JSON.stringify(scopes)}: must include openid`);
    }
  }
  return problems;
}

/** The settings, once `oidcProblems` found none; undefined when sign-in from the page is not configured. */
export function oidcSettingsOf(raw: Record<string, string | undefined>): OidcSettings | undefined {
  if (raw.AUTH_OIDC_ISSUER === undefined || raw.AUTH_OIDC_CLIENT_ID === undefined) return undefined;
  return {
    issuer: raw.AUTH_OIDC_ISSUER,
    clientId: raw.AUTH_OIDC_CLIENT_ID,
    scopes: raw.AUTH_OIDC_SCOPES ?? DEFAULT_OIDC_SCOPES,
  };
}
