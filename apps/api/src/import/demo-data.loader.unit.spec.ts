import { configOf as config, PRODUCTION_ENV } from '../config/testing/app-config.fixture';
import { decideDemoLoad } from './demo-data.loader';

const lines = [
  JSON.stringify({ command: 'JoinNetwork', occurredAt: '2011-01-02T10:00:00Z', idempotencyKey: 'demo-1' }),
  JSON.stringify({ command: 'JoinNetwork', occurredAt: '2011-01-03T10:00:00Z', idempotencyKey: 'demo-2' }),
  '',
];
const store = (head: number | undefined) => ({ headPosition: async () => head });
const keys = (...stored: string[]) => ({
  get: async (key: string) =>
    stored.includes(key)
      ? { key, fingerprint: '', statusCode: 201, body: {}, createdAt: '', expiresAt: '', subjects: [] }
      : undefined,
});

describe('Loading the demo year on start', () => {
  it('loads it into an empty event store', async () => {
    expect(await decideDemoLoad(config(), store(undefined), keys(), lines)).toEqual({
      load: true,
      reason: 'empty',
    });
  });

  it('leaves a store with history alone', async () => {
    expect(await decideDemoLoad(config(), store(42), keys(), lines)).toEqual({
      load: false,
      reason: 'not-empty',
    });
    expect(await decideDemoLoad(config(), store(42), keys('demo-1', 'demo-2'), lines)).toMatchObject({
      load: false,
    });
  });

  it('finishes a load that was interrupted', async () => {
    expect(await decideDemoLoad(config(), store(42), keys('demo-1'), lines)).toEqual({
      load: true,
      reason: 'interrupted',
    });
  });

  it('does nothing when DEMO_DATA=false, or without a file', async () => {
    expect(await decideDemoLoad(config({ DEMO_DATA: 'false' }), store(undefined), keys(), lines)).toEqual({
      load: false,
      reason: 'disabled',
    });
    expect(await decideDemoLoad(config(), store(undefined), keys(), undefined)).toEqual({
      load: false,
      reason: 'no-file',
    });
  });
});

describe('The DEMO_DATA setting', () => {
  it('is on by default in the embedded mode', () => {
    expect(config().demoData).toEqual({ enabled: true, file: 'data/demo/slimmernetwerk-2012.ndjson' });
  });

  it('is off by default with EventStoreDB, unless asked for', () => {
    expect(config(PRODUCTION_ENV).demoData.enabled).toBe(false);
    expect(config({ ...PRODUCTION_ENV, DEMO_DATA: 'true' }).demoData.enabled).toBe(true);
  });

  it('takes another file', () => {
    expect(config({ DEMO_DATA_FILE: '/tmp/mijn-jaar.ndjson' }).demoData.file).toBe('/tmp/mijn-jaar.ndjson');
  });

  it('refuses a value that is not a boolean', () => {
    expect(() => config({ DEMO_DATA: 'soms' })).toThrow(/DEMO_DATA/);
  });
});
