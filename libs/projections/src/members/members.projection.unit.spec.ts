import type { MemberDocument } from '@app/contracts/read-models/member.read-model';
import { declaredIndexNames, expectIdempotent, freshIds, project, projectionEvent } from '../testing';
import { sanneJoined } from '../testing/sample-events';
import { MEMBERS_COLLECTION, membersProjection } from './members.projection';

/** A fresh member per test, with builders for events about them; each build takes the next position. */
const aMember = () => {
  const { id, at } = freshIds();
  const [memberId, other, doetankId] = [id('sanne'), id('joost'), id('doetank')];
  const joined = (who = memberId, occurredAt = '2012-01-10T09:00:00.000Z') =>
    projectionEvent(
      'MemberJoined',
      sanneJoined(who, {
        personal: { name: who === memberId ? 'Sanne de Vries' : 'Joost Jansen', email: `${who}@example.nl` },
      }),
      at(occurredAt),
    );
  /** `coachId` made the coach of the Doetank, in place of `previousCoachId` if given. */
  const coachAssigned = (coachId: string, occurredAt: string, previousCoachId?: string) =>
    projectionEvent(
      'CoachAssigned',
      { doetankId, coachId, ...(previousCoachId === undefined ? {} : { previousCoachId }) },
      at(occurredAt),
    );
  const joinedDoetank = (occurredAt: string) =>
    projectionEvent('MemberJoinedDoetank', { doetankId, memberId }, at(occurredAt));
  const memberAfter = (events: Parameters<typeof project>[1], who = memberId) =>
    project(membersProjection, events).get<MemberDocument>(MEMBERS_COLLECTION, who);
  return { memberId, other, doetankId, at, joined, coachAssigned, joinedDoetank, memberAfter };
};

describe('members projection', () => {
  describe('when a member joins the network', () => {
    it('lists them as active with their name, e-mail and affiliation', () => {
      const { memberId, joined, memberAfter } = aMember();
      const event = joined();

      expect(memberAfter([event])).toEqual({
        id: memberId,
        name: 'Sanne de Vries',
        nameKeys: ['sanne de vries', 'de vries', 'vries'],
        email: `${memberId}@example.nl`,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        role: 'professional',
        status: 'active',
        joinedAt: '2012-01-10T09:00:00.000Z',
        doetankIds: [],
        memberOf: [],
        coachOf: [],
        lastEventPosition: event.position,
      });
    });
  });

  describe('given an active member', () => {
    it('takes a changed affiliation', () => {
      const { memberId, at, joined, memberAfter } = aMember();
      const events = [
        joined(),
        projectionEvent(
          'MemberAffiliationChanged',
          { memberId, organisation: 'Provincie Utrecht', sector: 'provincie', role: 'manager' },
          at('2012-06-01T09:00:00.000Z'),
        ),
      ];

      expect(memberAfter(events)).toMatchObject({
        organisation: 'Provincie Utrecht',
        sector: 'provincie',
        role: 'manager',
      });
    });

    it('marks them as left with the date', () => {
      const { memberId, at, joined, memberAfter } = aMember();
      const events = [joined(), projectionEvent('MemberLeft', { memberId }, at('2013-09-01T09:00:00.000Z'))];

      expect(memberAfter(events)).toMatchObject({
        status: 'left',
        leftAt: '2013-09-01T09:00:00.000Z',
        name: 'Sanne de Vries',
      });
    });

    it('erases name and e-mail when they are forgotten, and keeps their organisation', () => {
      const { memberId, at, joined, memberAfter } = aMember();
      const events = [
        joined(),
        projectionEvent('MemberLeft', { memberId }, at('2013-09-01T09:00:00.000Z')),
        projectionEvent(
          'MemberForgotten',
          { memberId, reason: 'Verzoek van het lid' },
          at('2013-10-01T09:00:00.000Z'),
        ),
      ];

      const member = memberAfter(events);

      expect(member).toMatchObject({
        name: null,
        email: null,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        status: 'forgotten',
        leftAt: '2013-09-01T09:00:00.000Z',
        forgottenAt: '2013-10-01T09:00:00.000Z',
      });
      expect(JSON.stringify(member)).not.toContain('Sanne');
      expect(member).toMatchObject({ nameKeys: [] });
    });
  });

  describe('given a Doetank they take part in', () => {
    it('lists the Doetank they proposed, as its first member', () => {
      const { memberId, doetankId, at, joined, memberAfter } = aMember();
      const events = [
        joined(),
        projectionEvent(
          'DoetankProposed',
          { doetankId, title: 'De gemeente zonder huis', problemStatement: 'Wat als?', proposedBy: memberId },
          at('2013-01-10T09:00:00.000Z'),
        ),
      ];

      expect(memberAfter(events)).toMatchObject({
        doetankIds: [doetankId],
        memberOf: [doetankId],
        coachOf: [],
      });
    });

    it('adds a Doetank they join and removes it when they leave', () => {
      const { memberId, doetankId, at, joined, joinedDoetank, memberAfter } = aMember();
      const join = () => joinedDoetank('2013-01-21T09:00:00.000Z');
      const leave = () =>
        projectionEvent('MemberLeftDoetank', { doetankId, memberId }, at('2013-02-01T09:00:00.000Z'));

      const afterJoining = [joined(), join()];
      const afterLeaving = [...afterJoining, leave()];

      expect(memberAfter(afterJoining)?.doetankIds).toEqual([doetankId]);
      expect(memberAfter(afterLeaving)).toMatchObject({ doetankIds: [], memberOf: [] });
    });

    it('moves a Doetank from the previous coach to the new one', () => {
      const { memberId, other, doetankId, joined, coachAssigned, memberAfter } = aMember();
      const events = [
        joined(),
        joined(other),
        coachAssigned(other, '2013-01-12T09:00:00.000Z'),
        coachAssigned(memberId, '2013-01-13T09:00:00.000Z', other),
      ];

      expect(memberAfter(events)).toMatchObject({ doetankIds: [doetankId], coachOf: [doetankId] });
      expect(memberAfter(events, other)).toMatchObject({ doetankIds: [], coachOf: [] });
    });

    it('keeps a Doetank for a replaced coach who is also one of its members', () => {
      const { memberId, other, doetankId, joined, coachAssigned, joinedDoetank, memberAfter } = aMember();
      const events = [
        joined(),
        joined(other),
        coachAssigned(memberId, '2013-01-12T09:00:00.000Z'),
        joinedDoetank('2013-01-13T09:00:00.000Z'),
        coachAssigned(other, '2013-01-14T09:00:00.000Z', memberId),
      ];

      expect(memberAfter(events)).toMatchObject({
        doetankIds: [doetankId],
        memberOf: [doetankId],
        coachOf: [],
      });
    });
  });

  it('ignores events about a member who never joined, rather than listing an unknown person', () => {
    const { memberId, at, joinedDoetank, memberAfter } = aMember();
    const events = [
      joinedDoetank('2013-01-21T09:00:00.000Z'),
      projectionEvent('MemberLeft', { memberId }, at('2013-01-22T09:00:00.000Z')),
    ];

    expect(memberAfter(events)).toBeUndefined();
  });

  it('never brings back the personal data of a forgotten member', () => {
    const { memberId, at, joined, memberAfter } = aMember();
    const events = [
      joined(),
      projectionEvent(
        'MemberForgotten',
        { memberId, reason: 'Verzoek van het lid' },
        at('2013-10-01T09:00:00.000Z'),
      ),
      joined(memberId, '2013-11-01T09:00:00.000Z'),
    ];

    expect(memberAfter(events)).toMatchObject({ name: null, email: null, status: 'forgotten' });
  });

  it('changes nothing when the same events are delivered again', () => {
    const { memberId, other, at, joined, coachAssigned } = aMember();
    const events = [
      joined(),
      joined(other),
      coachAssigned(memberId, '2013-01-12T09:00:00.000Z'),
      coachAssigned(other, '2013-01-13T09:00:00.000Z', memberId),
      projectionEvent('MemberForgotten', { memberId, reason: 'Verzoek' }, at('2013-10-01T09:00:00.000Z')),
    ];
    expectIdempotent(membersProjection, events);
  });

  it('declares valid indexes by status, sector, organisation, Doetank, joining date and name key', () => {
    expect(declaredIndexNames(membersProjection)).toEqual([
      'by_status',
      'by_sector',
      'by_organisation',
      'by_doetank',
      'newest_members',
      'by_name_key',
    ]);
  });

  describe("a correction of a member's business time", () => {
    const correction = (
      memberOrDoetank: { memberId: string } | { doetankId: string },
      eventType: string,
      correctedTo: string,
      position: number,
    ) =>
      projectionEvent(
        'BusinessTimeCorrected',
        {
          ...memberOrDoetank,
          revision: 0,
          eventType,
          eventId: 'x',
          correctedFrom: '2012-01-10T09:00:00.000Z',
          correctedTo,
          reason: 'Uit de ledenadministratie',
        } as never,
        { occurredAt: '2026-01-05T10:00:00.000Z', position },
      );

    it('moves the date the directory shows for the joining and the leaving', () => {
      const { memberId, at, joined, memberAfter } = aMember();
      const events = [joined(), projectionEvent('MemberLeft', { memberId }, at('2013-06-30T15:00:00.000Z'))];
      const last = events[1].position;
      const corrected = [
        ...events,
        correction({ memberId }, 'MemberJoined', '2011-12-01T09:00:00.000Z', last + 1),
        correction({ memberId }, 'MemberLeft', '2013-05-31T15:00:00.000Z', last + 2),
      ];
      expect(memberAfter(corrected)).toMatchObject({
        status: 'left',
        joinedAt: '2011-12-01T09:00:00.000Z',
        leftAt: '2013-05-31T15:00:00.000Z',
        lastEventPosition: last + 2,
      });
      expectIdempotent(membersProjection, corrected);
    });

    it("ignores a Doetank's correction, which names no member", () => {
      const { memberId, doetankId, joined, memberAfter } = aMember();
      const event = joined();
      expect(
        memberAfter([
          event,
          correction({ doetankId }, 'DoetankProposed', '2011-01-01T00:00:00.000Z', event.position + 1),
        ]),
      ).toMatchObject({
        id: memberId,
        joinedAt: '2012-01-10T09:00:00.000Z',
        lastEventPosition: event.position,
      });
    });
  });
});
