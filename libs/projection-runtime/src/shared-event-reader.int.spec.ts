import { ConsoleLogger, Logger } from '@nestjs/common';
import type { EventStore, SubscribeOptions } from '@app/event-store';
import { withoutKeyStore } from '@app/privacy';
import type { ReadStore } from '@app/read-store';
import { withFaults } from '@app/resilience/testing';
import { ALL_PROJECTIONS, type Projection } from '@app/projections';
import { checkpointName, ProjectionRunner, SharedEventReader } from '@app/projections/runner';
import {
  cleanRebuild,
  readModels,
  RunnerStores,
  seededSuite,
  waitUntil,
} from '@app/projections/testing/runner-stores';
import { ProjectorService } from './projector.service';

/**
 * The live runners of a projector read the log through one subscription (SharedEventReader): counted on a real
 * SQLite event store wrapped with fault injection (which counts the subscriptions opened and the reads of each),
 * and with read models identical to a clean rebuild.
 */
const EVENTS = 1_500;
const BATCH = 100;

const liveService = async (events: EventStore, reads: ReadStore, readWindowEvents?: number) => {
  const service = new ProjectorService(
    events,
    reads,
    { projections: ALL_PROJECTIONS, run: true, batchSize: BATCH, readWindowEvents },
    withoutKeyStore,
  );
  await service.onApplicationBootstrap();
  await service.whenPrepared();
  return service;
};

const allLive = (runners: readonly (ProjectionRunner | undefined)[], head: number) =>
  runners.every((r) => r?.status().state === 'live' && r.status().position === head);

describe('The shared reader of a projector', () => {
  const seeded = seededSuite(EVENTS, ALL_PROJECTIONS);

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('reads the log once for five live projections, where five runners on their own read it five times', async () => {
    const shared = withFaults(seeded.stores.events(), { store: 'SQLite events' });
    const sharedReads = seeded.stores.reads();
    // A window as large as the log: however far apart the runners drift, none has to read on its own.
    const service = await liveService(shared.store, sharedReads, EVENTS * 2);
    const runners = ALL_PROJECTIONS.map((p) => service.runner(p.name));
    await waitUntil(() => allLive(runners, seeded.stores.head), 'every projection live at the head');
    await service.beforeApplicationShutdown();

    expect(shared.faults.opened('subscribeToAll')).toBe(1);
    // Each batch of the log read once (plus the read that found the head), never five times.
    expect(shared.faults.calls('subscribeToAll')).toBeLessThanOrEqual(EVENTS / BATCH + 3);
    expect(shared.faults.calls('readAll')).toBe(0);
    expect(await readModels(sharedReads, ALL_PROJECTIONS)).toEqual(seeded.reference);

    // The same projections, each runner with a subscription of its own.
    const alone = withFaults(seeded.stores.events(), { store: 'SQLite events' });
    const aloneReads = seeded.stores.reads();
    const own = ALL_PROJECTIONS.map((p) =>
      new ProjectionRunner(p, alone.store, aloneReads, { batchSize: BATCH }).start(),
    );
    await waitUntil(() => allLive(own, seeded.stores.head), 'every runner on its own live at the head');
    await Promise.all(own.map((runner) => runner.stop()));
    expect(alone.faults.opened('subscribeToAll')).toBe(ALL_PROJECTIONS.length);
    expect(alone.faults.calls('subscribeToAll')).toBeGreaterThanOrEqual(
      (ALL_PROJECTIONS.length * EVENTS) / BATCH,
    );
    expect(await readModels(aloneReads, ALL_PROJECTIONS)).toEqual(seeded.reference);
  });

  it('lets a projection far behind catch up on its own while the others stay live on the shared reads', async () => {
    // A log of its own, with events withheld to append while the projections are live.
    const log = await RunnerStores.seed(EVENTS, 19, 20);
    try {
      const faulted = withFaults(log.events(), { store: 'SQLite events' });
      // Where each subscription to the log starts.
      const subscribedAfter: number[] = [];
      const events = new Proxy(faulted.store, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (prop !== 'subscribeToAll') return value;
          return (options?: SubscribeOptions) => {
            subscribedAfter.push(options?.after ?? 0);
            return target.subscribeToAll(options);
          };
        },
      });
      const reads = log.reads();
      // A window of three batches: the projection reset to the start is far outside it.
      const reader = new SharedEventReader(events, { batchSize: BATCH, windowEvents: 3 * BATCH });
      const runners = ALL_PROJECTIONS.map((p) =>
        new ProjectionRunner(p, events, reads, { batchSize: BATCH, sharedReader: reader }).start(),
      );
      await waitUntil(() => allLive(runners, log.head), 'every projection live at the head');

      // One projection far behind: stopped, its checkpoint reset to the start of the log, started again.
      const behind = runners[2];
      await behind.stop();
      await reads.applyBatch({
        checkpoints: [{ name: checkpointName(behind.projection.name, 1), position: 0, state: 'running' }],
      });
      const opened = subscribedAfter.length;
      const sharedEvents = reader.stats().events;
      behind.start();
      await waitUntil(() => subscribedAfter.length > opened, 'the projection behind reads on its own');
      // Events arrive while it catches up: the others apply them from the shared reads.
      const head = await log.appendWithheld(events);
      expect(head).toBeGreaterThan(log.head);
      await waitUntil(() => allLive(runners, head), 'every projection live at the new head');
      await waitUntil(
        () => reader.stats().onTheirOwn === 0,
        'the projection behind back on the shared reads',
      );

      // Only the projection behind read from the start; the shared reads brought the new events, not the log again.
      expect(subscribedAfter.slice(opened).filter((after) => after === 0)).toHaveLength(1);
      expect(reader.stats().events - sharedEvents).toBeLessThanOrEqual(head - log.head);
      await Promise.all(runners.map((runner) => runner.stop()));
      await reader.close();
      expect(reader.stats().taps).toBe(0);
      expect(await readModels(reads, ALL_PROJECTIONS)).toEqual(await cleanRebuild(log, ALL_PROJECTIONS));
    } finally {
      log.close();
    }
  });

  it('waits out an outage of the shared read, and is not held back by a projection that failed', async () => {
    const faulted = withFaults(seeded.stores.events(), { store: 'SQLite events' });
    // Reads of the shared subscription fail three times, after the first two batches.
    faulted.faults.fail(['subscribeToAll'], { times: 3, after: 2 });
    const reads = seeded.stores.reads();
    const reader = new SharedEventReader(faulted.store, { batchSize: BATCH });
    const failing = ALL_PROJECTIONS[1];
    const failAt = Math.floor(seeded.stores.head / 2);
    const broken: Projection = {
      ...failing,
      evolve: (document, event, target, related) => {
        if (event.position >= failAt) throw new Error('cannot apply this event');
        return failing.evolve(document, event, target, related);
      },
    };
    const others = ALL_PROJECTIONS.filter((p) => p !== failing);
    const options = {
      batchSize: BATCH,
      sharedReader: reader,
      retryDelayMs: 1,
      maxRetryDelayMs: 20,
      maxAttempts: 1,
    };
    const runners = [broken, ...others].map((p) =>
      new ProjectionRunner(p, faulted.store, reads, options).start(),
    );
    await waitUntil(
      () => allLive(runners.slice(1), seeded.stores.head),
      'the other projections live at the head',
    );
    expect(runners[0].status()).toMatchObject({ state: 'failed', error: 'cannot apply this event' });
    expect(runners[0].status().failedPosition).toBeGreaterThanOrEqual(failAt);
    expect(faulted.faults.faulted('subscribeToAll')).toBe(3);
    await Promise.all(runners.map((runner) => runner.stop()));
    await reader.close();

    const models = await readModels(reads, others);
    expect(models).toEqual(
      Object.fromEntries(Object.keys(models).map((name) => [name, seeded.reference[name]])),
    );
  });
});
