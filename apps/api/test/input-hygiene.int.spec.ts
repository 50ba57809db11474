import { randomUUID } from 'node:crypto';
import { ApiHarness, gatheringBody, memberBody, refusedWithoutWriting, type HttpAnswer } from './api-harness';

/**
 * Input that was stored with a 201 although it cannot be meaningful (security finding 8): text of only invisible
 * characters, control characters and lone surrogates, bidi overrides in e-mail addresses, form bodies, a silently
 * dropped `prototype` key, a path year `2013.0`, a business time in the year 1000, the nil UUID as actor. Each is
 * refused with a problem naming what is wrong, and nothing is written; text that is kept is stored in NFC.
 */
describe('Input hygiene', () => {
  let api: ApiHarness;
  let proposer: string;
  beforeAll(async () => {
    api = await ApiHarness.start();
    proposer = randomUUID();
    // Joined at the first moment business time allows, so a proposal may carry any business time after it.
    const joined = memberBody(proposer, { occurredAt: '2000-01-01T00:00:00Z' });
    expect((await api.post('/members', joined)).status).toBe(201);
  });
  afterAll(() => api.stop());

  const doetank = (overrides: Record<string, unknown>) => ({
    title: 'Open data in de wijk',
    problemStatement: 'Buurtbewoners vinden de gegevens van hun gemeente niet.',
    proposedBy: proposer,
    ...overrides,
  });

  /** Sends, then checks the answer is a problem with the status (mentioning `mention`), and nothing was written. */
  const expectRefused = (send: () => Promise<HttpAnswer>, status: number, mention?: RegExp) =>
    refusedWithoutWriting(api, send, { status, detail: mention });

  describe('text that cannot be meaningful', () => {
    it.each([
      ['zero-width characters only', '\u200b\u200c\u200d'],
      ['a word joiner and a BOM', '\u2060\ufeff'],
      ['blanks and zero-width characters', ' \u00a0\u200b\u3000 '],
      ['a Hangul filler', '\u3164'],
    ])('refuses a title of %s (400 naming title)', async (_what, title) => {
      await expectRefused(() => api.post('/doetanks', doetank({ title })), 400, /title must not be blank/);
    });

    it('refuses a name of only zero-width characters (400 naming name)', async () => {
      await expectRefused(
        () => api.post('/members', memberBody(randomUUID(), { name: '\u200b\u200b' })),
        400,
        /name must not be blank/,
      );
    });

    it.each([
      ['NUL', 'Sanne\u0000de Vries'],
      ['ESC (a terminal escape)', '\u001b[31mSanne'],
      ['DEL', 'Sanne\u007f'],
      ['a C1 control (NEL)', 'Sanne\u0085de Vries'],
      ['a C1 control (CSI)', 'Sanne\u009b31m'],
      ['a line break in a one-line name', 'Sanne\nde Vries'],
      ['a tab in a one-line name', 'Sanne\tde Vries'],
    ])('refuses a name with %s (400 naming name)', async (_what, name) => {
      await expectRefused(
        () => api.post('/members', memberBody(randomUUID(), { name })),
        400,
        /name must not contain control characters/,
      );
    });

    it.each([
      ['a lone high surrogate', 'Open \ud800data'],
      ['a lone low surrogate', 'Open \udc00data'],
      ['surrogates in the wrong order', 'Open \ude00\ud83d data'],
    ])('refuses a title with %s (400 naming title)', async (_what, title) => {
      await expectRefused(
        () => api.post('/doetanks', doetank({ title })),
        400,
        /title must not contain lone surrogates/,
      );
    });

    it('refuses ESC in multi-line text, where line breaks and tabs are kept', async () => {
      await expectRefused(
        () => api.post('/doetanks', doetank({ problemStatement: 'Regel een\n\u001b[2J' })),
        400,
        /problemStatement must not contain control characters/,
      );
      const answer = await api.post('/doetanks', doetank({ problemStatement: 'Regel een\r\n\tRegel twee' }));
      expect(answer.status).toBe(201);
    });

    it('stores text in NFC, and keeps an emoji (a valid surrogate pair)', async () => {
      const before = await api.eventStore.headPosition();
      const answer = await api.post('/doetanks', doetank({ title: 'Cafe\u0301 in de wijk 😀' }));
      expect(answer.status).toBe(201);
      const events = await api.eventStore.readAll({ after: before, maxCount: 10 });
      const proposed = events.find((event) => event.type === 'DoetankProposed');
      expect((proposed?.data as { title?: string }).title).toBe('Caf\u00e9 in de wijk 😀');
    });
  });

  describe('e-mail addresses', () => {
    it.each([
      ['a right-to-left override', 'sanne\u202e@example.nl'],
      ['a bidi isolate', '\u2066sanne@example.nl'],
      ['a zero-width space', 'san\u200bne@example.nl'],
      ['a NUL', 'sanne\u0000@example.nl'],
    ])('refuses an address with %s (400 naming email)', async (_what, email) => {
      await expectRefused(() => api.post('/members', memberBody(randomUUID(), { email })), 400, /email/);
    });
  });

  describe('bodies', () => {
    it('refuses a form-urlencoded body (415 REQUEST.UNSUPPORTED_MEDIA_TYPE)', async () => {
      const form = new URLSearchParams(doetank({}) as Record<string, string>).toString();
      const answer = await expectRefused(
        () => api.post('/doetanks', form, { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
      );
      expect(answer.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a text/plain body holding JSON (415)', async () => {
      await expectRefused(
        () => api.post('/doetanks', JSON.stringify(doetank({})), { 'content-type': 'text/plain' }),
        415,
      );
    });

    it.each([['prototype'], ['constructor']])(
      'refuses an unknown key %s like any other unknown key (400 naming it)',
      async (key) => {
        await expectRefused(
          () => api.post('/doetanks', JSON.stringify({ ...doetank({}), [key]: { isAdmin: true } })),
          400,
          new RegExp(`property ${key} should not exist`),
        );
      },
    );

    it('refuses a prototype key nested in an array of objects (400 naming its place)', async () => {
      const themes = [{ themeId: '2013-open-data', title: 'Open data', prototype: 1 }];
      await expectRefused(
        () => api.put('/network-years/2013/themes', { themes }),
        400,
        /themes\.0\.prototype should not exist/,
      );
    });
  });

  describe('path years', () => {
    it.each([['2013.0'], ['2013e0'], ['0x7dd'], ['%202013'], ['+2013']])(
      'refuses the path year %s (400 naming year)',
      async (year) => {
        await expectRefused(
          () => api.post(`/network-years/${year}/supporters`, { name: 'Een Supporter' }),
          400,
          /year/,
        );
      },
    );

    it('still takes a four-digit year', async () => {
      expect((await api.post('/network-years/2013/supporters', { name: 'Een Supporter' })).status).toBe(201);
    });
  });

  describe('business time', () => {
    it.each([['1000-01-01T00:00:00Z'], ['1999-12-31T23:59:59Z'], ['2000-01-01T00:30:00+01:00']])(
      'refuses occurredAt %s, before the network’s first year (400 naming occurredAt)',
      async (occurredAt) => {
        await expectRefused(
          () => api.post('/doetanks', doetank({ occurredAt })),
          400,
          /occurredAt must not lie before 2000-01-01/,
        );
      },
    );

    it('refuses a gathering starting in the year 1000 (400 naming startsAt)', async () => {
      await expectRefused(
        () => api.post('/gatherings', gatheringBody({ startsAt: '1000-03-14T16:00:00Z' })),
        400,
        /startsAt must not lie before 2000-01-01/,
      );
    });

    it('takes the first moment of 2000', async () => {
      expect((await api.post('/doetanks', doetank({ occurredAt: '2000-01-01T00:00:00Z' }))).status).toBe(201);
    });
  });

  describe('X-Actor-Id', () => {
    it.each([
      ['the nil UUID', '00000000-0000-0000-0000-000000000000'],
      ['the max UUID', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
      ['an uppercase UUID', proposerUpper()],
    ])('refuses %s (400 naming X-Actor-Id)', async (_what, actor) => {
      await expectRefused(
        () => api.post('/doetanks', doetank({}), { 'x-actor-id': actor }),
        400,
        /X-Actor-Id/,
      );
    });
  });
});

function proposerUpper(): string {
  return randomUUID().toUpperCase();
}
