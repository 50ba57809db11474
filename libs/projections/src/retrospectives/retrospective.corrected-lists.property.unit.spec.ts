import fc from 'fast-check';
import type { GatheringEvent } from '@app/contracts';
import type { DoetankState, GatheringState } from '@app/domain';
import { projectRetrospectives, yearDocuments } from './testing/retrospective-history';
import {
  FIRST_YEAR,
  LAST_YEAR,
  RUNS,
  SEED,
  asCorrected,
  byDay,
  day,
  earlier,
  inOrder,
  numbers,
  run,
  sequence,
  type Step,
  type Stream,
} from './testing/dated-commands';
import { assembleRetrospective } from './retrospective.assemble';

/**
 * Random dated command sequences with corrections of business time (testing/dated-commands.ts), through the
 * retrospectives projection: first-time attendees, the year's gatherings (with their first-timers), its
 * best-attended gathering, results and lessons are what a recount of the events at their corrected times gives.
 */

/** Two members, and a Doetank of theirs proposed, coached and started early in 2005. */
const STARTED_EARLY: readonly Step[] = [
  { kind: 'join', member: 0, at: '2004-12-01T10:00:00.000Z' },
  { kind: 'join', member: 1, at: '2004-12-01T10:00:00.000Z' },
  { kind: 'propose', doetank: 0, member: 0, at: '2005-01-01T10:00:00.000Z' },
  { kind: 'coach', doetank: 0, member: 1, at: '2005-01-02T10:00:00.000Z' },
  { kind: 'start', doetank: 0, member: 0, at: '2005-01-03T10:00:00.000Z' },
];

/** After it: results, lessons and corrections of the Doetank's events (half of them a result or lesson), by day. */
const resultsAndLessons = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constantFrom('share', 'learn'),
        doetank: fc.constant(0),
        member: fc.nat(7),
        at: day,
      }),
      fc.record({
        kind: fc.constant('correct'),
        doetank: fc.constant(0),
        revision: fc.nat(12),
        at: day,
        within: fc.nat(1000),
      }),
    ) as fc.Arbitrary<Step>,
    { minLength: 5, maxLength: 30 },
  )
  .map((steps) => [...STARTED_EARLY, ...byDay(steps)]);

/**
 * The year's first-time attendees, gatherings and results as the corrected events say: each member's first
 * holding (by business time as corrected, then gathering id), the holdings of the year with their first-timers,
 * the results and lessons of the year and the best-attended holding (most attendees, then the earlier, then the smaller id).
 */
const recount = (
  doetanks: Map<string, Stream<DoetankState>>,
  gatherings: Map<string, Stream<GatheringState>>,
) => {
  const holdings = [...gatherings.values()]
    .flatMap((stream) => asCorrected<GatheringEvent>(stream))
    .flatMap((e) =>
      e.type === 'GatheringHeld'
        ? [{ id: e.data.gatheringId, at: e.occurredAt!, attendees: [...new Set(e.data.attendees)] }]
        : [],
    );
  const firsts = new Map<string, { id: string; at: string }>();
  for (const holding of holdings) {
    for (const member of holding.attendees) {
      const first = firsts.get(member);
      if (!first || earlier(holding, first)) firsts.set(member, holding);
    }
  }
  const doetankEvents = [...doetanks.values()].flatMap((stream) => asCorrected(stream));
  const results = doetankEvents.flatMap((e) =>
    e.type === 'ResultShared' ? [{ id: e.data.resultId, at: e.occurredAt! }] : [],
  );
  const lessons = doetankEvents.flatMap((e) =>
    e.type === 'LessonRecorded' ? [{ id: e.data.lessonId, at: e.occurredAt! }] : [],
  );
  return (year: number) => {
    const inYear = ({ at }: { at: string }) => at.startsWith(`${year}-`);
    const firstTimersAt = (id: string) => [...firsts.values()].filter((f) => f.id === id).length;
    const held = inOrder(holdings.filter(inYear));
    const best = [...held].sort((a, b) => b.attendees.length - a.attendees.length)[0];
    return {
      firstTimeAttendees: [...firsts.values()].filter(inYear).length,
      gatherings: held.map((h) => [h.id, h.at, h.attendees.length, firstTimersAt(h.id)]),
      bestAttended: best?.id ?? null,
      results: inOrder(results.filter(inYear)).map((r) => [r.id, r.at]),
      lessons: inOrder(lessons.filter(inYear)).map((l) => [l.id, l.at]),
    };
  };
};

describe("Corrections of business time and the year's lists (property)", () => {
  it.each([
    ['random steps', sequence],
    ['a Doetank started early, then results, lessons and corrections', resultsAndLessons],
  ])(
    "counts first-time attendees, and lists the year's gatherings, results and lessons, as a recount of the corrected events does (%s)",
    (_name, sequence) => {
      fc.assert(
        fc.property(sequence, (steps) => {
          const { written, doetanks, gatherings } = run(steps);
          const docs = yearDocuments(projectRetrospectives(written));
          const expected = recount(doetanks, gatherings);
          for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            const report = assembleRetrospective(
              year,
              docs.filter((doc) => doc.year <= year),
            );
            expect(numbers(report.gatherings).filter((n) => n.value < 0)).toEqual([]);
            expect({ year, ...expected(year) }).toEqual({
              year,
              firstTimeAttendees: report.gatherings.firstTimeAttendees,
              gatherings: report.gatherings.list.map((g) => [
                g.gatheringId,
                g.date,
                g.attendance,
                g.firstTimers,
              ]),
              bestAttended: report.highlights.bestAttendedGathering?.gatheringId ?? null,
              results: report.highlights.results.map((r) => [r.resultId, r.sharedAt]),
              lessons: report.highlights.lessons.map((l) => [l.lessonId, l.recordedAt]),
            });
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
  );
});
