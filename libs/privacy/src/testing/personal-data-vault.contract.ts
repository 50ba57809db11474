import { randomUUID } from 'node:crypto';
import { eachTestOpens } from '@app/resilience/testing';
import { SubjectForgottenError, type PersonalDataVault } from '../personal-data-vault.port';

export interface VaultUnderTest {
  vault: PersonalDataVault;
  cleanup(): Promise<void>;
}

/** What every PersonalDataVault adapter guarantees; run by each adapter's integration spec. */
export function personalDataVaultContract(name: string, open: () => Promise<VaultUnderTest>): void {
  describe(`${name} (personal data vault contract)`, () => {
    const subject = eachTestOpens(open);

    it('makes a 256-bit key on first use and returns the same key afterwards', async () => {
      const id = randomUUID();
      const key = await subject().vault.keyFor(id);
      expect(key).toHaveLength(32);
      expect((await subject().vault.keyFor(id)).equals(key)).toBe(true);
    });

    it('makes a different key per subject', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      expect((await subject().vault.keyFor(a)).equals(await subject().vault.keyFor(b))).toBe(false);
    });

    it('agrees on one key when many first uses race', async () => {
      const id = randomUUID();
      const keys = await Promise.all(Array.from({ length: 20 }, () => subject().vault.keyFor(id)));
      for (const key of keys) expect(key.equals(keys[0])).toBe(true);
    });

    it('looks up active, destroyed and unknown subjects at once', async () => {
      const [active, destroyed, unknown] = [randomUUID(), randomUUID(), randomUUID()];
      const key = await subject().vault.keyFor(active);
      await subject().vault.keyFor(destroyed);
      await subject().vault.destroy(destroyed, new Date('2013-05-01T10:00:00Z'));
      const entries = await subject().vault.lookup([active, destroyed, unknown, active]);
      expect(entries.get(active)).toEqual({ status: 'active', key });
      expect(entries.get(destroyed)).toEqual({
        status: 'destroyed',
        destroyedAt: '2013-05-01T10:00:00.000Z',
      });
      expect(entries.has(unknown)).toBe(false);
      expect(entries.size).toBe(2);
    });

    it('looks up nothing for an empty list', async () => {
      expect((await subject().vault.lookup([])).size).toBe(0);
    });

    it('never hands out a destroyed key again, nor makes a new one', async () => {
      const id = randomUUID();
      await subject().vault.keyFor(id);
      await subject().vault.destroy(id, new Date());
      await expect(subject().vault.keyFor(id)).rejects.toBeInstanceOf(SubjectForgottenError);
      expect((await subject().vault.lookup([id])).get(id)?.status).toBe('destroyed');
    });

    it('destroys idempotently and keeps the first time of destruction', async () => {
      const id = randomUUID();
      await subject().vault.keyFor(id);
      await subject().vault.destroy(id, new Date('2013-01-01T00:00:00Z'));
      await subject().vault.destroy(id, new Date('2014-01-01T00:00:00Z'));
      expect((await subject().vault.lookup([id])).get(id)).toEqual({
        status: 'destroyed',
        destroyedAt: '2013-01-01T00:00:00.000Z',
      });
    });

    it('records the destruction of a subject that never had a key', async () => {
      const id = randomUUID();
      await subject().vault.destroy(id, new Date('2013-01-01T00:00:00Z'));
      expect((await subject().vault.lookup([id])).get(id)?.status).toBe('destroyed');
      await expect(subject().vault.keyFor(id)).rejects.toBeInstanceOf(SubjectForgottenError);
    });
  });
}
