import { randomBytes } from 'node:crypto';
import {
  isLeaseLostError,
  LeaseLostError,
  type ReadStore,
  ReadStoreValidationError,
} from '../read-store.port';

/**
 * Leases, part of the read store contract (called inside its describe, with the suite's store): one owner at a
 * time, expiry by the store's clock, and batches fenced by the lease they carry. Expiry is provoked by a renewal
 * with a 1 ms lease, then waited for by polling, so the cases take no fixed time.
 */
export function leaseContract(
  store: () => ReadStore,
  collection: (base: string) => string,
  allowedMs = 10_000,
): void {
  describe('leases', () => {
    const suffix = () => randomBytes(5).toString('hex');
    const MINUTE = 60_000;

    /** Tries `owner` until it holds the lease (the previous owner's expired), within `allowedMs`. */
    const takeOver = async (name: string, owner: string) => {
      const deadline = Date.now() + allowedMs;
      for (;;) {
        const lease = await store().acquireLease(name, owner, MINUTE);
        if (lease.held) return lease;
        if (Date.now() > deadline) throw new Error(`${owner} did not get ${name} within ${allowedMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const expireNow = (name: string, owner: string) => store().acquireLease(name, owner, 1);

    it('takes a free lease, renews it for its owner, and refuses it to another while it lasts', async () => {
      const name = `lease-${suffix()}`;
      const first = await store().acquireLease(name, 'a', MINUTE);
      expect(first).toMatchObject({ name, held: true, owner: 'a' });
      expect(first.expiresInMs).toBe(MINUTE);
      expect(Number.isNaN(Date.parse(first.expiresAt))).toBe(false);

      const refused = await store().acquireLease(name, 'b', MINUTE);
      expect(refused).toMatchObject({ name, held: false, owner: 'a' });
      expect(refused.expiresInMs).toBeGreaterThan(MINUTE / 2);
      expect(refused.expiresInMs).toBeLessThanOrEqual(MINUTE);
      expect(Date.parse(refused.expiresAt)).toBe(Date.parse(first.expiresAt));

      const renewed = await store().acquireLease(name, 'a', 2 * MINUTE);
      expect(renewed).toMatchObject({ held: true, owner: 'a', expiresInMs: 2 * MINUTE });
      expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    });

    it('takes owners as plain text, also ones that look like field paths or expressions', async () => {
      const name = `lease-${suffix()}`;
      expect(await store().acquireLease(name, '$owner', MINUTE)).toMatchObject({
        held: true,
        owner: '$owner',
      });
      expect(await store().acquireLease(name, '$$NOW', MINUTE)).toMatchObject({
        held: false,
        owner: '$owner',
      });
      expect(await store().acquireLease(name, '$owner', MINUTE)).toMatchObject({
        held: true,
        owner: '$owner',
      });
    });

    it('passes to another owner once it has expired, and the old owner is then refused', async () => {
      const name = `lease-${suffix()}`;
      await store().acquireLease(name, 'a', MINUTE);
      await expireNow(name, 'a');
      expect(await takeOver(name, 'b')).toMatchObject({ held: true, owner: 'b' });
      expect(await store().acquireLease(name, 'a', MINUTE)).toMatchObject({ held: false, owner: 'b' });
    });

    it('writes nothing of a batch whose lease was lost: documents and checkpoint stay as they were', async () => {
      const c = collection('leased');
      const name = `lease-${suffix()}`;
      const checkpoint = `cp-${suffix()}`;
      await store().ensureCollections([{ name: c }]);
      await store().acquireLease(name, 'a', MINUTE);
      await store().applyBatch({
        changes: [{ collection: c, upserts: [{ id: 'kept', v: 1 }, { id: 'gone' }] }],
        checkpoints: [{ name: checkpoint, position: 1 }],
        lease: { name, owner: 'a', ttlMs: MINUTE },
      });
      await expireNow(name, 'a');
      await takeOver(name, 'b');

      const lost = store().applyBatch({
        changes: [{ collection: c, upserts: [{ id: 'kept', v: 2 }, { id: 'new' }], deletes: ['gone'] }],
        checkpoints: [{ name: checkpoint, position: 2 }],
        lease: { name, owner: 'a', ttlMs: MINUTE },
      });
      await expect(lost).rejects.toThrow(LeaseLostError);
      const error: unknown = await lost.catch((e: unknown) => e);
      expect(isLeaseLostError(error)).toBe(true);
      expect(error).toMatchObject({ lease: name, owner: 'a', heldBy: 'b' });
      // Neither an outage nor a permanent store error: it has no `transient` flag for a retry policy to act on.
      expect((error as { transient?: unknown }).transient).toBeUndefined();
      expect((await store().find(c, { sort: [{ field: 'id' }] })).items).toEqual([
        { id: 'gone' },
        { id: 'kept', v: 1 },
      ]);
      expect((await store().getCheckpoint(checkpoint))?.position).toBe(1);

      // The new owner writes.
      await store().applyBatch({
        changes: [{ collection: c, upserts: [{ id: 'kept', v: 3 }] }],
        checkpoints: [{ name: checkpoint, position: 3 }],
        lease: { name, owner: 'b', ttlMs: MINUTE },
      });
      expect(await store().get(c, 'kept')).toEqual({ id: 'kept', v: 3 });
      expect((await store().getCheckpoint(checkpoint))?.position).toBe(3);
    });

    it('renews the lease with every batch that carries it, also one expired that nobody took', async () => {
      const c = collection('renewed');
      const name = `lease-${suffix()}`;
      await store().ensureCollections([{ name: c }]);
      await store().acquireLease(name, 'a', MINUTE);
      await expireNow(name, 'a');
      // Expired, but nobody took it: still a's, and the batch renews it for a minute.
      await store().applyBatch({
        changes: [{ collection: c, upserts: [{ id: '1' }] }],
        lease: { name, owner: 'a', ttlMs: MINUTE },
      });
      const refused = await store().acquireLease(name, 'b', MINUTE);
      expect(refused).toMatchObject({ held: false, owner: 'a' });
      expect(refused.expiresInMs).toBeGreaterThan(MINUTE / 2);
      // A batch with nothing but the lease renews it too (a runner with nothing to write keeps its lease).
      await store().applyBatch({ lease: { name, owner: 'a', ttlMs: 2 * MINUTE } });
      expect((await store().acquireLease(name, 'b', MINUTE)).expiresInMs).toBeGreaterThan(MINUTE);
    });

    it('refuses a batch fenced by a lease never taken, and writes nothing of it', async () => {
      const c = collection('unleased');
      const checkpoint = `cp-${suffix()}`;
      await store().ensureCollections([{ name: c }]);
      await expect(
        store().applyBatch({
          changes: [{ collection: c, upserts: [{ id: 'x' }] }],
          checkpoints: [{ name: checkpoint, position: 1 }],
          lease: { name: `lease-${suffix()}`, owner: 'a', ttlMs: MINUTE },
        }),
      ).rejects.toThrow(LeaseLostError);
      expect(await store().count(c)).toBe(0);
      expect(await store().getCheckpoint(checkpoint)).toBeUndefined();
    });

    it('releases a lease for its owner only; another may take it at once', async () => {
      const name = `lease-${suffix()}`;
      await store().acquireLease(name, 'a', MINUTE);
      await store().releaseLease(name, 'b'); // not b's: nothing happens
      expect(await store().acquireLease(name, 'b', MINUTE)).toMatchObject({ held: false, owner: 'a' });

      await store().releaseLease(name, 'a');
      expect(await store().acquireLease(name, 'b', MINUTE)).toMatchObject({ held: true, owner: 'b' });
      await expect(store().applyBatch({ lease: { name, owner: 'a', ttlMs: MINUTE } })).rejects.toThrow(
        LeaseLostError,
      );
      await store().releaseLease(`lease-${suffix()}`, 'a'); // never taken: nothing to do
    });

    it('rejects malformed lease names, owners and lengths, writing nothing', async () => {
      const c = collection('bad_lease');
      await store().ensureCollections([{ name: c }]);
      const name = `lease-${suffix()}`;
      for (const [n, owner, ttl] of [
        ['', 'a', MINUTE],
        [name, '', MINUTE],
        [name, 'a', 0],
        [name, 'a', 1.5],
        [name, 'a', -5],
        [name, 'a', '1000'],
        [7, 'a', MINUTE],
      ] as const) {
        await expect(store().acquireLease(n as string, owner, ttl as number)).rejects.toThrow(
          ReadStoreValidationError,
        );
      }
      await expect(store().releaseLease('', 'a')).rejects.toThrow(ReadStoreValidationError);
      await store().acquireLease(name, 'a', MINUTE);
      await expect(
        store().applyBatch({
          changes: [{ collection: c, upserts: [{ id: 'x' }] }],
          lease: { name, owner: 'a', ttlMs: 'soon' as unknown as number },
        }),
      ).rejects.toThrow(ReadStoreValidationError);
      expect(await store().count(c)).toBe(0);
    });
  });
}
