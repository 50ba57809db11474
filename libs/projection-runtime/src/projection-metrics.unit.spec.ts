import { Registry } from 'prom-client';
import type { ProjectionStatus } from '@app/projections/runner';
import { registerProjectionMetrics } from './projection-metrics';

describe('registerProjectionMetrics', () => {
  const timeline: ProjectionStatus = {
    name: 'timeline',
    version: 1,
    state: 'live',
    position: 120,
    lagEvents: 0,
    lagSeconds: 0,
    eventsApplied: 120,
    lease: { held: true, owner: 'p1', acquisitions: 1 },
  };
  const doetanks: ProjectionStatus = {
    name: 'doetanks',
    version: 1,
    state: 'standby',
    position: 100,
    lagEvents: 20,
    lagSeconds: 1.5,
    eventsApplied: 0,
    lease: { held: false, owner: 'p1', holder: 'p2', acquisitions: 0 },
  };

  const scrape = async (statuses: ProjectionStatus[][]) => {
    const registry = new Registry();
    let call = 0;
    registerProjectionMetrics(registry, async () => statuses[Math.min(call++, statuses.length - 1)]);
    return { registry, text: await registry.metrics() };
  };
  const value = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((line) => line.startsWith(`${series} `))
        ?.split(' ')[1],
    );

  it('shows per projection the events applied, position, lag, state and lease, from one read of the statuses', async () => {
    const { text } = await scrape([[timeline, doetanks]]);
    const expected: Record<string, number> = {
      'slimmernetwerk_projection_events_applied_total{projection="timeline"}': 120,
      'slimmernetwerk_projection_events_applied_total{projection="doetanks"}': 0,
      'slimmernetwerk_projection_position{projection="doetanks"}': 100,
      'slimmernetwerk_projection_lag_events{projection="doetanks"}': 20,
      'slimmernetwerk_projection_lag_seconds{projection="doetanks"}': 1.5,
      'slimmernetwerk_projection_state{projection="doetanks",state="standby"}': 1,
      'slimmernetwerk_projection_state{projection="doetanks",state="live"}': 0,
      'slimmernetwerk_projection_state{projection="timeline",state="live"}': 1,
      'slimmernetwerk_projection_failed{projection="timeline"}': 0,
      'slimmernetwerk_projection_lease_held{projection="timeline"}': 1,
      'slimmernetwerk_projection_lease_held{projection="doetanks"}': 0,
      'slimmernetwerk_projection_lease_acquisitions_total{projection="timeline"}': 1,
    };
    expect(Object.fromEntries(Object.keys(expected).map((series) => [series, value(text, series)]))).toEqual(
      expected,
    );
  });

  it('copies the runners’ totals on every scrape rather than adding them up', async () => {
    const { registry, text } = await scrape([[timeline], [{ ...timeline, eventsApplied: 150 }]]);
    const applied = (t: string) =>
      value(t, 'slimmernetwerk_projection_events_applied_total{projection="timeline"}');
    expect(applied(text)).toBe(120);
    // The next read of the statuses (they are shared for 50 ms between scrapes) says 150: the counter says 150.
    const deadline = Date.now() + 5000;
    let later = await registry.metrics();
    while (applied(later) === 120 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      later = await registry.metrics();
    }
    expect(applied(later)).toBe(150);
  });

  it('leaves out the lease where the runners take none', async () => {
    const { text } = await scrape([[{ ...timeline, lease: undefined }]]);
    expect(text).not.toContain('slimmernetwerk_projection_lease_held{');
  });
});
