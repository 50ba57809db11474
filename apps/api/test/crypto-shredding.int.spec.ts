import { RETROSPECTIVE_COLLECTIONS, retrospectiveYearId, streams, type MemberDocument } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  PERSONAL_DATA_TRANSFORMER,
  PERSONAL_DATA_VAULT,
  type PersonalDataReader,
  type PersonalDataVault,
} from '@app/privacy';
import { ALL_PROJECTIONS, MEMBERS_COLLECTION } from '@app/projections';
import { rebuildProjection } from '@app/projections/runner';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CommandRunner } from '../src/commands/command-runner';
import { answered, ApiHarness, startedDoetank } from './api-harness';

/**
 * Crypto-shredding end to end: personal data is sealed in the event log, readable while the member is known, and
 * after ForgetMember gone from every read model, every audit, every rebuild and every byte of the database files.
 */
describe('Forgetting a member (crypto-shredding)', () => {
  let api: ApiHarness;
  const suffix = randomUUID().slice(0, 8);
  // Distinctive, so a byte search of the files cannot hit anything else.
  const name = `Wilhelmina Zwanenburg-${suffix}`;
  const email = `w.zwanenburg.${suffix}@rijkswaterstaat.example`;
  let wilhelmina: string;
  let coach: string;
  let doetank: string;

  const join = async (memberName: string, address: string, occurredAt: string) => {
    const memberId = randomUUID();
    await answered(
      api.post('/members', {
        memberId,
        name: memberName,
        email: address,
        organisation: 'Rijkswaterstaat',
        sector: 'rijk',
        role: 'professional',
        occurredAt,
      }),
      201,
    );
    return memberId;
  };
  // Both embedded files: the events (with the keys) and the read models (with the opened names).
  const files = () =>
    [api.config.stores.sqliteFile, api.config.stores.sqliteReadModelsFile]
      .flatMap((file) => [file, `${file}-wal`])
      .filter(existsSync);
  const filesHolding = (text: string) =>
    files().filter((file) => readFileSync(file).includes(Buffer.from(text, 'utf8')));
  const readStore = () => api.get<ReadStore>(READ_STORE);
  const eventStore = () => api.get<EventStore>(EVENT_STORE);
  const member = (id: string) => readStore().get<MemberDocument>(MEMBERS_COLLECTION, id);
  const retrospective2012 = () =>
    readStore().get<{ id: string } & Record<string, any>>(
      RETROSPECTIVE_COLLECTIONS.years,
      retrospectiveYearId(2012),
    );
  const caughtUp = async () => {
    const head = (await eventStore().headPosition()) ?? 0;
    const answer = await api.request('GET', `/members?minPosition=${head}`);
    expect(answer.headers.get('x-read-model-consistent')).toBe('true');
  };

  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    wilhelmina = await join(name, email, '2012-01-10T09:00:00Z');
    coach = await join(`Coach ${suffix}`, `coach.${suffix}@example.nl`, '2012-01-11T09:00:00Z');
    doetank = await startedDoetank(api, { proposedBy: wilhelmina, coachId: coach });
    await answered(
      api.post(`/doetanks/${doetank}/results`, {
        kind: 'report',
        title: 'Rapport droge voeten',
        sharedBy: wilhelmina,
        occurredAt: '2012-09-01T10:00:00Z',
      }),
      201,
    );
    await caughtUp();
  });
  afterAll(() => api.stop());

  describe('while the member is known', () => {
    it('stores the name and e-mail address sealed, never in plain text', async () => {
      const [joined] = await eventStore().readStream(streams.member(wilhelmina), { maxCount: 1 });
      const personal = (joined.data as any).personal;
      expect(personal).toMatchObject({ sealed: 'aes-256-gcm', v: 1, subject: wilhelmina });
      expect(JSON.stringify(joined)).not.toContain(name);
      expect(JSON.stringify(joined)).not.toContain(email);
    });

    it('shows them in the member directory, opened by the projector', async () => {
      expect(await member(wilhelmina)).toMatchObject({ name, email, status: 'active' });
      // ...so the byte search below has something to miss once she is forgotten.
      expect(filesHolding(name)).not.toEqual([]);
    });

    it('opens them on the command side', async () => {
      const { events } = await api.get(CommandRunner).load(memberDecider, streams.member(wilhelmina));
      expect((events[0].data as any).personal).toEqual({ name, email });
    });
  });

  describe('after ForgetMember', () => {
    let before2012: Record<string, any> | undefined;
    beforeAll(async () => {
      before2012 = await retrospective2012();
      expect(before2012?.members.joined).toBeGreaterThanOrEqual(2);
      await answered(
        api.post(`/members/${wilhelmina}/forget`, { reason: 'Verzoek van betrokkene (AVG art. 17)' }),
      );
      await caughtUp();
    });

    it('shows a forgotten member in the directory: name and e-mail null', async () => {
      expect(await member(wilhelmina)).toMatchObject({ name: null, email: null, status: 'forgotten' });
      expect(await member(coach)).toMatchObject({ name: `Coach ${suffix}`, status: 'active' });
    });

    it('reads the sealed data as "forgotten" everywhere, without an error', async () => {
      const { events, state } = await api.get(CommandRunner).load(memberDecider, streams.member(wilhelmina));
      expect(state.status).toBe('forgotten');
      expect((events[0].data as any).personal).toEqual({ name: null, email: null });
      const [opened] = await api
        .get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER)
        .open(await eventStore().readStream(streams.member(wilhelmina), { maxCount: 1 }));
      expect((opened.data as any).personal).toEqual({ name: null, email: null });
    });

    it('keeps the history: the Doetank audit and its results are unchanged', async () => {
      const history = await answered(api.request('GET', `/doetanks/${doetank}/history`));
      expect(history.body.events.map((e: any) => e.type)).toEqual([
        'DoetankProposed',
        'CoachAssigned',
        'DoetankStarted',
        'ResultShared',
      ]);
      expect(history.body.events[0].data.proposedBy).toBe(wilhelmina);
    });

    it('leaves the counts of the 2012 retrospective as they were', async () => {
      const after = await retrospective2012();
      expect(after?.members.joined).toBe(before2012?.members.joined);
      expect(after?.members.joinedBySector).toEqual(before2012?.members.joinedBySector);
      expect(after?.doetanks).toEqual(before2012?.doetanks);
      expect(after?.results).toEqual(before2012?.results);
    });

    it('leaves neither the name nor the e-mail address anywhere in the database files', () => {
      expect(files()).toContain(api.config.stores.sqliteFile);
      expect(filesHolding(name)).toEqual([]);
      expect(filesHolding(email)).toEqual([]);
      expect(filesHolding(`w.zwanenburg.${suffix}`)).toEqual([]);
    });

    it('refuses to forget the member a second time (409) once the erasure is complete', async () => {
      const again = await api.post(`/members/${wilhelmina}/forget`, { reason: 'nogmaals' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('MEMBER.ALREADY_FORGOTTEN');
    });

    it('still shows a forgotten member after a rebuild of every projection', async () => {
      const personalData = api.get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER);
      for (const projection of ALL_PROJECTIONS) {
        await rebuildProjection(projection, eventStore(), readStore(), { personalData });
      }
      expect(await member(wilhelmina)).toMatchObject({ name: null, email: null, status: 'forgotten' });
      expect(filesHolding(name)).toEqual([]);
      expect(filesHolding(email)).toEqual([]);
      const after = await retrospective2012();
      expect(after?.members.joined).toBe(before2012?.members.joined);
      expect(after?.doetanks).toEqual(before2012?.doetanks);
    });

    // Last: from here on the address belongs to someone else, and is in the read models again.
    it('releases the e-mail claim: the address can be used by a new member', async () => {
      const newcomer = await join('Nieuw Lid', email, '2014-01-01T09:00:00Z');
      expect(newcomer).not.toBe(wilhelmina);
    });
  });

  describe('when destroying the key fails', () => {
    it('fails loudly, and a retry finishes the erasure', async () => {
      const memberId = await join(
        `Tijdelijk ${suffix}`,
        `tijdelijk.${suffix}@example.nl`,
        '2013-01-01T09:00:00Z',
      );
      const vault = api.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
      const destroy = jest.spyOn(vault, 'destroy').mockRejectedValueOnce(new Error('key store unavailable'));

      const failed = await api.post(`/members/${memberId}/forget`, { reason: 'Verzoek van betrokkene' });
      expect(failed.status).toBe(500);
      expect(JSON.stringify(failed.body)).not.toContain('key store unavailable');
      expect((await vault.lookup([memberId])).get(memberId)?.status).toBe('active');
      const written = await eventStore().readStream(streams.member(memberId));
      expect(written.map((e) => e.type)).toEqual(['MemberJoined', 'MemberForgotten']);

      const retried = await answered(
        api.post(`/members/${memberId}/forget`, { reason: 'Verzoek van betrokkene' }),
      );
      expect(retried.body.events).toEqual([]);
      expect((await vault.lookup([memberId])).get(memberId)?.status).toBe('destroyed');
      expect((await eventStore().readStream(streams.member(memberId))).map((e) => e.type)).toEqual([
        'MemberJoined',
        'MemberForgotten',
      ]);
      destroy.mockRestore();
    });
  });
});
