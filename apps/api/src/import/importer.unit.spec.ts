import { formatReport, importLines, splitLines, type InjectRequest } from './importer';

const line = (command: string, key: string, body: Record<string, unknown> = {}) =>
  JSON.stringify({ command, body, occurredAt: '2012-05-01T10:00:00Z', idempotencyKey: key });

/** An API that accepts keys starting with "ok", replays "again", and refuses the rest as a business rule would. */
const fakeApi: InjectRequest = async ({ headers }) => {
  const key = headers['idempotency-key'];
  if (key.startsWith('ok')) return { statusCode: 201, headers: {}, body: '{}' };
  if (key.startsWith('again'))
    return { statusCode: 200, headers: { 'idempotent-replayed': 'true' }, body: '{}' };
  return {
    statusCode: 409,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ status: 409, code: 'DOETANK.ALREADY_CLOSED', detail: 'Doetank is concluded' }),
  };
};

describe('Importing lines', () => {
  const lines = [
    line('JoinNetwork', 'ok-1'),
    'not json',
    line('JoinNetwork', 'again-2'),
    '',
    line('JoinNetwork', 'no-4'),
    line('Nonsense', 'ok-5'),
    line('JoinNetwork', 'ok-6'),
  ];

  it('counts accepted, replayed and refused lines, and goes on after a refusal', async () => {
    const report = await importLines(fakeApi, lines, { source: 'test.ndjson' });
    expect(report).toMatchObject({ lines: 6, accepted: 2, replayed: 1 });
    expect(report.refused).toEqual([
      { line: 2, code: 'IMPORT.MALFORMED_JSON', reason: expect.stringMatching(/not valid JSON/) },
      {
        line: 5,
        command: 'JoinNetwork',
        status: 409,
        code: 'DOETANK.ALREADY_CLOSED',
        reason: 'Doetank is concluded',
      },
      { line: 6, code: 'IMPORT.UNKNOWN_COMMAND', reason: 'unknown command "Nonsense"' },
    ]);
  });

  it('sends the lines one after the other, in file order', async () => {
    const sent: string[] = [];
    let inFlight = 0;
    await importLines(
      async (request) => {
        expect(inFlight).toBe(0);
        inFlight += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
        sent.push(request.headers['idempotency-key']);
        inFlight -= 1;
        return { statusCode: 201, headers: {}, body: '{}' };
      },
      lines,
      { source: 'test.ndjson' },
    );
    expect(sent).toEqual(['ok-1', 'again-2', 'no-4', 'ok-6']);
  });

  it('reports a request that throws as a refused line, not as the end of the import', async () => {
    const report = await importLines(
      async () => {
        throw new Error('socket hang up');
      },
      [line('JoinNetwork', 'ok-1')],
      { source: 'test.ndjson' },
    );
    expect(report.refused).toEqual([
      {
        line: 1,
        command: 'JoinNetwork',
        status: 500,
        code: 'IMPORT.REQUEST_FAILED',
        reason: 'Error: socket hang up',
      },
    ]);
  });

  it('commits a batch every so many lines, and the last one at the end', async () => {
    const calls: string[] = [];
    const batches = { begin: () => calls.push('begin'), commit: () => calls.push('commit') };
    const many = Array.from({ length: 5 }, (_, i) => line('JoinNetwork', `ok-${i}`));
    await importLines(fakeApi, many, {
      source: 'test.ndjson',
      batches,
      batchMaxLines: 2,
      batchMaxMs: 60_000,
    });
    expect(calls).toEqual(['begin', 'commit', 'begin', 'commit', 'begin', 'commit']);
  });

  it('commits what was done when the import ends unexpectedly', async () => {
    const calls: string[] = [];
    const batches = { begin: () => calls.push('begin'), commit: () => calls.push('commit') };
    await expect(
      importLines(fakeApi, [line('JoinNetwork', 'ok-1')], {
        source: 'test.ndjson',
        batches,
        onProgress: () => {
          throw new Error('the terminal went away');
        },
        progressEvery: 1,
      }),
    ).rejects.toThrow('the terminal went away');
    expect(calls).toEqual(['begin', 'commit']);
  });

  it('reports progress, ending with every line done', async () => {
    const seen: number[] = [];
    await importLines(fakeApi, lines, {
      source: 'test.ndjson',
      progressEvery: 3,
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen).toEqual([3, 6, 7]);
  });
});

describe('Splitting a file into lines', () => {
  it('does not make a line of the final line break', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb')).toEqual(['a\r', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});

describe('The import report', () => {
  it('sums up, then lists every refused line with its number and reason', () => {
    const text = formatReport(
      {
        lines: 3,
        accepted: 1,
        replayed: 1,
        refused: [
          { line: 2, command: 'JoinDoetank', status: 409, code: 'DOETANK.ALREADY_CLOSED', reason: 'closed' },
        ],
        durationMs: 1500,
      },
      'demo.ndjson',
    );
    expect(text).toContain(
      'demo.ndjson: 3 lines, 1 accepted, 1 replayed (imported before), 1 refused, in 1.5 s',
    );
    expect(text).toContain('line 2: JoinDoetank 409 DOETANK.ALREADY_CLOSED: closed');
  });
});
