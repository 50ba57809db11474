import type { ThrottlerStorage } from '@nestjs/throttler';

/** What `increment` answers (the package does not export the record's type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A client's hits: when each hit of the window expires, oldest first, from `head` on. */
interface Bucket {
  expirations: number[];
  head: number;
  /** When the window the throttler reports as `timeToExpire` ends. */
  windowEndsAt: number;
  blockedUntil: number;
}

/** How often buckets with nothing left in them are dropped (the throttler's own storage sweeps as often). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The throttler's memory storage with the same answers at a constant cost per request. @nestjs/throttler 6.x's
 * `ThrottlerStorageService` keeps each hit's expiry and filters the whole list on every request (its
 * `pruneExpiredHits`), so a request costs as many steps as the client has hits in the window: under load, most of
 * the rate limiter's time (docs/performance.md). A hit's expiry is its time plus the same ttl, so the list is in
 * order and the expired hits are always at its front: they are skipped by moving a start index, and the array is
 * compacted only when the skipped part is most of it. The rules are the service's, unchanged: hits in the last
 * `ttl` count; the hit that goes over `limit` blocks the key for `blockDuration`, during which nothing more is
 * counted and `timeToBlockExpire` (Retry-After) counts down; when the block ends the key starts again with that
 * request as its one hit.
 *
 * Times come from a monotonic clock (a wall clock set back would otherwise keep hits alive past their window).
 */
export class SlidingWindowStorage implements ThrottlerStorage {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.lastSweep = now();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = { expirations: [], head: 0, windowEndsAt: now + ttl, blockedUntil: 0 };
      this.buckets.set(id, bucket);
    }
    dropExpired(bucket, now);
    if (bucket.windowEndsAt <= now) bucket.windowEndsAt = now + ttl;
    const timeToExpire = seconds(bucket.windowEndsAt - now);

    const blocked = bucket.blockedUntil > now;
    if (blocked) return answer(bucket, timeToExpire, true, seconds(bucket.blockedUntil - now));
    if (bucket.blockedUntil > 0) {
      // The block has ended: the key starts again, this request its one hit.
      bucket.blockedUntil = 0;
      bucket.expirations = [];
      bucket.head = 0;
    }
    bucket.expirations.push(now + ttl);
    if (blockDuration > 0 && count(bucket) > limit) {
      bucket.blockedUntil = now + blockDuration;
      return answer(bucket, timeToExpire, true, seconds(blockDuration));
    }
    if (blockDuration <= 0 && count(bucket) > limit) {
      // Without a block, a request over the limit is refused and not counted, until the oldest hit expires.
      bucket.expirations.pop();
      const oldest = bucket.expirations[bucket.head] ?? now + ttl;
      return answer(bucket, timeToExpire, true, seconds(oldest - now), 1);
    }
    return answer(bucket, timeToExpire, false, 0);
  }

  /** Drops the buckets with no live hit and no block (memory stays proportional to the clients of the window). */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, bucket] of this.buckets) {
      dropExpired(bucket, now);
      if (count(bucket) === 0 && bucket.blockedUntil <= now && bucket.windowEndsAt <= now) {
        this.buckets.delete(id);
      }
    }
  }
}

const count = (bucket: Bucket) => bucket.expirations.length - bucket.head;

const seconds = (ms: number) => Math.ceil(ms / 1000);

function dropExpired(bucket: Bucket, now: number): void {
  const { expirations } = bucket;
  let head = bucket.head;
  while (head < expirations.length && expirations[head] <= now) head++;
  if (head > 64 && head * 2 > expirations.length) {
    bucket.expirations = expirations.slice(head);
    head = 0;
  }
  bucket.head = head;
}

const answer = (
  bucket: Bucket,
  timeToExpire: number,
  isBlocked: boolean,
  timeToBlockExpire: number,
  over = 0,
): Promise<ThrottlerStorageRecord> =>
  Promise.resolve({ totalHits: count(bucket) + over, timeToExpire, isBlocked, timeToBlockExpire });
