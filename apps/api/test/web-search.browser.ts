import type { Page } from 'playwright-core';
import {
  axeViolations,
  pickDoetank,
  showsEntries,
  WIDTHS,
  type AccessibilityFixture,
} from './web-accessibility.browser';

/** The ids of the timeline's entries as the page lists them. */
const listed = (page: Page) =>
  page
    .locator('#timeline li.entry')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));

/**
 * The timeline's full-text search and its Doetank picker, in the browser: the page asks the API what a reader
 * types, shows exactly what the API answers, keeps the choice in the URL, shows titles and never ids, and axe-core
 * finds nothing wrong at either width. Called from the one spec file that launches the browser.
 */
export function describeSearch(fixture: AccessibilityFixture): void {
  describe('search and the Doetank picker', () => {
    const timeline = async (query: string) => {
      const answer = await fixture.api().request('GET', `/timeline?${query}`);
      expect(answer.status).toBe(200);
      return (answer.body.items as { id: string }[]).map((i) => i.id);
    };

    for (const width of WIDTHS) {
      it(`finds entries by words of their summary, and a Doetank by its title, at ${width} px`, async () => {
        const { doetankA, doetankATitle } = fixture.network();
        const page = await fixture.openPage({ width });
        await page.goto(`${fixture.api().baseUrl}/#/timeline`);
        await page.locator('#timeline li.entry').first().waitFor();

        // Words of a result's title, searched in the Dutch summaries; Enter starts the search.
        const found = await timeline('q=businesscase%20flexwerken&limit=20');
        expect(found.length).toBeGreaterThan(0);
        await page.fill('#filter-q', 'businesscase flexwerken');
        await page.press('#filter-q', 'Enter');
        await showsEntries(page, found);
        expect(new URL(page.url()).hash).toBe('#/timeline?q=businesscase+flexwerken');
        expect(await page.locator('#timeline-status').textContent()).toMatch(
          /^\d+ van \d+|^1 gebeurtenis|gebeurtenissen/,
        );
        expect(await page.getAttribute('#export-csv', 'href')).toContain('q=businesscase%20flexwerken');
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-search-${width}.png`, false);

        // The same search in English words finds the same entries (the title is kept as written).
        await page.click('#lang-en');
        await page.fill('#filter-q', 'shared flexwerken');
        await page.press('#filter-q', 'Enter');
        await showsEntries(page, await timeline('q=shared%20flexwerken&limit=20&lang=en'));
        expect(await listed(page)).toEqual(found);
        await page.click('#lang-nl');

        // The Doetank picker: typed, suggested by title, chosen; the search and the Doetank filter combine.
        await page.fill('#filter-q', '');
        await page.press('#filter-q', 'Enter');
        await pickDoetank(page, doetankATitle);
        await showsEntries(page, await timeline(`doetank=${doetankA}&limit=20`));
        expect(new URL(page.url()).hash).toBe(`#/timeline?doetank=${doetankA}`);
        const shown = await page.locator('#filters').evaluate((form: any) => form.innerText as string);
        expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
        expect(await page.inputValue('#doetank-search')).toBe(doetankATitle);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetank-picker-${width}.png`, false);

        // A shared link names the Doetank by id: the field shows its title, looked up.
        const other = await fixture.openPage({ width });
        await other.goto(`${fixture.api().baseUrl}/#/timeline?doetank=${doetankA}&q=deelde`);
        await other.locator('#timeline li.entry').first().waitFor();
        await other.waitForFunction(
          (title) => (globalThis as any).document.getElementById('doetank-search').value === title,
          doetankATitle,
        );
        expect(await other.inputValue('#filter-q')).toBe('deelde');
        await showsEntries(other, await timeline(`doetank=${doetankA}&q=deelde&limit=20`));

        // Emptying the picker drops the filter.
        await other.fill('#doetank-search', '');
        await showsEntries(other, await timeline('q=deelde&limit=20'));
        expect(new URL(other.url()).hash).toBe('#/timeline?q=deelde');
      });
    }

    it('says plainly when a search finds nothing', async () => {
      const page = await fixture.openPage({ width: 1280 });
      await page.goto(`${fixture.api().baseUrl}/#/timeline?q=zzzqqq`);
      await page.waitForFunction(() =>
        /Geen activiteit/.test((globalThis as any).document.getElementById('timeline-status').textContent),
      );
      expect(await page.locator('#timeline li.entry').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
