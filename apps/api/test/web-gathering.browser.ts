import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { LIMITS } from '@app/contracts';
import { axeViolations, WIDTHS, type AccessibilityFixture } from './web-accessibility.browser';

/**
 * A gathering recorded as held from the page, its attendees chosen by name (several, from the server's
 * suggestions), and the API's validation refusals in the page's own language. Called from the one spec file that
 * launches the browser.
 */

const waitForFocus = (page: Page, id: string) =>
  page.waitForFunction((expected) => (globalThis as any).document.activeElement?.id === expected, id);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Types a name into a field of several members, waits for the server's suggestion, and picks it. */
async function addMember(page: Page, field: string, name: string, organisation: string) {
  const label = `${name} (${organisation})`;
  await page.fill(`#${field}`, name);
  await page.locator(`#${field}-options option[value="${label}"]`).waitFor({ state: 'attached' });
  await page.fill(`#${field}`, label);
  await page.locator(`#${field}-chosen li`, { hasText: label }).waitFor();
}

export function describeGatheringHeld(fixture: AccessibilityFixture): void {
  for (const width of WIDTHS) {
    it(`lets a coordinator record a gathering held, attendees chosen by name, and shows it on the timeline at ${width} px`, async () => {
      const api = fixture.api();
      const suffix = randomUUID().slice(0, 6);
      const venue = `Zaal ${suffix}`;
      const people = ['Ada Aanwezig', 'Bram Bijna', 'Cor Compleet'].map((name) => `${name} ${suffix}`);
      const ids: string[] = [];
      for (const name of people) {
        const joined = await api.request('POST', '/members', {
          name,
          email: `${randomUUID().slice(0, 8)}@example.nl`,
          organisation: 'Gemeente Deventer',
          sector: 'gemeente',
          role: 'professional',
        });
        expect(joined.status).toBe(201);
        ids.push(joined.body.aggregateId);
      }
      // It started yesterday: it may be recorded as held today.
      const scheduled = await api.request('POST', '/gatherings', {
        kind: 'cafe',
        title: `Café ${suffix}`,
        startsAt: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        venue,
        capacity: 30,
      });
      expect(scheduled.status).toBe(201);
      const gatheringId = scheduled.body.aggregateId as string;
      const upcoming = await api.request('POST', '/gatherings', {
        kind: 'cafe',
        title: `Later café ${suffix}`,
        startsAt: '2031-05-01T18:00:00Z',
        venue,
        capacity: 30,
      });
      expect(upcoming.status).toBe(201);

      const page = await fixture.openPage({ width, coordinator: true });
      const sent: { url: string; key: string | undefined }[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST')
          sent.push({ url: request.url(), key: request.headers()['idempotency-key'] });
      });
      await page.goto(`${api.baseUrl}/#/record`);
      await page
        .locator(`#record-held-gatheringId option[value="${gatheringId}"]`)
        .waitFor({ state: 'attached' });

      // No gathering chosen: the page says so under the field itself (it goes into the path), sends nothing.
      await page.click('#record-held-submit');
      await waitForFocus(page, 'record-held-gatheringId');
      expect(await page.locator('#record-held-gatheringId-error').textContent()).toBe(
        'Kies een van de mogelijkheden.',
      );
      expect(sent).toEqual([]);

      // Three attendees chosen by name, one taken off again: the names show, never an id.
      for (const name of people) await addMember(page, 'record-held-attendees', name, 'Gemeente Deventer');
      await page.click(
        `#record-held-attendees-chosen button[aria-label="${people[1]} (Gemeente Deventer) verwijderen"]`,
      );
      const chosen = [people[0], people[2]].map((name) => `${name} (Gemeente Deventer)`);
      expect(await page.locator('#record-held-attendees-chosen li span').allTextContents()).toEqual(chosen);
      expect(await page.locator('#record-held').textContent()).not.toMatch(UUID);
      expect(await axeViolations(page)).toEqual([]);
      await fixture.screenshot(page, `web-record-held-chosen-${width}.png`, true);

      // A gathering that has not started: the domain's refusal, in the page's words, under the time it is about.
      await page.selectOption('#record-held-gatheringId', upcoming.body.aggregateId);
      // Once changed, the field no longer says what was wrong with its earlier value.
      expect(await page.locator('#record-held-gatheringId-error').isHidden()).toBe(true);
      expect(await page.locator('#record-held-gatheringId').getAttribute('aria-invalid')).toBeNull();
      await page.click('#record-held-submit');
      await waitForFocus(page, 'record-held-occurredAt');
      expect(await page.locator('#record-held-occurredAt-error').textContent()).toBe(
        'De bijeenkomst begint op 1 mei 2031: pas vanaf die dag is ze gehouden.',
      );
      await page.selectOption('#record-held-gatheringId', gatheringId);

      // Held in the future: a 400 the page has no words for, in the API's, under the field it names; nothing written.
      await page.fill('#record-held-occurredAt', '2031-05-01T20:00');
      await page.click('#record-held-submit');
      await waitForFocus(page, 'record-held-occurredAt');
      expect(await page.locator('#record-held-occurredAt-error').textContent()).toMatch(/future/);
      expect((await api.request('GET', `/gatherings/${gatheringId}`)).body.status).toBe('scheduled');

      await page.fill('#record-held-occurredAt', '');
      await page.click('#record-held-submit');
      await waitForFocus(page, 'record-held-message');
      expect(await page.locator('#record-held-message').textContent()).toBe(
        'Vastgelegd. Bekijk het op de tijdlijn',
      );
      // The form is empty again, and the gathering held is no longer offered.
      expect(await page.locator('#record-held-attendees-chosen li').count()).toBe(0);
      expect(await page.locator(`#record-held-gatheringId option[value="${gatheringId}"]`).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await fixture.screenshot(page, `web-record-held-${width}.png`, true);

      const held = sent.filter((c) => c.url.endsWith('/held'));
      expect(held).toHaveLength(3);
      expect(new Set(held.map((c) => c.key)).size).toBe(3);
      const read = await api.request('GET', `/gatherings/${gatheringId}`);
      expect(read.body.status).toBe('held');
      expect([...read.body.attendeeIds].sort()).toEqual([ids[0], ids[2]].sort());

      // On the timeline, read as the write left it: the gathering held on top.
      await page.click('#record-held-message a');
      await waitForFocus(page, 'timeline-title');
      const first = page.locator('#timeline li.entry').first();
      await page.waitForFunction(
        () =>
          (globalThis as any).document.querySelector('#timeline li.entry')?.dataset.type === 'GatheringHeld',
      );
      expect(await first.locator('.summary').textContent()).toBe(
        `Café in ${venue} gehouden met 2 deelnemers`,
      );
      expect(await axeViolations(page)).toEqual([]);
      await fixture.screenshot(page, `web-timeline-held-${width}.png`, false);
    });
  }
}

/** The API's validation refusals in the page's language, the API's own message only for a rule it has no words for. */
export function describeRefusalsInLanguage(fixture: AccessibilityFixture): void {
  it('says what is wrong with a field in Dutch on the Dutch page and in English on the English one', async () => {
    const page = await fixture.openPage({ coordinator: true });
    await page.goto(`${fixture.api().baseUrl}/#/record`);
    await page.locator('#join-network').waitFor();
    const fill = async () => {
      await page.fill('#join-network-name', 'x'.repeat(LIMITS.name + 1));
      await page.fill('#join-network-email', 'geen-adres');
      await page.fill('#join-network-organisation', '   ');
      await page.selectOption('#join-network-sector', 'gemeente');
      await page.click('#join-network-submit');
      await waitForFocus(page, 'join-network-name');
    };
    const errors = () =>
      page
        .locator('#join-network .field-error:visible')
        .evaluateAll((nodes) => nodes.map((n) => [n.id, n.textContent]));

    // Each field in error, with what the page says about it in Dutch and in English.
    const expected = [
      ['name', `Te lang: ten hoogste ${LIMITS.name} tekens.`, `Too long: at most ${LIMITS.name} characters.`],
      ['email', 'Dit is geen geldig e-mailadres.', 'This is not a valid e-mail address.'],
      ['organisation', 'Vul dit veld in.', 'Fill in this field.'],
      ['role', 'Kies een van de mogelijkheden.', 'Choose one of the options.'],
    ];
    const said = (language: 1 | 2) => expected.map((row) => [`join-network-${row[0]}-error`, row[language]]);

    await fill();
    expect(await errors()).toEqual(said(1));
    expect(await page.locator('#join-network-message').isHidden()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await fixture.screenshot(page, 'web-record-refused-nl.png', true);

    await page.click('#lang-en');
    await page.locator('#join-network-heading', { hasText: 'Register a member' }).waitFor();
    await fill();
    expect(await errors()).toEqual(said(2));
    await page.click('#lang-nl');
  });
}
