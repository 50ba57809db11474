import { readModelsFileBeside, readStoresConfig } from './stores.config';

describe('readStoresConfig', () => {
  it('defaults to the embedded stores, the read models in a file beside the events', () => {
    const { config, problems } = readStoresConfig({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      eventStore: 'sqlite',
      readStore: 'sqlite',
      sqliteFile: 'data/slimmernetwerk.db',
      sqliteReadModelsFile: 'data/slimmernetwerk.read-models.db',
      sqliteSynchronous: 'FULL',
      sqliteWriterThread: false,
    });
  });

  it('puts the writes of the file of record on a writer thread when SQLITE_WRITER_THREAD is true', () => {
    expect(readStoresConfig({ SQLITE_WRITER_THREAD: 'true' }).config.sqliteWriterThread).toBe(true);
    expect(readStoresConfig({ SQLITE_WRITER_THREAD: 'yes' }).problems).toEqual([
      'SQLITE_WRITER_THREAD="yes": must be true or false',
    ]);
  });

  it('puts the read models beside a configured SQLITE_FILE, unless SQLITE_READ_MODELS_FILE says where', () => {
    expect(readStoresConfig({ SQLITE_FILE: '/srv/sn/events.sqlite' }).config.sqliteReadModelsFile).toBe(
      '/srv/sn/events.read-models.sqlite',
    );
    expect(
      readStoresConfig({ SQLITE_FILE: 'a.db', SQLITE_READ_MODELS_FILE: 'b.db' }).config.sqliteReadModelsFile,
    ).toBe('b.db');
  });

  it('refuses the same file for both, and empty names', () => {
    expect(readStoresConfig({ SQLITE_FILE: 'a.db', SQLITE_READ_MODELS_FILE: 'a.db' }).problems).toEqual([
      'SQLITE_READ_MODELS_FILE must be another file than SQLITE_FILE',
    ]);
    expect(readStoresConfig({ SQLITE_READ_MODELS_FILE: ' ' }).problems).toContain(
      'SQLITE_READ_MODELS_FILE must not be empty',
    );
  });

  it('reads the EventStoreDB deadlines, with defaults of a few seconds, and refuses nonsense', () => {
    expect(readStoresConfig({}).config).toMatchObject({
      eventStoreDbTimeoutMs: 5000,
      eventStoreDbAppendTimeoutMs: 10000,
    });
    const { config, problems } = readStoresConfig({
      EVENTSTOREDB_TIMEOUT_MS: '2500',
      EVENTSTOREDB_APPEND_TIMEOUT_MS: '8000',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ eventStoreDbTimeoutMs: 2500, eventStoreDbAppendTimeoutMs: 8000 });
    for (const bad of ['0', '-5', '2.5', '1e3', 'soon', '99', '600001']) {
      expect(readStoresConfig({ EVENTSTOREDB_TIMEOUT_MS: bad }).problems).toEqual([
        `EVENTSTOREDB_TIMEOUT_MS=${JSON.stringify(bad)}: must be a whole number of milliseconds from 100 to 600000`,
      ]);
    }
  });

  it('takes a deadline for MongoDB calls, 5 s by default, and refuses one the driver would ignore', () => {
    expect(readStoresConfig({}).config.mongoDbTimeoutMs).toBe(5000);
    expect(readStoresConfig({ MONGODB_TIMEOUT_MS: '2500' }).config.mongoDbTimeoutMs).toBe(2500);
    for (const bad of ['0', '99', '2.5', 'soon', '600001']) {
      expect(readStoresConfig({ MONGODB_TIMEOUT_MS: bad }).problems).toEqual([
        `MONGODB_TIMEOUT_MS=${JSON.stringify(bad)}: must be a whole number of milliseconds from 100 to 600000`,
      ]);
    }
    expect(
      readStoresConfig({ MONGODB_URL: 'mongodb://mongo:27017/sn?replicaSet=rs0&timeoutMS=3000' }).problems,
    ).toEqual(['MONGODB_URL: timeoutMS has no effect with this driver; set MONGODB_TIMEOUT_MS instead']);
  });

  it.each([
    ['data/slimmernetwerk.db', 'data/slimmernetwerk.read-models.db'],
    ['store', 'store.read-models'],
    ['./dir.v2/store', './dir.v2/store.read-models'],
    ['.hidden', '.hidden.read-models'],
    [':memory:', ':memory:'],
  ])('names the read models file beside %s', (file, expected) => {
    expect(readModelsFileBeside(file)).toBe(expected);
  });
});
