import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { ApiHarness, until } from './api-harness';
import { OidcProvider } from './oidc-provider';
import { WEB_CSP } from '../src/web/web.http.controller';

/**
 * Sign-in from the web page with an identity provider, as the api takes part in it: the settings it gives the page
 * (`GET /auth/oidc`, from the provider's discovery document), the page's policy that lets it reach the token
 * endpoint, the checks of the discovery document at start-up, a provider that is down, and the provider's tokens
 * accepted by the api. The fixture provider is a real HTTP server (./oidc-provider); the page's own checks (state,
 * nonce) run in Chromium (web-sign-in.e2e.spec.ts).
 */
describe('Sign-in with an identity provider (AUTH_OIDC_*)', () => {
  let provider: OidcProvider;
  beforeAll(async () => {
    provider = await OidcProvider.start();
  });
  afterAll(() => provider.stop());
  beforeEach(() => {
    provider.discoveryStatus = 200;
    provider.discoveryOverrides = {};
  });

  describe('configured', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await ApiHarness.start({ env: provider.apiEnv() });
      provider.allowRedirect(`${api.baseUrl}/`);
    });
    afterAll(() => api.stop());

    it("gives the page the provider's endpoints from its discovery document, and no secret", async () => {
      const answer = await api.anonymous().request('GET', '/auth/oidc');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(answer.body).toEqual({
        enabled: true,
        issuer: provider.issuer,
        clientId: provider.clientId,
        scopes: 'openid',
        authorizationEndpoint: `${provider.issuer}/authorize`,
        tokenEndpoint: `${provider.issuer}/token`,
        endSessionEndpoint: `${provider.issuer}/logout`,
      });
    });

    it("lets the page reach the provider's token endpoint, and nothing else outside its origin", async () => {
      const page = await fetch(`${api.baseUrl}/`);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain(`connect-src 'self' ${provider.issuer};`);
      expect(policy.replace(` ${provider.issuer}`, '')).toBe(WEB_CSP);
    });

    it('accepts the access token the provider issues for a code and its PKCE verifier', async () => {
      // The page's part, by hand: authorize, the user consents, the code for tokens.
      const verifier = randomBytes(32).toString('base64url');
      const authorize = new URL(`${provider.issuer}/authorize`);
      Object.entries({
        response_type: 'code',
        client_id: provider.clientId,
        redirect_uri: `${api.baseUrl}/`,
        scope: 'openid',
        state: 'st',
        nonce: 'nn',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).forEach(([name, value]) => authorize.searchParams.set(name, value));
      const consentPage = await (await fetch(authorize)).text();
      const consent = /name="consent" value="([^"]+)"/.exec(consentPage)![1];
      const back = await fetch(`${provider.issuer}/consent`, {
        method: 'POST',
        body: new URLSearchParams({ consent, answer: 'allow' }),
        redirect: 'manual',
      });
      const callback = new URL(back.headers.get('location')!);
      expect(callback.origin + callback.pathname).toBe(`${api.baseUrl}/`);
      expect(callback.searchParams.get('state')).toBe('st');
      const tokens = (await (
        await fetch(`${provider.issuer}/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: callback.searchParams.get('code')!,
            redirect_uri: `${api.baseUrl}/`,
            client_id: provider.clientId,
            code_verifier: verifier,
          }),
        })
      ).json()) as { access_token: string; id_token: string };
      expect(decodeJwt(tokens.id_token)).toMatchObject({ nonce: 'nn', aud: provider.clientId });

      const members = await api
        .anonymous()
        .request('GET', '/members', undefined, { authorization: `Bearer ${tokens.access_token}` });
      expect(members.status).toBe(200);
      // The ID token is the page's, not the api's: its audience is the client, so the api refuses it.
      const withIdToken = await api
        .anonymous()
        .request('GET', '/members', undefined, { authorization: `Bearer ${tokens.id_token}` });
      expect(withIdToken.status).toBe(401);
    });
  });

  it('says so when sign-in is not configured, and the page keeps its own policy', async () => {
    const api = await ApiHarness.start();
    try {
      expect((await api.anonymous().request('GET', '/auth/oidc')).body).toEqual({ enabled: false });
      expect((await fetch(`${api.baseUrl}/`)).headers.get('content-security-policy')).toBe(WEB_CSP);
    } finally {
      await api.stop();
    }
  });

  describe('refuses to start with a discovery document that breaks a rule', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['another issuer', { issuer: 'https://evil.example' }, /names issuer "https:\/\/evil.example"/],
      ['no PKCE with S256', { code_challenge_methods_supported: ['plain'] }, /PKCE with S256/],
      ['no code flow', { response_types_supported: ['id_token'] }, /authorization code flow/],
      [
        'a token endpoint in plain http elsewhere',
        { token_endpoint: 'http://idp.example/token' },
        /token_endpoint must be an https URL/,
      ],
    ];
    it.each(cases)('%s', async (_what, overrides, message) => {
      provider.discoveryOverrides = overrides;
      await expect(ApiHarness.start({ env: provider.apiEnv() })).rejects.toThrow(message);
    });
  });

  it('starts while the provider is down, answers 503 until it is back, then the settings', async () => {
    provider.discoveryStatus = 503;
    const api = await ApiHarness.start({ env: provider.apiEnv() });
    try {
      const down = await api.anonymous().request('GET', '/auth/oidc');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: 'AUTH.OIDC_UNAVAILABLE' });
      expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
      // The rest of the api does not depend on the provider.
      expect((await api.anonymous().request('GET', '/health')).status).toBe(200);

      provider.discoveryStatus = 200;
      await until(
        async () => (await api.anonymous().request('GET', '/auth/oidc')).status === 200,
        'the settings once the provider is back',
      );
      expect((await api.anonymous().request('GET', '/auth/oidc')).body).toMatchObject({
        enabled: true,
        tokenEndpoint: `${provider.issuer}/token`,
      });
    } finally {
      await api.stop();
    }
  });
});
