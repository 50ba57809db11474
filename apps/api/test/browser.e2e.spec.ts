import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ApiHarness } from './api-harness';
import { SCRIPT_TITLE, scriptBrowserNetwork, startOnDemoYear, type BrowserNetwork } from './browser-network';
import { chromiumLaunchOptions } from './chromium';
import {
  describeAccessibility,
  pickDoetank,
  showsEntries as waitForEntries,
} from './web-accessibility.browser';
import { describeNetworkPages } from './web-network.browser';
import { describeGatheringWrites, describeWrites } from './web-write.browser';
import { describeLiveUpdates } from './web-live.browser';
import { describeSearch } from './web-search.browser';
import { describeGatheringHeld, describeRefusalsInLanguage } from './web-gathering.browser';

/**
 * The web page at `/` and the annual report, in a real headless Chromium (the one the npm package
 * @sparticuz/chromium ships, or CHROMIUM_PATH's; see ./chromium), driven by playwright-core: what a coordinator
 * sees, clicks and prints. The demo year is loaded as a first start does, a small scripted network is written on
 * top through the command endpoints; the page then reads it like any client.
 */

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');
const PAGE_SIZE = 20;

describe('The web page and the report in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let network: BrowserNetwork;
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[] = [];
  /** Script errors and content-security-policy violations on any page a test opened. */
  let problems: string[] = [];
  /** A reader's token (the least role that reads everything): the page sends it, as after "Gebruiken". */
  let observerToken: string;
  /** A coordinator's token, for the forms that record (`web-write.browser.ts`). */
  let coordinatorToken: string;

  beforeAll(async () => {
    // First, so that a missing browser fails at once; unpacking it takes a few seconds on a machine's first run.
    const launchOptions = await chromiumLaunchOptions();
    // The demo year as a first start loads it, then a scripted network on top whose ids the tests know.
    api = await startOnDemoYear('browser');
    observerToken = await api.tokenFor('observer');
    coordinatorToken = await api.tokenFor('coordinator');
    const served = await fetch(`${api.baseUrl}/`);
    if (served.status !== 200)
      throw new Error(`GET / answered ${served.status}: is WebModule imported in AppModule?`);
    network = await scriptBrowserNetwork(api);
    await waitForReadModels(api, network.lastPosition);
    browser = await chromium.launch(launchOptions);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  /** A fresh browser tab; with a token in its session unless `anonymous`. */
  const openPage = async (options: { anonymous?: boolean; width?: number; coordinator?: boolean } = {}) => {
    await context?.close();
    context = await browser.newContext({
      viewport: { width: options.width ?? 1100, height: 900 },
      locale: 'nl-NL',
    });
    if (!options.anonymous) {
      await context.addInitScript(
        (token) => (globalThis as any).sessionStorage.setItem('slimmernetwerk.token', token),
        options.coordinator ? coordinatorToken : observerToken,
      );
    }
    // The page's script modules must load and run under its policy (script-src 'self'): the browser reports
    // any resource or script the policy blocks, and any error a script throws.
    await context.exposeFunction('reportPolicyViolation', (violation: string) => problems.push(violation));
    await context.addInitScript(() =>
      (globalThis as any).document.addEventListener('securitypolicyviolation', (event: any) =>
        (globalThis as any).reportPolicyViolation(
          `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
        ),
      ),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };

  beforeEach(async () => {
    dialogs = [];
    problems = [];
    await openPage();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined as unknown as BrowserContext;
    // Nothing a member typed may ever run: no alert, confirm or prompt on any page.
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  // Conditions run in the page as functions: the page's policy forbids evaluating strings. The page is the DOM's
  // world, which this (Node) project's types do not describe, hence `any`.
  const count = (selector: string, n: number) =>
    page.waitForFunction(
      ([sel, expected]) => (globalThis as any).document.querySelectorAll(sel).length === expected,
      [selector, n] as const,
    );
  const entryCount = (n: number) => count('#timeline li.entry', n);
  /** Waits until the timeline lists exactly these entries, in this order (a filter or a page has arrived). */
  const showsEntries = (ids: string[]) => waitForEntries(page, ids);
  const attributes = (selector: string, name: string) =>
    page.locator(selector).evaluateAll((nodes, attr) => nodes.map((n) => n.getAttribute(attr)), name);
  const apiTimeline = async (query: string) => {
    const answer = await api.request('GET', `/timeline?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as { items: { id: string; summary: string }[]; nextCursor?: string };
  };
  const pwned = () => page.evaluate(() => (globalThis as any).__pwned === true);
  /** The keys of the page's own texts (`data-text`) that show nothing: a text missing in the chosen language. */
  const blankTexts = () =>
    page
      .locator('[data-text]')
      .evaluateAll((nodes) =>
        nodes.filter((n) => !n.textContent?.trim()).map((n) => n.getAttribute('data-text')),
      );

  describe('the timeline', () => {
    it('shows the newest activity first, each entry about a Doetank linking to its page', async () => {
      await page.goto(`${api.baseUrl}/#/timeline`);
      await entryCount(PAGE_SIZE);
      const expected = await apiTimeline(`limit=${PAGE_SIZE}`);
      expect(await attributes('#timeline li.entry', 'data-id')).toEqual(expected.items.map((i) => i.id));
      const times = (await attributes('#timeline li.entry time', 'datetime')) as string[];
      expect([...times].sort().reverse()).toEqual(times);
      expect(await page.locator('#timeline li.entry .summary').first().textContent()).toBe(
        expected.items[0].summary,
      );

      const doetankEntries = page.locator('#timeline li.entry[data-doetank]');
      for (const entry of await doetankEntries.all()) {
        const doetankId = await entry.getAttribute('data-doetank');
        expect(await entry.locator('a.doetank-link').getAttribute('href')).toBe(`#/doetanks/${doetankId}`);
      }
      const { total } = (await api.request('GET', '/timeline?limit=1&total=true')).body;
      expect(await page.locator('#timeline-status').textContent()).toBe(
        `${PAGE_SIZE} van ${total} gebeurtenissen`,
      );
      expect(await page.locator('#report-links a').allTextContents()).toEqual(['2011', '2012', '2013']);
      expect(await page.locator('#report-links a').first().getAttribute('href')).toBe(
        '/retrospectives/2011/report?lang=nl',
      );
      expect(await pwned()).toBe(false);
      await saveScreenshot(page, 'web-timeline.png', false);
    });

    it('narrows the list to one kind, and to one Doetank whose entries all link to it', async () => {
      await page.goto(`${api.baseUrl}/#/timeline`);
      await entryCount(PAGE_SIZE);

      const gatherings = await apiTimeline(`kind=gathering&limit=${PAGE_SIZE}`);
      await page.selectOption('#filter-kind', 'gathering');
      await showsEntries(gatherings.items.map((i) => i.id));
      expect(new Set(await attributes('#timeline li.entry', 'data-kind'))).toEqual(new Set(['gathering']));

      const ofDoetank = await apiTimeline(`doetank=${network.doetankA}&limit=100`);
      await page.selectOption('#filter-kind', '');
      await pickDoetank(page, network.doetankATitle);
      await showsEntries(ofDoetank.items.map((i) => i.id));
      expect(new Set(await attributes('#timeline li.entry', 'data-doetank'))).toEqual(
        new Set([network.doetankA]),
      );
      expect(await attributes('#timeline li.entry a.doetank-link', 'href')).toEqual(
        ofDoetank.items.map(() => `#/doetanks/${network.doetankA}`),
      );
      expect(await page.locator('#load-more').isHidden()).toBe(true);
    });

    it('appends the next page with "Meer laden", without repeating an entry', async () => {
      await page.goto(`${api.baseUrl}/#/timeline`);
      await entryCount(PAGE_SIZE);
      const first = await apiTimeline(`limit=${PAGE_SIZE}`);
      const second = await apiTimeline(`limit=${PAGE_SIZE}&cursor=${encodeURIComponent(first.nextCursor!)}`);

      await page.getByRole('button', { name: 'Meer laden' }).click();
      const ids = [...first.items, ...second.items].map((i) => i.id);
      await showsEntries(ids);
      expect(new Set(ids).size).toBe(PAGE_SIZE * 2);
    });

    it('switches to English, summaries included, with every text of the page in both languages', async () => {
      await page.goto(`${api.baseUrl}/#/timeline`);
      await entryCount(PAGE_SIZE);
      expect(await page.locator('[data-text]').count()).toBeGreaterThan(5);
      expect(await blankTexts()).toEqual([]);
      await page.click('#lang-en');
      await page.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'en');
      const english = await apiTimeline(`limit=${PAGE_SIZE}&lang=en`);
      await page.waitForFunction(
        (summary) =>
          (globalThis as any).document.querySelector('#timeline li.entry .summary')?.textContent === summary,
        english.items[0].summary,
      );
      expect(await page.locator('#timeline-title').textContent()).toBe('Timeline');
      expect(await page.locator('label', { hasText: 'Kind' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Load more' }).isVisible()).toBe(true);
      expect(await blankTexts()).toEqual([]);
    });
  });

  describe('a Doetank page', () => {
    it('asks an anonymous reader for a token before it shows the audit history', async () => {
      await openPage({ anonymous: true });
      await page.goto(`${api.baseUrl}/#/doetanks/${network.doetankA}`);
      await page.locator('#token-form').waitFor();
      expect(await page.locator('#doetank-history tbody tr').count()).toBe(0);

      await page.fill('#token-input', observerToken);
      await page.getByRole('button', { name: 'Gebruiken' }).click();
      await page.locator('#doetank-history tbody tr').first().waitFor();
      expect(await page.locator('#doetank-history tbody tr').first().locator('td').nth(1).textContent()).toBe(
        'DoetankProposed',
      );
      expect(
        await page.evaluate(() => (globalThis as any).sessionStorage.getItem('slimmernetwerk.token')),
      ).toBe(observerToken);
    });

    it('shows the Doetank and its audit history: revision, type, business time, actor, correlation id', async () => {
      await page.goto(`${api.baseUrl}/#/timeline`);
      await pickDoetank(page, network.doetankATitle);
      await page
        .locator(`#timeline li.entry[data-doetank="${network.doetankA}"] a.doetank-link`)
        .first()
        .click();
      expect(new URL(page.url()).hash).toBe(`#/doetanks/${network.doetankA}`);

      await expect(page.locator('#doetank-title').textContent()).resolves.toBe(network.doetankATitle);
      expect(await page.locator('.stage').textContent()).toBe('Afgerond');
      const history = await api.request('GET', `/doetanks/${network.doetankA}/history`);
      const events = history.body.events as { type: string; revision: number }[];
      await count('#doetank-history tbody tr', events.length);
      const rows = page.locator('#doetank-history tbody tr');
      expect(await attributes('#doetank-history tbody tr', 'data-revision')).toEqual(
        events.map((e) => String(e.revision)),
      );
      // Business time in Dutch time (the API's 10:00 UTC is 11:00 in Amsterdam in winter), what changed, names.
      const first = await rows.first().locator('td').allTextContents();
      expect(first.slice(0, 4)).toEqual([
        '0',
        'DoetankProposed',
        '1 februari 2012 om 11:00 CET',
        'Fatima El Amrani',
      ]);
      expect(first[4]).toContain('status: — → Voorgesteld');
      expect(first[4]).toContain('leden: + Fatima El Amrani');
      expect(first[6]).toBe(network.proposalCorrelationId);
      expect(await rows.nth(1).locator('td').nth(4).textContent()).toBe('coach: — → Joost Verhoeven');
      expect(await rows.nth(2).locator('td').nth(1).textContent()).toBe('DoetankStarted');
      expect(await rows.nth(2).locator('td').nth(3).textContent()).toBe('Joost Verhoeven');
      const leave = page.locator('#doetank-history tbody tr', { hasText: 'MemberLeftDoetank' });
      expect(await leave.locator('td').nth(4).textContent()).toMatch(/^leden: − \S/);
      expect(await leave.locator('td').nth(5).textContent()).toBe('Andere baan, geen tijd meer.');
      // Summer time: 10:00 UTC on 1 June is 12:00 in Amsterdam.
      expect(await leave.locator('td').nth(2).textContent()).toBe('1 juni 2012 om 12:00 CEST');
      expect(await page.locator('#doetank-history').textContent()).not.toMatch(/@example\.nl/);
      expect(await page.locator('.results a').getAttribute('href')).toBe(
        'https://example.nl/businesscase-flexwerken.pdf',
      );

      await saveScreenshot(page, 'web-doetank.png', true);

      await page.getByRole('link', { name: /Terug naar de tijdlijn/ }).click();
      await page.locator('#timeline li.entry').first().waitFor();
    });

    it('shows a title with markup in it as text', async () => {
      await page.goto(`${api.baseUrl}/#/doetanks/${network.doetankScript}`);
      await expect(page.locator('#doetank-title').textContent()).resolves.toBe(SCRIPT_TITLE);
      await count('#doetank-history tbody tr', 1);
      expect(await pwned()).toBe(false);
    });
  });

  const fixture = { api: () => api, network: () => network, openPage, screenshot: saveScreenshot };
  describeNetworkPages(fixture);
  describeAccessibility(fixture);
  describeWrites(fixture);
  describe('live updates', () => describeLiveUpdates(fixture));
  describe('gatherings from the page', () => describeGatheringWrites(fixture));
  describe('a gathering held, from the page', () => describeGatheringHeld(fixture));
  describe('refusals in the page’s language', () => describeRefusalsInLanguage(fixture));
  describeSearch(fixture);

  describe('the 2012 report', () => {
    const chart = (id: string) => `svg[data-chart="${id}"]`;
    const values = (selector: string) =>
      page.locator(selector).evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-value'))));

    it('draws its charts from the report’s figures, in Dutch, and is saved as a screenshot', async () => {
      const report = (await api.request('GET', '/retrospectives/2012')).body;
      await page.goto(`${api.baseUrl}/retrospectives/2012/report`);
      expect(await page.locator('h1').textContent()).toBe('Terugblik 2012');
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');

      const charts = page.locator('svg[role="img"]');
      expect(await charts.count()).toBe(8);
      for (const svg of await charts.all()) {
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(80);
        expect((await svg.locator('title').first().textContent())!.length).toBeGreaterThan(5);
      }

      expect(await values(`${chart('chart-member-growth')} circle.point`)).toEqual(
        report.memberGrowthPerMonth.map((m: { total: number }) => m.total),
      );
      const { doetanks } = report;
      expect(await values(`${chart('chart-funnel')} rect.bar`)).toEqual([
        doetanks.proposed,
        doetanks.started,
        doetanks.concluded,
        doetanks.stopped,
        doetanks.activeAtYearEnd,
      ]);
      expect(await page.locator(`${chart('chart-funnel')} text.label`).allTextContents()).toEqual([
        'Voorgesteld',
        'Gestart',
        'Afgerond',
        'Gestopt',
        'Actief eind jaar',
      ]);
      expect(await page.locator(`${chart('chart-sectors')} rect.bar`).count()).toBe(7);
      expect(await page.locator(`${chart('chart-roles')} rect.bar`).count()).toBe(3);
      expect(await page.locator(`${chart('chart-themes')} text.label`).allTextContents()).toEqual(
        report.themes.map((t: { title: string }) => t.title),
      );
      expect(await page.locator(`${chart('chart-results')} rect.bar`).count()).toBe(5);
      const kinds = ['cafe', 'grand-cafe', 'masterclass'];
      expect(await values(`${chart('chart-gatherings')} rect.bar`)).toEqual(
        kinds.flatMap((k) => [
          report.gatherings.byKind[k].attendance,
          report.gatherings.byKind[k].firstTimeAttendees,
        ]),
      );
      expect(await values(`${chart('chart-activity')} rect.bar`)).toEqual(
        report.activityPerMonth.map((m: { events: number }) => m.events),
      );
      expect(await page.locator('.card[data-figure="membersTotalAtYearEnd"] .card-value').textContent()).toBe(
        new Intl.NumberFormat('nl-NL').format(report.members.totalAtYearEnd),
      );

      await saveScreenshot(page, 'report-2012-nl.png', true);
      expect(existsSync(join(ARTIFACTS, 'report-2012-nl.png'))).toBe(true);
    });

    it('is in English with lang=en, with the same charts', async () => {
      await page.goto(`${api.baseUrl}/retrospectives/2012/report?lang=en`);
      expect(await page.locator('h1').textContent()).toBe('2012 in review');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('svg[role="img"]').count()).toBe(8);
      expect(await page.locator(`${chart('chart-funnel')} text.label`).allTextContents()).toEqual([
        'Proposed',
        'Started',
        'Concluded',
        'Stopped',
        'Active at year end',
      ]);
      expect(await page.locator(`${chart('chart-member-growth')} circle.point`).count()).toBe(12);
      expect(
        await page
          .locator(`${chart('chart-activity')} text.label`)
          .first()
          .textContent(),
      ).toBe('Jan');
      expect(await page.locator('h2').allTextContents()).toContain('The year in brief');
    });

    it('is reached from the web page and exports Markdown', async () => {
      await page.goto(`${api.baseUrl}/`);
      await page.getByRole('link', { name: '2012', exact: true }).click();
      await page.waitForURL(/\/retrospectives\/2012\/report\?lang=nl$/);
      expect(await page.locator('h1').textContent()).toBe('Terugblik 2012');

      const markdown = await fetch(`${api.baseUrl}/retrospectives/2012/report?format=md&lang=en`);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await markdown.text()).toMatch(/^# Slimmernetwerk · 2012 in review\n/);
    });

    it('is served with its type, language and a strict policy, and refuses unknown options', async () => {
      const html = await fetch(`${api.baseUrl}/retrospectives/2012/report?lang=en`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('content-language')).toBe('en');
      expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(Number(html.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(network.lastPosition);

      for (const query of ['lang=de', 'format=pdf', 'colour=red']) {
        const refused = await api.request('GET', `/retrospectives/2012/report?${query}`);
        expect(refused.status).toBe(400);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
      }
      expect((await api.request('GET', '/retrospectives/12/report')).status).toBe(400);

      const empty = await fetch(`${api.baseUrl}/retrospectives/2030/report`);
      expect(empty.status).toBe(200);
      expect(await empty.text()).toContain('Terugblik 2030');
    });
  });
});

/** Keeps what the page looked like in test-artifacts/ (gitignored; CI keeps it as an artifact). */
async function saveScreenshot(page: Page, name: string, fullPage: boolean): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage });
}

/** Waits until every read model the page and the report use has applied the network's last event. */
async function waitForReadModels(api: ApiHarness, position: number): Promise<void> {
  for (const path of ['/timeline', '/doetanks', '/members', '/gatherings', '/retrospectives/2012']) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await api.request('GET', `${path}?minPosition=${position}`);
      if (answer.headers.get('x-read-model-consistent') === 'true') break;
      if (Date.now() > deadline) throw new Error(`${path} did not reach position ${position} in a minute`);
    }
  }
}
