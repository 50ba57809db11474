import {
  RETROSPECTIVE_COLLECTIONS,
  RETROSPECTIVE_HEADLINE_FIGURES,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import { GATHERING_KINDS, MEMBER_ROLES, RESULT_KINDS, SECTORS } from '@app/contracts/vocabulary';
import { assembleRetrospective } from './retrospective.assemble';
import { withListsOf } from './retrospective-year';
import {
  history,
  projectRetrospectives,
  retrospectiveOf,
  yearDocuments,
} from './testing/retrospective-history';
import { retrospectivesProjection } from './retrospectives.projection';

const T = (date: string, time = '10:00') => `${date}T${time}:00.000Z`;

describe('The retrospectives projection', () => {
  describe('members', () => {
    it('counts the members who joined in the year, by sector and by role', () => {
      // Given
      const h = history();
      h.memberJoined('m1', T('2012-01-10'), 'gemeente', 'professional');
      h.memberJoined('m2', T('2012-02-10'), 'gemeente', 'manager');
      h.memberJoined('m3', T('2012-03-10'), 'rijk', 'professional');
      h.memberJoined('m4', T('2011-12-10'), 'politie', 'administrator');
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.members.joined).toBe(3);
      expect(retrospective.members.bySector.gemeente).toEqual({ joined: 2, totalAtYearEnd: 2 });
      expect(retrospective.members.bySector.rijk).toEqual({ joined: 1, totalAtYearEnd: 1 });
      expect(retrospective.members.bySector.politie).toEqual({ joined: 0, totalAtYearEnd: 1 });
      expect(retrospective.members.bySector.waterschap).toEqual({ joined: 0, totalAtYearEnd: 0 });
      expect(retrospective.members.byRole).toEqual({
        professional: { joined: 2, totalAtYearEnd: 2 },
        manager: { joined: 1, totalAtYearEnd: 1 },
        administrator: { joined: 0, totalAtYearEnd: 1 },
      });
      expect(retrospective.members.totalAtYearEnd).toBe(4);
    });

    it('counts members who left and who were forgotten, and takes them off the total once', () => {
      // Given
      const h = history();
      for (const id of ['m1', 'm2', 'm3', 'm4']) h.memberJoined(id, T('2012-01-10'));
      h.memberLeft('m1', T('2012-05-01'));
      h.memberForgotten('m1', T('2012-06-01')); // after leaving: already off the total
      h.memberForgotten('m2', T('2012-07-01')); // while active
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.members).toMatchObject({ joined: 4, left: 1, forgotten: 2, totalAtYearEnd: 2 });
      expect(retrospective.members.bySector.gemeente.totalAtYearEnd).toBe(2);
    });

    it('totals the members at year end across years, moving a member whose affiliation changed', () => {
      // Given two members joined in 2011; one moves from a municipality to the Rijk as a manager in 2012
      const h = history();
      h.memberJoined('m1', T('2011-03-01'), 'gemeente', 'professional');
      h.memberJoined('m2', T('2011-04-01'), 'gemeente', 'professional');
      h.affiliationChanged('m1', T('2012-02-01'), 'rijk', 'manager');
      h.memberJoined('m3', T('2012-03-01'), 'provincie', 'professional');
      h.memberLeft('m2', T('2013-01-05'));
      // When
      const in2011 = retrospectiveOf(2011, h.events);
      const in2012 = retrospectiveOf(2012, h.events);
      const in2013 = retrospectiveOf(2013, h.events);
      // Then
      expect(in2011.members.bySector.gemeente.totalAtYearEnd).toBe(2);
      expect(in2012.members.totalAtYearEnd).toBe(3);
      expect(in2012.members.bySector.gemeente).toEqual({ joined: 0, totalAtYearEnd: 1 });
      expect(in2012.members.bySector.rijk).toEqual({ joined: 0, totalAtYearEnd: 1 });
      expect(in2012.members.bySector.provincie).toEqual({ joined: 1, totalAtYearEnd: 1 });
      expect(in2012.members.byRole.manager.totalAtYearEnd).toBe(1);
      expect(in2012.members.byRole.professional.totalAtYearEnd).toBe(2);
      expect(in2013.members.bySector.gemeente.totalAtYearEnd).toBe(0);
      expect(in2013.members.bySector.rijk.totalAtYearEnd).toBe(1);
      expect(in2013.members.totalAtYearEnd).toBe(2);
    });

    it('does not move a member who is no longer active when their affiliation changes', () => {
      // Given a member who left, then (impossible for the decider, possible in a broken import) changed
      const h = history();
      h.memberJoined('m1', T('2012-01-01'), 'gemeente', 'professional');
      h.memberLeft('m1', T('2012-02-01'));
      h.affiliationChanged('m1', T('2012-03-01'), 'rijk', 'manager');
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then nobody is counted anywhere at the end of the year
      expect(Object.values(retrospective.members.bySector).map((s) => s.totalAtYearEnd)).toEqual(
        SECTORS.map(() => 0),
      );
      expect(Object.values(retrospective.members.byRole).map((r) => r.totalAtYearEnd)).toEqual(
        MEMBER_ROLES.map(() => 0),
      );
    });

    it('shows the active members at the end of every month of the year', () => {
      // Given
      const h = history();
      h.memberJoined('m0', T('2011-06-01'));
      h.memberJoined('m1', T('2012-01-15'));
      h.memberJoined('m2', T('2012-03-15'));
      h.memberJoined('m3', T('2012-03-20'));
      h.memberLeft('m1', T('2012-07-01'));
      h.memberForgotten('m2', T('2012-12-31', '23:59'));
      h.memberJoined('m4', T('2013-01-01', '00:00'));
      // When
      const growth = retrospectiveOf(2012, h.events).memberGrowthPerMonth;
      // Then
      expect(growth.map((m) => m.month)).toEqual([
        '2012-01',
        '2012-02',
        '2012-03',
        '2012-04',
        '2012-05',
        '2012-06',
        '2012-07',
        '2012-08',
        '2012-09',
        '2012-10',
        '2012-11',
        '2012-12',
      ]);
      expect(growth.map((m) => m.total)).toEqual([2, 2, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2]);
      expect(growth.map((m) => m.change)).toEqual([1, 0, 2, 0, 0, 0, -1, 0, 0, 0, 0, -1]);
    });
  });

  describe('business time', () => {
    it('counts an event recorded in 2014 that occurred in 2012 for 2012', () => {
      // Given an import, in 2014, of a member who joined in 2012
      const h = history();
      h.memberJoined('m1', T('2012-04-02'), 'waterschap', 'manager', { recordedAt: T('2014-06-01') });
      // When
      const in2012 = retrospectiveOf(2012, h.events);
      const in2014 = retrospectiveOf(2014, h.events);
      // Then
      expect(in2012.members.joined).toBe(1);
      expect(in2012.activityPerMonth[3]).toMatchObject({ month: '2012-04', events: 1 });
      expect(in2014.members.joined).toBe(0);
      expect(in2014.members.totalAtYearEnd).toBe(1);
      expect(in2014.activityPerMonth.every((month) => month.events === 0)).toBe(true);
    });

    it('decides the year and month in UTC', () => {
      // Given a join at 23:30 on New Year's Eve, an hour west of Greenwich: 00:30 UTC on 1 January 2013
      const h = history();
      h.memberJoined('m1', '2012-12-31T23:30:00-01:00');
      // When
      const in2012 = retrospectiveOf(2012, h.events);
      const in2013 = retrospectiveOf(2013, h.events);
      // Then
      expect(in2012.members.joined).toBe(0);
      expect(in2013.members.joined).toBe(1);
      expect(in2013.activityPerMonth[0].events).toBe(1);
    });

    it('fails loudly on an event without a readable business time', () => {
      // Given
      const h = history();
      h.memberJoined('m1', 'sometime in 2012');
      // When / Then
      expect(() => projectRetrospectives(h.events)).toThrow(/no valid occurredAt/);
    });
  });

  describe('Doetanks', () => {
    it('counts the funnel: proposed, started, concluded and stopped in the year', () => {
      // Given
      const h = history();
      for (const id of ['d1', 'd2', 'd3', 'd4']) h.doetankProposed(id, T('2012-01-10'));
      for (const id of ['d1', 'd2', 'd3']) h.doetankStarted(id, T('2012-02-10'));
      h.doetankConcluded('d1', T('2012-09-01'));
      h.doetankStopped('d2', T('2012-10-01'));
      h.doetankStopped('d4', T('2012-03-01')); // before its start
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.doetanks).toEqual({
        proposed: 4,
        started: 3,
        concluded: 1,
        stopped: 2,
        activeAtYearEnd: 1,
      });
    });

    it('keeps a Doetank active across years until it concludes or stops', () => {
      // Given
      const h = history();
      h.doetankProposed('d1', T('2011-05-01'));
      h.doetankStarted('d1', T('2011-06-01'));
      h.doetankProposed('d2', T('2011-09-01'));
      h.doetankStarted('d2', T('2012-01-15'));
      h.doetankProposed('d3', T('2011-10-01'));
      h.doetankStopped('d3', T('2012-02-01')); // never started
      h.doetankConcluded('d1', T('2012-11-30'));
      h.doetankStopped('d2', T('2013-03-01'));
      // When
      const active = [2011, 2012, 2013].map(
        (year) => retrospectiveOf(year, h.events).doetanks.activeAtYearEnd,
      );
      // Then
      expect(active).toEqual([1, 1, 0]);
      expect(retrospectiveOf(2012, h.events).doetanks).toEqual({
        proposed: 0,
        started: 1,
        concluded: 1,
        stopped: 1,
        activeAtYearEnd: 1,
      });
    });
  });

  describe('results and lessons', () => {
    it('counts results by kind, with every kind present', () => {
      // Given
      const h = history();
      h.doetankProposed('d1', T('2012-01-01'));
      h.doetankStarted('d1', T('2012-02-01'));
      h.resultShared('d1', 'r1', 'film', T('2012-03-01'));
      h.resultShared('d1', 'r2', 'film', T('2012-04-01'));
      h.resultShared('d1', 'r3', 'business-case', T('2012-05-01'));
      h.resultShared('d1', 'r4', 'report', T('2013-01-02'));
      // When
      const { results } = retrospectiveOf(2012, h.events);
      // Then
      expect(results).toEqual({
        total: 3,
        byKind: { 'business-case': 1, film: 2, report: 0, tool: 0, lesson: 0 },
      });
      expect(Object.keys(results.byKind).sort()).toEqual([...RESULT_KINDS].sort());
    });

    it('highlights the results shared with their Doetank', () => {
      // Given
      const h = history();
      h.doetankProposed('d1', T('2012-01-01'));
      h.doetankStarted('d1', T('2012-02-01'));
      h.resultShared('d1', 'r2', 'tool', T('2012-04-01'));
      h.resultShared('d1', 'r1', 'film', T('2012-03-01'), 'm-proposer', { recordedAt: T('2014-01-01') });
      // When
      const { highlights } = retrospectiveOf(2012, h.events);
      // Then in business-time order
      expect(highlights.results).toEqual([
        {
          resultId: 'r1',
          title: 'Result r1',
          kind: 'film',
          doetankId: 'd1',
          doetankTitle: 'Doetank d1',
          link: 'https://example.nl/r1',
          sharedAt: T('2012-03-01'),
        },
        {
          resultId: 'r2',
          title: 'Result r2',
          kind: 'tool',
          doetankId: 'd1',
          doetankTitle: 'Doetank d1',
          link: 'https://example.nl/r2',
          sharedAt: T('2012-04-01'),
        },
      ]);
    });

    it('keeps the 50 earliest results as highlights while counting them all, whatever the arrival order', () => {
      // Given 60 results delivered newest first
      const h = history();
      h.doetankProposed('d1', T('2012-01-01'));
      h.doetankStarted('d1', T('2012-01-02'));
      for (let i = 60; i >= 1; i--) {
        h.resultShared(
          'd1',
          `r${String(i).padStart(2, '0')}`,
          'report',
          `2012-03-01T10:${String(i - 1).padStart(2, '0')}:00.000Z`,
        );
      }
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.results.total).toBe(60);
      expect(retrospective.highlights.results.map((r) => r.resultId)).toEqual(
        Array.from({ length: 50 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`),
      );
    });

    it('counts lessons and keeps an excerpt of each as a highlight', () => {
      // Given
      const h = history();
      h.doetankProposed('d1', T('2012-01-01'));
      h.doetankStarted('d1', T('2012-01-02'));
      h.lessonRecorded('d1', 'l1', T('2012-02-01'), 'Begin with the citizen, not the system.');
      h.lessonRecorded('d1', 'l2', T('2012-03-01'), 'x'.repeat(1000));
      h.lessonRecorded('d1', 'l3', T('2011-12-01'));
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.lessons).toBe(2);
      expect(retrospective.highlights.lessons[0]).toEqual({
        lessonId: 'l1',
        doetankId: 'd1',
        doetankTitle: 'Doetank d1',
        excerpt: 'Begin with the citizen, not the system.',
        recordedAt: T('2012-02-01'),
      });
      expect(retrospective.highlights.lessons[1].excerpt).toHaveLength(280);
      expect(retrospective.highlights.lessons[1].excerpt.endsWith('…')).toBe(true);
    });
  });

  describe('gatherings', () => {
    it('counts gatherings held by kind, with their attendance', () => {
      // Given
      const h = history();
      h.gatheringScheduled('c1', 'cafe', T('2012-02-01', '16:00'), T('2012-01-01'));
      h.gatheringScheduled('c2', 'cafe', T('2012-03-01', '16:00'), T('2012-01-01'));
      h.gatheringScheduled('gc', 'grand-cafe', T('2012-11-22', '19:00'), T('2012-06-01'));
      h.gatheringHeld('c1', ['a', 'b'], T('2012-02-01', '16:00'));
      h.gatheringHeld('c2', ['a', 'b', 'c'], T('2012-03-01', '16:00'));
      h.gatheringHeld('gc', ['a', 'd', 'e', 'f'], T('2012-11-22', '19:00'));
      // When
      const { gatherings } = retrospectiveOf(2012, h.events);
      // Then
      expect(gatherings.byKind).toEqual({
        cafe: {
          held: 2,
          attendance: 5,
          firstTimeAttendees: 3,
          cancelled: 0,
          registrations: 0,
          registrationsCancelled: 0,
        },
        'grand-cafe': {
          held: 1,
          attendance: 4,
          firstTimeAttendees: 3,
          cancelled: 0,
          registrations: 0,
          registrationsCancelled: 0,
        },
        masterclass: {
          held: 0,
          attendance: 0,
          firstTimeAttendees: 0,
          cancelled: 0,
          registrations: 0,
          registrationsCancelled: 0,
        },
      });
      expect(gatherings).toMatchObject({ held: 3, attendance: 9, firstTimeAttendees: 6 });
    });

    it('counts a member as a first-time attendee only at their first gathering, over two gatherings and two years', () => {
      // Given a café in 2011 (a, b) and a masterclass in 2012 (a, c)
      const h = history();
      h.gatheringScheduled('c1', 'cafe', T('2011-10-01', '16:00'), T('2011-09-01'));
      h.gatheringHeld('c1', ['a', 'b'], T('2011-10-01', '16:00'));
      h.gatheringScheduled('mc1', 'masterclass', T('2012-04-01', '14:00'), T('2012-03-01'));
      h.gatheringHeld('mc1', ['a', 'c'], T('2012-04-01', '14:00'));
      // When
      const in2011 = retrospectiveOf(2011, h.events);
      const in2012 = retrospectiveOf(2012, h.events);
      // Then
      expect(in2011.gatherings.byKind.cafe.firstTimeAttendees).toBe(2);
      expect(in2012.gatherings.byKind.masterclass).toMatchObject({
        held: 1,
        attendance: 2,
        firstTimeAttendees: 1,
      });
      expect(in2012.gatherings.list.map((g) => [g.gatheringId, g.firstTimers])).toEqual([['mc1', 1]]);
    });

    it('moves a first-time attendee to the earlier gathering when that one arrives later, also across years', () => {
      // Given an import that records the 2012 gatherings first and the 2011 café afterwards
      const h = history();
      h.gatheringScheduled('c2012', 'cafe', T('2012-03-01', '16:00'), T('2012-01-01'));
      h.gatheringScheduled('mc2012', 'masterclass', T('2012-02-01', '16:00'), T('2012-01-01'));
      h.gatheringHeld('c2012', ['a', 'b', 'c'], T('2012-03-01', '16:00'));
      h.gatheringHeld('mc2012', ['a', 'd'], T('2012-02-01', '16:00')); // earlier than c2012: takes a over
      h.gatheringScheduled('c2011', 'cafe', T('2011-10-01', '16:00'), T('2011-09-01'));
      h.gatheringHeld('c2011', ['b', 'd'], T('2011-10-01', '16:00')); // earlier than both: takes b and d over
      // When
      const store = projectRetrospectives(h.events);
      const docs = yearDocuments(store);
      const in2011 = assembleRetrospective(
        2011,
        docs.filter((d) => d.year <= 2011),
      );
      const in2012 = assembleRetrospective(2012, docs);
      // Then the counts are those of the history in business-time order
      expect(in2011.gatherings.byKind.cafe.firstTimeAttendees).toBe(2); // b, d
      expect(in2012.gatherings.byKind.masterclass.firstTimeAttendees).toBe(1); // a
      expect(in2012.gatherings.byKind.cafe.firstTimeAttendees).toBe(1); // c
      expect(in2012.gatherings.list.map((g) => [g.gatheringId, g.firstTimers])).toEqual([
        ['mc2012', 1],
        ['c2012', 1],
      ]);
      expect(
        store.get<RetrospectiveAttendanceDocument>(RETROSPECTIVE_COLLECTIONS.attendance, 'b'),
      ).toMatchObject({
        firstGatheringId: 'c2011',
        firstGatheringYear: 2011,
        firstAttendedOn: T('2011-10-01', '16:00'),
      });
      // and the same as when delivered in business-time order
      const inOrder = history();
      inOrder.gatheringScheduled('c2011', 'cafe', T('2011-10-01', '16:00'), T('2011-09-01'));
      inOrder.gatheringHeld('c2011', ['b', 'd'], T('2011-10-01', '16:00'));
      inOrder.gatheringScheduled('mc2012', 'masterclass', T('2012-02-01', '16:00'), T('2012-01-01'));
      inOrder.gatheringScheduled('c2012', 'cafe', T('2012-03-01', '16:00'), T('2012-01-01'));
      inOrder.gatheringHeld('mc2012', ['a', 'd'], T('2012-02-01', '16:00'));
      inOrder.gatheringHeld('c2012', ['a', 'b', 'c'], T('2012-03-01', '16:00'));
      expect(retrospectiveOf(2012, inOrder.events).gatherings).toEqual(in2012.gatherings);
      expect(retrospectiveOf(2011, inOrder.events).gatherings).toEqual(in2011.gatherings);
    });

    it('counts cancelled gatherings and registrations by kind', () => {
      // Given
      const h = history();
      h.gatheringScheduled('c1', 'cafe', T('2012-02-01'), T('2012-01-01'));
      h.gatheringScheduled('mc1', 'masterclass', T('2012-03-01'), T('2012-01-01'));
      h.registered('c1', 'a', T('2012-01-02'));
      h.registered('c1', 'b', T('2012-01-03'));
      h.registered('mc1', 'a', T('2012-01-04'));
      h.registrationCancelled('c1', 'b', T('2012-01-05'));
      h.gatheringCancelled('c1', T('2012-01-20'));
      // When
      const { gatherings } = retrospectiveOf(2012, h.events);
      // Then
      expect(gatherings.byKind.cafe).toMatchObject({
        held: 0,
        cancelled: 1,
        registrations: 2,
        registrationsCancelled: 1,
      });
      expect(gatherings.byKind.masterclass).toMatchObject({
        cancelled: 0,
        registrations: 1,
        registrationsCancelled: 0,
      });
      expect(gatherings).toMatchObject({ cancelled: 1, registrations: 3, registrationsCancelled: 1 });
    });

    it('lists the gatherings held by date and highlights the best-attended one', () => {
      // Given
      const h = history();
      h.gatheringScheduled('gc', 'grand-cafe', T('2012-11-22', '19:00'), T('2012-06-01'), {
        title: 'Grand Café',
        venue: 'Beurs van Berlage',
        city: 'Amsterdam',
      });
      h.gatheringScheduled('c1', 'cafe', T('2012-02-01', '16:00'), T('2012-01-01'), {
        title: 'Café 1',
        venue: 'Pakhuis de Zwijger',
      });
      h.gatheringHeld('gc', ['a', 'b', 'c'], T('2012-11-22', '23:00'), T('2012-11-22', '19:00'));
      h.gatheringHeld('c1', ['a', 'd'], T('2012-02-01', '18:00'), T('2012-02-01', '16:00'));
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      const grandCafe = {
        gatheringId: 'gc',
        title: 'Grand Café',
        kind: 'grand-cafe',
        date: T('2012-11-22', '19:00'),
        venue: 'Beurs van Berlage',
        city: 'Amsterdam',
        attendance: 3,
      };
      expect(retrospective.gatherings.list).toEqual([
        {
          gatheringId: 'c1',
          title: 'Café 1',
          kind: 'cafe',
          date: T('2012-02-01', '16:00'),
          venue: 'Pakhuis de Zwijger',
          attendance: 2,
          firstTimers: 2,
        },
        { ...grandCafe, firstTimers: 2 },
      ]);
      expect(retrospective.highlights.bestAttendedGathering).toEqual(grandCafe);
    });

    it('fails loudly on a gathering held that was never scheduled', () => {
      // Given a broken history
      const h = history();
      h.gatheringHeld('ghost', ['a'], T('2012-02-01'));
      // When / Then
      expect(() => projectRetrospectives(h.events)).toThrow(/gathering-ghost, which is missing/);
    });
  });

  describe('the network year', () => {
    it('lists the partners and supporters of the network year, whenever they were recorded', () => {
      // Given
      const h = history();
      h.partnerAppointed(2012, 'KING', T('2011-12-15'));
      h.supporterAdded(2012, 's1', 'Supporter One', T('2012-02-01'));
      h.supporterAdded(2013, 's2', 'Supporter Two', T('2012-12-01'));
      // When
      const in2012 = retrospectiveOf(2012, h.events);
      const in2013 = retrospectiveOf(2013, h.events);
      // Then
      expect(in2012.partners).toEqual([{ organisation: 'KING', description: 'Strategic partner' }]);
      expect(in2012.supporters).toEqual([
        { supporterId: 's1', name: 'Supporter One', affiliation: 'Comité van aanbeveling' },
      ]);
      expect(in2013.supporters.map((s) => s.supporterId)).toEqual(['s2']);
      // while the activity is that of the business year
      expect(in2012.activityPerMonth[11].byKind.network).toBe(1);
      expect(retrospectiveOf(2011, h.events).activityPerMonth[11].byKind.network).toBe(1);
    });

    it('counts the Doetanks per theme under the theme year, with the themes as last defined', () => {
      // Given
      const h = history();
      h.themesDefined(2013, [{ themeId: '2013-open-data', title: 'Open data' }], T('2012-10-01'));
      h.themesDefined(
        2013,
        [
          { themeId: '2013-open-data', title: 'Open overheidsdata' },
          { themeId: '2013-zorg', title: 'Zorg' },
        ],
        T('2012-11-01'),
      );
      h.themeAdopted(2013, '2013-open-data', 'd1', T('2012-12-01'));
      h.doetankProposed('d1', T('2012-12-01'), '2013-open-data');
      h.themeAdopted(2013, '2013-open-data', 'd2', T('2013-02-01'));
      h.doetankProposed('d2', T('2013-02-01'), '2013-open-data');
      h.doetankProposed('d3', T('2013-02-01'));
      // When
      const in2013 = retrospectiveOf(2013, h.events);
      // Then
      expect(in2013.themes).toEqual([
        { themeId: '2013-open-data', title: 'Open overheidsdata', doetanks: 2 },
        { themeId: '2013-zorg', title: 'Zorg', doetanks: 0 },
      ]);
      expect(in2013.doetanks.proposed).toBe(2);
      expect(retrospectiveOf(2012, h.events).themes).toEqual([]);
      // a theme adoption is the bookkeeping half of a proposal: not activity of its own
      expect(retrospectiveOf(2012, h.events).activityPerMonth[11].events).toBe(1);
    });
  });

  describe('discussions and activity', () => {
    it('counts discussions started and closed', () => {
      // Given
      const h = history();
      h.discussionStarted('x1', T('2011-11-01'));
      h.discussionStarted('x2', T('2012-01-01'));
      h.discussionStarted('x3', T('2012-02-01'));
      h.discussionClosed('x1', T('2012-03-01'));
      // When / Then
      expect(retrospectiveOf(2012, h.events).discussions).toEqual({ started: 2, closed: 1 });
    });

    it('counts events per month and per kind, twelve months with zeros included', () => {
      // Given
      const h = history();
      h.memberJoined('m1', T('2012-01-05'));
      h.memberJoined('m2', T('2012-01-06'));
      h.doetankProposed('d1', T('2012-03-01'));
      h.coachAssigned('d1', 'm1', T('2012-03-02'));
      h.memberJoinedDoetank('d1', 'm2', T('2012-03-03'));
      h.gatheringScheduled('c1', 'cafe', T('2012-06-01'), T('2012-05-01'));
      h.programmeItemAdded('c1', 'i1', T('2012-05-02'));
      h.discussionStarted('x1', T('2012-12-24'));
      h.memberJoined('m3', T('2013-01-01'));
      // When
      const activity = retrospectiveOf(2012, h.events).activityPerMonth;
      // Then
      expect(activity).toHaveLength(12);
      expect(activity.map((m) => m.events)).toEqual([2, 0, 3, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
      expect(activity[0]).toEqual({
        month: '2012-01',
        events: 2,
        byKind: { member: 2, doetank: 0, gathering: 0, network: 0, discussion: 0 },
      });
      expect(activity[2].byKind.doetank).toBe(3);
      expect(activity[4].byKind.gathering).toBe(2);
      expect(activity[11].byKind.discussion).toBe(1);
    });
  });

  describe('the year before', () => {
    it('compares the headline figures with the year before', () => {
      // Given
      const h = history();
      h.memberJoined('m1', T('2011-05-01'));
      h.memberJoined('m2', T('2011-06-01'));
      h.memberJoined('m3', T('2012-05-01'));
      h.doetankProposed('d1', T('2011-07-01'));
      h.doetankStarted('d1', T('2012-01-10'));
      // When
      const retrospective = retrospectiveOf(2012, h.events);
      // Then
      expect(retrospective.previousYear).toMatchObject({
        year: 2011,
        membersJoined: 2,
        membersTotalAtYearEnd: 2,
        doetanksProposed: 1,
        doetanksStarted: 0,
        events: 3,
      });
      expect(retrospective.trend.membersJoined).toEqual({ current: 1, previous: 2, change: -1 });
      expect(retrospective.trend.membersTotalAtYearEnd).toEqual({ current: 3, previous: 2, change: 1 });
      expect(retrospective.trend.doetanksActiveAtYearEnd).toEqual({ current: 1, previous: 0, change: 1 });
      expect(Object.keys(retrospective.trend)).toEqual([...RETROSPECTIVE_HEADLINE_FIGURES]);
    });

    it('has no year before for the first year of the network', () => {
      // Given
      const h = history();
      h.memberJoined('m1', T('2010-09-01'));
      // When
      const retrospective = retrospectiveOf(2010, h.events);
      // Then
      expect(retrospective.previousYear).toBeNull();
      expect(retrospective.trend.membersJoined).toEqual({ current: 1, previous: null, change: null });
    });
  });

  describe('delivery', () => {
    const busyYear = () => {
      const h = history();
      h.memberJoined('a', T('2011-05-01'), 'rijk', 'manager');
      h.memberJoined('b', T('2012-01-01'));
      h.affiliationChanged('a', T('2012-02-01'), 'politie', 'professional');
      h.doetankProposed('d1', T('2012-02-01'));
      h.doetankStarted('d1', T('2012-03-01'));
      h.resultShared('d1', 'r1', 'tool', T('2012-04-01'));
      h.lessonRecorded('d1', 'l1', T('2012-04-02'));
      h.gatheringScheduled('c1', 'cafe', T('2012-05-01'), T('2012-04-01'));
      h.registered('c1', 'a', T('2012-04-03'));
      h.gatheringHeld('c1', ['a', 'b'], T('2012-05-01'));
      h.doetankStopped('d1', T('2012-06-01'));
      h.memberLeft('b', T('2012-07-01'));
      h.memberForgotten('b', T('2012-08-01'));
      h.supporterAdded(2012, 's1', 'Supporter', T('2012-09-01'));
      return h.events;
    };

    it('changes nothing when the same events are delivered twice', () => {
      // Given
      const events = busyYear();
      const once = projectRetrospectives(events);
      const before = once.snapshot();
      // When every event is delivered again, first in a batch of all, then one by one
      projectRetrospectives(events, once);
      for (const event of events) projectRetrospectives([event], once);
      // Then
      expect(once.snapshot()).toEqual(before);
    });

    it('gives the same documents when evolve is handed an event it already applied', () => {
      // Given a year document that has seen every event
      const events = busyYear();
      const doc = yearDocuments(projectRetrospectives(events)).find((d) => d.year === 2012)!;
      // When evolve itself gets an old event again (without the runner's check)
      const again = retrospectivesProjection.evolve(
        doc,
        events[3],
        { collection: 'retrospectives', id: 'year-2012' },
        new Map(),
      );
      // Then
      expect(again).toBe(doc);
    });
  });

  describe('figures and lists apart', () => {
    const { years: YEARS, yearLists: YEAR_LISTS } = RETROSPECTIVE_COLLECTIONS;
    const yearOf = (h: ReturnType<typeof history>) => {
      h.memberJoined('a', T('2012-01-01'));
      h.doetankProposed('d1', T('2012-02-01'));
      h.resultShared('d1', 'r1', 'tool', T('2012-04-01'));
      h.lessonRecorded('d1', 'l1', T('2012-04-02'));
      h.gatheringScheduled('c1', 'cafe', T('2012-05-01'), T('2012-04-01'));
      h.gatheringHeld('c1', ['a'], T('2012-05-01'));
      h.partnerAppointed(2013, 'Gemeente Utrecht', T('2012-09-01'));
      h.supporterAdded(2012, 's1', 'Supporter', T('2012-09-02'));
    };

    it("keeps the lists out of the year's figures document, in the year's lists document", () => {
      // Given
      const h = history();
      yearOf(h);
      // When
      const store = projectRetrospectives(h.events);
      // Then the figures count, the lists are empty there
      const figures = store.get<RetrospectiveYearDocument>(YEARS, 'year-2012')!;
      expect(figures.results.tool).toBe(1);
      expect(figures.gatherings.byKind.cafe.held).toBe(1);
      expect(figures.gatherings.list).toEqual([]);
      expect(figures.gatherings.bestAttended).toBeNull();
      expect(figures.highlights).toEqual({ results: [], lessons: [] });
      expect(figures.supporters).toEqual({ count: 1, list: [] });
      // and the lists document of each year has them: the partner under the network year it is about
      const lists2012 = store.get<RetrospectiveYearListsDocument>(YEAR_LISTS, 'year-2012')!;
      expect(lists2012.results.map((r) => r.resultId)).toEqual(['r1']);
      expect(lists2012.lessons.map((l) => l.lessonId)).toEqual(['l1']);
      expect(lists2012.gatherings.map((g) => g.gatheringId)).toEqual(['c1']);
      expect(lists2012.bestAttendedGathering?.gatheringId).toBe('c1');
      expect(lists2012.supporters.map((s) => s.supporterId)).toEqual(['s1']);
      expect(lists2012.partners).toEqual([]);
      expect(store.get<RetrospectiveYearListsDocument>(YEAR_LISTS, 'year-2013')!.partners).toMatchObject([
        { organisation: 'Gemeente Utrecht' },
      ]);
      // and the report joins them
      expect(retrospectiveOf(2012, h.events).highlights.results.map((r) => r.resultId)).toEqual(['r1']);
    });

    it('leaves the lists document unwritten when an event does not change the lists', () => {
      // Given the 50 earliest results of the year are kept
      const h = history();
      h.doetankProposed('d1', T('2012-01-01'));
      for (let i = 0; i < 50; i++) h.resultShared('d1', `r${i}`, 'tool', T('2012-02-01'));
      const store = projectRetrospectives(h.events);
      const before = store.get<RetrospectiveYearListsDocument>(YEAR_LISTS, 'year-2012')!;
      // When a later one is shared
      const later = history();
      later.resultShared('d1', 'r-later', 'tool', T('2012-03-01'));
      projectRetrospectives(
        later.events.map((e) => ({ ...e, position: h.events.length + 1 })),
        store,
      );
      // Then it counts, and the lists document is the one it was
      expect(store.get<RetrospectiveYearDocument>(YEARS, 'year-2012')!.results.tool).toBe(51);
      expect(store.get<RetrospectiveYearListsDocument>(YEAR_LISTS, 'year-2012')).toBe(before);
    });

    it('reads the lists a figures document holds inline (written before lists had their own document)', () => {
      // Given the documents of a year as they were stored before: lists inline, no lists documents
      const h = history();
      yearOf(h);
      const store = projectRetrospectives(h.events);
      for (const lists of store.all<RetrospectiveYearListsDocument>(YEAR_LISTS)) {
        const figures = store.get<RetrospectiveYearDocument>(YEARS, lists.id)!;
        store.write({ collection: YEARS, id: lists.id }, withListsOf(figures, lists));
        store.write({ collection: YEAR_LISTS, id: lists.id }, null);
      }
      const expected = retrospectiveOf(2012, h.events);
      expect(assembleRetrospective(2012, yearDocuments(store))).toEqual(expected);
      // When events come that change the figures only, then the lists
      const more = history();
      more.memberJoined('b', T('2012-10-01'));
      more.resultShared('d1', 'r2', 'tool', T('2012-11-01'));
      more.supporterAdded(2012, 's2', 'Another', T('2012-11-02'));
      const next = more.events.map((e, i) => ({ ...e, position: h.events.length + 1 + i }));
      projectRetrospectives(next, store);
      // Then the year's lists document starts from the inline lists, and the report is the one of all events
      expect(
        store.get<RetrospectiveYearListsDocument>(YEAR_LISTS, 'year-2012')!.results.map((r) => r.resultId),
      ).toEqual(['r1', 'r2']);
      expect(assembleRetrospective(2012, yearDocuments(store))).toEqual(
        retrospectiveOf(2012, [...h.events, ...next]),
      );
    });
  });

  describe('stable shapes', () => {
    it('reports every sector, role, result kind and gathering kind with zeros for a year without events', () => {
      // When
      const retrospective = assembleRetrospective(2012, []);
      // Then
      expect(Object.keys(retrospective.members.bySector)).toEqual([...SECTORS]);
      expect(Object.keys(retrospective.members.byRole)).toEqual([...MEMBER_ROLES]);
      expect(Object.keys(retrospective.results.byKind)).toEqual([...RESULT_KINDS]);
      expect(Object.keys(retrospective.gatherings.byKind)).toEqual([...GATHERING_KINDS]);
      expect(retrospective.activityPerMonth).toHaveLength(12);
      expect(retrospective.memberGrowthPerMonth.every((m) => m.total === 0)).toBe(true);
      expect(retrospective.members.totalAtYearEnd).toBe(0);
      expect(retrospective.highlights).toEqual({ results: [], bestAttendedGathering: null, lessons: [] });
      expect(retrospective.previousYear).toBeNull();
    });

    it('ignores documents of later years', () => {
      // Given
      const h = history();
      h.memberJoined('m1', T('2012-01-01'));
      h.memberJoined('m2', T('2013-01-01'));
      const docs: RetrospectiveYearDocument[] = yearDocuments(projectRetrospectives(h.events));
      // When
      const retrospective = assembleRetrospective(2012, docs);
      // Then
      expect(retrospective.members.totalAtYearEnd).toBe(1);
    });
  });
});
