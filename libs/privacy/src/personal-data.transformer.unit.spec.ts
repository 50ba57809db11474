import { FORGOTTEN_PERSONAL_DATA } from '@app/contracts/events/member.events';
import { randomUUID } from 'node:crypto';
import { isSealedField } from './personal-data.cipher';
import { PersonalDataKeyMissingError, SubjectForgottenError } from './personal-data-vault.port';
import { PersonalDataTransformer } from './personal-data.transformer';
import { InMemoryPersonalDataVault } from './testing/in-memory-personal-data.vault';

const joined = (memberId: string, name = 'Fatima El Amrani', email = 'fatima@zaanstad.nl') => ({
  type: 'MemberJoined',
  data: { memberId, personal: { name, email }, organisation: 'Gemeente Zaanstad', sector: 'gemeente' },
});

describe('PersonalDataTransformer', () => {
  let vault: InMemoryPersonalDataVault;
  let transformer: PersonalDataTransformer;
  beforeEach(() => {
    vault = new InMemoryPersonalDataVault();
    transformer = new PersonalDataTransformer(vault);
  });

  describe('when sealing', () => {
    it('encrypts the personal field and nothing else', async () => {
      const id = randomUUID();
      const sealed = await transformer.seal(joined(id));
      const data = sealed.data as Record<string, unknown>;
      expect(isSealedField(data.personal)).toBe(true);
      expect(data.organisation).toBe('Gemeente Zaanstad');
      expect(JSON.stringify(sealed)).not.toMatch(/Fatima|zaanstad\.nl/);
    });

    it('uses a fresh IV each time', async () => {
      const id = randomUUID();
      const [a, b] = [await transformer.seal(joined(id)), await transformer.seal(joined(id))];
      expect(JSON.stringify(a)).not.toEqual(JSON.stringify(b));
    });

    it('leaves events without personal data alone', async () => {
      const event = { type: 'DoetankStarted', data: { doetankId: 'x' } };
      expect(await transformer.seal(event)).toBe(event);
    });

    it('refuses to seal for a forgotten subject', async () => {
      const id = randomUUID();
      await vault.destroy(id, new Date());
      await expect(transformer.seal(joined(id))).rejects.toBeInstanceOf(SubjectForgottenError);
    });
  });

  describe('when opening', () => {
    it('gives back the plain data', async () => {
      const id = randomUUID();
      const [opened] = await transformer.open([await transformer.seal(joined(id))]);
      expect(opened).toEqual(joined(id));
    });

    it('opens many members with one lookup', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      const sealed = await transformer.sealAll(ids.map((id) => joined(id, `Lid ${id}`)));
      const lookup = jest.spyOn(vault, 'lookup');
      const opened = await transformer.open([...sealed, { type: 'DoetankStarted', data: {} }]);
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(opened.slice(0, 3).map((e) => (e.data as any).personal.name)).toEqual(
        ids.map((id) => `Lid ${id}`),
      );
    });

    it('reads a destroyed key as a forgotten member, not as an error', async () => {
      const id = randomUUID();
      const sealed = await transformer.seal(joined(id));
      await vault.destroy(id, new Date());
      const [opened] = await transformer.open([sealed]);
      expect((opened.data as any).personal).toEqual(FORGOTTEN_PERSONAL_DATA);
      expect((opened.data as any).organisation).toBe('Gemeente Zaanstad');
    });

    it('reads plain data written before sealing existed as forgotten once the member is forgotten', async () => {
      const id = randomUUID();
      expect(await transformer.open([joined(id)])).toEqual([joined(id)]);
      await vault.destroy(id, new Date());
      const [opened] = await transformer.open([joined(id)]);
      expect((opened.data as any).personal).toEqual(FORGOTTEN_PERSONAL_DATA);
    });

    it('fails loudly when the vault never knew the subject', async () => {
      const id = randomUUID();
      const sealed = await transformer.seal(joined(id));
      vault.entries.clear();
      await expect(transformer.open([sealed])).rejects.toBeInstanceOf(PersonalDataKeyMissingError);
    });

    it('refuses a sealed value moved into another member\u2019s event', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const sealedA = await transformer.seal(joined(a));
      await vault.keyFor(b);
      const moved = { ...sealedA, data: { ...(sealedA.data as object), memberId: b } };
      (moved.data as any).personal = { ...(sealedA.data as any).personal, subject: b };
      await expect(transformer.open([moved])).rejects.toThrow();
    });

    it('refuses a tampered ciphertext', async () => {
      const id = randomUUID();
      const sealed = await transformer.seal(joined(id));
      const personal = (sealed.data as any).personal;
      const bytes = Buffer.from(personal.data, 'base64');
      bytes[0] ^= 1;
      personal.data = bytes.toString('base64');
      await expect(transformer.open([sealed])).rejects.toThrow();
    });
  });
});
