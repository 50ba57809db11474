import type { Page } from 'playwright-core';
import { pick, showsEntries, type AccessibilityFixture } from './web-accessibility.browser';

/**
 * The front page and the timeline's filters in the URL, in the browser tests: what the page shows is what the
 * API answers for the same question. Called from the one spec file that launches the browser.
 */

const HIGHLIGHT_TYPES = 'DoetankStarted,DoetankConcluded,ResultShared,GatheringHeld,YearThemesDefined';

const ids = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));

export function describeNetworkPages(fixture: AccessibilityFixture): void {
  const api = () => fixture.api();
  const timeline = async (query: string) => {
    const answer = await api().request('GET', `/timeline?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as {
      items: { id: string; type: string; occurredAt: string; year: number }[];
      total?: number;
    };
  };

  describe('the front page', () => {
    it('says the demo year is a reconstruction, beside the reports, in both languages', async () => {
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/`);
      const notice = page.locator('.home-links #reconstruction-note');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /^Deze gegevens zijn een reconstructie: .*verzonnen details/,
      );
      await fixture.screenshot(page, 'web-home-reconstruction-nl.png', true);
      await page.click('#lang-en');
      await page
        .locator('.home-links #reconstruction-note:has-text("These records are a reconstruction")')
        .waitFor();
      await fixture.screenshot(page, 'web-home-reconstruction-en.png', true);
    });

    it('shows the highlights first, new members grouped by week, the latest year at a glance', async () => {
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/`);
      const highlights = await timeline(`type=${HIGHLIGHT_TYPES}&limit=8`);
      await page.locator('#highlights li.entry').first().waitFor();
      expect(await ids(page, '#highlights li.entry')).toEqual(highlights.items.map((i) => i.id));
      expect(await page.locator('#highlights li.entry[data-type="MemberJoined"]').count()).toBe(0);
      expect(await page.locator('#timeline-view').isHidden()).toBe(true);

      // Each week's line counts its joins; opened, it lists them. Together: the newest joins, week by week.
      const joins = (await timeline('type=MemberJoined&limit=100')).items;
      const weeks = page.locator('#member-weeks details');
      await weeks.first().waitFor();
      const summaries = await page.locator('#member-weeks summary').allTextContents();
      const counted = summaries.map((text) => Number(/^(\d+) /.exec(text)?.[1]));
      // The API's newest joins, counted per week (Monday, UTC), the four newest weeks.
      const perWeek = new Map<string, number>();
      for (const join of joins) {
        const day = new Date(join.occurredAt.slice(0, 10));
        day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
        const week = day.toISOString().slice(0, 10);
        if (!perWeek.has(week) && perWeek.size === 4) break;
        perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
      }
      expect(counted).toEqual([...perWeek.values()]);
      expect(await weeks.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-week')))).toEqual([
        ...perWeek.keys(),
      ]);
      expect(await weeks.first().locator('li').first().isVisible()).toBe(false);
      await weeks.first().locator('summary').click();
      expect(await weeks.first().locator('li').count()).toBe(counted[0]);
      expect(await weeks.first().locator('li').first().textContent()).toMatch(
        /sloot zich aan bij het netwerk/,
      );

      const year = Math.max(...highlights.items.map((i) => i.year), ...joins.map((j) => j.year));
      const report = (await api().request('GET', `/retrospectives/${year}`)).body;
      await page.locator('#glance .figure').first().waitFor();
      expect(await page.locator('#glance h2').textContent()).toBe(`${year} in één oogopslag`);
      const figure = (key: string) => page.locator(`#glance .figure[data-figure="${key}"] dd`).textContent();
      expect(await figure('started')).toBe(String(report.doetanks.started));
      expect(await figure('held')).toBe(String(report.gatherings.held));
      expect(await figure('results')).toBe(String(report.results.total));

      // From the highlights to the whole list of them: the same filter, in the URL.
      await page.getByRole('link', { name: /Alle hoogtepunten in de tijdlijn/ }).click();
      await page.locator('#timeline li.entry').first().waitFor();
      expect(new URL(page.url()).hash).toBe(`#/timeline?type=${encodeURIComponent(HIGHLIGHT_TYPES)}`);
      const all = await timeline(`type=${HIGHLIGHT_TYPES}&limit=20`);
      await showsEntries(
        page,
        all.items.map((i) => i.id),
      );
    });
  });

  describe('the timeline’s filters', () => {
    it('are read from the URL: period, kind, event type and oldest first, with the total', async () => {
      const page = await fixture.openPage({});
      const query = 'kind=doetank&from=2012-02-01&to=2012-10-31&order=oldest';
      await page.goto(`${api().baseUrl}/#/timeline?${query}`);
      const expected = await timeline(`${query}&limit=20&total=true`);
      await showsEntries(
        page,
        expected.items.map((i) => i.id),
      );
      const times = expected.items.map((i) => i.occurredAt);
      expect([...times].sort()).toEqual(times);
      expect(times[0] >= '2012-02-01').toBe(true);
      expect(await page.inputValue('#filter-kind')).toBe('doetank');
      expect(await page.inputValue('#filter-from')).toBe('2012-02-01');
      expect(await page.inputValue('#filter-to')).toBe('2012-10-31');
      expect(await page.inputValue('#filter-order')).toBe('oldest');
      expect(await page.locator('#timeline-status').textContent()).toContain(
        `van ${expected.total} gebeurtenissen`,
      );
      // The export links carry the same filters: the CSV has a row per entry the filters match.
      const csv = await page.getAttribute('#export-csv', 'href');
      expect(csv).toBe(
        '/timeline/export?format=csv&lang=nl&kind=doetank&from=2012-02-01&to=2012-10-31&order=oldest',
      );
      const file = await api().request('GET', csv!);
      expect(file.status).toBe(200);
      expect((file.body as string).split('\r\n').filter(Boolean)).toHaveLength(expected.total! + 1);

      await page.goto(`${api().baseUrl}/#/timeline?type=ResultShared`);
      const results = await timeline('type=ResultShared&limit=20');
      await showsEntries(
        page,
        results.items.map((i) => i.id),
      );
      expect(await page.inputValue('#filter-type')).toBe('ResultShared');
    });

    it('find a member by name as one types, and show names only', async () => {
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/#/timeline`);
      await page.locator('#timeline li.entry').first().waitFor();
      // The demo year has a namesake: the suggestions tell them apart by organisation.
      const found = (await api().request('GET', '/members?q=joost%20verh')).body.items as {
        id: string;
        name: string;
        organisation: string;
      }[];
      expect(found.length).toBeGreaterThanOrEqual(1);
      const joost = found.find((m) => m.organisation.startsWith('Organisatie'))!;

      const option = `${joost.name} (${joost.organisation})`;
      await pick(page, 'member', 'joost ver', option);
      const ofJoost = (await timeline(`member=${joost.id}&limit=20`)).items.map((i) => i.id);
      await showsEntries(page, ofJoost);
      expect(new URL(page.url()).hash).toBe(`#/timeline?member=${joost.id}`);
      expect(await page.inputValue('#member-search')).toBe(option);
      const shown = await page.locator('#filters').evaluate((form: any) => form.innerText as string);
      expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);

      // Emptying the field drops the filter.
      await page.fill('#member-search', '');
      await showsEntries(
        page,
        (await timeline('limit=20')).items.map((i) => i.id),
      );
      expect(new URL(page.url()).hash).toBe('#/timeline');
    });

    it('write every choice into the URL, and Back and Forward step through them', async () => {
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/#/timeline`);
      await page.locator('#timeline li.entry').first().waitFor();
      const newest = (await timeline('limit=20')).items.map((i) => i.id);
      await showsEntries(page, newest);

      await page.selectOption('#filter-kind', 'gathering');
      const gatherings = (await timeline('kind=gathering&limit=20')).items.map((i) => i.id);
      await showsEntries(page, gatherings);
      expect(new URL(page.url()).hash).toBe('#/timeline?kind=gathering');

      await page.fill('#filter-from', '2012-06-01');
      await page.locator('#filter-from').dispatchEvent('change');
      const since = (await timeline('kind=gathering&from=2012-06-01&limit=20')).items.map((i) => i.id);
      await showsEntries(page, since);
      expect(new URL(page.url()).hash).toBe('#/timeline?kind=gathering&from=2012-06-01');

      await page.goBack();
      await showsEntries(page, gatherings);
      expect(await page.inputValue('#filter-from')).toBe('');
      await page.goBack();
      await showsEntries(page, newest);
      expect(await page.inputValue('#filter-kind')).toBe('');
      await page.goForward();
      await showsEntries(page, gatherings);
      expect(await page.inputValue('#filter-kind')).toBe('gathering');

      // A shared link opens the same view in a new tab.
      const shared = page.url();
      const other = await fixture.openPage({});
      await other.goto(shared);
      await showsEntries(other, gatherings);
    });
  });

  describe('the Doetanks', () => {
    const walk = async (path: string) => {
      const items: any[] = [];
      let cursor: string | undefined;
      do {
        const answer = await api().request('GET', `${path}${cursor ? `&cursor=${cursor}` : ''}`);
        items.push(...answer.body.items);
        cursor = answer.body.nextCursor;
      } while (cursor);
      return items;
    };

    it('are listed with stage, client and coach; the coach named for a reader with a token', async () => {
      const { doetankA, doetankATitle } = fixture.network();
      const doetanks = await walk('/doetanks?limit=100');
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/#/doetanks`);
      const rows = page.locator('#doetank-list tbody tr');
      await page.waitForFunction(
        (n) => (globalThis as any).document.querySelectorAll('#doetank-list tbody tr').length === n,
        doetanks.length,
      );
      expect(await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-doetank')))).toEqual(
        doetanks.map((d) => d.id),
      );
      const row = page.locator(`#doetank-list tr[data-doetank="${doetankA}"]`);
      await expect(row.locator('a').textContent()).resolves.toBe(doetankATitle);
      expect(await row.locator('a').getAttribute('href')).toBe(`#/doetanks/${doetankA}`);
      expect(await row.locator('.stage').textContent()).toBe('Afgerond');
      await page.waitForFunction(
        (id) =>
          (globalThis as any).document.querySelector(`#doetank-list tr[data-doetank="${id}"] td.coach`)
            ?.textContent === 'Joost Verhoeven',
        doetankA,
      );
      const withClient = doetanks.find((d) => d.clientOrganisation);
      if (withClient) {
        expect(
          await page.locator(`#doetank-list tr[data-doetank="${withClient.id}"] td`).nth(1).textContent(),
        ).toBe(withClient.clientOrganisation);
      }
      const text = await page.locator('#doetanks-view').evaluate((node: any) => node.innerText as string);
      expect(text).not.toMatch(/[0-9a-f]{8}(-|…)/);
    });

    it('show their coaches over time, and "een lid" rather than an id to a reader without a token', async () => {
      const { doetankA } = fixture.network();
      const coaches = await api().request(
        'GET',
        `/timeline?doetank=${doetankA}&type=CoachAssigned&order=oldest`,
      );
      const page = await fixture.openPage({});
      await page.goto(`${api().baseUrl}/#/doetanks/${doetankA}`);
      await page.locator('#coach-history li').first().waitFor();
      expect(await page.locator('#coach-history li').count()).toBe(coaches.body.items.length);
      expect(await page.locator('#coach-history li').first().textContent()).toContain('Joost Verhoeven');

      const anonymous = await fixture.openPage({ anonymous: true });
      await anonymous.goto(`${api().baseUrl}/#/doetanks/${doetankA}`);
      await anonymous.locator('#coach-history li').first().waitFor();
      await anonymous.locator('#doetank-title').waitFor();
      const text = await anonymous.locator('#doetank-view').evaluate((node: any) => node.innerText as string);
      expect(text).not.toMatch(/[0-9a-f]{8}(-|…)/);
      expect(text).not.toContain('Joost Verhoeven');
      expect(text).toContain('een lid');
      const members = (await api().request('GET', `/doetanks/${doetankA}`)).body.memberIds as string[];
      expect(text).toContain(`${members.length} leden`);

      await anonymous.goto(`${api().baseUrl}/#/doetanks`);
      await anonymous.locator(`#doetank-list tr[data-doetank="${doetankA}"] td.coach`).waitFor();
      expect(
        await anonymous.locator(`#doetank-list tr[data-doetank="${doetankA}"] td.coach`).textContent(),
      ).toBe('een lid');
    });
  });
}
