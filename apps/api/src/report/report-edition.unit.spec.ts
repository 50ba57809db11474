import type { DoetankDocument, Retrospective } from '@app/contracts/read-models';
import { buildReportEdition, yearInProgress } from './report-edition';
import { retrospectiveFixture } from './testing/retrospective.fixture';

const doetank = (id: string, fields: Partial<DoetankDocument>): DoetankDocument => ({
  id,
  title: `Doetank ${id}`,
  problemStatement: 'Waarom?',
  stage: 'proposed',
  proposedBy: 'm1',
  memberIds: ['m1'],
  formerMemberIds: [],
  results: [],
  lessons: [],
  proposedAt: '2012-02-01T00:00:00.000Z',
  resultCount: 0,
  lessonCount: 0,
  lastActivityAt: '2012-02-01T00:00:00.000Z',
  lastEventPosition: 1,
  ...fields,
});

const quietYear = (year: number): Retrospective => {
  const base = retrospectiveFixture();
  return {
    ...base,
    year,
    themes: [],
    partners: [],
    activityPerMonth: base.activityPerMonth.map((m) => ({ ...m, events: 0 })),
  };
};

describe('buildReportEdition', () => {
  const doetanks = [
    // Proposed in 2011, started and concluded in 2012: in the 2011 cohort, not counted as a 2012 proposal.
    doetank('a', {
      proposedAt: '2011-10-01T00:00:00.000Z',
      startedAt: '2012-01-10T00:00:00.000Z',
      concludedAt: '2012-11-22T00:00:00.000Z',
      conclusion: 'Klaar',
      stage: 'concluded',
      coachId: 'c1',
      memberIds: ['m1', 'm2', 'm3'],
      results: [
        {
          resultId: 'r0',
          kind: 'report',
          title: 'Oud',
          sharedBy: 'm1',
          sharedAt: '2011-12-01T00:00:00.000Z',
        },
        { resultId: 'r1', kind: 'film', title: 'Film', sharedBy: 'm1', sharedAt: '2012-05-01T00:00:00.000Z' },
      ],
    }),
    // Stopped in 2011: not active in 2012.
    doetank('b', {
      proposedAt: '2011-03-01T00:00:00.000Z',
      stoppedAt: '2011-09-01T00:00:00.000Z',
      stage: 'stopped',
      stopReason: 'x',
    }),
    // Started in 2012, stopped in 2013: running at the end of 2012, its stop not yet told.
    doetank('c', {
      startedAt: '2012-03-01T00:00:00.000Z',
      stoppedAt: '2013-02-01T00:00:00.000Z',
      stopReason: 'Later',
      stage: 'stopped',
    }),
    // Proposed in 2013: not in the 2012 report.
    doetank('d', { proposedAt: '2013-01-05T00:00:00.000Z' }),
  ];
  const members = new Map([
    ['c1', { name: 'Coach Een', organisation: 'Kennisland' }],
    ['m1', { name: 'A', organisation: 'Gemeente Zaanstad' }],
    ['m2', { name: 'B', organisation: 'Gemeente Zaanstad' }],
    ['m3', { name: null, organisation: 'TNO' }],
  ]);
  const edition = (names: boolean) =>
    buildReportEdition({
      report: retrospectiveFixture(),
      nextReport: quietYear(2013),
      doetanks,
      gatherings: [],
      members,
      names,
      position: 42,
      nextYearDoetanks: [],
    });

  it('tells the Doetanks active in the year, as they stood at its end', () => {
    const { doetanks: stories } = edition(true);
    expect(stories.map((s) => [s.id, s.stage])).toEqual([
      ['a', 'concluded'],
      ['c', 'started'],
    ]);
    expect(stories[0].results.map((r) => r.title)).toEqual(['Film']);
    expect(stories[0].conclusion).toEqual({ text: 'Klaar', at: '2012-11-22T00:00:00.000Z' });
    expect(stories[1].stop).toBeUndefined();
  });

  it('names the coach only when names may be shown; members by organisation, each once', () => {
    expect(edition(true).doetanks[0]).toMatchObject({
      coachName: 'Coach Een',
      coachOrganisation: 'Kennisland',
      memberCount: 3,
      memberOrganisations: ['Gemeente Zaanstad', 'TNO'],
    });
    expect(edition(false).doetanks[0].coachName).toBeNull();
  });

  it('counts the funnel per cohort (year of proposal), as at the end of the year', () => {
    expect(edition(true).cohorts).toEqual([
      { cohort: 2011, proposed: 2, started: 1, concluded: 1, stopped: 1, running: 0 },
      { cohort: 2012, proposed: 1, started: 1, concluded: 0, stopped: 0, running: 1 },
    ]);
  });

  it('calls a year in progress when nothing was recorded in its December or later', () => {
    const full = retrospectiveFixture();
    expect(yearInProgress(full, quietYear(2013))).toBe(false);
    expect(yearInProgress(quietYear(2013), quietYear(2014))).toBe(true);
    expect(edition(true).position).toBe(42);
  });
});
