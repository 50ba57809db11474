import { randomUUID } from 'node:crypto';
import { newEvent } from '@app/event-store/testing';
import { PersonalDataTransformer, SqlitePersonalDataVault } from '@app/privacy';
import type { MemberDocument } from '@app/contracts';
import { MEMBERS_COLLECTION, membersProjection } from '../members/members.projection';
import { retrospectivesProjection } from '../retrospectives/retrospectives.projection';
import { TIMELINE_COLLECTION, timelineProjection } from '../timeline/timeline.projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild';
import { sqliteStoresPerTest } from '../testing/runner-stores';

/** The projector reads sealed personal data through the key store: plain while the key lives, null once not. */
describe('Projections over sealed personal data', () => {
  const sqlite = sqliteStoresPerTest('slimmernetwerk-sealed-');
  let vault: SqlitePersonalDataVault;
  let personalData: PersonalDataTransformer;

  beforeEach(() => {
    vault = new SqlitePersonalDataVault(sqlite.db);
    personalData = new PersonalDataTransformer(vault);
  });

  const memberJoins = async (memberId: string, name: string) => {
    const joined = newEvent('MemberJoined', {
      memberId,
      personal: { name, email: `${memberId}@example.nl` },
      organisation: 'Gemeente Delft',
      sector: 'gemeente',
      role: 'professional',
    });
    await sqlite.events.appendToStream(`member-${memberId}`, [await personalData.seal(joined)], 'no_stream');
  };
  const member = async (id: string) =>
    (await sqlite.reads.getMany<MemberDocument>(MEMBERS_COLLECTION, [id])).get(id);

  it('gets the plain data while the key lives, and "forgotten" in a rebuild after the key is destroyed', async () => {
    const [sanne, pieter] = [randomUUID(), randomUUID()];
    await memberJoins(sanne, 'Sanne de Vries');
    await memberJoins(pieter, 'Pieter Jansen');
    await rebuildProjection(membersProjection, sqlite.events, sqlite.reads, { personalData });
    expect(await member(sanne)).toMatchObject({ name: 'Sanne de Vries', email: `${sanne}@example.nl` });

    await vault.destroy(sanne, new Date());
    await rebuildProjection(membersProjection, sqlite.events, sqlite.reads, { personalData });
    expect(await member(sanne)).toMatchObject({ name: null, email: null });
    expect(await member(pieter)).toMatchObject({ name: 'Pieter Jansen' });
  });

  it('stops with the position of the event whose key is missing, rather than erase it silently', async () => {
    const sanne = randomUUID();
    await memberJoins(sanne, 'Sanne de Vries');
    sqlite.db.exec('DELETE FROM personal_data_keys');
    const runner = new ProjectionRunner(membersProjection, sqlite.events, sqlite.reads, {
      personalData,
      stopWhenCaughtUp: true,
      maxAttempts: 2,
      retryDelayMs: 1,
    }).start();
    await runner.done();
    expect(runner.status()).toMatchObject({ state: 'failed', failedPosition: 1 });
    expect(runner.status().error).toMatch(/No personal data key/);
  });

  it('refuses sealed data when it has no key store at all', async () => {
    await memberJoins(randomUUID(), 'Sanne de Vries');
    const runner = new ProjectionRunner(membersProjection, sqlite.events, sqlite.reads, {
      stopWhenCaughtUp: true,
      maxAttempts: 1,
    }).start();
    await runner.done();
    expect(runner.status()).toMatchObject({ state: 'failed', failedPosition: 1 });
  });

  it('leaves personal data sealed for projections that do not read it: no key is looked up', async () => {
    const sanne = randomUUID();
    await memberJoins(sanne, 'Sanne de Vries');
    const lookups: string[][] = [];
    const lookup = vault.lookup.bind(vault);
    vault.lookup = (subjects) => {
      lookups.push([...subjects]);
      return lookup(subjects);
    };
    for (const projection of [timelineProjection, retrospectivesProjection]) {
      expect(projection.readsPersonalData).toBe(false);
      await rebuildProjection(projection, sqlite.events, sqlite.reads, { personalData });
    }
    expect(lookups).toEqual([]);
    const [entry] = (await sqlite.reads.find(TIMELINE_COLLECTION, { filter: {}, limit: 10 })).items;
    expect(entry).toMatchObject({ type: 'MemberJoined', details: { memberId: sanne } });
    expect(JSON.stringify(entry)).not.toMatch(/Sanne|sealed|ciphertext/i);

    // The members projection does read it: one lookup, and the plain name.
    await rebuildProjection(membersProjection, sqlite.events, sqlite.reads, { personalData });
    expect(lookups).toEqual([[sanne]]);
    expect(await member(sanne)).toMatchObject({ name: 'Sanne de Vries' });
  });
});
