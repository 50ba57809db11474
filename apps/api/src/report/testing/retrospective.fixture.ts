import {
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveHeadlines,
} from '@app/contracts/read-models';

const months = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

const PREVIOUS: RetrospectiveHeadlines = {
  year: 2011,
  membersJoined: 412,
  membersLeft: 9,
  membersTotalAtYearEnd: 403,
  doetanksProposed: 6,
  doetanksStarted: 4,
  doetanksConcluded: 1,
  doetanksStopped: 1,
  doetanksActiveAtYearEnd: 3,
  results: 5,
  lessons: 4,
  gatheringsHeld: 4,
  gatheringAttendance: 120,
  firstTimeAttendees: 95,
  discussionsStarted: 14,
  partners: 0,
  supporters: 6,
  events: 980,
};

/**
 * A retrospective of 2012 with known figures (not computed: the renderers only read the model). Every list has
 * entries; `overrides` replaces top-level fields, e.g. to put `<script>` in a title or to drop the year before.
 */
/** The best-attended gathering of the year, in the list of gatherings and as the highlight. */
const GRAND_CAFE = {
  gatheringId: '6f0c2c64-5a43-4b7e-9d43-1f2a3b4c5d02',
  title: 'Grand Café 2012',
  kind: 'grand-cafe' as const,
  date: '2012-11-22T16:00:00.000Z',
  venue: 'Beurs van Berlage',
  city: 'Amsterdam',
  attendance: 104,
};

export const retrospectiveFixture = (overrides: Partial<Retrospective> = {}): Retrospective => {
  const growthChanges = [22, 35, 41, 28, 30, 19, 8, 12, 44, 38, 52, 17];
  let total = PREVIOUS.membersTotalAtYearEnd;
  const memberGrowthPerMonth = months(2012).map((month, i) => {
    total += growthChanges[i];
    return { month, change: growthChanges[i], total };
  });
  const activityEvents = [120, 140, 165, 150, 172, 130, 60, 75, 190, 210, 260, 95];
  const activityPerMonth = months(2012).map((month, i) => ({
    month,
    events: activityEvents[i],
    byKind: {
      member: Math.round(activityEvents[i] * 0.4),
      doetank: Math.round(activityEvents[i] * 0.35),
      gathering:
        activityEvents[i] - Math.round(activityEvents[i] * 0.4) - Math.round(activityEvents[i] * 0.35) - 2,
      network: 1,
      discussion: 1,
    },
  }));
  const current: RetrospectiveHeadlines = {
    year: 2012,
    membersJoined: 386,
    membersLeft: 29,
    membersTotalAtYearEnd: total,
    doetanksProposed: 12,
    doetanksStarted: 9,
    doetanksConcluded: 4,
    doetanksStopped: 2,
    doetanksActiveAtYearEnd: 6,
    results: 14,
    lessons: 11,
    gatheringsHeld: 8,
    gatheringAttendance: 412,
    firstTimeAttendees: 233,
    discussionsStarted: 14,
    partners: 1,
    supporters: 5,
    events: activityEvents.reduce((a, b) => a + b, 0),
  };
  const trend = Object.fromEntries(
    RETROSPECTIVE_HEADLINE_FIGURES.map((figure) => [
      figure,
      { current: current[figure], previous: PREVIOUS[figure], change: current[figure] - PREVIOUS[figure] },
    ]),
  ) as Retrospective['trend'];
  return {
    year: 2012,
    members: {
      joined: current.membersJoined,
      left: current.membersLeft,
      forgotten: 3,
      totalAtYearEnd: total,
      bySector: {
        rijk: { joined: 60, totalAtYearEnd: 118 },
        provincie: { joined: 25, totalAtYearEnd: 44 },
        gemeente: { joined: 170, totalAtYearEnd: 352 },
        waterschap: { joined: 12, totalAtYearEnd: 20 },
        politie: { joined: 18, totalAtYearEnd: 31 },
        uitvoeringsorganisatie: { joined: 71, totalAtYearEnd: 130 },
        overig: { joined: 30, totalAtYearEnd: total - 118 - 44 - 352 - 20 - 31 - 130 },
      },
      byRole: {
        professional: { joined: 270, totalAtYearEnd: 530 },
        manager: { joined: 90, totalAtYearEnd: 190 },
        administrator: { joined: 26, totalAtYearEnd: total - 530 - 190 },
      },
    },
    doetanks: { proposed: 12, started: 9, concluded: 4, stopped: 2, activeAtYearEnd: 6 },
    results: { total: 14, byKind: { 'business-case': 3, film: 2, report: 4, tool: 2, lesson: 3 } },
    lessons: 11,
    gatherings: {
      held: 8,
      attendance: 412,
      firstTimeAttendees: 233,
      cancelled: 1,
      registrations: 460,
      registrationsCancelled: 21,
      byKind: {
        cafe: {
          held: 5,
          attendance: 212,
          firstTimeAttendees: 118,
          cancelled: 1,
          registrations: 240,
          registrationsCancelled: 12,
        },
        'grand-cafe': {
          held: 1,
          attendance: 104,
          firstTimeAttendees: 61,
          cancelled: 0,
          registrations: 118,
          registrationsCancelled: 6,
        },
        masterclass: {
          held: 2,
          attendance: 96,
          firstTimeAttendees: 54,
          cancelled: 0,
          registrations: 102,
          registrationsCancelled: 3,
        },
      },
      list: [
        {
          gatheringId: '6f0c2c64-5a43-4b7e-9d43-1f2a3b4c5d01',
          title: 'Café Dienstverlening',
          kind: 'cafe',
          date: '2012-02-16T17:00:00.000Z',
          venue: 'Pakhuis de Zwijger',
          city: 'Amsterdam',
          attendance: 38,
          firstTimers: 30,
        },
        { ...GRAND_CAFE, firstTimers: 61 },
      ],
    },
    discussions: { started: 14, closed: 6 },
    partners: [{ organisation: 'KING', description: 'Kwaliteitsinstituut Nederlandse Gemeenten' }],
    supporters: [
      { supporterId: 's1', name: 'Jan de Boer', affiliation: 'Ministerie van BZK' },
      { supporterId: 's2', name: 'Fatima El Amrani', affiliation: 'Gemeente Rotterdam' },
      { supporterId: 's3', name: 'Pieter Smit' },
      { supporterId: 's4', name: 'Els Jansen', affiliation: 'Provincie Utrecht' },
      { supporterId: 's5', name: 'Kees Visser', affiliation: 'Waterschap Rivierenland' },
    ],
    themes: [
      { themeId: '2012-dienstverlening', title: 'Dienstverlening', doetanks: 5 },
      { themeId: '2012-samenwerking', title: 'Samenwerking in de keten', doetanks: 4 },
      { themeId: '2012-regeldruk', title: 'Minder regeldruk', doetanks: 2 },
    ],
    activityPerMonth,
    memberGrowthPerMonth,
    previousYear: PREVIOUS,
    trend,
    highlights: {
      results: [
        {
          resultId: 'r1',
          title: 'Businesscase flexwerken',
          kind: 'business-case',
          doetankId: 'd1',
          doetankTitle: 'De gemeente zonder huis',
          link: 'https://slimmernetwerk.nl/flexwerken',
          sharedAt: '2012-04-03T10:00:00.000Z',
        },
        {
          resultId: 'r2',
          title: 'Film: de keten in beeld',
          kind: 'film',
          doetankId: 'd2',
          doetankTitle: 'Samen in de keten',
          sharedAt: '2012-06-12T10:00:00.000Z',
        },
      ],
      bestAttendedGathering: GRAND_CAFE,
      lessons: [
        {
          lessonId: 'l1',
          doetankId: 'd1',
          doetankTitle: 'De gemeente zonder huis',
          excerpt: 'Begin klein: één afdeling die flexwerkt overtuigt meer dan tien nota’s.',
          recordedAt: '2012-05-10T10:00:00.000Z',
        },
      ],
    },
    ...overrides,
  };
};
