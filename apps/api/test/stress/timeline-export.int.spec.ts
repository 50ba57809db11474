import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TIMELINE_COLLECTION, type TimelineEntry } from '@app/contracts';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { ApiHarness } from '../api-harness';

/**
 * The timeline export at volume: rows seeded straight into the read store (20,000 in `npm test`, 100,000 with
 * STRESS=1), then exported while the test reads the answer a chunk at a time and keeps only counts. The CSV has
 * as many rows as the paged API counts for the filter, the last one intact, and the process's memory (server and
 * client share it here) grows by far less than the export's size.
 */
const STRESS = process.env.STRESS === '1';
const ROWS = STRESS ? 100_000 : 20_000;
const BATCH = 5_000;
/** How often (in lines read) the test collects garbage and samples the heap. */
const SAMPLE_EVERY = 5_000;

// A full garbage collection on demand, so that the heap measured is what is still referenced, not what waits to
// be collected (V8's own flag, turned on at run time; a context made after it has `gc`).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** A `network` entry: its summary needs no names, so the rows cost the store and the stream only. */
const entry = (i: number): TimelineEntry => {
  const occurredAt = new Date(Date.UTC(2012, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(),
    position: i + 1,
    occurredAt,
    year: 2012,
    month: occurredAt.slice(0, 7),
    type: 'StrategicPartnerAppointed',
    kind: 'network',
    actorId: 'system',
    memberIds: [],
    themeIds: [],
    details: { year: 2012, organisation: `Partner ${i}, "met" komma` },
    lastEventPosition: i + 1,
  };
};

describe(`The timeline export of ${ROWS.toLocaleString('en')} entries`, () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    // The projector declares the collections on start; the first answer of /timeline says it is there.
    expect((await api.request('GET', '/timeline')).status).toBe(200);
    const store = api.get<ReadStore>(READ_STORE);
    for (let from = 0; from < ROWS; from += BATCH) {
      const upserts = Array.from({ length: Math.min(BATCH, ROWS - from) }, (_, i) => entry(from + i));
      await store.applyBatch({ changes: [{ collection: TIMELINE_COLLECTION, upserts }] });
    }
  }, 300_000);
  afterAll(() => api?.stop());

  it('streams exactly the rows of the filter, in flat memory', async () => {
    const total = (await api.request('GET', '/timeline?kind=network&limit=1&total=true')).body.total;
    expect(total).toBe(ROWS);

    const token = await api.tokenFor('observer');
    const url = new URL(`${api.baseUrl}/timeline/export?format=csv&kind=network&order=oldest`);
    const before = liveHeap();
    let peak = before;
    let sampledAt = 0;
    let lines = 0;
    let last = '';
    let carry = '';
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const parts = (carry + chunk).split('\r\n');
          carry = parts.pop() ?? '';
          lines += parts.length;
          if (parts.length > 0) last = parts[parts.length - 1];
          if (lines - sampledAt >= SAMPLE_EVERY) {
            sampledAt = lines;
            peak = Math.max(peak, liveHeap());
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

    expect(carry).toBe('');
    expect(lines).toBe(ROWS + 1); // the header and one row per entry
    expect(last).toContain(`Partner ${ROWS - 1}, ""met"" komma`);
    // What stays referenced while the export runs does not grow with it (the rows alone are ~3 MB per 20,000).
    const grownMb = (peak - before) / 1024 / 1024;
    expect(grownMb).toBeLessThan(8);
  }, 300_000);
});
