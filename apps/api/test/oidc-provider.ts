import { createHash, randomBytes, randomUUID, type webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * An OpenID Connect provider for the tests: a real HTTP server on this machine with discovery, `/authorize` (a
 * consent page: the test user "Toestaan" / "Weigeren"; then back to the client with a code), `/token` (the code
 * and its PKCE verifier for an RS256 access token and ID token, signed with `jose`), `/jwks` and `/logout`
 * (RP-Initiated Logout). It checks what a real provider checks (a registered redirect URI, exactly; S256 PKCE; a
 * code used once, by the client it was issued to) and keeps every request to its token endpoint, so a test can
 * show what the page sent. `misbehave` makes it answer as an attacker in the middle would.
 */

export interface ProviderUser {
  /** The token's `sub`: the member id the api acts for. */
  sub: string;
  role: 'coordinator' | 'member' | 'observer';
  name: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  user: ProviderUser;
}

/** How the provider misbehaves: send the reader back with another state, or an ID token with another nonce. */
export type Misbehaviour = 'none' | 'state' | 'nonce';

export class OidcProvider {
  readonly clientId = 'slimmernetwerk-web';
  readonly audience = 'slimmernetwerk';
  issuer = '';
  user: ProviderUser = { sub: randomUUID(), role: 'coordinator', name: 'Carla Coördinator' };
  misbehave: Misbehaviour = 'none';
  /** The body of every request to `/token`, as form fields. */
  readonly tokenRequests: Record<string, string>[] = [];
  /** Every request to `/logout`, as query fields. */
  readonly logouts: Record<string, string>[] = [];
  /** Answer the discovery document with this status instead (a provider that is down: 503). */
  discoveryStatus = 200;
  /** Changes to the discovery document (a test of the api's checks of it). */
  discoveryOverrides: Record<string, unknown> = {};

  private readonly redirectUris = new Set<string>();
  private readonly consents = new Map<string, { query: URLSearchParams }>();
  private readonly codes = new Map<string, PendingCode>();
  private server?: Server;
  private privateKey?: webcrypto.CryptoKey;
  private jwk?: Record<string, unknown>;

  static async start(): Promise<OidcProvider> {
    const provider = new OidcProvider();
    const pair = await generateKeyPair('RS256', { extractable: true });
    provider.privateKey = pair.privateKey as webcrypto.CryptoKey;
    provider.jwk = { ...(await exportJWK(pair.publicKey)), kid: 'fixture-1', alg: 'RS256', use: 'sig' };
    provider.server = createServer((req, res) => {
      provider.handle(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
    });
    await new Promise<void>((resolve) => provider.server!.listen(0, '127.0.0.1', resolve));
    const address = provider.server.address();
    provider.issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return provider;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** The api's environment for this provider: its keys, its issuer, and sign-in from the page. */
  apiEnv(): Record<string, string> {
    return {
      AUTH_JWKS_URL: this.jwksUrl,
      AUTH_ISSUER: this.issuer,
      AUTH_OIDC_ISSUER: this.issuer,
      AUTH_OIDC_CLIENT_ID: this.clientId,
    };
  }

  /** Registers a redirect URI of the client (the page's address), as an administrator of the provider does. */
  allowRedirect(uri: string): void {
    this.redirectUris.add(uri);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration') return this.discovery(res);
    if (route === 'GET /jwks') return json(res, 200, { keys: [this.jwk] });
    if (route === 'GET /authorize') return this.authorize(url.searchParams, res);
    if (route === 'POST /consent') return this.consent(new URLSearchParams(await body(req)), res);
    if (route === 'OPTIONS /token') return this.preflight(req, res);
    if (route === 'POST /token') return this.token(req, new URLSearchParams(await body(req)), res);
    if (route === 'GET /logout') return this.logout(url.searchParams, res);
    res.statusCode = 404;
    res.end();
  }

  private discovery(res: ServerResponse): void {
    if (this.discoveryStatus !== 200) return json(res, this.discoveryStatus, { error: 'unavailable' });
    json(res, 200, {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: this.jwksUrl,
      end_session_endpoint: `${this.issuer}/logout`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      ...this.discoveryOverrides,
    });
  }

  /** The provider's sign-in: a consent page for the test user, or an error page for a request it refuses. */
  private authorize(query: URLSearchParams, res: ServerResponse): void {
    const problem =
      query.get('client_id') !== this.clientId
        ? 'unknown client'
        : !this.redirectUris.has(query.get('redirect_uri') ?? '')
          ? 'redirect_uri is not registered for this client'
          : query.get('response_type') !== 'code'
            ? 'response_type must be code'
            : query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')
              ? 'PKCE with S256 is required'
              : !(query.get('scope') ?? '').split(' ').includes('openid')
                ? 'scope must include openid'
                : undefined;
    // A refused client or redirect URI is never redirected to (RFC 6749, section 4.1.2.1).
    if (problem) return page(res, 400, 'Aanmelden geweigerd', `<p id="problem">${escape(problem)}</p>`);
    const id = randomUUID();
    this.consents.set(id, { query });
    page(
      res,
      200,
      'Aanmelden bij Slimmernetwerk',
      `<p>${escape(this.user.name)}: Slimmernetwerk wil u aanmelden.</p>
      <form method="post" action="/consent">
        <input type="hidden" name="consent" value="${id}">
        <button name="answer" value="allow" id="allow">Toestaan</button>
        <button name="answer" value="deny" id="deny">Weigeren</button>
      </form>`,
    );
  }

  private consent(form: URLSearchParams, res: ServerResponse): void {
    const pending = this.consents.get(form.get('consent') ?? '');
    if (!pending) return page(res, 400, 'Verlopen', '<p>Deze aanmelding is verlopen.</p>');
    this.consents.delete(form.get('consent')!);
    const { query } = pending;
    const back = new URL(query.get('redirect_uri')!);
    const state = this.misbehave === 'state' ? randomBytes(16).toString('base64url') : query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    // RFC 9207: the issuer says who answers, so a client talking to several providers can tell them apart.
    back.searchParams.set('iss', this.issuer);
    if (form.get('answer') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(24).toString('base64url');
      this.codes.set(code, {
        clientId: query.get('client_id')!,
        redirectUri: query.get('redirect_uri')!,
        challenge: query.get('code_challenge')!,
        nonce: query.get('nonce') ?? undefined,
        user: this.user,
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  }

  /** Browsers may ask before they post (they need not for a form-encoded body; answered all the same). */
  private preflight(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(204, {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
    res.end();
  }

  private async token(req: IncomingMessage, form: URLSearchParams, res: ServerResponse): Promise<void> {
    this.tokenRequests.push(Object.fromEntries(form));
    // A public client's token endpoint answers the page's origin (CORS), as providers do for browser apps.
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('cache-control', 'no-store');
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const refused =
      form.get('grant_type') !== 'authorization_code' || !code
        ? 'invalid_grant'
        : code.clientId !== form.get('client_id') || form.has('client_secret')
          ? 'invalid_client'
          : code.redirectUri !== form.get('redirect_uri') ||
              createHash('sha256').update(verifier).digest('base64url') !== code.challenge
            ? 'invalid_grant'
            : undefined;
    if (refused || !code) return json(res, 400, { error: refused });
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'fixture-1', typ: 'JWT' })
        .setIssuer(this.issuer)
        .setSubject(code.user.sub)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(this.privateKey!);
    const nonce = this.misbehave === 'nonce' ? randomBytes(16).toString('base64url') : code.nonce;
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: 300,
      access_token: await sign({ role: code.user.role }, this.audience),
      id_token: await sign({ nonce, name: code.user.name, azp: this.clientId }, this.clientId),
    });
  }

  private logout(query: URLSearchParams, res: ServerResponse): void {
    this.logouts.push(Object.fromEntries(query));
    const back = query.get('post_logout_redirect_uri');
    if (!back || !this.redirectUris.has(back)) return page(res, 400, 'Afgemeld', '<p>U bent afgemeld.</p>');
    res.writeHead(302, { location: back });
    res.end();
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

function page(res: ServerResponse, status: number, title: string, content: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><main><h1>${title}</h1>${content}</main></body></html>`,
  );
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
