import { ThrottlerStorageService } from '@nestjs/throttler';
import { SlidingWindowStorage } from './rate-limit.storage';

/**
 * The constant-cost storage answers exactly as the throttler's own memory storage, which it replaces: the same
 * requests at the same times get the same counts, blocks and Retry-After, through windows sliding, blocks starting
 * and ending, and buckets swept.
 */
describe('SlidingWindowStorage', () => {
  const START = Date.UTC(2026, 0, 1);
  let clock = START;
  let reference: ThrottlerStorageService;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    clock = START;
    reference = new ThrottlerStorageService();
  });
  afterEach(() => {
    reference.onApplicationShutdown();
    jest.useRealTimers();
  });

  const advance = (ms: number) => {
    clock += ms;
    jest.setSystemTime(clock);
  };

  /** Runs the same requests through both storages; returns both series of answers. */
  async function both(
    steps: Array<{ after: number; key?: string }>,
    { ttl, limit, blockDuration }: { ttl: number; limit: number; blockDuration: number },
  ) {
    const ours = new SlidingWindowStorage(() => clock);
    const theirs: unknown[] = [];
    const mine: unknown[] = [];
    for (const { after, key = 'rate:ip:198.51.100.7' } of steps) {
      advance(after);
      const [a, b] = await Promise.all([
        reference.increment(key, ttl, limit, blockDuration, 'default'),
        ours.increment(key, ttl, limit, blockDuration, 'default'),
      ]);
      // Outside a block the throttler's time to block expiry means nothing (nothing reads it): compare it in one.
      theirs.push({ ...a, timeToBlockExpire: a.isBlocked ? a.timeToBlockExpire : 0 });
      mine.push(b);
    }
    return { theirs, mine };
  }

  it('counts, blocks, counts down Retry-After and starts again as the throttler does', async () => {
    const steps = [
      ...Array.from({ length: 5 }, () => ({ after: 1_000 })), // five hits, the limit
      { after: 1_000 }, // over: blocked for the block duration
      { after: 20_000 }, // still blocked, Retry-After counts down
      { after: 30_000 },
      { after: 9_000 }, // the block is over: one hit again
      { after: 100 },
      ...Array.from({ length: 6 }, () => ({ after: 15_000 })), // hits slide out of the window as new ones come
      { after: 61_000 }, // a quiet window: everything expired
    ];
    const { theirs, mine } = await both(steps, { ttl: 60_000, limit: 5, blockDuration: 60_000 });
    expect(mine).toEqual(theirs);
    expect(mine).toContainEqual(expect.objectContaining({ isBlocked: true, timeToBlockExpire: 60 }));
    expect(mine).toContainEqual(expect.objectContaining({ isBlocked: true, timeToBlockExpire: 40 }));
  });

  it('keeps clients apart and answers the same under a long, fast series', async () => {
    const keys = ['rate:sub:a', 'rate:sub:b', 'rate:ip:203.0.113.9'];
    const steps = Array.from({ length: 3_000 }, (_, i) => ({ after: 7 + (i % 13), key: keys[i % 3] }));
    const { theirs, mine } = await both(steps, { ttl: 1_000, limit: 20, blockDuration: 1_000 });
    expect(mine).toEqual(theirs);
    expect(mine).toContainEqual(expect.objectContaining({ isBlocked: true }));
    expect(mine).toContainEqual(expect.objectContaining({ isBlocked: false, totalHits: 20 }));
  });

  it('without a block duration refuses over the limit until the oldest hit expires, as the throttler does', async () => {
    const steps = Array.from({ length: 40 }, (_, i) => ({ after: i % 4 === 0 ? 700 : 150 }));
    const { theirs, mine } = await both(steps, { ttl: 2_000, limit: 4, blockDuration: 0 });
    expect(mine).toEqual(theirs);
  });

  it('forgets clients whose window and block are over', async () => {
    const storage = new SlidingWindowStorage(() => clock);
    for (let i = 0; i < 100; i++) await storage.increment(`rate:ip:10.0.0.${i}`, 1_000, 5, 1_000, 'default');
    const buckets = (storage as unknown as { buckets: Map<string, unknown> }).buckets;
    expect(buckets.size).toBe(100);
    advance(61_000);
    await storage.increment('rate:ip:10.0.1.1', 1_000, 5, 1_000, 'default');
    expect([...buckets.keys()]).toEqual(['default\u0000rate:ip:10.0.1.1']);
  });
});
