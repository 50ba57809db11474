import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const low = () => 0;
  const high = () => 1;

  it('doubles from the initial delay, between half and all of it', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, {}, high))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, {}, low))).toEqual([50, 100, 200, 400]);
  });

  it('is capped', () => {
    expect(backoffDelay(20, { maxMs: 5000 }, high)).toBe(5000);
    expect(backoffDelay(20, { maxMs: 5000 }, low)).toBe(2500);
    expect(backoffDelay(10_000, {}, high)).toBe(30_000);
  });

  it('spreads retries with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1600);
      expect(delay).toBeLessThanOrEqual(3200);
    }
  });

  it('takes its own schedule', () => {
    expect(backoffDelay(2, { initialMs: 10, factor: 3, maxMs: 1000 }, high)).toBe(90);
  });
});
