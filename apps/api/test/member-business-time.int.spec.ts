import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, joinMember, ok, type HttpAnswer } from './api-harness';

/**
 * A member's recorded business time corrected over HTTP (`POST /members/:id/business-time-corrections`): a joining
 * not moved after the member's first act elsewhere, a leaving not before their last (409 naming the act and its
 * time), nothing written on a refusal; and the timeline, the retrospectives and the member directory following an
 * accepted correction. Each test uses years of its own: the retrospectives count the whole network.
 */
describe("A member's business time corrected over HTTP", () => {
  let api: ApiHarness;
  let store: EventStore;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    store = api.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => api.stop());

  const corrections = (memberId: string) => `/members/${memberId}/business-time-corrections`;
  const correct = (memberId: string, revision: number, correctedTo: string) =>
    api.post(corrections(memberId), { revision, correctedTo, reason: 'Uit de ledenadministratie.' });

  /** The answer's status, code and detail; and that nothing was written. */
  const refused = async (answer: Promise<HttpAnswer>) => {
    const before = await store.headPosition();
    const { status, body } = await answer;
    expect(await store.headPosition()).toBe(before);
    return { status, code: body?.code, detail: String(body?.detail ?? body?.message ?? '') };
  };

  it("refuses a joining moved after the member's first act in a Doetank, naming the act and both times", async () => {
    const memberId = await joinMember(api, { occurredAt: '2007-01-10T09:00:00Z' });
    const { aggregateId: doetankId } = await ok(
      api.post('/doetanks', {
        title: 'Vergaderen zonder papier',
        problemStatement: 'Te veel papier.',
        proposedBy: memberId,
        occurredAt: '2007-03-01T10:00:00Z',
      }),
    );

    const late = await refused(correct(memberId, 0, '2007-04-01T10:00:00Z'));
    expect(late).toMatchObject({ status: 409, code: 'BUSINESS_TIME.AFTER_DEPENDENT' });
    for (const named of [
      '2007-04-01T10:00:00.000Z',
      `DoetankProposed (revision 0 of doetank-${doetankId})`,
      '2007-03-01T10:00:00.000Z',
    ]) {
      expect(late.detail).toContain(named);
    }

    // Later, but not past the proposal; and earlier, which is safe for every other stream.
    await ok(correct(memberId, 0, '2007-03-01T10:00:00Z'));
    const { events } = await ok(correct(memberId, 0, '2006-11-15T09:00:00Z'));
    expect(events).toEqual([expect.objectContaining({ type: 'BusinessTimeCorrected', revision: 2 })]);
    expect((await store.readStream(`member-${memberId}`)).at(-1)).toMatchObject({
      data: {
        memberId,
        revision: 0,
        eventType: 'MemberJoined',
        counts: { sector: 'gemeente', role: 'professional' },
        correctedFrom: '2007-03-01T10:00:00.000Z',
        correctedTo: '2006-11-15T09:00:00.000Z',
      },
    });
    // What the member does next is held to the corrected time.
    const early = await refused(
      api.post(`/doetanks/${doetankId}/business-time-corrections`, {
        revision: 0,
        correctedTo: '2006-11-01T09:00:00Z',
        reason: 'Typo',
      }),
    );
    expect(early).toMatchObject({ status: 409, code: 'BUSINESS_TIME.BEFORE_DEPENDENCY' });
    expect(early.detail).toContain('2006-11-15T09:00:00.000Z');
  });

  it('refuses a leaving moved before the last gathering the member registered for', async () => {
    const memberId = await joinMember(api, { occurredAt: '2002-01-10T09:00:00Z' });
    const gatheringId = randomUUID();
    await ok(
      api.post('/gatherings', {
        gatheringId,
        kind: 'cafe',
        title: 'Café',
        startsAt: '2002-06-20T16:00:00Z',
        venue: 'Seats2meet',
        capacity: 30,
        occurredAt: '2002-05-01T09:00:00Z',
      }),
    );
    await ok(
      api.post(`/gatherings/${gatheringId}/registrations`, { memberId, occurredAt: '2002-06-01T09:00:00Z' }),
    );
    await ok(api.post(`/members/${memberId}/leave`, { occurredAt: '2002-09-01T09:00:00Z' }));

    const early = await refused(correct(memberId, 1, '2002-05-15T09:00:00Z'));
    expect(early).toMatchObject({ status: 409, code: 'BUSINESS_TIME.BEFORE_DEPENDENCY' });
    expect(early.detail).toContain(`ParticipantRegistered (revision 1 of gathering-${gatheringId})`);
    expect(early.detail).toContain('2002-06-01T09:00:00.000Z');
    await ok(correct(memberId, 1, '2002-06-01T09:00:00Z'));
  });

  it('answers 400 for bad input, 403 to a member, 404 for a revision the stream lacks, 409 for a revocation', async () => {
    const memberId = await joinMember(api, { occurredAt: '2001-01-10T09:00:00Z' });
    const valid = { revision: 0, correctedTo: '2001-01-05T09:00:00Z', reason: 'Typo' };
    for (const body of [
      { ...valid, reason: '' },
      { ...valid, correctedTo: 'gisteren' },
      { ...valid, revision: -1 },
      { revision: 0, reason: 'Typo' },
      { ...valid, extra: true },
    ]) {
      expect(await refused(api.post(corrections(memberId), body))).toMatchObject({ status: 400 });
    }
    expect(await refused(api.as('member', memberId).post(corrections(memberId), valid))).toMatchObject({
      status: 403,
    });
    expect(await refused(correct(memberId, 4, '2001-01-05T09:00:00Z'))).toMatchObject({
      status: 404,
      code: 'BUSINESS_TIME.NO_SUCH_EVENT',
    });
    expect(await refused(correct(randomUUID(), 0, '2001-01-05T09:00:00Z'))).toMatchObject({
      status: 404,
      code: 'MEMBER.NOT_FOUND',
    });
    await ok(api.post(`/members/${memberId}/token-revocations`, { reason: 'Laptop kwijt' }));
    expect(await refused(correct(memberId, 1, '2001-02-01T09:00:00Z'))).toMatchObject({
      status: 409,
      code: 'BUSINESS_TIME.NOT_CORRECTABLE',
    });
  });

  it('moves the joining and the leaving in the timeline, the retrospectives and the member directory', async () => {
    const organisation = `Provincie ${randomUUID()}`;
    const memberId = await joinMember(api, {
      organisation,
      sector: 'provincie',
      occurredAt: '2008-12-20T09:00:00Z',
    });
    await ok(api.post(`/members/${memberId}/leave`, { occurredAt: '2009-12-28T09:00:00Z' }));
    await ok(correct(memberId, 0, '2009-01-05T09:00:00Z'));
    const { position } = await ok(correct(memberId, 1, '2010-01-04T09:00:00Z'));

    const read = (path: string) =>
      api.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
    const [y2008, y2009, y2010] = await Promise.all(
      [2008, 2009, 2010].map((year) => read(`/retrospectives/${year}`)),
    );
    // The other tests' members are in the totals too (earlier years, municipalities): compare the province only.
    const members = ({ body }: HttpAnswer) => ({
      joined: body.members.joined,
      left: body.members.left,
      provincie: body.members.bySector.provincie.totalAtYearEnd,
    });
    expect(members(y2008)).toEqual({ joined: 0, left: 0, provincie: 0 });
    expect(members(y2009)).toEqual({ joined: 1, left: 0, provincie: 1 });
    expect(members(y2010)).toEqual({ joined: 0, left: 1, provincie: 0 });
    expect(y2009.body.members.totalAtYearEnd - y2008.body.members.totalAtYearEnd).toBe(1);
    expect(y2010.body.members.totalAtYearEnd).toBe(y2008.body.members.totalAtYearEnd);

    const timeline = await read(`/timeline?member=${memberId}`);
    expect(
      timeline.body.items.map(({ type, occurredAt, recordedOccurredAt, year }: Record<string, unknown>) => ({
        type,
        occurredAt,
        recordedOccurredAt,
        year,
      })),
    ).toEqual([
      {
        type: 'MemberLeft',
        occurredAt: '2010-01-04T09:00:00.000Z',
        recordedOccurredAt: '2009-12-28T09:00:00.000Z',
        year: 2010,
      },
      {
        type: 'MemberJoined',
        occurredAt: '2009-01-05T09:00:00.000Z',
        recordedOccurredAt: '2008-12-20T09:00:00.000Z',
        year: 2009,
      },
    ]);

    const directory = await read(`/members?organisation=${encodeURIComponent(organisation)}`);
    expect(directory.body.items).toEqual([
      expect.objectContaining({
        id: memberId,
        joinedAt: '2009-01-05T09:00:00.000Z',
        leftAt: '2010-01-04T09:00:00.000Z',
      }),
    ]);
  });
});
