import type { Retrospective } from '@app/contracts/read-models';
import type { ProjectionEvent } from '../projection';
import { history, retrospectiveOf } from './testing/retrospective-history';

/** When the corrections are recorded: long after the fact. */
const LATER = '2026-01-05T10:00:00.000Z';

/** What the decider copies of a holding into its correction. */
const held = (event: ProjectionEvent) => {
  const attendees = [...new Set((event.data as { attendees: string[] }).attendees)];
  return { gatheringKind: 'cafe' as const, attendance: attendees.length, attendees };
};

/** First-time attendees of the year, and per listed gathering. */
const firstTimers = (report: Retrospective) => ({
  total: report.gatherings.firstTimeAttendees,
  list: report.gatherings.list.map((g) => [g.gatheringId, g.firstTimers]),
});

/**
 * Anna and Bram attend g-1 (June 2011); Anna also g-2 (March 2012), Carla g-2 only. So g-1 has two first-timers
 * (2011), g-2 one (Carla, 2012).
 */
const twoGatherings = () => {
  const h = history();
  for (const member of ['anna', 'bram', 'carla']) h.memberJoined(member, '2010-01-01T10:00:00.000Z');
  h.gatheringScheduled('g-1', 'cafe', '2011-06-01T18:00:00.000Z', '2011-01-10T10:00:00.000Z');
  h.gatheringScheduled('g-2', 'cafe', '2012-03-01T18:00:00.000Z', '2011-01-10T10:00:00.000Z');
  const first = h.gatheringHeld('g-1', ['anna', 'bram'], '2011-06-01T21:00:00.000Z');
  const second = h.gatheringHeld('g-2', ['anna', 'carla'], '2012-03-01T21:00:00.000Z');
  return { h, first, second };
};

describe('retrospectives: a correction of a holding moves its first-time attendees', () => {
  it('Given the starting point, Then g-1 counts two first-timers in 2011 and g-2 one in 2012', () => {
    const { h } = twoGatherings();
    expect(firstTimers(retrospectiveOf(2011, h.events))).toEqual({ total: 2, list: [['g-1', 2]] });
    expect(firstTimers(retrospectiveOf(2012, h.events))).toEqual({ total: 1, list: [['g-2', 1]] });
  });

  it('When g-1 is corrected to 2013 (after g-2), Then Anna is a first-timer of g-2 in 2012, and Bram moves with g-1 to 2013', () => {
    const { h, first } = twoGatherings();

    h.businessTimeCorrected(first, '2013-02-01T21:00:00.000Z', LATER, held(first));

    const [in2011, in2012, in2013] = [2011, 2012, 2013].map((year) => retrospectiveOf(year, h.events));
    expect(firstTimers(in2011)).toEqual({ total: 0, list: [] });
    expect(firstTimers(in2012)).toEqual({ total: 2, list: [['g-2', 2]] });
    expect(firstTimers(in2013)).toEqual({ total: 1, list: [['g-1', 1]] });
    expect(in2013.gatherings.list[0]).toMatchObject({ date: '2013-02-01T21:00:00.000Z', attendance: 2 });
    expect([in2011.gatherings.held, in2013.gatherings.held]).toEqual([0, 1]);
    expect(in2011.highlights.bestAttendedGathering).toBeNull();
    expect(in2013.highlights.bestAttendedGathering?.gatheringId).toBe('g-1');
  });

  it('When g-2 is corrected to 2010 (before g-1), Then g-2 takes Anna over, and a later correction back restores the start', () => {
    const { h, second } = twoGatherings();

    h.businessTimeCorrected(second, '2010-11-01T21:00:00.000Z', LATER, held(second));
    expect(firstTimers(retrospectiveOf(2010, h.events))).toEqual({ total: 2, list: [['g-2', 2]] });
    expect(firstTimers(retrospectiveOf(2011, h.events))).toEqual({ total: 1, list: [['g-1', 1]] });
    expect(firstTimers(retrospectiveOf(2012, h.events))).toEqual({ total: 0, list: [] });

    h.businessTimeCorrected(
      second,
      '2012-03-01T21:00:00.000Z',
      LATER,
      held(second),
      '2010-11-01T21:00:00.000Z',
    );
    expect(firstTimers(retrospectiveOf(2010, h.events))).toEqual({ total: 0, list: [] });
    expect(firstTimers(retrospectiveOf(2011, h.events))).toEqual({ total: 2, list: [['g-1', 2]] });
    expect(firstTimers(retrospectiveOf(2012, h.events))).toEqual({ total: 1, list: [['g-2', 1]] });
  });

  it('Given a correction recorded before corrections carried the attendees, Then the holding moves in the figures only', () => {
    const { h, first } = twoGatherings();

    h.businessTimeCorrected(first, '2013-02-01T21:00:00.000Z', LATER, {
      gatheringKind: 'cafe',
      attendance: 2,
    });

    const [in2011, in2013] = [2011, 2013].map((year) => retrospectiveOf(year, h.events));
    expect([in2011.gatherings.held, in2013.gatherings.held]).toEqual([0, 1]);
    expect(firstTimers(in2011)).toEqual({ total: 2, list: [['g-1', 2]] });
    expect(firstTimers(in2013)).toEqual({ total: 0, list: [] });
  });

  it('Given a gathering held later in an import, When g-1 then moves past it, Then every first-timer is counted once, where its first gathering now is', () => {
    const { h, first } = twoGatherings();
    // Recorded after g-2 but held before it, in 2011: Carla's first now, taken from g-2.
    h.gatheringScheduled('g-0', 'cafe', '2011-09-01T18:00:00.000Z', '2011-01-10T10:00:00.000Z');
    h.gatheringHeld('g-0', ['carla', 'bram'], '2011-09-01T21:00:00.000Z');
    expect(firstTimers(retrospectiveOf(2011, h.events))).toEqual({
      total: 3,
      list: [
        ['g-1', 2],
        ['g-0', 1],
      ],
    });

    h.businessTimeCorrected(first, '2012-06-01T21:00:00.000Z', LATER, held(first));

    const all = [2011, 2012].map((year) => firstTimers(retrospectiveOf(year, h.events)));
    expect(all).toEqual([
      { total: 2, list: [['g-0', 2]] },
      {
        total: 1,
        list: [
          ['g-2', 1],
          ['g-1', 0],
        ],
      },
    ]);
  });
});
