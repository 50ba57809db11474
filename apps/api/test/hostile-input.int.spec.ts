import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { commandExamples, type RoutedExample } from '../src/testing/command-examples';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, joinMember, scheduleGathering } from './api-harness';

/**
 * Property-based fuzzing of every command endpoint: thousands of generated requests, each a valid example with
 * something broken, or hostile bodies, headers, tokens and path ids. Whatever is sent, the answer is never a 5xx,
 * and a 4xx writes no event. `FUZZ_RUNS` sets the requests per endpoint (default 120: about 3,000 in all),
 * `FUZZ_SEED` replays a failure (fast-check prints the seed and the smallest failing request).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Values that have broken parsers, validators and databases before. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0041',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5000),
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '{"$gt": ""}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '2012-02-30T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  'B3E1C6A2-4F0D-4C8E-9A51-2D7F3E8C9A10',
  'system',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uuid(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A header value fetch will send (visible Latin-1, no line breaks). */
const headerValue = fc.oneof(
  fc.constantFrom('', 'x'.repeat(300), '..', 'system', 'null', '*', 'tour-1'),
  fc.stringMatching(/^[\x20-\x7e]{1,60}$/),
  fc.uuid(),
);

type BodyShape = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

describe('Hostile input to every command endpoint (property-based)', () => {
  let api: ApiHarness;
  let store: EventStore;
  let ids: { members: string[]; doetank: string; gathering: string; discussion: string };
  let tokens: string[];

  beforeAll(async () => {
    api = await ApiHarness.start();
    store = api.get<EventStore>(EVENT_STORE);
    // Real aggregates, so some of the generated requests reach the deciders rather than only the validation.
    const members = [await joinMember(api), await joinMember(api), await joinMember(api)];
    const doetank = (
      await api.post('/doetanks', { title: 'D', problemStatement: 'P', proposedBy: members[0] })
    ).body.aggregateId as string;
    const gathering = await scheduleGathering(api, 2);
    const discussion = (
      await api.post('/discussions', { title: 'T', link: 'https://example.nl/x', startedBy: members[1] })
    ).body.aggregateId as string;
    ids = { members, doetank, gathering, discussion };
    tokens = [
      `Bearer ${await api.tokenFor('coordinator')}`,
      `Bearer ${await api.tokenFor('member', members[0])}`,
      `Bearer ${await api.tokenFor('member', members[2])}`,
      `Bearer ${await api.tokenFor('observer')}`,
      `Bearer ${await api.tokenFor('coordinator', randomUUID(), -60)}`,
      'Bearer x.y.z',
      'Bearer ',
      'Basic Zm9vOmJhcg==',
    ];
  });
  afterAll(() => api.stop());

  const pathParamValue = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...realIdsFor(name)) },
      fc.uuid(),
      hostileString.filter(
        (s) => s.length > 0 && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')),
      ),
      fc.integer({ min: -5, max: 99999 }).map(String),
    );
  const realIdsFor = (name: string): string[] => {
    switch (name) {
      case 'memberId':
        return ids.members;
      case 'doetankId':
        return [ids.doetank];
      case 'gatheringId':
        return [ids.gathering];
      case 'discussionId':
        return [ids.discussion];
      case 'year':
        return ['2013', '2012'];
      default:
        return ['x'];
    }
  };

  /** A body: the example with fields replaced, dropped or added, or something else entirely. */
  const bodyFor = ({ body }: RoutedExample): fc.Arbitrary<BodyShape> => {
    const example = body as Record<string, unknown>;
    const fields = Object.keys(example);
    const mutated = fc
      .record({
        replace: fc.dictionary(fc.constantFrom(...fields, 'occurredAt'), hostileValue, { maxKeys: 3 }),
        drop: fc.subarray(fields),
        extra: fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }),
        useRealIds: fc.boolean(),
      })
      .map(({ replace, drop, extra, useRealIds }) => {
        const body: Record<string, unknown> = { ...example };
        if (useRealIds) {
          for (const field of fields) {
            if (/memberId|proposedBy|sharedBy|recordedBy|sharpenedBy|startedBy|coachId/.test(field)) {
              body[field] = ids.members[0];
            }
          }
        }
        for (const field of drop) delete body[field];
        return { kind: 'json' as const, value: { ...body, ...replace, ...extra } };
      });
    return fc.oneof(
      { weight: 5, arbitrary: mutated },
      { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
      {
        weight: 1,
        arbitrary: fc
          .record({
            text: fc.oneof(
              fc.string({ maxLength: 200 }),
              fc.constantFrom(
                '{"a":',
                '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
                `${'['.repeat(5000)}${']'.repeat(5000)}`,
                '{"__proto__": {"isAdmin": true}}',
                '{"constructor": {"prototype": {"x": 1}}}',
                'null',
                '"a string"',
                '12',
              ),
            ),
            contentType: fc.constantFrom(
              'application/json',
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/json; charset=utf-16',
              'multipart/form-data; boundary=x',
            ),
          })
          .map(({ text, contentType }) => ({ kind: 'raw' as const, text, contentType })),
      },
    );
  };

  const headersArb = fc.record(
    {
      authorization: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 7 })),
      'idempotency-key': headerValue,
      'x-correlation-id': headerValue,
      'x-actor-id': fc.oneof(headerValue, fc.constant('__member__')),
    },
    { requiredKeys: ['authorization'] },
  );

  let total = 0;
  afterAll(() => {
    // Shown in the test output: how many requests the properties sent.
    process.stdout.write(`hostile-input: ${total} generated requests\n`);
  });

  const examples = [...commandExamples().values()].map((example) => [example.command, example] as const);
  it.each(examples)('%s: never a 5xx, and a 4xx writes nothing', async (_name, example) => {
    const params = Object.keys(example.params);
    const paramsArb = fc.record(
      Object.fromEntries(params.map((p) => [p, pathParamValue(p)])) as Record<string, fc.Arbitrary<string>>,
    );
    await fc.assert(
      fc.asyncProperty(paramsArb, bodyFor(example), headersArb, async (values, body, headerChoice) => {
        total++;
        const path = example.path.replace(/:([A-Za-z]+)/g, (_m, p: string) => encodeURIComponent(values[p]));
        const headers: Record<string, string> = { authorization: tokens[headerChoice.authorization] };
        for (const header of ['idempotency-key', 'x-correlation-id', 'x-actor-id'] as const) {
          const value = headerChoice[header];
          if (value !== undefined) headers[header] = value === '__member__' ? ids.members[1] : value;
        }
        const payload = body.kind === 'json' ? (JSON.stringify(body.value) ?? 'null') : body.text;
        if (body.kind === 'raw') headers['content-type'] = body.contentType;
        const before = await store.headPosition();
        const answer = await api.request(example.method, path, payload, headers);
        const after = await store.headPosition();
        if (answer.status >= 500 || (answer.status >= 400 && after !== before)) {
          throw new Error(
            `${example.method} ${path} -> ${answer.status} (events ${before} -> ${after}): ${JSON.stringify(answer.body)}`,
          );
        }
        if (answer.status >= 400) {
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
