import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { axeViolations, WIDTHS, type AccessibilityFixture } from './web-accessibility.browser';

/**
 * Writes from the page, in the browser tests: a coordinator records a Doetank from its proposal to its conclusion
 * with the page's forms only (members registered, proposed, coach and client, started, a result and a lesson,
 * concluded), at a desktop and a phone width. The API's refusals show next to the field they name (400) or above
 * the button (409), with the focus on them; each command is sent with an Idempotency-Key and applied once, even
 * on a double click. Called from the one spec file that launches the browser.
 */

const focusedId = (page: Page) => page.evaluate(() => (globalThis as any).document.activeElement?.id ?? '');
const waitForFocus = (page: Page, id: string) =>
  page.waitForFunction((expected) => (globalThis as any).document.activeElement?.id === expected, id);

export function describeWrites(fixture: AccessibilityFixture): void {
  const api = () => fixture.api();

  /** Types a name into a member field, waits until the server suggests them, and picks the suggestion. */
  const chooseMember = async (page: Page, field: string, name: string, organisation: string) => {
    const label = `${name} (${organisation})`;
    await page.fill(`#${field}`, name);
    await page.locator(`#${field}-options option[value="${label}"]`).waitFor({ state: 'attached' });
    await page.fill(`#${field}`, label);
  };

  const registerMember = async (page: Page, name: string, organisation: string) => {
    await page.fill('#join-network-name', name);
    await page.fill('#join-network-email', `${randomUUID().slice(0, 8)}@example.nl`);
    await page.fill('#join-network-organisation', organisation);
    await page.selectOption('#join-network-sector', 'gemeente');
    await page.selectOption('#join-network-role', 'professional');
    await page.click('#join-network-submit');
    await waitForFocus(page, 'join-network-message');
    expect(await page.locator('#join-network-message').textContent()).toBe('Vastgelegd.');
  };

  /** Sends a form on the Doetank page and waits until the page shows the Doetank as the write left it. */
  const recordOnDoetank = async (page: Page, form: string, double = false) => {
    if (double) await page.dblclick(`#${form}-submit`);
    else await page.click(`#${form}-submit`);
    await waitForFocus(page, 'recorded');
  };

  describe('writes from the page', () => {
    for (const width of WIDTHS) {
      it(`lets a coordinator record a Doetank from proposal to conclusion at ${width} px`, async () => {
        const page = await fixture.openPage({ width, coordinator: true });
        /** Every command the page sent: its path and Idempotency-Key. */
        const commands: { url: string; key: string | undefined }[] = [];
        page.on('request', (request) => {
          if (request.method() === 'POST')
            commands.push({ url: request.url(), key: request.headers()['idempotency-key'] });
        });
        const suffix = randomUUID().slice(0, 6);
        const proposer = `Wieteke Voorsteller ${suffix}`;
        const coach = `Coen Coach ${suffix}`;
        const title = `Eén loket voor ondernemers ${suffix}`;

        await page.goto(`${api().baseUrl}/#/record`);
        await page.locator('#join-network').waitFor();
        expect(await page.locator('h1:visible').allTextContents()).toEqual(['Vastleggen']);
        expect(await axeViolations(page)).toEqual([]);

        // A 400: the API's message under the field it names, the focus on that field, nothing written.
        await page.fill('#join-network-name', proposer);
        await page.fill('#join-network-email', 'geen-adres');
        await page.fill('#join-network-organisation', 'Gemeente Zwolle');
        await page.selectOption('#join-network-sector', 'gemeente');
        await page.selectOption('#join-network-role', 'professional');
        await page.click('#join-network-submit');
        await waitForFocus(page, 'join-network-email');
        expect(await page.locator('#join-network-email').getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('#join-network-email-error').textContent()).toBe(
          'Dit is geen geldig e-mailadres.',
        );
        expect(await page.locator('#join-network-name-error').isHidden()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-record-error-${width}.png`, true);
        expect((await api().request('GET', `/members?q=${encodeURIComponent(proposer)}`)).body.items).toEqual(
          [],
        );

        await registerMember(page, proposer, 'Gemeente Zwolle');
        await registerMember(page, coach, 'KING');

        await page.fill('#propose-doetank-title', title);
        await page.fill('#propose-doetank-problemStatement', 'Ondernemers lopen langs vier loketten.');
        await chooseMember(page, 'propose-doetank-proposedBy', proposer, 'Gemeente Zwolle');
        await page.click('#propose-doetank-submit');
        await page.waitForURL(/#\/doetanks\/[0-9a-f-]{36}$/);
        const doetankId = /#\/doetanks\/([0-9a-f-]{36})$/.exec(page.url())![1];
        await waitForFocus(page, 'doetank-title');
        expect(await page.locator('#doetank-title').textContent()).toBe(title);

        // A 409: the rule above the button in the page's words for its code (no id in them), with the focus; the
        // stage is unchanged.
        await page.click('#start-doetank-submit');
        await waitForFocus(page, 'start-doetank-message');
        const refused = await page.locator('#start-doetank-message').textContent();
        const start = await api().request('POST', `/doetanks/${doetankId}/start`, {});
        expect(start.status).toBe(409);
        expect(start.body.code).toBe('DOETANK.NO_COACH');
        expect(refused).toBe('Een Doetank start niet zonder coach.');
        expect(await page.locator('.stage').textContent()).toBe('Voorgesteld');

        await chooseMember(page, 'assign-coach-coachId', coach, 'KING');
        await recordOnDoetank(page, 'assign-coach');
        await page.fill('#secure-client-organisation', 'Kamer van Koophandel');
        await recordOnDoetank(page, 'secure-client');
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetank-proposed-${width}.png`, true);
        await recordOnDoetank(page, 'start-doetank');
        expect(await page.locator('.stage').textContent()).toBe('Gestart');

        await page.selectOption('#share-result-kind', 'report');
        await page.fill('#share-result-title', `Verslag ${suffix}`);
        await page.fill('#share-result-link', 'https://example.nl/verslag.pdf');
        await chooseMember(page, 'share-result-sharedBy', coach, 'KING');
        // A double click sends the command once.
        await recordOnDoetank(page, 'share-result', true);
        await page.fill('#record-lesson-lesson', 'Begin bij de ondernemer, niet bij het loket.');
        await chooseMember(page, 'record-lesson-recordedBy', coach, 'KING');
        await recordOnDoetank(page, 'record-lesson');
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetank-started-${width}.png`, true);

        await page.fill('#conclude-doetank-conclusion', 'Eén loket sinds maart.');
        await recordOnDoetank(page, 'conclude-doetank');
        expect(await page.locator('.stage').textContent()).toBe('Afgerond');
        expect(await page.locator('.actions').count()).toBe(0);
        expect(await page.locator('.results li').allTextContents()).toEqual([
          expect.stringContaining(`Verslag ${suffix}`),
        ]);
        expect(await axeViolations(page)).toEqual([]);
        await fixture.screenshot(page, `web-doetank-concluded-${width}.png`, true);

        // What the page recorded, as the API tells it: each step once, in order.
        const history = await api().request('GET', `/doetanks/${doetankId}/history?limit=50`);
        expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
          'DoetankProposed',
          'CoachAssigned',
          'ClientSecured',
          'DoetankStarted',
          'ResultShared',
          'LessonRecorded',
          'DoetankConcluded',
        ]);
        const doetank = (await api().request('GET', `/doetanks/${doetankId}`)).body;
        expect(doetank.stage).toBe('concluded');
        expect(doetank.conclusion).toBe('Eén loket sinds maart.');
        expect(doetank.client.organisation).toBe('Kamer van Koophandel');
        // Every command carried an Idempotency-Key, a new one per submission.
        const sent = commands;
        expect(sent.every((c) => typeof c.key === 'string' && c.key.length === 36)).toBe(true);
        expect(new Set(sent.map((c) => c.key)).size).toBe(sent.length);
        expect(await focusedId(page)).toBe('recorded');
      }, 120_000);
    }
  });
}

/** A gathering planned and a member registered for it, from the page. */
export function describeGatheringWrites(fixture: AccessibilityFixture): void {
  it('lets a coordinator schedule a gathering and register a member for it', async () => {
    const api = fixture.api();
    const page = await fixture.openPage({ coordinator: true });
    const suffix = randomUUID().slice(0, 6);
    const title = `Masterclass ${suffix}`;
    const member = `Gerda Gast ${suffix}`;
    const joined = await api.request('POST', '/members', {
      name: member,
      email: `gast-${suffix}@example.nl`,
      organisation: 'Provincie Gelderland',
      sector: 'provincie',
      role: 'manager',
    });
    expect(joined.status).toBe(201);

    await page.goto(`${api.baseUrl}/#/record`);
    await page.selectOption('#schedule-gathering-kind', 'masterclass');
    await page.fill('#schedule-gathering-title', title);
    await page.fill('#schedule-gathering-startsAt', '2027-03-04T15:30');
    await page.fill('#schedule-gathering-venue', 'Stadhuis Arnhem');
    await page.fill('#schedule-gathering-capacity', '30');
    await page.click('#schedule-gathering-submit');
    await waitForFocus(page, 'schedule-gathering-message');
    expect(await page.locator('#schedule-gathering-message').textContent()).toBe('Vastgelegd.');

    // The list of scheduled gatherings is read when the view opens: open it again to pick the new one.
    await page.goto(`${api.baseUrl}/#/timeline`);
    await page.goto(`${api.baseUrl}/#/record`);
    const listed = await api.request('GET', '/gatherings?status=scheduled&limit=100');
    const gathering = listed.body.items.find((g: { title: string }) => g.title === title);
    expect(gathering).toBeDefined();
    await page.locator(`#register-for-gathering-gatheringId option[value="${gathering.id}"]`).waitFor({
      state: 'attached',
    });
    await page.selectOption('#register-for-gathering-gatheringId', gathering.id);
    const label = `${member} (Provincie Gelderland)`;
    await page.fill('#register-for-gathering-memberId', member);
    await page
      .locator(`#register-for-gathering-memberId-options option[value="${label}"]`)
      .waitFor({ state: 'attached' });
    await page.fill('#register-for-gathering-memberId', label);
    await page.click('#register-for-gathering-submit');
    await waitForFocus(page, 'register-for-gathering-message');
    expect(await axeViolations(page)).toEqual([]);

    const read = await api.request('GET', `/gatherings/${gathering.id}?minPosition=${joined.body.position}`);
    // The reader's local time (this machine's zone, the browser's too) as an instant.
    expect(Date.parse(read.body.startsAt)).toBe(new Date(2027, 2, 4, 15, 30).getTime());
    // The registration's read model follows the write: wait until it lists the member.
    const deadline = Date.now() + 20_000;
    let registered: string[] = [];
    while (Date.now() < deadline) {
      registered = (await api.request('GET', `/gatherings/${gathering.id}`)).body.registeredMemberIds;
      if (registered.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(registered).toEqual([joined.body.aggregateId]);
  });
}
