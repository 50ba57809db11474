import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ApiHarness } from './api-harness';
import { axeViolations, WIDTHS, type AccessibilityFixture } from './web-accessibility.browser';

/**
 * Live updates in the browser tests: entries recorded elsewhere (through the API) appear on a timeline that is
 * open, without a reload, under its own filters, and where they belong in its order. Called from the one spec file
 * that launches the browser.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const now = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A small world of its own for each test: members, gatherings and Doetanks written through the API. */
function writer(api: ApiHarness) {
  const created = async (method: string, path: string, body: object) => {
    const answer = await api.request(method, path, body);
    // 201 for a new stream, 200 for a command on an existing one.
    expect([200, 201]).toContain(answer.status);
    return answer.body as { aggregateId: string; position: number };
  };
  return {
    member: (name: string) =>
      created('POST', '/members', {
        name,
        email: `${randomUUID().slice(0, 8)}@example.nl`,
        organisation: 'Gemeente Almere',
        sector: 'gemeente',
        role: 'professional',
      }),
    /** A gathering scheduled (recorded as scheduled `occurredAt`, business time, when given). */
    gathering: (venue: string, occurredAt?: string) =>
      created('POST', '/gatherings', {
        kind: 'cafe',
        title: `Café ${venue}`,
        startsAt: now(86_400_000),
        venue,
        capacity: 40,
        occurredAt,
      }),
    register: (gatheringId: string, memberId: string) =>
      created('POST', `/gatherings/${gatheringId}/registrations`, { memberId }),
    doetank: (title: string, proposedBy: string) =>
      created('POST', '/doetanks', { title, problemStatement: 'Te veel loketten.', proposedBy }),
    coach: (doetankId: string, coachId: string) =>
      created('POST', `/doetanks/${doetankId}/coach`, { coachId }),
  };
}

export function describeLiveUpdates(fixture: AccessibilityFixture): void {
  const entries = (page: Page) =>
    page.locator('#timeline li.entry').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  /** The id of the timeline entry that the write at `position` made, of the entries about this gathering or Doetank. */
  const entryOf = async (filter: string, position: number) => {
    const answer = await fixture.api().request('GET', `/timeline?${filter}&limit=1&minPosition=${position}`);
    return answer.body.items[0].id as string;
  };
  /** A timeline at this URL, once it shows its first page and listens. */
  const openTimeline = async (hash: string, width?: number) => {
    const page = await fixture.openPage({ width });
    await page.goto(`${fixture.api().baseUrl}/${hash}`);
    await page.waitForFunction(() => {
      const doc = (globalThis as any).document;
      return (
        doc.documentElement.hasAttribute('data-live-position') &&
        /\S/.test(doc.querySelector('#timeline-status').textContent) &&
        !/Laden/.test(doc.querySelector('#timeline-status').textContent)
      );
    });
    await page.evaluate(() => ((globalThis as any).__sameDocument = true));
    return page;
  };
  const sameDocument = (page: Page) => page.evaluate(() => (globalThis as any).__sameDocument === true);
  const status = (page: Page) => page.locator('#timeline-status').textContent();

  it('shows a gathering recorded elsewhere on an open timeline, without a reload', async () => {
    const api = fixture.api();
    const page = await openTimeline('#/timeline');
    const before = await page.locator('#timeline li.entry').count();

    const scheduled = await writer(api).gathering(`Pakhuis ${randomUUID().slice(0, 6)}`);
    const entryId = await entryOf(`gathering=${scheduled.aggregateId}`, scheduled.position);

    await page.locator(`#timeline li.entry[data-id="${entryId}"]`).waitFor();
    expect(await page.locator('#timeline li.entry').first().getAttribute('data-id')).toBe(entryId);
    expect(await page.locator('#timeline li.entry').count()).toBe(before + 1);
    expect(await sameDocument(page)).toBe(true);
    await fixture.screenshot(page, 'web-timeline-live.png', false);
  });

  it('follows the filters: kind and period, member and event type, Doetank, words; each entry in its place', async () => {
    const api = fixture.api();
    const write = writer(api);
    const suffix = randomUUID().slice(0, 6);

    // Kind and period: a gathering today shows, a member who joined does not.
    const period = `kind=gathering&from=${day(-1)}&to=${day(1)}`;
    let page = await openTimeline(`#/timeline?${period}`);
    let before = await entries(page);
    const { total } = (await api.request('GET', `/timeline?${period}&limit=1&total=true`)).body;
    const joined = await write.member(`Mees Meelezer ${suffix}`);
    const scheduled = await write.gathering(`Zaal ${suffix}`);
    const gatheringEntry = await entryOf(`gathering=${scheduled.aggregateId}`, scheduled.position);
    await page.locator(`#timeline li.entry[data-id="${gatheringEntry}"]`).waitFor();
    expect(await entries(page)).toEqual([gatheringEntry, ...before]);
    expect(await status(page)).toMatch(new RegExp(`^${before.length + 1} van ${total + 1} gebeurtenis`));
    expect(await sameDocument(page)).toBe(true);

    // A member and an event type: the member's registration shows, another member's does not.
    const other = await write.member(`Olga Ander ${suffix}`);
    page = await openTimeline(`#/timeline?member=${joined.aggregateId}&type=ParticipantRegistered`);
    expect(await entries(page)).toEqual([]);
    await write.register(scheduled.aggregateId, other.aggregateId);
    const registered = await write.register(scheduled.aggregateId, joined.aggregateId);
    const registrationEntry = await entryOf(
      `member=${joined.aggregateId}&type=ParticipantRegistered`,
      registered.position,
    );
    await page.locator(`#timeline li.entry[data-id="${registrationEntry}"]`).waitFor();
    expect(await entries(page)).toEqual([registrationEntry]);
    expect(await status(page)).toBe('1 van 1 gebeurtenis · Dat was alles.');

    // A Doetank: its coach shows, another Doetank's coach does not.
    const mine = await write.doetank(`Loket ${suffix}`, joined.aggregateId);
    const theirs = await write.doetank(`Balie ${suffix}`, joined.aggregateId);
    page = await openTimeline(`#/timeline?doetank=${mine.aggregateId}`);
    before = await entries(page);
    await write.coach(theirs.aggregateId, other.aggregateId);
    const coached = await write.coach(mine.aggregateId, other.aggregateId);
    const coachEntry = await entryOf(`doetank=${mine.aggregateId}&type=CoachAssigned`, coached.position);
    await page.locator(`#timeline li.entry[data-id="${coachEntry}"]`).waitFor();
    expect(await entries(page)).toEqual([coachEntry, ...before]);
    expect(await sameDocument(page)).toBe(true);

    // Words of the summaries; an entry whose business time lies earlier takes its place, not the top.
    const words = randomUUID().slice(0, 6);
    const early = await write.gathering(`Hal ${words}`, now(-2 * 3_600_000));
    const late = await write.gathering(`Hal ${words} Oost`);
    page = await openTimeline(`#/timeline?q=${words}`);
    const [earlyEntry, lateEntry] = await Promise.all(
      [early, late].map((g) => entryOf(`gathering=${g.aggregateId}`, g.position)),
    );
    expect(await entries(page)).toEqual([lateEntry, earlyEntry]);
    const between = await write.gathering(`Hal ${words} West`, now(-3_600_000));
    const betweenEntry = await entryOf(`gathering=${between.aggregateId}`, between.position);
    await page.locator(`#timeline li.entry[data-id="${betweenEntry}"]`).waitFor();
    expect(await entries(page)).toEqual([lateEntry, betweenEntry, earlyEntry]);
    expect(await status(page)).toBe('3 van 3 gebeurtenissen · Dat was alles.');
  });

  for (const width of WIDTHS) {
    it(`oldest first: adds a new entry at the end of the last page, else says how many wait, at ${width} px`, async () => {
      const write = writer(fixture.api());
      const suffix = randomUUID().slice(0, 6);

      // All of it on one page: the new entry goes at its end.
      const first = await write.gathering(`Zaal ${suffix}`);
      let page = await openTimeline(`#/timeline?order=oldest&q=${suffix}`, width);
      const firstEntry = await entryOf(`gathering=${first.aggregateId}`, first.position);
      expect(await entries(page)).toEqual([firstEntry]);
      const second = await write.gathering(`Zaal ${suffix} Noord`);
      const secondEntry = await entryOf(`gathering=${second.aggregateId}`, second.position);
      await page.locator(`#timeline li.entry[data-id="${secondEntry}"]`).waitFor();
      expect(await entries(page)).toEqual([firstEntry, secondEntry]);
      expect(await status(page)).toBe('2 van 2 gebeurtenissen · Dat was alles.');
      expect(await page.locator('#timeline-new').isHidden()).toBe(true);

      // More pages to come: the list stays as it is, a note says what waits at its end and links to it newest first.
      page = await openTimeline('#/timeline?kind=gathering&order=oldest', width);
      const shown = await entries(page);
      const third = await write.gathering(`Zaal ${suffix} Zuid`);
      await page.locator('#timeline-new:not([hidden])').waitFor();
      expect(await page.locator('#timeline-new').textContent()).toBe(
        'Er is 1 nieuwe gebeurtenis sinds deze lijst werd gelezen. Toon de nieuwste eerst',
      );
      expect(await entries(page)).toEqual(shown);
      expect(await axeViolations(page)).toEqual([]);
      await fixture.screenshot(page, `web-timeline-oldest-new-${width}.png`, false);
      await page.click('#timeline-new a');
      await page.waitForURL(/#\/timeline\?kind=gathering$/);
      const thirdEntry = await entryOf(`gathering=${third.aggregateId}`, third.position);
      await page.waitForFunction(
        (id) => (globalThis as any).document.querySelector('#timeline li.entry')?.dataset.id === id,
        thirdEntry,
      );
      expect(await sameDocument(page)).toBe(true);
    });
  }
}
