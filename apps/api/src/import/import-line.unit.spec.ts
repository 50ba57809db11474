import { correlationIdFor, formatImportLine, LINE_REFUSAL_CODES, parseImportLine } from './import-line';

const DOETANK = '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35';
const MEMBER = 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    command: 'ShareResult',
    params: { doetankId: DOETANK },
    body: { kind: 'film', title: 'Innoveren door professionals', sharedBy: MEMBER },
    occurredAt: '2012-11-19T16:00:00+01:00',
    actor: MEMBER,
    idempotencyKey: 'demo-2012-000123',
    ...fields,
  });

describe('An import line', () => {
  describe('when it is a well-formed command', () => {
    const parsed = parseImportLine(line({}), 'slimmernetwerk-2012.ndjson', 7);

    it('becomes the request the API would get over HTTP', () => {
      expect(parsed).toEqual({
        kind: 'request',
        request: {
          command: 'ShareResult',
          method: 'POST',
          url: `/doetanks/${DOETANK}/results`,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': 'demo-2012-000123',
            'x-correlation-id': 'import-slimmernetwerk-2012.ndjson-7',
            'x-actor-id': MEMBER,
          },
          payload: expect.any(String),
        },
      });
    });

    it("puts the line's business time into the body", () => {
      if (parsed.kind !== 'request') throw new Error('not a request');
      expect(JSON.parse(parsed.request.payload)).toEqual({
        kind: 'film',
        title: 'Innoveren door professionals',
        sharedBy: MEMBER,
        occurredAt: '2012-11-19T16:00:00+01:00',
      });
    });

    it('leaves X-Actor-Id out when the line names no actor', () => {
      const { actor: _actor, ...rest } = JSON.parse(line({})) as Record<string, unknown>;
      const withoutActor = parseImportLine(JSON.stringify(rest), 'f.ndjson', 1);
      expect(withoutActor.kind === 'request' && withoutActor.request.headers).not.toHaveProperty(
        'x-actor-id',
      );
    });

    it('may leave out params and body when the command needs none', () => {
      const parsed = parseImportLine(
        JSON.stringify({
          command: 'StartDoetank',
          params: { doetankId: DOETANK },
          occurredAt: '2012-04-10T09:30:00+02:00',
          idempotencyKey: 'k',
        }),
        'f.ndjson',
        1,
      );
      expect(parsed.kind === 'request' && JSON.parse(parsed.request.payload)).toEqual({
        occurredAt: '2012-04-10T09:30:00+02:00',
      });
    });

    it('ignores a Windows line end and a byte-order mark', () => {
      expect(parseImportLine(`\uFEFF${line({})}\r`, 'f.ndjson', 1).kind).toBe('request');
    });

    it('round-trips through formatImportLine', () => {
      const formatted = formatImportLine({
        command: 'JoinDoetank',
        params: { doetankId: DOETANK },
        body: { memberId: MEMBER },
        occurredAt: '2012-03-12T13:00:00+01:00',
        actor: MEMBER,
        idempotencyKey: 'k-1',
      });
      const parsed = parseImportLine(formatted, 'f.ndjson', 1);
      expect(parsed.kind === 'request' && parsed.request.url).toBe(`/doetanks/${DOETANK}/members`);
    });
  });

  describe('when it is blank', () => {
    it('is skipped, not refused', () => {
      expect(parseImportLine('   ', 'f.ndjson', 3)).toEqual({ kind: 'blank' });
    });
  });

  describe('when it is refused before anything is sent', () => {
    it.each([
      ['malformed JSON', '{"command":"ShareResult",', LINE_REFUSAL_CODES.malformedJson, /not valid JSON/],
      ['not an object', '[1,2]', LINE_REFUSAL_CODES.invalidLine, /JSON object/],
      ['an unknown command', line({ command: 'ShareCake' }), LINE_REFUSAL_CODES.unknownCommand, /ShareCake/],
      ['no command', line({ command: undefined }), LINE_REFUSAL_CODES.unknownCommand, /missing/],
      [
        'a missing idempotency key',
        line({ idempotencyKey: undefined }),
        LINE_REFUSAL_CODES.missingIdempotencyKey,
        /idempotencyKey is missing/,
      ],
      [
        'an empty idempotency key',
        line({ idempotencyKey: '' }),
        LINE_REFUSAL_CODES.missingIdempotencyKey,
        /missing/,
      ],
      ['a numeric idempotency key', line({ idempotencyKey: 12 }), LINE_REFUSAL_CODES.invalidLine, /string/],
      [
        'no business time',
        line({ occurredAt: undefined }),
        LINE_REFUSAL_CODES.invalidLine,
        /occurredAt is missing/,
      ],
      ['an unknown field', line({ idempotencykey: 'x' }), LINE_REFUSAL_CODES.invalidLine, /idempotencykey/],
      ['a missing path parameter', line({ params: {} }), LINE_REFUSAL_CODES.invalidLine, /lacks doetankId/],
      [
        'a parameter the route does not take',
        line({ params: { doetankId: DOETANK, memberId: MEMBER } }),
        LINE_REFUSAL_CODES.invalidLine,
        /memberId/,
      ],
      ['a body that is not an object', line({ body: 'film' }), LINE_REFUSAL_CODES.invalidLine, /body/],
      [
        'a second, different business time in the body',
        line({ body: { occurredAt: '2013-01-01T00:00:00Z' } }),
        LINE_REFUSAL_CODES.invalidLine,
        /differs/,
      ],
      ['an actor that is not a string', line({ actor: 42 }), LINE_REFUSAL_CODES.invalidLine, /actor/],
    ])('refuses %s', (_what, text, code, reason) => {
      const parsed = parseImportLine(text, 'f.ndjson', 1);
      expect(parsed).toMatchObject({ kind: 'refused', code });
      expect(parsed.kind === 'refused' && parsed.reason).toMatch(reason);
    });
  });
});

describe('The correlation id of an import line', () => {
  it('names the file and the line', () => {
    expect(correlationIdFor('demo.ndjson', 12)).toBe('import-demo.ndjson-12');
  });

  it('replaces characters the API refuses and stays within 128 characters', () => {
    const id = correlationIdFor(`mijn bestand (${'x'.repeat(200)}).ndjson`, 123456);
    expect(id).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(id.endsWith('-123456')).toBe(true);
  });
});
