import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, joinMember, ok, setUpDoetank, type HttpAnswer } from './api-harness';

/**
 * Business time cannot run backwards (issue 16's scenario): a Doetank proposed in June 2009 is not started in 2008
 * nor concluded in 2007; the refusal names both times and writes nothing, so the retrospectives never count a
 * conclusion without its start and `state?at=` never answers "none" at a later revision.
 */
describe('Business time over HTTP', () => {
  let api: ApiHarness;
  let store: EventStore;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    store = api.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => api.stop());

  const refusedBefore = async (answer: Promise<HttpAnswer>, times: RegExp[]) => {
    const before = await store.headPosition();
    const settled = await answer;
    expect({ status: settled.status, code: settled.body?.code }).toEqual({
      status: 409,
      code: 'BUSINESS_TIME.BEFORE_DEPENDENCY',
    });
    for (const time of times) expect(settled.body.detail).toMatch(time);
    expect(await store.headPosition()).toBe(before);
    return settled.body;
  };

  /** A Doetank proposed on 15 June and coached on 20 June of `year`, by members who joined on 5 January. */
  const coachedDoetank = async (year: number, title: string) => {
    const proposer = await joinMember(api, { occurredAt: `${year}-01-05T09:00:00Z` });
    const coach = await joinMember(api, { occurredAt: `${year}-01-05T09:00:00Z` });
    const doetankId = await setUpDoetank(api, {
      title,
      problemStatement: 'Een probleem uit de praktijk.',
      proposedBy: proposer,
      proposedAt: `${year}-06-15T10:00:00Z`,
      coachId: coach,
      coachedAt: `${year}-06-20T10:00:00Z`,
    });
    return { proposer, doetankId };
  };

  it('refuses a start before the proposal and a conclusion before the start, naming both times', async () => {
    const { doetankId } = await coachedDoetank(2009, 'Werken zonder kantoor');

    const startRefusal = await refusedBefore(
      api.post(`/doetanks/${doetankId}/start`, { occurredAt: '2008-03-01T10:00:00Z' }),
      [/2008-03-01T10:00:00\.000Z/, /2009-06-20T10:00:00\.000Z/, /CoachAssigned/],
    );
    expect(startRefusal.details).toMatchObject({
      command: 'StartDoetank',
      occurredAt: '2008-03-01T10:00:00.000Z',
      dependencyAt: '2009-06-20T10:00:00.000Z',
    });

    await ok(api.post(`/doetanks/${doetankId}/start`, { occurredAt: '2009-09-01T10:00:00Z' }));
    await refusedBefore(api.post(`/doetanks/${doetankId}/conclude`, { occurredAt: '2007-05-01T10:00:00Z' }), [
      /2007-05-01T10:00:00\.000Z/,
      /DoetankStarted/,
      /2009-09-01T10:00:00\.000Z/,
    ]);
    const { position } = await ok(
      api.post(`/doetanks/${doetankId}/conclude`, { occurredAt: '2010-02-01T10:00:00Z' }),
    );

    const read = (path: string) => api.request('GET', `${path}?minPosition=${position}`);
    const y2007 = await read('/retrospectives/2007');
    expect(y2007.status).toBe(200);
    expect(y2007.body.doetanks).toMatchObject({ concluded: 0, activeAtYearEnd: 0 });
    const before = await api.request('GET', `/doetanks/${doetankId}/state?at=2008-06-01T00:00:00Z`);
    expect({ status: before.status, code: before.body.code }).toEqual({
      status: 404,
      code: 'DOETANK.NOT_YET_PROPOSED',
    });
    const during = await api.request('GET', `/doetanks/${doetankId}/state?at=2009-12-01T00:00:00Z`);
    expect(during.body).toMatchObject({ revision: 2, state: { status: 'started' } });
  });

  it('refuses what a member does before they joined the network', async () => {
    const proposer = await joinMember(api, { occurredAt: '2011-03-01T09:00:00Z' });
    const refusal = await refusedBefore(
      api.post('/doetanks', {
        title: 'Te vroeg',
        problemStatement: 'Voor het lidmaatschap.',
        proposedBy: proposer,
        occurredAt: '2010-06-15T10:00:00Z',
      }),
      [/2010-06-15T10:00:00\.000Z/, /2011-03-01T09:00:00\.000Z/, new RegExp(`member ${proposer} joined`)],
    );
    expect(refusal.details.command).toBe('ProposeDoetank');
  });

  it('refuses a registration before the gathering was scheduled, and an attendee who had not joined yet', async () => {
    const member = await joinMember(api, { occurredAt: '2005-01-01T00:00:00Z' });
    const { aggregateId: gatheringId } = await ok(
      api.post('/gatherings', {
        kind: 'cafe',
        title: 'Café',
        startsAt: '2012-05-10T16:00:00Z',
        venue: 'Seats2meet',
        capacity: 30,
        occurredAt: '2012-04-01T09:00:00Z',
      }),
    );
    await refusedBefore(
      api.post(`/gatherings/${gatheringId}/registrations`, {
        memberId: member,
        occurredAt: '2012-03-01T09:00:00Z',
      }),
      [/GatheringScheduled/, /2012-04-01T09:00:00\.000Z/],
    );
    // Nobody attends before joining the network: the latecomer is named, with both times.
    const latecomer = await joinMember(api, { occurredAt: '2012-06-01T09:00:00Z' });
    const refusal = await refusedBefore(
      api.post(`/gatherings/${gatheringId}/held`, {
        attendees: [member, latecomer],
        occurredAt: '2012-05-10T18:00:00Z',
      }),
      [
        /2012-05-10T18:00:00\.000Z/,
        new RegExp(`member ${latecomer} joined the network`),
        /2012-06-01T09:00:00\.000Z/,
      ],
    );
    expect(refusal.details).toMatchObject({ command: 'RecordGatheringHeld' });
    await ok(
      api.post(`/gatherings/${gatheringId}/held`, {
        attendees: [member],
        occurredAt: '2012-05-10T18:00:00Z',
      }),
    );
  });

  it('corrects a recorded business time with its own audited event, honoured by the history and the state at a moment', async () => {
    const { proposer, doetankId } = await coachedDoetank(2009, 'Verkeerd gedateerd');
    await ok(api.post(`/doetanks/${doetankId}/start`, { occurredAt: '2009-11-01T10:00:00Z' }));
    const corrections = `/doetanks/${doetankId}/business-time-corrections`;

    // Not before the event it follows, naming both times; a member may not correct the record.
    await refusedBefore(
      api.post(corrections, { revision: 2, correctedTo: '2009-06-01T10:00:00Z', reason: 'Typo' }),
      [/2009-06-01T10:00:00\.000Z/, /CoachAssigned \(revision 1\) at 2009-06-20T10:00:00\.000Z/],
    );
    // Nor before the member who acted joined the network.
    await refusedBefore(
      api.post(corrections, { revision: 0, correctedTo: '2009-01-01T10:00:00Z', reason: 'Typo' }),
      [new RegExp(`member ${proposer} joined the network at 2009-01-05T09:00:00\\.000Z`)],
    );
    const byMember = await api.as('member', proposer).post(corrections, {
      revision: 2,
      correctedTo: '2009-07-01T10:00:00Z',
      reason: 'Typo',
    });
    expect(byMember.status).toBe(403);

    const corrected = await ok(
      api.post(corrections, {
        revision: 2,
        correctedTo: '2009-07-01T10:00:00+00:00',
        reason: 'De start stond in de notulen van juli.',
      }),
    );
    expect(corrected.events).toEqual([
      expect.objectContaining({ type: 'BusinessTimeCorrected', revision: 3 }),
    ]);

    const history = await api.request('GET', `/doetanks/${doetankId}/history`);
    const [, , start, correction] = history.body.events;
    expect(start.metadata.occurredAt).toBe('2009-11-01T10:00:00.000Z');
    expect(start.correctedOccurredAt).toBe('2009-07-01T10:00:00.000Z');
    expect(correction).toMatchObject({
      type: 'BusinessTimeCorrected',
      data: {
        revision: 2,
        eventType: 'DoetankStarted',
        correctedFrom: '2009-11-01T10:00:00.000Z',
        correctedTo: '2009-07-01T10:00:00.000Z',
      },
      reason: 'De start stond in de notulen van juli.',
      changes: [],
      metadata: { actorId: api.coordinatorId },
    });

    const august = await api.request('GET', `/doetanks/${doetankId}/state?at=2009-08-01T00:00:00Z`);
    expect(august.body).toMatchObject({
      revision: 2,
      occurredAt: '2009-07-01T10:00:00.000Z',
      state: { status: 'started' },
    });
    // The stream's clock follows the correction: a conclusion in September is after the (corrected) start.
    await ok(api.post(`/doetanks/${doetankId}/conclude`, { occurredAt: '2009-09-01T10:00:00Z' }));
  });

  it('moves a corrected event in the timeline and in the retrospectives, from its recorded year to the corrected one', async () => {
    // Years no other spec here uses: the retrospectives count the whole network.
    const { doetankId } = await coachedDoetank(2003, 'Gestart in het verkeerde jaar');
    const started = await ok(
      api.post(`/doetanks/${doetankId}/start`, { occurredAt: '2003-12-20T10:00:00Z' }),
    );
    const read = (path: string, position: number) =>
      api.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
    expect((await read('/retrospectives/2003', started.position)).body.doetanks).toMatchObject({
      started: 1,
      activeAtYearEnd: 1,
    });

    const { position } = await ok(
      api.post(`/doetanks/${doetankId}/business-time-corrections`, {
        revision: 2,
        correctedTo: '2004-01-08T10:00:00Z',
        reason: 'De start stond in de notulen van januari.',
      }),
    );

    const [y2003, y2004] = await Promise.all([
      read('/retrospectives/2003', position),
      read('/retrospectives/2004', position),
    ]);
    expect(y2003.body.doetanks).toMatchObject({ proposed: 1, started: 0, activeAtYearEnd: 0 });
    expect(y2004.body.doetanks).toMatchObject({ proposed: 0, started: 1, activeAtYearEnd: 1 });
    const timeline = await read(`/timeline?doetank=${doetankId}`, position);
    const start = timeline.body.items.find((entry: { type: string }) => entry.type === 'DoetankStarted');
    expect(start).toMatchObject({
      occurredAt: '2004-01-08T10:00:00.000Z',
      recordedOccurredAt: '2003-12-20T10:00:00.000Z',
      year: 2004,
    });
    // Newest first by business time: the start now comes first, and the correction has no entry of its own.
    expect(timeline.body.items.map((entry: { type: string }) => entry.type)).toEqual([
      'DoetankStarted',
      'CoachAssigned',
      'DoetankProposed',
    ]);
  });

  it("moves a corrected result to the corrected year's list in the retrospective and to its date on the Doetank", async () => {
    // Years no other spec here uses: the retrospectives list the whole network's results.
    const { proposer, doetankId } = await coachedDoetank(2001, 'Resultaat in het verkeerde jaar');
    await ok(api.post(`/doetanks/${doetankId}/start`, { occurredAt: '2001-07-01T10:00:00Z' }));
    const share = (resultId: string, occurredAt: string) =>
      ok(
        api.post(`/doetanks/${doetankId}/results`, {
          resultId,
          kind: 'report',
          title: `Rapport ${resultId.slice(0, 4)}`,
          sharedBy: proposer,
          occurredAt,
        }),
      );
    const [moved, later] = ['7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '8f2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'];
    const shared = await share(moved, '2001-12-28T10:00:00Z');
    await share(later, '2002-03-01T10:00:00Z');

    const { position } = await ok(
      api.post(`/doetanks/${doetankId}/business-time-corrections`, {
        revision: shared.events[0].revision,
        correctedTo: '2002-01-10T10:00:00Z',
        reason: 'Het rapport verscheen in januari.',
      }),
    );

    const read = (path: string) => api.request('GET', `${path}?minPosition=${position}`);
    const [y2001, y2002, doetank] = await Promise.all([
      read('/retrospectives/2001'),
      read('/retrospectives/2002'),
      read(`/doetanks/${doetankId}`),
    ]);
    const listed = (answer: HttpAnswer) =>
      answer.body.highlights.results.map((r: { resultId: string; sharedAt: string }) => [
        r.resultId,
        r.sharedAt,
      ]);
    expect(listed(y2001)).toEqual([]);
    expect(listed(y2002)).toEqual([
      [moved, '2002-01-10T10:00:00.000Z'],
      [later, '2002-03-01T10:00:00.000Z'],
    ]);
    expect(y2002.body.highlights.results[0]).toMatchObject({
      title: `Rapport ${moved.slice(0, 4)}`,
      kind: 'report',
    });
    // The annual report says the same (read after the read model caught up, above).
    const report = (year: number) =>
      api.request<string>('GET', `/retrospectives/${year}/report?format=md&lang=en`);
    const [report2001, report2002] = await Promise.all([report(2001), report(2002)]);
    const mentions = (answer: HttpAnswer<string>) => answer.body.includes(`Rapport ${moved.slice(0, 4)}`);
    expect([mentions(report2001), mentions(report2002)]).toEqual([false, true]);
    expect(
      doetank.body.results.map((r: { resultId: string; sharedAt: string }) => [r.resultId, r.sharedAt]),
    ).toEqual([
      [moved, '2002-01-10T10:00:00.000Z'],
      [later, '2002-03-01T10:00:00.000Z'],
    ]);
  });

  it("corrects a gathering's recorded business time: refused out of order, moved in the timeline and the retrospectives", async () => {
    // A café of 30 December 2005, scheduled in November, one registration in December, held (two attendees) that
    // night; the holding is corrected to 2 January 2006. Years no other spec here uses.
    const joined2005 = () => joinMember(api, { occurredAt: '2005-01-05T09:00:00Z' });
    const [anna, bram] = [await joined2005(), await joined2005()];
    const gatheringId = '5d0c9a7e-2b4f-4c1e-9a3d-6e8f0b2c4d15';
    await ok(
      api.post('/gatherings', {
        gatheringId,
        kind: 'cafe',
        title: 'Oudejaarscafé',
        startsAt: '2005-12-30T19:00:00Z',
        venue: 'De Balie',
        capacity: 40,
        occurredAt: '2005-11-01T10:00:00Z',
      }),
    );
    const registrations = `/gatherings/${gatheringId}/registrations`;
    await ok(api.post(registrations, { memberId: anna, occurredAt: '2005-12-01T10:00:00Z' }));
    await ok(
      api.post(`/gatherings/${gatheringId}/held`, {
        attendees: [anna, bram],
        occurredAt: '2005-12-30T22:00:00Z',
      }),
    );
    const corrections = `/gatherings/${gatheringId}/business-time-corrections`;

    // The registration not before the scheduling, naming both times; a holding not before the day it starts.
    await refusedBefore(
      api.post(corrections, { revision: 1, correctedTo: '2005-10-01T10:00:00Z', reason: 'Typo' }),
      [/2005-10-01T10:00:00\.000Z/, /GatheringScheduled \(revision 0\) at 2005-11-01T10:00:00\.000Z/],
    );
    const early = await api.post(corrections, {
      revision: 2,
      correctedTo: '2005-12-29T22:00:00Z',
      reason: 'Typo',
    });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'GATHERING.NOT_YET_HELD',
    });
    const byMember = await api.as('member', anna).post(corrections, {
      revision: 2,
      correctedTo: '2006-01-02T10:00:00Z',
      reason: 'Typo',
    });
    expect(byMember.status).toBe(403);

    const { position, events } = await ok(
      api.post(corrections, {
        revision: 2,
        correctedTo: '2006-01-02T10:00:00Z',
        reason: 'Aanwezigheid uit januari.',
      }),
    );
    expect(events).toEqual([expect.objectContaining({ type: 'BusinessTimeCorrected', revision: 3 })]);
    const stored = await store.readStream(`gathering-${gatheringId}`);
    expect(stored.at(-1)).toMatchObject({
      data: {
        gatheringId,
        revision: 2,
        eventType: 'GatheringHeld',
        counts: { gatheringKind: 'cafe', attendance: 2, attendees: [anna, bram] },
      },
    });

    const read = (path: string) =>
      api.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
    const [y2005, y2006] = await Promise.all([read('/retrospectives/2005'), read('/retrospectives/2006')]);
    expect(y2005.body.gatherings.byKind.cafe).toMatchObject({ held: 0, attendance: 0, registrations: 1 });
    expect(y2006.body.gatherings.byKind.cafe).toMatchObject({ held: 1, attendance: 2, registrations: 0 });
    // Its first-time attendees and its entry in the year's gatherings move with it.
    expect(y2005.body.gatherings).toMatchObject({ firstTimeAttendees: 0, list: [] });
    expect(y2006.body.gatherings).toMatchObject({
      firstTimeAttendees: 2,
      list: [{ gatheringId, date: '2006-01-02T10:00:00.000Z', attendance: 2, firstTimers: 2 }],
    });
    const timeline = await read(`/timeline?gathering=${gatheringId}`);
    const held = timeline.body.items.find((entry: { type: string }) => entry.type === 'GatheringHeld');
    expect(held).toMatchObject({
      occurredAt: '2006-01-02T10:00:00.000Z',
      recordedOccurredAt: '2005-12-30T22:00:00.000Z',
      year: 2006,
    });
  });
});
