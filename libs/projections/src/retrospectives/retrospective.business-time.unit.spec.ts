import fc from 'fast-check';
import type { MemberEvent } from '@app/contracts';
import { clockOf, doetankDecider, fold, memberDecider, membersWhoActedIn } from '@app/domain';
import { projectRetrospectives, yearDocuments } from './testing/retrospective-history';
import {
  FIRST_YEAR,
  LAST_YEAR,
  RUNS,
  SEED,
  asCorrected,
  countIn,
  day,
  numbers,
  run,
  sequence,
} from './testing/dated-commands';
import { assembleRetrospective } from './retrospective.assemble';

/**
 * Random dated command sequences through the deciders (testing/dated-commands.ts), and the accepted events through
 * the retrospectives projection: no figure below zero in any year, each Doetank figure counted in the year of its
 * event's business time as corrected, and the state at any moment (`state?at=`) is the fold of a prefix of the
 * stream, so it never says "none" after the Doetank was proposed nor skips a step. Members join, change sector and
 * leave, and their recorded times are corrected too: the members' figures follow, and no act of a member in a
 * Doetank or at a gathering comes before the member joined, as corrected. `FUZZ_SEED` replays a failure.
 */

const DOETANK_FIGURES = {
  proposed: 'DoetankProposed',
  started: 'DoetankStarted',
  concluded: 'DoetankConcluded',
  stopped: 'DoetankStopped',
} as const;

describe('Business time through the deciders and the retrospectives (property)', () => {
  it('never shows a figure below zero, and counts the Doetanks running at each year end as their states say', () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const { written, doetanks, members } = run(steps);
        const memberEvents = [...members.values()].map((stream) => asCorrected<MemberEvent>(stream));
        const docs = yearDocuments(projectRetrospectives(written));
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          const report = assembleRetrospective(
            year,
            docs.filter((doc) => doc.year <= year),
          );
          const counts = {
            members: report.members,
            // A month's change may be below zero (members left); the members at its end may not.
            growth: report.memberGrowthPerMonth.map((month) => month.total),
            doetanks: report.doetanks,
            results: report.results,
            lessons: report.lessons,
          };
          expect(numbers(counts).filter((n) => n.value < 0)).toEqual([]);
          // The running Doetanks at the year's end, from their states at that moment (as corrected).
          const end = `${year}-12-31T23:59:59.999Z`;
          const corrected = [...doetanks.values()].map(asCorrected);
          const running = countIn(doetankDecider, corrected, end, 'started');
          expect({ year, active: report.doetanks.activeAtYearEnd }).toEqual({ year, active: running });
          // Each Doetank event counted in the year its business time (as corrected) falls in, and only there.
          const inYear = corrected.flat().filter((e) => e.occurredAt!.startsWith(`${year}-`));
          const countOf = (type: string) => inYear.filter((e) => e.type === type).length;
          expect({ year, ...report.doetanks, activeAtYearEnd: 0 }).toEqual({
            year,
            ...Object.fromEntries(
              Object.entries(DOETANK_FIGURES).map(([figure, type]) => [figure, countOf(type)]),
            ),
            activeAtYearEnd: 0,
          });
          expect({ year, results: report.results.total }).toEqual({ year, results: countOf('ResultShared') });
          // The members' figures by the business times of their joining and leaving (as corrected), and the members
          // at the year's end as their states at that moment say.
          const members = memberEvents.flat().filter((e) => e.occurredAt!.startsWith(`${year}-`));
          const active = countIn(memberDecider, memberEvents, end, 'active');
          expect({ year, ...report.members, bySector: null, byRole: null }).toEqual({
            year,
            joined: members.filter((e) => e.type === 'MemberJoined').length,
            left: members.filter((e) => e.type === 'MemberLeft').length,
            forgotten: 0,
            totalAtYearEnd: active,
            bySector: null,
            byRole: null,
          });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("never dates a member's act in a Doetank or at a gathering before the member joined, both as corrected", () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const { doetanks, gatherings, members } = run(steps);
        const joinedAt = (memberId: string) =>
          asCorrected<MemberEvent>(members.get(memberId)!)[0].occurredAt!;
        for (const stream of [...doetanks.values(), ...gatherings.values()]) {
          // Each event at its business time as corrected, with the members who acted in it (a proposer, attendees).
          for (const { revision, occurredAt } of clockOf(stream.events)) {
            for (const actedBy of membersWhoActedIn({
              id: stream.ids[revision],
              ...stream.events[revision],
            })) {
              expect({ actedBy, at: occurredAt >= joinedAt(actedBy) }).toEqual({ actedBy, at: true });
            }
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('answers every state?at= with the fold of a prefix of the stream', () => {
    fc.assert(
      fc.property(sequence, fc.array(day, { minLength: 1, maxLength: 5 }), (steps, moments) => {
        const { doetanks } = run(steps);
        for (const stream of doetanks.values()) {
          const events = asCorrected(stream);
          // The given moments, and the moment of each of the stream's events (as corrected).
          for (const at of [...moments, ...events.map((e) => e.occurredAt!)]) {
            // As the state endpoint does: every event that had occurred by then, as corrected.
            const upTo = events.filter((e) => e.occurredAt! <= at);
            expect(upTo).toEqual(events.slice(0, upTo.length));
            const state = fold(doetankDecider, upTo);
            expect(state.status === 'none').toBe(upTo.length === 0);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
