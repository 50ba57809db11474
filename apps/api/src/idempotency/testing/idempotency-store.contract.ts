import { randomUUID } from 'node:crypto';
import { eachTestOpens } from '@app/resilience/testing';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

export interface IdempotencyStoreUnderTest {
  store: IdempotencyStore;
  cleanup(): Promise<void>;
}

const T0 = '2026-01-01T10:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const HOUR = 3_600_000;

const recordOf = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  key: `key-${randomUUID()}`,
  fingerprint: 'fingerprint-a',
  statusCode: 201,
  body: { aggregateId: randomUUID(), events: [] },
  createdAt: T0,
  expiresAt: plus(T0, HOUR),
  subjects: [],
  ...overrides,
});

/** What every IdempotencyStore adapter guarantees; run by each adapter's integration spec. */
export function idempotencyStoreContract(name: string, open: () => Promise<IdempotencyStoreUnderTest>): void {
  describe(`${name} (idempotency store contract)`, () => {
    const subject = eachTestOpens(open);

    it('stores a record once: a second put of the key returns the first', async () => {
      const first = recordOf();
      expect(await subject().store.putIfAbsent(first)).toEqual(first);
      const second = { ...first, fingerprint: 'fingerprint-b', body: { other: true } };
      expect(await subject().store.putIfAbsent(second)).toEqual(first);
      expect(await subject().store.get(first.key, plus(T0, 1000))).toEqual(first);
    });

    it('agrees on one record when many puts of a key race', async () => {
      const key = `key-${randomUUID()}`;
      const records = Array.from({ length: 10 }, (_, i) => recordOf({ key, fingerprint: `f-${i}` }));
      const stored = await Promise.all(records.map((r) => subject().store.putIfAbsent(r)));
      expect(new Set(stored.map((r) => r.fingerprint)).size).toBe(1);
    });

    it('forgets a record once it has expired, and replaces it with a new one', async () => {
      const old = recordOf();
      await subject().store.putIfAbsent(old);
      expect(await subject().store.get(old.key, plus(T0, HOUR - 1))).toEqual(old);
      expect(await subject().store.get(old.key, plus(T0, HOUR))).toBeUndefined();

      const later = plus(T0, HOUR + 1000);
      const fresh = recordOf({
        key: old.key,
        fingerprint: 'fresh',
        createdAt: later,
        expiresAt: plus(later, HOUR),
      });
      expect(await subject().store.putIfAbsent(fresh)).toEqual(fresh);
      expect(await subject().store.get(old.key, plus(later, 1000))).toEqual(fresh);
    });

    it('deletes the records that concern a member, and only theirs', async () => {
      const member = randomUUID();
      const other = randomUUID();
      const theirs = recordOf({ subjects: [member] });
      const about = recordOf({ subjects: [other, member] });
      const kept = recordOf({ subjects: [other] });
      for (const record of [theirs, about, kept]) await subject().store.putIfAbsent(record);

      await subject().store.forgetSubject(member);

      expect(await subject().store.get(theirs.key, T0)).toBeUndefined();
      expect(await subject().store.get(about.key, T0)).toBeUndefined();
      expect(await subject().store.get(kept.key, T0)).toEqual(kept);
      // Idempotent: nothing left to delete.
      await subject().store.forgetSubject(member);
    });
  });
}
