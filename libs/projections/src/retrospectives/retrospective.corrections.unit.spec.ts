import type { Retrospective } from '@app/contracts/read-models';
import { history, retrospectiveOf } from './testing/retrospective-history';

/** When the corrections are recorded: long after the fact (a correction's own time counts nowhere). */
const LATER = '2026-01-05T10:00:00.000Z';

const activityIn = (report: Retrospective, month: string) =>
  report.activityPerMonth.find((entry) => entry.month === month)?.events;

/** A Doetank proposed and coached in 2011, started on 20 December 2011 and concluded in 2013. */
const startedLate2011 = () => {
  const h = history();
  h.doetankProposed('d-1', '2011-03-01T10:00:00.000Z');
  h.coachAssigned('d-1', 'm-coach', '2011-03-02T10:00:00.000Z');
  const started = h.doetankStarted('d-1', '2011-12-20T10:00:00.000Z');
  return { h, started };
};

describe('retrospectives: a correction of business time moves what the event counted', () => {
  it('Given a start in December 2011, When it is corrected to January 2012, Then 2011 loses the start and the running Doetank and 2012 gains them', () => {
    const { h, started } = startedLate2011();
    const before = retrospectiveOf(2011, h.events);
    expect(before.doetanks).toMatchObject({ started: 1, activeAtYearEnd: 1 });

    h.businessTimeCorrected(started, '2012-01-09T10:00:00.000Z', LATER);

    const in2011 = retrospectiveOf(2011, h.events);
    const in2012 = retrospectiveOf(2012, h.events);
    expect(in2011.doetanks).toMatchObject({ proposed: 1, started: 0, activeAtYearEnd: 0 });
    expect(in2012.doetanks).toMatchObject({ proposed: 0, started: 1, activeAtYearEnd: 1 });
    // The activity moves with it; the correction itself is no activity (not in 2026, nor anywhere).
    expect(activityIn(in2011, '2011-12')).toBe(activityIn(before, '2011-12')! - 1);
    expect(activityIn(in2012, '2012-01')).toBe(1);
    expect(retrospectiveOf(2026, h.events).activityPerMonth.every((month) => month.events === 0)).toBe(true);
  });

  it('Given a report shared in 2011, When it is corrected to 2012, Then it counts among the results of 2012 by its kind', () => {
    const { h } = startedLate2011();
    const shared = h.resultShared('d-1', 'r-1', 'report', '2011-12-28T10:00:00.000Z');

    h.businessTimeCorrected(shared, '2012-02-01T10:00:00.000Z', LATER, { resultKind: 'report' });

    expect(retrospectiveOf(2011, h.events).results).toMatchObject({ total: 0, byKind: { report: 0 } });
    expect(retrospectiveOf(2012, h.events).results).toMatchObject({ total: 1, byKind: { report: 1 } });
  });

  it('Given a started Doetank stopped in 2012, When the stop is corrected to 2013, Then it ran at the end of 2012', () => {
    const { h } = startedLate2011();
    const stopped = h.doetankStopped('d-1', '2012-11-30T10:00:00.000Z');
    expect(retrospectiveOf(2012, h.events).doetanks).toMatchObject({ stopped: 1, activeAtYearEnd: 0 });

    h.businessTimeCorrected(stopped, '2013-01-15T10:00:00.000Z', LATER, { wasStarted: true });

    expect(retrospectiveOf(2012, h.events).doetanks).toMatchObject({ stopped: 0, activeAtYearEnd: 1 });
    expect(retrospectiveOf(2013, h.events).doetanks).toMatchObject({ stopped: 1, activeAtYearEnd: 0 });
  });

  it('Given a proposal corrected within its year, Then only the month of its activity changes', () => {
    const h = history();
    const proposed = h.doetankProposed('d-2', '2012-05-10T10:00:00.000Z');

    h.businessTimeCorrected(proposed, '2012-03-01T10:00:00.000Z', LATER);

    const report = retrospectiveOf(2012, h.events);
    expect(report.doetanks.proposed).toBe(1);
    expect([activityIn(report, '2012-03'), activityIn(report, '2012-05')]).toEqual([1, 0]);
  });
});
