import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectorConfig } from '../../projector/src/config/projector.config';
import { createProjectorApp } from '../../projector/src/projector.factory';
import { ApiHarness, joinMember, memberBody, until } from './api-harness';

/**
 * Started while the read models' file is locked by another connection (what a rebuild, a backup or a stuck
 * process looks like), the api and the projector app do not exit: they serve their health checks at once,
 * liveness up and readiness down with the reason, answer queries with 503 and `Retry-After` rather than 500, and
 * become ready by themselves once the lock is released.
 */

/** Another connection holding the read models' file: a write lock (`BEGIN EXCLUSIVE`) until released. */
function lockFile(file: string): { release: () => void } {
  const holder = new Database(file, { timeout: 0 });
  holder.exec('BEGIN EXCLUSIVE');
  // Something written, so the lock is a write in progress on a file that may be new.
  holder.exec('CREATE TABLE IF NOT EXISTS lock_holder (x)');
  return {
    release: () => {
      holder.exec('ROLLBACK');
      holder.close();
    },
  };
}

const get = async (url: string) => {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

describe('Start-up while the read store is locked', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-startup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const readModelsFile = () => join(dir, 'test.read-models.db');

  it.each([
    ['a new file (locked before it could be switched to WAL)', false],
    ['a file in use before (WAL: reads pass, writes wait)', true],
  ])(
    'the api waits with liveness up and readiness down, then serves once the lock is released: %s',
    async (_case, usedBefore) => {
      if (usedBefore) {
        const first = await ApiHarness.start({ dir, env: { EMBEDDED_PROJECTOR: 'true' } });
        await joinMember(first);
        await first.stop({ keepFiles: true });
      }
      const lock = lockFile(readModelsFile());
      let api: ApiHarness | undefined;
      try {
        // The embedded projector (in its worker thread) waits for the file as well.
        api = await ApiHarness.start({ dir, env: { EMBEDDED_PROJECTOR: 'true' } });
        expect((await api.request('GET', '/health/live')).status).toBe(200);
        const health = await api.request('GET', '/health');
        expect(health.status).toBe(503);
        expect(health.body.error.projections.reason).toMatch(/^read store unavailable: .*database is locked/);
        expect(health.body.error.stores.readStore).toMatchObject({ status: 'down' });

        // A query cannot be answered yet: 503 with a reason and Retry-After, not a 500.
        const query = await api.request('GET', '/timeline');
        expect(query.status).toBe(503);
        expect(query.headers.get('retry-after')).toBe('5');
        expect(query.body).toMatchObject({ code: 'STORE.UNAVAILABLE', status: 503 });
        expect(query.body.detail).toMatch(/database is locked/);
        // Commands need the file of record only (the embedded mode keeps idempotency records and personal data
        // keys there): they are accepted meanwhile, and the read models catch up afterwards.
        const memberId = (await api.post('/members', memberBody(randomUUID()))).body.aggregateId;
        const joined = await api.post('/members', memberBody(randomUUID()));
        expect(joined.status).toBe(201);
        expect((await api.request('GET', '/health/live')).status).toBe(200);

        lock.release();
        await until(
          async () => (await api!.request('GET', '/health')).status === 200,
          'the api becoming ready',
        );
        const read = await api.request('GET', `/members?minPosition=${joined.body.position}`);
        expect(read.status).toBe(200);
        expect(read.headers.get('x-read-model-consistent')).toBe('true');
        expect(read.body.items.map((m: { id: string }) => m.id)).toEqual(
          expect.arrayContaining([memberId, joined.body.aggregateId]),
        );
      } finally {
        await api?.stop({ keepFiles: true });
        try {
          lock.release();
        } catch {
          // released already
        }
      }
    },
  );

  it('the api stops promptly while it is still waiting for its read store', async () => {
    const lock = lockFile(readModelsFile());
    try {
      const api = await ApiHarness.start({ dir, env: { EMBEDDED_PROJECTOR: 'true' } });
      expect((await api.request('GET', '/health')).status).toBe(503);
      const started = Date.now();
      await api.stop({ keepFiles: true });
      // Well within the 10 s a projector thread that does not stop is given before it is ended.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      lock.release();
    }
  });

  it('the projector app waits with liveness up and readiness down, then projects once the lock is released', async () => {
    // The api writes events (its projector runs elsewhere); the read models' file is locked when the projector
    // app starts.
    const api = await ApiHarness.start({ dir, env: { EMBEDDED_PROJECTOR: 'false' } });
    let projector: NestFastifyApplication | undefined;
    const lock = lockFile(readModelsFile());
    try {
      const joined = await api.post('/members', memberBody(randomUUID()));
      expect(joined.status).toBe(201);

      projector = await createProjectorApp(
        loadProjectorConfig({
          SQLITE_FILE: api.config.stores.sqliteFile,
          LOG_LEVEL: 'silent',
          PROJECTOR_PORT: '0',
        }),
      );
      await projector.listen({ port: 0, host: '127.0.0.1' });
      const address = projector.getHttpServer().address();
      if (!address || typeof address === 'string') throw new Error('no address');
      const url = `http://127.0.0.1:${address.port}`;

      expect((await get(`${url}/health/live`)).status).toBe(200);
      const health = await get(`${url}/health`);
      expect(health.status).toBe(503);
      expect(health.body.error.projections.reason).toMatch(/^read store unavailable: .*database is locked/);

      lock.release();
      await until(async () => (await get(`${url}/health`)).status === 200, 'the projector becoming ready');
      const ready = await get(`${url}/health`);
      expect(ready.body.info.projections.members).toMatchObject({ state: 'live', lagEvents: 0 });
      // What it projected is there for the api's readers.
      const read = await api.request('GET', `/members?minPosition=${joined.body.position}`);
      expect(read.headers.get('x-read-model-consistent')).toBe('true');
      expect(read.body.items.map((m: { id: string }) => m.id)).toContain(joined.body.aggregateId);
    } finally {
      try {
        lock.release();
      } catch {
        // released already
      }
      await projector?.close();
      await api.stop({ keepFiles: true });
    }
  });
});
