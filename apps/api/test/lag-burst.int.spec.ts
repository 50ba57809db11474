import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { newEvent } from '@app/event-store/testing';
import { ApiHarness, joinMember, until } from './api-harness';
import { projectorBeside } from './projector-beside';

const BURST = 50_000;

/**
 * A burst of 50,000 events that the read models have not applied yet (the projector runs elsewhere and is
 * stopped while they are appended). Readiness follows the lag in seconds, the one figure that means the same on
 * every store: ready while the oldest unapplied event is younger than HEALTH_MAX_LAG_SECONDS (60 s by default),
 * however many events wait; not ready once it is older (the api's clock moved forward). Liveness stays up
 * throughout; the lag in events is an exact count on the embedded store.
 */
describe('Operations: a burst of 50,000 events behind', () => {
  let api: ApiHarness;
  let projector: INestApplicationContext | undefined;
  /** How far the api's clock is ahead of the real one. */
  let aheadMs = 0;

  const startProjector = async () => {
    projector = await projectorBeside(api);
  };
  const stopProjector = async () => {
    await projector?.close();
    projector = undefined;
  };
  const metric = async (name: string, projection: string) => {
    const text = (await api.request<string>('GET', '/metrics')).body;
    const line = text.split('\n').find((l) => l.startsWith(`${name}{projection="${projection}"}`));
    return Number(line?.split(' ').pop());
  };

  /** Ready, and every projection has applied every event. */
  const caughtUp = (health: { status: number; body: any }) =>
    health.status === 200 &&
    Object.entries(health.body.info.projections).every(
      ([key, p]) => key === 'status' || (p as { lagEvents: number }).lagEvents === 0,
    );

  beforeAll(async () => {
    api = await ApiHarness.start({
      env: { EMBEDDED_PROJECTOR: 'false' },
      clock: { now: () => new Date(Date.now() + aheadMs) },
    });
  });
  afterAll(async () => {
    await stopProjector();
    await api.stop();
  });

  it('keeps readiness while the oldest unapplied event is recent, loses it when it is old, and liveness stays up', async () => {
    await startProjector();
    await joinMember(api);
    await until(async () => caughtUp(await api.request('GET', '/health')), 'the projections caught up');
    await stopProjector();

    // The burst, appended directly in batches of 500 (one group commit for all of them).
    const events = api.get<EventStore>(EVENT_STORE);
    const recordedAt = new Date().toISOString();
    await Promise.all(
      Array.from({ length: BURST / 500 }, (_, stream) =>
        events.appendToStream(
          `burst-${stream}`,
          Array.from({ length: 500 }, (_, n) => newEvent('BurstNoted', { n }, { metadata: { recordedAt } })),
          'no_stream',
        ),
      ),
    );

    const ready = await api.request('GET', '/health');
    expect(ready.status).toBe(200);
    const timeline = ready.body.info.projections.timeline;
    expect(timeline).toMatchObject({ state: 'catching-up', lagEvents: BURST });
    expect(timeline.lagEventsAtLeast).toBeUndefined();
    expect(timeline.lagSeconds).toBeLessThan(60);
    expect(await metric('slimmernetwerk_projection_lag_events', 'timeline')).toBe(BURST);
    expect(await metric('slimmernetwerk_projection_lag_events_exact', 'timeline')).toBe(1);
    expect((await api.request('GET', '/health/live')).status).toBe(200);

    // Two minutes later, by the api's clock, nothing applied: the oldest event has waited too long.
    aheadMs = 120_000;
    const late = await api.request('GET', '/health');
    expect(late.status).toBe(503);
    expect(late.body.error.projections.timeline).toMatchObject({ lagEvents: BURST });
    expect(late.body.error.projections.timeline.lagSeconds).toBeGreaterThanOrEqual(120);
    expect(late.body.error.projections.timeline.reason).toMatch(
      /^timeline is falling behind: 50000 events, the oldest waiting \d+\.\d s \(more than 60 s\)$/,
    );
    expect(late.body.error.stores).toBeUndefined();
    expect(await metric('slimmernetwerk_projection_lag_seconds', 'timeline')).toBeGreaterThanOrEqual(120);
    expect((await api.request('GET', '/health/live')).status).toBe(200);

    // The projector catches up: ready again.
    await startProjector();
    await until(async () => caughtUp(await api.request('GET', '/health')), 'caught up again', 120_000);
  }, 180_000);
});
