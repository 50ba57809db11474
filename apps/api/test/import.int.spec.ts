import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { importAuthorization } from '../src/import/import-auth';
import { embeddedImportBatches } from '../src/import/import-batches';
import { importLines, injectorOf, splitLines } from '../src/import/importer';
import { ApiHarness } from './api-harness';

const FATIMA = '0b6f1c2e-5d4a-4e8b-9c3f-1a2b3c4d5e01';
const JOOST = '0b6f1c2e-5d4a-4e8b-9c3f-1a2b3c4d5e02';
const NOBODY = '0b6f1c2e-5d4a-4e8b-9c3f-1a2b3c4d5e99';
const DOETANK = '7d3e9a10-2b4c-4d6e-8f10-2a3b4c5d6e01';

const json = (value: unknown) => JSON.stringify(value);
const join = (memberId: string, name: string, key: string) =>
  json({
    command: 'JoinNetwork',
    body: {
      memberId,
      name,
      email: `${memberId}@example.nl`,
      organisation: 'Gemeente Zaanstad',
      sector: 'gemeente',
      role: 'professional',
    },
    occurredAt: '2012-01-10T09:00:00+01:00',
    actor: memberId,
    idempotencyKey: key,
  });

/** A line of a command on the file's Doetank, sent as `actor` and under the Idempotency-Key `key` when given. */
const onDoetank = (
  command: string,
  occurredAt: string,
  line: { body?: object; actor?: string; key?: string },
) =>
  json({
    command,
    params: { doetankId: DOETANK },
    body: line.body,
    occurredAt,
    actor: line.actor,
    idempotencyKey: line.key,
  });

/** A small history with a mistake of every kind among good lines (line numbers in the comments). */
const SMALL_FILE = [
  join(FATIMA, 'Fatima El Amrani', 'small-1'), // 1 accepted
  '{"command":"JoinNetwork", "body":', // 2 malformed JSON
  json({
    command: 'ProposeDoetank',
    body: {
      doetankId: DOETANK,
      title: 'De gemeente zonder huis',
      problemStatement: 'Wat als het gemeentehuis verdwijnt?',
      proposedBy: FATIMA,
    },
    occurredAt: '2012-02-01T10:00:00+01:00',
    actor: FATIMA,
    idempotencyKey: 'small-3',
  }), // 3 accepted
  json({ command: 'ShareCake', occurredAt: '2012-02-02T10:00:00Z', idempotencyKey: 'small-4' }), // 4 unknown command
  '', // 5 blank: skipped
  onDoetank('JoinDoetank', '2012-02-03T10:00:00Z', { body: { memberId: NOBODY }, key: 'small-6' }), // 6 unknown member
  onDoetank('JoinDoetank', '2012-02-03T10:00:00Z', { body: { memberId: FATIMA } }), // 7 no key
  json({
    command: 'ScheduleGathering',
    body: {
      kind: 'cafe',
      title: 'Café',
      startsAt: '2012-03-01T16:00:00+01:00',
      venue: 'Stadhuis',
      capacity: 0,
    },
    occurredAt: '2012-02-04T10:00:00Z',
    idempotencyKey: 'small-8',
  }), // 8 invalid body
  join(FATIMA, 'Fatima Haddou', 'small-1'), // 9 key of line 1 with another request
  onDoetank('ConcludeDoetank', '2012-02-05T10:00:00Z', { key: 'small-10' }), // 10 not started
  join(JOOST, 'Joost Verhoeven', 'small-11'), // 11 accepted
  // 12 accepted
  onDoetank('AssignCoach', '2012-02-15T10:00:00Z', {
    body: { coachId: JOOST },
    actor: FATIMA,
    key: 'small-12',
  }),
  onDoetank('StartDoetank', '2999-01-01T10:00:00Z', { key: 'small-13' }), // 13 in the future
  // 14 dated before line 12's coach assignment
  onDoetank('JoinDoetank', '2012-02-10T10:00:00Z', { body: { memberId: JOOST }, key: 'small-14' }),
];

describe('Importing a file of commands', () => {
  const api = ApiHarness.forTests();

  const importSmallFile = async () =>
    importLines(
      await injectorOf(api.application, {
        authorization: await importAuthorization(api.application, api.config),
      }),
      SMALL_FILE,
      {
        source: 'small.ndjson',
        batches: embeddedImportBatches(api.application, api.config),
      },
    );

  describe('with a few broken lines among good ones', () => {
    it('imports the good lines and lists each bad one with its line number and reason', async () => {
      const report = await importSmallFile();
      expect(report).toMatchObject({ lines: 13, accepted: 4, replayed: 0 });
      expect(report.refused.map(({ line, status, code }) => ({ line, status, code }))).toEqual([
        { line: 2, status: undefined, code: 'IMPORT.MALFORMED_JSON' },
        { line: 4, status: undefined, code: 'IMPORT.UNKNOWN_COMMAND' },
        { line: 6, status: 409, code: expect.stringMatching(/^DOETANK\./) },
        { line: 7, status: undefined, code: 'IMPORT.MISSING_IDEMPOTENCY_KEY' },
        { line: 8, status: 400, code: 'REQUEST.INVALID' },
        { line: 9, status: 422, code: 'IDEMPOTENCY.KEY_REUSED' },
        { line: 10, status: 409, code: expect.stringMatching(/^DOETANK\./) },
        { line: 13, status: 400, code: 'REQUEST.INVALID' },
        { line: 14, status: 409, code: 'BUSINESS_TIME.BEFORE_DEPENDENCY' },
      ]);
      expect(report.refused.find((r) => r.line === 8)?.reason).toMatch(/capacity/);
      expect(report.refused.find((r) => r.line === 13)?.reason).toMatch(/future/);
      expect(report.refused.find((r) => r.line === 14)?.reason).toMatch(
        /2012-02-10T10:00:00\.000Z, before CoachAssigned \(revision 1\) at 2012-02-15T10:00:00\.000Z/,
      );
    });

    it('records the line in every event: business time, actor and a correlation id naming file and line', async () => {
      const history = await api.request('GET', `/doetanks/${DOETANK}/history`);
      expect(history.status).toBe(200);
      const { events } = history.body;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['DoetankProposed', 'CoachAssigned']);
      expect(events[0].metadata).toMatchObject({
        occurredAt: '2012-02-01T09:00:00.000Z',
        actorId: FATIMA,
        correlationId: 'import-small.ndjson-3',
      });
    });

    it('changes nothing when the same file is imported again', async () => {
      const store = api.get<EventStore>(EVENT_STORE);
      const head = await store.headPosition();
      const again = await importSmallFile();
      expect(again).toMatchObject({ lines: 13, accepted: 0, replayed: 4 });
      expect(again.refused.map((r) => r.line)).toEqual([2, 4, 6, 7, 8, 9, 10, 13, 14]);
      expect(await store.headPosition()).toBe(head);
    });
  });
});

describe('The example in docs/examples/history.ndjson, through the app the import CLI builds', () => {
  const api = ApiHarness.forTests({ commandsOnly: true });

  it('imports without a refused line, and a second import writes nothing', async () => {
    const lines = splitLines(
      readFileSync(resolve(__dirname, '../../../docs/examples/history.ndjson'), 'utf8'),
    );
    const run = async () =>
      importLines(
        await injectorOf(api.application, {
          authorization: await importAuthorization(api.application, api.config),
        }),
        lines,
        { source: 'history.ndjson', batches: embeddedImportBatches(api.application, api.config) },
      );
    const first = await run();
    expect(first.refused).toEqual([]);
    expect(first).toMatchObject({ lines: 10, accepted: 10, replayed: 0 });
    const head = await api.get<EventStore>(EVENT_STORE).headPosition();
    expect(await run()).toMatchObject({ accepted: 0, replayed: 10, refused: [] });
    expect(await api.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  });

  it('builds the write side only: no read models, report, page or OpenAPI document', async () => {
    for (const path of ['/timeline', '/doetanks', '/retrospectives/2012', '/metrics', '/docs-json']) {
      expect([path, (await api.request('GET', path)).status]).toEqual([path, 404]);
    }
    expect((await api.request('GET', '/health')).status).toBe(200);
  });
});
