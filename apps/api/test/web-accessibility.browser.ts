import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ApiHarness } from './api-harness';
import type { BrowserNetwork } from './browser-network';

/**
 * The web page against WCAG 2.2 AA in the browser tests: axe-core (Deque's checker, the engine behind most
 * accessibility tools) on every view at a desktop and a phone width, with a screenshot of each, and the keyboard
 * paths a reader without a mouse takes. Called from the one spec file that launches the browser, with its page.
 */

/** The widths every view is checked at: a laptop and a small phone (an iPhone 12-15 is 390 CSS pixels wide). */
export const WIDTHS = [1280, 390] as const;

/** The rules of WCAG 2.0-2.2 at levels A and AA, and axe's own best practices (headings, landmarks, regions). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// axe-core's browser build. It is evaluated through the DevTools protocol (Runtime.evaluate), which the page's
// content security policy does not govern, so the page's policy stays as it is served.
let axeSource: string | undefined;
const loadAxe = () => {
  axeSource ??= readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  return axeSource;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What axe-core finds wrong on the page as it is now (an empty list when nothing). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(loadAxe());
  return page.evaluate(async (tags) => {
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  }, AXE_TAGS);
}

export interface AccessibilityFixture {
  api: () => ApiHarness;
  network: () => BrowserNetwork;
  /**
   * A fresh tab at this width (with the reader's token unless anonymous, a coordinator's with `coordinator`); the
   * spec's afterEach checks it.
   */
  openPage: (options: { anonymous?: boolean; width?: number; coordinator?: boolean }) => Promise<Page>;
  screenshot: (page: Page, name: string, fullPage: boolean) => Promise<void>;
}

/**
 * Chooses in one of the timeline's pickers as a reader does: types `typed` into the field `picker` (`doetank`,
 * `member`), waits for the server's suggestion `option`, and takes it (what a browser does when a suggestion is
 * picked: its text fills the field).
 */
export async function pick(page: Page, picker: string, typed: string, option: string): Promise<void> {
  await page.locator(`#${picker}-search`).pressSequentially(typed);
  await page.waitForFunction(
    ([list, value]) =>
      [...(globalThis as any).document.querySelectorAll(`#${list}-options option`)].some(
        (o: any) => o.value === value,
      ),
    [picker, option] as const,
  );
  await page.fill(`#${picker}-search`, option);
}

/** Chooses a Doetank in the timeline's picker by the start of its title. */
export const pickDoetank = (page: Page, title: string) => pick(page, 'doetank', title.slice(0, 12), title);

/** Waits until the timeline lists exactly these entries, in this order. */
export const showsEntries = (page: Page, expected: string[]) =>
  page.waitForFunction(
    (want) =>
      [...(globalThis as any).document.querySelectorAll('#timeline li.entry')]
        .map((node: any) => node.getAttribute('data-id'))
        .join() === want.join(),
    expected,
  );

/** The element that has the focus: its id, tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const node = (globalThis as any).document.activeElement;
    return { id: node?.id ?? '', tag: node?.tagName ?? '', text: node?.textContent?.trim() ?? '' };
  });

const waitForFocus = (page: Page, id: string) =>
  page.waitForFunction((expected) => (globalThis as any).document.activeElement?.id === expected, id);

export function describeAccessibility(fixture: AccessibilityFixture): void {
  describe('accessibility (WCAG 2.2 AA)', () => {
    for (const width of WIDTHS) {
      it(`finds nothing wrong on any view at ${width} px, and every view has one h1`, async () => {
        const { doetankA, doetankATitle } = fixture.network();
        const base = fixture.api().baseUrl;
        let page = await fixture.openPage({ width });

        await page.goto(`${base}/`);
        await page.locator('#highlights li.entry').first().waitFor();
        await page.locator('#glance .figure').first().waitFor();
        await page.locator('#member-weeks details').first().click();
        expect(await page.locator('h1:visible').allTextContents()).toEqual(['Het netwerk']);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-home-${width}.png`, true);

        await page.goto(`${base}/#/timeline?kind=doetank&from=2012-01-01&order=oldest`);
        await page.locator('#timeline li.entry').first().waitFor();
        expect(await page.locator('h1:visible').allTextContents()).toEqual(['Tijdlijn']);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-timeline-${width}.png`, false);

        await page.goto(`${base}/#/doetanks`);
        await page.locator('#doetank-list tbody tr').first().waitFor();
        expect(await page.locator('h1:visible').allTextContents()).toEqual(['Alle Doetanks']);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetanks-${width}.png`, true);

        await page.goto(`${base}/#/doetanks/${doetankA}`);
        await page.locator('#doetank-history tbody tr').first().waitFor();
        await page.locator('#coach-history li').first().waitFor();
        expect(await page.locator('h1:visible').allTextContents()).toEqual([doetankATitle]);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetank-${width}.png`, true);

        await page.click('#lang-en');
        await page.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'en');
        await page.locator('#doetank-history tbody tr').first().waitFor();
        expect(await axeViolations(page)).toEqual([]);

        // A reader without a token: the Doetank page asks for one, in a form of its own.
        page = await fixture.openPage({ anonymous: true, width });
        await page.goto(`${base}/#/doetanks/${doetankA}`);
        await page.locator('#token-form').waitFor();
        expect(await page.locator('h1:visible').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-token-${width}.png`, true);

        await page.goto(`${base}/#/doetanks/00000000-0000-4000-8000-000000000000`);
        await page.locator('#doetank-body .status.error').waitFor();
        expect(await page.locator('h1:visible').allTextContents()).toEqual(['Doetank']);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('is usable from the keyboard: skip link, a Doetank opened and left, the focus on each view’s heading', async () => {
      const { doetankA, doetankATitle } = fixture.network();
      const page = await fixture.openPage({ width: 1280 });
      await page.goto(`${fixture.api().baseUrl}/#/timeline`);
      await page.locator('#timeline li.entry').first().waitFor();

      // The first Tab reaches the skip link, shown when focused; Enter takes the focus past the header.
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('skip-link');
      expect(await page.locator('#skip-link').isVisible()).toBe(true);
      const box = await page.locator('#skip-link').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await waitForFocus(page, 'main');

      // Tab on to the filters, then to the first link to a Doetank page; Enter opens it.
      await page.keyboard.press('Tab');
      expect((await focused(page)).tag).toMatch(/^(A|SELECT|INPUT)$/);
      await pickDoetank(page, doetankATitle);
      await page.locator(`#timeline li.entry[data-doetank="${doetankA}"]`).first().waitFor();
      await page.focus('#doetank-search');
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() =>
          Boolean((globalThis as any).document.activeElement?.classList.contains('doetank-link')),
        );
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await waitForFocus(page, 'doetank-title');
      expect((await focused(page)).text).toBe(doetankATitle);
      expect(new URL(page.url()).hash).toBe(`#/doetanks/${doetankA}`);

      // Shift+Tab from the heading reaches the way back; Enter returns to the timeline, focus on its heading.
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).text).toMatch(/Terug naar de tijdlijn/);
      await page.keyboard.press('Enter');
      await waitForFocus(page, 'timeline-title');

      // The header's link to the front page: its heading takes the focus; a week of new members opens with Enter.
      await page.focus('.site-nav a[href="#/"]');
      await page.keyboard.press('Enter');
      await waitForFocus(page, 'home-title');
      await page.locator('#member-weeks summary').first().focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('#member-weeks details').first().getAttribute('open')).toBe('');
      await page.goBack();
      await waitForFocus(page, 'timeline-title');

      // The browser's Back and Forward move the focus too.
      await page.goBack();
      await waitForFocus(page, 'doetank-title');
      await page.goForward();
      await waitForFocus(page, 'timeline-title');
      await page.goForward();
      await waitForFocus(page, 'home-title');
    });
  });
}
