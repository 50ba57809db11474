import { RETROSPECTIVE_COLLECTIONS, type RetrospectiveYearDocument } from '@app/contracts/read-models';
import { refKey, type ProjectedDocument, type ProjectionEvent } from '../projection';
import { projectionEvent } from '../testing/projection-spec';
import type { Frozen } from './retrospective.patch';
import { emptyYearBase } from './retrospective-year';
import { history } from './testing/retrospective-history';
import { retrospectivesProjection } from './retrospectives.projection';

const T = (date: string, time = '10:00') => `${date}T${time}:00.000Z`;
const { years: YEARS, yearLists: YEAR_LISTS } = RETROSPECTIVE_COLLECTIONS;

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
};

/**
 * Two years in which every event type the projection handles comes after the year documents it changes exist,
 * including first-time attendees taken over by earlier gatherings that arrive late (in the same year, and across
 * years).
 */
const everyKindOfEvent = (): ProjectionEvent[] => {
  const h = history();
  const more = (event: ProjectionEvent) => h.events.push({ ...event, position: h.events.length + 1 });
  const at = (occurredAt: string) => ({ occurredAt, position: 0 });

  h.memberJoined('m1', T('2011-11-01'));
  h.memberJoined('m2', T('2012-01-02'));
  h.memberJoined('m3', T('2012-01-03'));
  h.memberJoined('m4', T('2012-01-03'));
  h.affiliationChanged('m1', T('2012-01-04'), 'rijk', 'manager');
  h.themesDefined(2012, [{ themeId: '2012-open-data', title: 'Open data' }], T('2012-01-05'));
  h.doetankProposed('d1', T('2012-01-06'), '2012-open-data');
  h.doetankProposed('d2', T('2012-01-06'));
  more(
    projectionEvent(
      'ProblemStatementSharpened',
      { doetankId: 'd1', problemStatement: 'Sharper', sharpenedBy: 'm2' },
      at(T('2012-01-07')),
    ),
  );
  h.coachAssigned('d1', 'm1', T('2012-01-08'));
  more(projectionEvent('ClientSecured', { doetankId: 'd1', organisation: 'UWV' }, at(T('2012-01-09'))));
  h.memberJoinedDoetank('d1', 'm3', T('2012-01-10'));
  more(projectionEvent('MemberLeftDoetank', { doetankId: 'd1', memberId: 'm3' }, at(T('2012-01-11'))));
  h.doetankStarted('d1', T('2012-01-12'));
  h.resultShared('d1', 'r1', 'tool', T('2012-02-01'));
  const r2 = h.resultShared('d1', 'r2', 'report', T('2012-02-02'));
  h.lessonRecorded('d1', 'l1', T('2012-02-03'));
  h.doetankConcluded('d1', T('2012-02-04'));
  h.doetankStopped('d2', T('2012-02-05'));
  h.businessTimeCorrected(r2, T('2012-02-01'), T('2012-02-06'), { resultKind: 'report' });

  h.gatheringScheduled('c0', 'masterclass', T('2011-10-01'), T('2011-09-01'));
  h.gatheringScheduled('c1', 'cafe', T('2012-03-01'), T('2012-02-10'));
  h.gatheringScheduled('c2', 'cafe', T('2012-06-01'), T('2012-02-10'));
  h.gatheringScheduled('c3', 'cafe', T('2012-07-01'), T('2012-02-10'));
  h.registered('c1', 'm2', T('2012-02-11'));
  h.registrationCancelled('c1', 'm2', T('2012-02-12'));
  h.programmeItemAdded('c1', 'i1', T('2012-02-13'));
  h.gatheringHeld('c2', ['m2', 'm3', 'm4'], T('2012-06-01'));
  // Earlier gatherings recorded later: c1 (same year) takes m2 over from c2, c0 (2011) takes m3 over.
  h.gatheringHeld('c1', ['m2'], T('2012-03-01'));
  h.gatheringHeld('c0', ['m3'], T('2011-10-01'));
  h.gatheringCancelled('c3', T('2012-06-20'));

  h.partnerAppointed(2012, 'Gemeente Utrecht', T('2012-07-01'));
  h.partnerAppointed(2013, 'KING', T('2012-07-02'));
  h.supporterAdded(2012, 's1', 'Supporter', T('2012-07-03'));
  h.discussionStarted('q1', T('2012-08-01'));
  h.discussionClosed('q1', T('2012-08-02'));
  h.memberLeft('m3', T('2012-09-01'));
  h.memberForgotten('m3', T('2012-09-02'));
  h.memberForgotten('m4', T('2012-09-03'));
  return h.events;
};

/**
 * Applies the events as the projector's rebuild does: each document `evolve` returns is the next event's input
 * (not a JSON copy, so it shares parts with the documents before it), and here everything is frozen once made (the
 * events, every document, the shared empty year): an evolve that writes into any of them throws a TypeError.
 * Returns, per collection, the event types that were applied to an existing document of it.
 */
const applyFrozen = (events: readonly ProjectionEvent[]) => {
  const projection = retrospectivesProjection;
  const documents = new Map<string, ProjectedDocument>();
  const appliedToExisting = new Map<string, Set<string>>();
  const targeted = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, collection: string, type: string) =>
    map.set(collection, (map.get(collection) ?? new Set()).add(type));
  for (const delivered of events) {
    const event = deepFreeze(structuredClone(delivered));
    const related = new Map(
      (projection.related?.(event) ?? []).map((ref) => [refKey(ref), documents.get(refKey(ref)) ?? null]),
    );
    for (const target of projection.targets(event)) {
      const before = documents.get(refKey(target)) ?? null;
      const after = projection.evolve(before, event, target, related);
      note(targeted, target.collection, event.type);
      if (before !== null) note(appliedToExisting, target.collection, event.type);
      if (after === null) documents.delete(refKey(target));
      else documents.set(refKey(target), deepFreeze(after));
    }
  }
  return { documents, appliedToExisting, targeted };
};

describe('The retrospectives documents, never changed in place', () => {
  it('applies every handled event type to frozen year documents without writing into them', () => {
    // Given every kind of event, after the documents it changes exist
    const events = everyKindOfEvent();
    // When they are applied to frozen documents (a write into one would throw)
    const { appliedToExisting, targeted } = applyFrozen(events);
    // Then every handled type was applied to an existing figures document, and every type that changes lists to an
    // existing lists document: a new event type whose handler writes into its input fails here once it is added
    // to the history above (and the first expectation fails until it is)
    expect([...(appliedToExisting.get(YEARS) ?? [])].sort()).toEqual(
      [...retrospectivesProjection.handles].sort(),
    );
    expect([...(appliedToExisting.get(YEAR_LISTS) ?? [])].sort()).toEqual(
      [...(targeted.get(YEAR_LISTS) ?? [])].sort(),
    );
    expect(targeted.get(YEAR_LISTS)?.size).toBe(5);
  });

  it('copies the parts an event changes and shares every other part with the document before it', () => {
    // Given a year with a member who joined in January
    const h = history();
    h.memberJoined('m1', T('2012-01-10'));
    h.memberJoined('m2', T('2012-03-10'));
    const { documents } = applyFrozen(h.events.slice(0, 1));
    const before = documents.get(`${YEARS}/year-2012`) as RetrospectiveYearDocument;
    // When another joins in March
    const after = retrospectivesProjection.evolve(
      before,
      h.events[1],
      { collection: YEARS, id: 'year-2012' },
      new Map(),
    ) as RetrospectiveYearDocument;
    // Then the members and March's activity are new, everything else is the document before's
    expect(after.members).not.toBe(before.members);
    expect(after.members.joined).toBe(2);
    expect(after.activity[2]).not.toBe(before.activity[2]);
    expect(after.activity[0]).toBe(before.activity[0]);
    for (const part of [
      'doetanks',
      'results',
      'gatherings',
      'discussions',
      'partners',
      'supporters',
      'themes',
      'doetanksPerTheme',
      'highlights',
    ] as const) {
      expect(after[part]).toBe(before[part]);
    }
  });

  it('starts every new year from one shared empty year that is frozen, so that a write into it throws', () => {
    // Given the read-only view handlers get: the compiler refuses each of these writes (see retrospective.patch.ts)
    const writes: ((doc: Frozen<RetrospectiveYearDocument>) => void)[] = [
      (doc) => {
        // @ts-expect-error a counter of a frozen document
        doc.members.joined += 1;
      },
      (doc) => {
        // @ts-expect-error a record inside it
        doc.members.joinedBySector.gemeente += 1;
      },
      (doc) => {
        // @ts-expect-error a list inside it
        doc.doetanksPerTheme.push({ themeId: '2012-open-data', doetanks: 1 });
      },
      (doc) => {
        // @ts-expect-error an entry of a list
        doc.activity[0].byKind.member += 1;
      },
    ];
    // When one is forced past the compiler onto the empty year a new year's document starts from
    const empty = emptyYearBase(2012);
    // Then it throws, and the empty year stays empty
    for (const write of writes) expect(() => write(empty)).toThrow(TypeError);
    expect(empty.members.joined).toBe(0);
    expect(emptyYearBase(2012)).toBe(empty);
  });
});
