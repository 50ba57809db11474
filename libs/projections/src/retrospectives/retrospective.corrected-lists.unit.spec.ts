import type { CorrectedEventCounts } from '@app/contracts';
import { RETROSPECTIVE_LIST_LIMITS, type Retrospective } from '@app/contracts/read-models';
import type { ProjectionEvent } from '../projection';
import { history, retrospectiveOf } from './testing/retrospective-history';

/** When the corrections are recorded: long after the fact. */
const LATER = '2026-01-05T10:00:00.000Z';

/** A Doetank d-1 started on 20 December 2011 (its results and lessons come after). */
const startedLate2011 = () => {
  const h = history();
  h.doetankProposed('d-1', '2011-03-01T10:00:00.000Z');
  h.doetankStarted('d-1', '2011-12-20T10:00:00.000Z');
  return { h };
};

/** What the decider copies of a result or lesson into its correction (`counts`). */
const listed = (event: ProjectionEvent): CorrectedEventCounts => {
  const data = event.data as { resultId?: string; kind?: 'report'; title: string; link?: string };
  if (event.type === 'ResultShared') {
    const { resultId, kind, title, link } = data;
    return { resultKind: kind, result: { resultId: resultId!, title, ...(link !== undefined && { link }) } };
  }
  const { lessonId, lesson } = event.data as { lessonId: string; lesson: string };
  return { lesson: { lessonId, lesson } };
};

const resultIds = (report: Retrospective) => report.highlights.results.map((r) => [r.resultId, r.sharedAt]);

describe("retrospectives: a correction moves a result or lesson to the corrected year's lists", () => {
  it('Given results of 2011 and 2012, When one of 2011 is corrected into 2012, Then it leaves the list of 2011 and takes its place by time in that of 2012', () => {
    const { h } = startedLate2011();
    const moved = h.resultShared('d-1', 'r-1', 'report', '2011-12-28T10:00:00.000Z');
    h.resultShared('d-1', 'r-2', 'report', '2011-12-29T10:00:00.000Z');
    h.resultShared('d-1', 'r-3', 'report', '2012-01-10T10:00:00.000Z');
    h.resultShared('d-1', 'r-4', 'report', '2012-03-10T10:00:00.000Z');

    h.businessTimeCorrected(moved, '2012-02-01T10:00:00.000Z', LATER, listed(moved));

    expect(resultIds(retrospectiveOf(2011, h.events))).toEqual([['r-2', '2011-12-29T10:00:00.000Z']]);
    const in2012 = retrospectiveOf(2012, h.events);
    expect(resultIds(in2012)).toEqual([
      ['r-3', '2012-01-10T10:00:00.000Z'],
      ['r-1', '2012-02-01T10:00:00.000Z'],
      ['r-4', '2012-03-10T10:00:00.000Z'],
    ]);
    // Listed as its event lists it: title, link, kind and the Doetank's title.
    expect(in2012.highlights.results[1]).toEqual({
      resultId: 'r-1',
      title: 'Result r-1',
      kind: 'report',
      doetankId: 'd-1',
      doetankTitle: 'Doetank d-1',
      link: 'https://example.nl/r-1',
      sharedAt: '2012-02-01T10:00:00.000Z',
    });
  });

  it('Given a lesson of 2011, When it is corrected within 2011 and then into 2013, Then it is listed once, where it was last corrected to', () => {
    const { h } = startedLate2011();
    const recorded = h.lessonRecorded('d-1', 'l-1', '2011-12-21T10:00:00.000Z', 'Begin bij de burger');
    h.lessonRecorded('d-1', 'l-2', '2011-12-24T10:00:00.000Z');
    const lessons = (year: number) =>
      retrospectiveOf(year, h.events).highlights.lessons.map((l) => [l.lessonId, l.recordedAt]);

    h.businessTimeCorrected(recorded, '2011-12-30T10:00:00.000Z', LATER, listed(recorded));
    expect(lessons(2011)).toEqual([
      ['l-2', '2011-12-24T10:00:00.000Z'],
      ['l-1', '2011-12-30T10:00:00.000Z'],
    ]);

    // The second correction moves it from where the first put it.
    const againFrom = '2011-12-30T10:00:00.000Z';
    h.businessTimeCorrected(recorded, '2013-05-01T10:00:00.000Z', LATER, listed(recorded), againFrom);
    expect(lessons(2011)).toEqual([['l-2', '2011-12-24T10:00:00.000Z']]);
    expect(lessons(2013)).toEqual([['l-1', '2013-05-01T10:00:00.000Z']]);
    expect(retrospectiveOf(2013, h.events).highlights.lessons[0]).toMatchObject({
      excerpt: 'Begin bij de burger',
      doetankTitle: 'Doetank d-1',
    });
  });

  it('Given a full list, When a listed result is corrected into another year, Then the list keeps the earliest of the year, one fewer, and takes no later one in its place', () => {
    const limit = RETROSPECTIVE_LIST_LIMITS.results;
    const { h } = startedLate2011();
    const dayIn2012 = (n: number) => new Date(Date.UTC(2012, 0, 1 + n, 10)).toISOString();
    const shared = Array.from({ length: limit + 1 }, (_, n) =>
      h.resultShared('d-1', `r-${String(n).padStart(3, '0')}`, 'report', dayIn2012(n)),
    );

    h.businessTimeCorrected(shared[0], '2013-01-02T10:00:00.000Z', LATER, listed(shared[0]));
    // Recorded after the correction, later than every listed result: the one not kept came before it.
    h.resultShared('d-1', 'r-late', 'report', dayIn2012(limit + 5));

    const ids = resultIds(retrospectiveOf(2012, h.events)).map(([id]) => id);
    expect(ids).toEqual(shared.slice(1, limit).map((event) => (event.data as { resultId: string }).resultId));
    expect(resultIds(retrospectiveOf(2013, h.events))).toEqual([['r-000', '2013-01-02T10:00:00.000Z']]);
    expect(retrospectiveOf(2012, h.events).results.total).toBe(limit + 1);
  });
});
