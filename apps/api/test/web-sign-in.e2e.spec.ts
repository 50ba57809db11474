import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ApiHarness } from './api-harness';
import { chromiumLaunchOptions } from './chromium';
import { OidcProvider } from './oidc-provider';
import { axeViolations, WIDTHS } from './web-accessibility.browser';

/**
 * Signing in on the web page with the identity provider, in a real headless Chromium: the page sends the reader to
 * the provider (a fixture OpenID Connect provider on a real port, ./oidc-provider), the test user consents, the
 * page exchanges the code with its PKCE verifier at the token endpoint and records with the access token; signing
 * out ends the provider's session too. A provider's answer that does not belong to the sign-in the page began
 * (another state, an ID token with another nonce, a callback loaded again) is refused: no token is kept. axe-core
 * checks each step; screenshots go to test-artifacts/web-sign-in-*.png.
 */

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');

describe('Signing in on the web page with the identity provider', () => {
  let provider: OidcProvider;
  let api: ApiHarness;
  let browser: Browser;
  let context: BrowserContext | undefined;
  /** Script errors and content-security-policy violations on any page a test opened. */
  let problems: string[] = [];

  beforeAll(async () => {
    const launchOptions = await chromiumLaunchOptions();
    provider = await OidcProvider.start();
    api = await ApiHarness.start({
      env: { ...provider.apiEnv(), EMBEDDED_PROJECTOR: 'true', PUBLIC_READ: 'true' },
    });
    provider.allowRedirect(`${api.baseUrl}/`);
    browser = await chromium.launch(launchOptions);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await provider?.stop();
  });

  beforeEach(() => {
    problems = [];
    provider.misbehave = 'none';
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(problems).toEqual([]);
  });

  const openPage = async (width: number) => {
    context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
    await context.exposeFunction('reportPolicyViolation', (violation: string) => problems.push(violation));
    await context.addInitScript(() =>
      (globalThis as any).document.addEventListener('securitypolicyviolation', (event: any) =>
        (globalThis as any).reportPolicyViolation(`${event.violatedDirective} blocked ${event.blockedURI}`),
      ),
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    return page;
  };

  const storedToken = (page: Page) =>
    page.evaluate(() => (globalThis as any).sessionStorage.getItem('slimmernetwerk.token') ?? '');
  const screenshot = async (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  };

  /** From the record view's token prompt to the provider's consent page, and the user's answer there. */
  const signInThroughProvider = async (page: Page, answer: 'allow' | 'deny') => {
    await page.goto(`${api.baseUrl}/#/record`);
    await page.locator('#token-form .sign-in-idp').click();
    await page.waitForURL(`${provider.issuer}/authorize?**`);
    await page.click(`#${answer}`);
    await page.waitForURL(`${api.baseUrl}/#/record`);
  };

  const signInMessage = async (page: Page) => {
    await page.locator('#sign-in-message').waitFor();
    return page.locator('#sign-in-message').textContent();
  };

  for (const width of WIDTHS) {
    it(`signs a coordinator in, records a member with the provider's token, and signs out at ${width} px`, async () => {
      const page = await openPage(width);
      await page.goto(`${api.baseUrl}/#/record`);
      await page.locator('#token-form .sign-in-idp').waitFor();
      await page.locator('#sign-in').waitFor();
      expect(await page.locator('#token-form .sign-in-idp').textContent()).toBe(
        'Aanmelden bij uw organisatie',
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `web-sign-in-prompt-${width}.png`);

      // The provider's answer arrives as this page's address with a code; it must not stay there.
      const callbacks: string[] = [];
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.url().startsWith(`${api.baseUrl}/?`))
          callbacks.push(request.url());
      });
      const exchanges = provider.tokenRequests.length;
      await page.click('#sign-in');
      await page.waitForURL(`${provider.issuer}/authorize?**`);
      const asked = new URL(page.url()).searchParams;
      expect(asked.get('code_challenge_method')).toBe('S256');
      expect(asked.get('redirect_uri')).toBe(`${api.baseUrl}/`);
      await page.click('#allow');
      await page.waitForURL(`${api.baseUrl}/#/record`);
      expect(await signInMessage(page)).toBe('U bent aangemeld.');
      await page.locator('#join-network').waitFor();
      await page.locator('#sign-out').waitFor();
      expect(callbacks).toHaveLength(1);
      expect(new URL(callbacks[0]).searchParams.get('code')).toBeTruthy();

      // One exchange, with the verifier and no secret; the token kept is the provider's access token.
      expect(provider.tokenRequests).toHaveLength(exchanges + 1);
      const exchange = provider.tokenRequests[exchanges];
      expect(exchange).toMatchObject({
        grant_type: 'authorization_code',
        client_id: provider.clientId,
        redirect_uri: `${api.baseUrl}/`,
      });
      expect(exchange.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Object.keys(exchange)).not.toContain('client_secret');
      const token = await storedToken(page);
      expect(decodeJwt(token)).toMatchObject({
        iss: provider.issuer,
        sub: provider.user.sub,
        aud: 'slimmernetwerk',
      });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `web-signed-in-${width}.png`);

      // Recording with it: the api accepts the provider's token.
      const name = `Ilse Identiteit ${width}`;
      await page.fill('#join-network-name', name);
      await page.fill('#join-network-email', `ilse-${width}-${Date.now()}@example.nl`);
      await page.fill('#join-network-organisation', 'Gemeente Delft');
      await page.selectOption('#join-network-sector', 'gemeente');
      await page.selectOption('#join-network-role', 'professional');
      await page.click('#join-network-submit');
      await page.waitForFunction(
        () =>
          (globalThis as any).document.getElementById('join-network-message')?.textContent === 'Vastgelegd.',
      );
      const found = await api
        .anonymous()
        .request('GET', `/members?q=${encodeURIComponent(name)}`, undefined, {
          authorization: `Bearer ${token}`,
        });
      expect(found.body.items.map((m: { name: string }) => m.name)).toEqual([name]);

      // Signing out: the provider's session ends too, and the page is back without a token.
      await page.click('#sign-out');
      await page.locator('#sign-in').waitFor();
      expect(await storedToken(page)).toBe('');
      expect(provider.logouts.at(-1)).toMatchObject({
        client_id: provider.clientId,
        post_logout_redirect_uri: `${api.baseUrl}/`,
      });
      expect(provider.logouts.at(-1)!.id_token_hint).toBeTruthy();
      await page.goto(`${api.baseUrl}/#/record`);
      await page.locator('#token-form').waitFor();
      expect(await page.locator('#join-network').count()).toBe(0);
      await screenshot(page, `web-signed-out-${width}.png`);

      // The provider's answer loaded again (the history, a link someone was sent) signs nobody in.
      await page.goto(callbacks[0]);
      expect(await signInMessage(page)).toMatch(
        /^Aanmelden mislukt: deze aanmelding is niet in dit tabblad begonnen/,
      );
      expect(await storedToken(page)).toBe('');
      expect(provider.tokenRequests).toHaveLength(exchanges + 1);
      expect(page.url()).not.toContain('code=');
    });
  }

  const refusals = [
    {
      misbehave: 'state',
      what: 'an answer with another state, without exchanging its code',
      says: 'Aanmelden geweigerd: het antwoord hoort niet bij de aanmelding die deze pagina begon.',
      exchanged: 0,
    },
    {
      misbehave: 'nonce',
      what: 'an ID token with another nonce',
      says: 'Aanmelden geweigerd: het identiteitsbewijs hoort niet bij deze aanmelding.',
      exchanged: 1,
    },
  ] as const;
  for (const refusal of refusals) {
    it(`refuses ${refusal.what}, and keeps no token`, async () => {
      const page = await openPage(1280);
      provider.misbehave = refusal.misbehave;
      const exchanges = provider.tokenRequests.length;
      await signInThroughProvider(page, 'allow');
      expect(await signInMessage(page)).toBe(refusal.says);
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'sign-in-message');
      expect(provider.tokenRequests).toHaveLength(exchanges + refusal.exchanged);
      expect(await storedToken(page)).toBe('');
      await page.locator('#token-form').waitFor();
      expect(await page.locator('#sign-out').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `web-sign-in-refused-${refusal.misbehave}.png`);
    });
  }

  it('says so when the user declines at the provider', async () => {
    const page = await openPage(390);
    await signInThroughProvider(page, 'deny');
    expect(await signInMessage(page)).toBe('Aanmelden afgebroken: u gaf geen toestemming.');
    expect(await storedToken(page)).toBe('');
  });
});
