import { withFaults, type FaultControl } from '@app/resilience/testing';
import { ALL_PROJECTIONS } from '../all-projections';
import { readModels, seededSuite, waitUntil } from '../testing/runner-stores';
import { ProjectionRunner, type ProjectionRetrying, type RunnerLogger } from './projection-runner';
import { rebuildProjection } from './rebuild';

/**
 * The "Done when" of store outages: a store call of the runner fails for a while, wherever it happens, and the
 * projections catch up once it works again, with read models identical, document by document, to a clean rebuild of
 * the same events on untouched stores. Real SQLite stores, wrapped with fault injection; every projection at once.
 */
const EVENTS = 1_500;
/** Calls that fail in each case, one after the other. */
const TIMES = 4;
/** Short waits; and one try only for failures not known to heal, so that only a transient one may be retried. */
const FAST_RETRIES = { retryDelayMs: 1, maxRetryDelayMs: 20, maxAttempts: 1 };

describe('The projection runner through store outages', () => {
  const seeded = seededSuite(EVENTS, ALL_PROJECTIONS);

  /** Stores for one test: the seeded events and an empty read store, each behind a fault injector. */
  const faultyStores = () => {
    const events = withFaults(seeded.stores.events(), { store: 'SQLite events' });
    const raw = seeded.stores.reads();
    const reads = withFaults(raw, { store: 'SQLite read models' });
    return {
      events: events.store,
      eventFaults: events.faults,
      reads: reads.store,
      readFaults: reads.faults,
      raw,
    };
  };

  /** A logger that keeps the warnings, and the retries the runners' statuses reported. */
  const observed = () => {
    const warnings: string[] = [];
    const retries: ProjectionRetrying[] = [];
    const logger: RunnerLogger = {
      log: () => undefined,
      warn: (m) => warnings.push(m),
      error: () => undefined,
    };
    return { warnings, retries, logger };
  };

  describe('the live runners', () => {
    interface Outage {
      faults: 'reads' | 'events';
      method: string;
      /** Calls let through first. */
      after?: number;
      lostAnswer?: boolean;
      /** What the runner's status names while it retries. */
      operation: string;
    }
    const cases: [string, Outage][] = [
      [
        'start-up: collectionVersions',
        { faults: 'reads', method: 'collectionVersions', operation: 'collectionVersions' },
      ],
      [
        'start-up: ensureCollections',
        { faults: 'reads', method: 'ensureCollections', operation: 'ensureCollections' },
      ],
      ['start-up: getCheckpoint', { faults: 'reads', method: 'getCheckpoint', operation: 'getCheckpoint' }],
      ["a batch's getMany", { faults: 'reads', method: 'getMany', after: 3, operation: 'batch' }],
      ["a batch's applyBatch", { faults: 'reads', method: 'applyBatch', after: 3, operation: 'applyBatch' }],
      [
        "a batch's applyBatch that wrote, and lost its answer",
        { faults: 'reads', method: 'applyBatch', after: 3, lostAnswer: true, operation: 'applyBatch' },
      ],
      [
        // The start-up reads of the five runners come first (each runner's is made as it starts).
        'the read of the active version after a batch',
        {
          faults: 'reads',
          method: 'collectionVersions',
          after: ALL_PROJECTIONS.length,
          operation: 'activeVersion',
        },
      ],
      [
        "the event store's subscription (a read of events)",
        { faults: 'events', method: 'subscribeToAll', after: 3, operation: 'subscription' },
      ],
    ];

    it.each(cases)('catch up after %s fails', async (_name, outage) => {
      const s = faultyStores();
      const faults: FaultControl = outage.faults === 'reads' ? s.readFaults : s.eventFaults;
      faults.fail([outage.method], { times: TIMES, after: outage.after, lostAnswer: outage.lostAnswer });
      const { warnings, retries, logger } = observed();
      const runners = ALL_PROJECTIONS.map((projection) =>
        new ProjectionRunner(projection, s.events, s.reads, {
          batchSize: 100,
          ...FAST_RETRIES,
          logger,
          onStatus: (status) => {
            if (status.retrying) retries.push(status.retrying);
          },
        }).start(),
      );
      for (const runner of runners)
        expect(await runner.waitForPosition(seeded.stores.head, 30_000)).toBe(true);
      await Promise.all(runners.map((runner) => runner.stop()));

      expect(faults.faulted(outage.method)).toBe(TIMES);
      expect(warnings.filter((w) => w.includes('injected fault'))).toHaveLength(TIMES);
      expect(retries).toHaveLength(TIMES);
      expect(
        retries.every((r) => r.operation === outage.operation && r.error.includes('injected fault')),
      ).toBe(true);
      for (const runner of runners) {
        expect(runner.status()).toMatchObject({ state: 'stopped', position: seeded.stores.head });
        expect(runner.status().retrying).toBeUndefined();
      }
      expect(await readModels(s.raw, ALL_PROJECTIONS)).toEqual(seeded.reference);
    });

    it('take up a subscription that hung once the event store answers again', async () => {
      const s = faultyStores();
      s.eventFaults.hang(['subscribeToAll'], { after: 3, times: 1 });
      const runners = ALL_PROJECTIONS.map((projection) =>
        new ProjectionRunner(projection, s.events, s.reads, { batchSize: 100, ...FAST_RETRIES }).start(),
      );
      await waitUntil(() => s.eventFaults.hanging === 1, 'a read of events hangs');
      // The connection is reset: the hung read fails as transient, and the runner subscribes again.
      s.eventFaults.clear();
      for (const runner of runners)
        expect(await runner.waitForPosition(seeded.stores.head, 30_000)).toBe(true);
      await Promise.all(runners.map((runner) => runner.stop()));
      expect(await readModels(s.raw, ALL_PROJECTIONS)).toEqual(seeded.reference);
    });

    it('stop at once while waiting out a long backoff', async () => {
      const s = faultyStores();
      s.readFaults.fail(['getCheckpoint']);
      const runner = new ProjectionRunner(ALL_PROJECTIONS[0], s.events, s.reads, {
        retryDelayMs: 30_000,
        maxRetryDelayMs: 30_000,
      }).start();
      await waitUntil(() => runner.status().retrying !== undefined, 'the runner waits to try again');
      expect(runner.status()).toMatchObject({
        state: 'starting',
        retrying: { operation: 'getCheckpoint', attempt: 1 },
      });

      // Within this test's timeout of 5 s, far below the 30 s wait.
      await runner.stop();
      expect(runner.status().state).toBe('stopped');
      expect(runner.status().retrying).toBeUndefined();
      expect(s.readFaults.calls('getCheckpoint')).toBe(1);
    }, 5_000);
  });

  describe('rebuilds', () => {
    const cases: [string, { method: string; after?: number; lostAnswer?: boolean }][] = [
      ["the rebuild's read of the versions", { method: 'collectionVersions' }],
      ['start-up: find (is the new version empty?)', { method: 'find' }],
      ["a flush's applyBatch", { method: 'applyBatch', after: 1 }],
      [
        "a flush's applyBatch that wrote, and lost its answer",
        { method: 'applyBatch', after: 1, lostAnswer: true },
      ],
      ['building the indexes', { method: 'buildIndexes' }],
      ['switching readers over', { method: 'activateVersion' }],
    ];

    it.each(cases)('finish after %s fails', async (_name, outage) => {
      const s = faultyStores();
      s.readFaults.fail([outage.method], {
        times: TIMES,
        after: outage.after,
        lostAnswer: outage.lostAnswer,
      });
      const { warnings, logger } = observed();
      for (const projection of ALL_PROJECTIONS) {
        await rebuildProjection(projection, s.events, s.reads, { ...FAST_RETRIES, logger });
      }
      expect(s.readFaults.faulted(outage.method)).toBe(TIMES);
      expect(warnings.filter((w) => w.includes('injected fault'))).toHaveLength(TIMES);
      expect(await readModels(s.raw, ALL_PROJECTIONS)).toEqual(seeded.reference);
    });
  });
});
