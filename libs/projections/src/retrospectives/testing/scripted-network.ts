import type { EventOf, NetworkEventType } from '@app/contracts';
import {
  RETROSPECTIVE_ACTIVITY_KINDS,
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveActivityKind,
  type RetrospectiveGathering,
  type RetrospectiveHeadlines,
} from '@app/contracts/read-models';
import {
  GATHERING_KINDS,
  MEMBER_ROLES,
  RESULT_KINDS,
  SECTORS,
  type GatheringKind,
  type MemberRole,
  type Sector,
} from '@app/contracts/vocabulary';
import type { ProjectionEvent } from '../../projection';
import { deliveredInOrder, history } from './retrospective-history';

// ------------------------------------------------------------------------------------------------------------------
// The script: a deterministic year of the network (2012) with some history before (2011) and a little after (2013).
// ------------------------------------------------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32): the same seed gives the same network on every run. */
export const mulberry32 = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 24 * 60 * 60 * 1000;

interface ScriptedMember {
  id: string;
  joinedAt: string;
  leftAt?: string;
  forgottenAt?: string;
}

/**
 * A deterministic network: 2012 in full (about 300 members joining, a dozen Doetanks in every stage, results and
 * lessons, six cafés and a cancelled one, a masterclass series of three, the Grand Café with 100 attendees,
 * partner, supporters, themes, discussions), with 2011 before it and a little of 2013 after. The events come in
 * business-time order.
 */
export const scriptedNetwork = (seed: number) => {
  const random = mulberry32(seed);
  const integer = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  // Whole minutes, so that the times look like a coordinator's records.
  const between = (from: string, to: string) => {
    const start = Date.parse(from);
    const minutes = Math.floor((Date.parse(to) - start) / 60_000);
    return new Date(start + integer(1, Math.max(1, minutes - 1)) * 60_000).toISOString();
  };
  const plusDays = (at: string, days: number) => new Date(Date.parse(at) + days * DAY).toISOString();
  const imported = { recordedAt: '2014-03-03T09:00:00.000Z' };

  // Each action is emitted at its business time; the history is the actions in business-time order.
  const h = history();
  const actions: { at: string; seq: number; emit: () => void }[] = [];
  const at = (time: string, emit: () => void) => actions.push({ at: time, seq: actions.length, emit });

  // Members: 41 in 2011 (one leaves that year), 300 in 2012, a few in January 2013.
  const members: ScriptedMember[] = [];
  const join = (id: string, from: string, to: string, extra?: typeof imported) => {
    const member: ScriptedMember = { id, joinedAt: between(from, to) };
    members.push(member);
    const sector: Sector = pick(SECTORS);
    const role: MemberRole = random() < 0.7 ? 'professional' : pick(MEMBER_ROLES);
    at(member.joinedAt, () => h.memberJoined(id, member.joinedAt, sector, role, extra));
    return member;
  };
  const founders = Array.from({ length: 40 }, (_, i) =>
    join(`member-${String(i).padStart(4, '0')}`, '2011-02-01T00:00:00.000Z', '2011-09-30T00:00:00.000Z'),
  );
  const early = join('member-0040', '2011-02-01T00:00:00.000Z', '2011-03-01T00:00:00.000Z');
  early.leftAt = between('2011-06-01T00:00:00.000Z', '2011-12-01T00:00:00.000Z');
  at(early.leftAt, () => h.memberLeft(early.id, early.leftAt!));
  const joiners2012 = Array.from({ length: 300 }, (_, i) =>
    join(
      `member-${String(100 + i).padStart(4, '0')}`,
      '2012-01-01T00:00:00.000Z',
      '2012-12-20T00:00:00.000Z',
      i % 37 === 0 ? imported : undefined,
    ),
  );
  for (let i = 0; i < 4; i++)
    join(
      `member-${String(900 + i).padStart(4, '0')}`,
      '2013-01-02T00:00:00.000Z',
      '2013-01-30T00:00:00.000Z',
    );

  const settled = joiners2012.filter((m) => m.joinedAt < '2012-10-01');
  const leavers = sample(settled, 15);
  for (const member of leavers) {
    member.leftAt = between(plusDays(member.joinedAt, 1), '2012-12-15T00:00:00.000Z');
    at(member.leftAt, () => h.memberLeft(member.id, member.leftAt!));
  }
  for (const member of leavers.slice(0, 3)) {
    member.forgottenAt = between(plusDays(member.leftAt!, 1), '2012-12-30T00:00:00.000Z');
    at(member.forgottenAt, () => h.memberForgotten(member.id, member.forgottenAt!));
  }
  const stayers = settled.filter((m) => !leavers.includes(m));
  for (const member of sample(stayers, 2)) {
    member.forgottenAt = between(plusDays(member.joinedAt, 1), '2012-12-30T00:00:00.000Z');
    at(member.forgottenAt, () => h.memberForgotten(member.id, member.forgottenAt!));
  }
  const movers = sample(
    [...founders, ...settled].filter((m) => !m.leftAt && !m.forgottenAt),
    22,
  );
  for (const member of movers) {
    const changedAt = between(
      member.joinedAt < '2012-01-01' ? '2012-01-01T00:00:00.000Z' : plusDays(member.joinedAt, 1),
      '2012-12-30T00:00:00.000Z',
    );
    at(changedAt, () => h.affiliationChanged(member.id, changedAt, pick(SECTORS), pick(MEMBER_ROLES)));
  }

  const activeAt = (time: string) =>
    members.filter(
      (m) =>
        m.joinedAt < time && !(m.leftAt && m.leftAt <= time) && !(m.forgottenAt && m.forgottenAt <= time),
    );

  // Network years: themes, the strategic partner, supporters.
  const themes2012 = [
    { themeId: '2012-dienstverlening', title: 'Dienstverlening' },
    { themeId: '2012-samenwerking', title: 'Samenwerking in de keten' },
    { themeId: '2012-regeldruk', title: 'Minder regeldruk' },
  ];
  const themes2013 = [
    { themeId: '2013-open-overheidsdata', title: 'Open overheidsdata' },
    { themeId: '2013-sociaal-domein', title: 'Het sociaal domein' },
    { themeId: '2013-participatie', title: 'Participatie' },
    { themeId: '2013-vakmanschap', title: 'Vakmanschap' },
    { themeId: '2013-digitaal', title: 'Digitaal werken' },
  ];
  at('2011-12-08T10:00:00.000Z', () =>
    h.themesDefined(2012, themes2012.slice(0, 2), '2011-12-08T10:00:00.000Z'),
  );
  at('2012-01-12T10:00:00.000Z', () => h.themesDefined(2012, themes2012, '2012-01-12T10:00:00.000Z'));
  at('2012-12-04T10:00:00.000Z', () => h.themesDefined(2013, themes2013, '2012-12-04T10:00:00.000Z'));
  at('2012-01-20T10:00:00.000Z', () => h.partnerAppointed(2012, 'KING', '2012-01-20T10:00:00.000Z'));
  at('2011-05-10T10:00:00.000Z', () =>
    h.supporterAdded(2011, 'sup-2011-1', 'Supporter 2011', '2011-05-10T10:00:00.000Z'),
  );
  for (let i = 1; i <= 5; i++) {
    const time = between('2012-02-01T00:00:00.000Z', '2012-06-30T00:00:00.000Z');
    at(time, () => h.supporterAdded(2012, `sup-2012-${i}`, `Supporter 2012 ${i}`, time));
  }
  for (let i = 1; i <= 2; i++) {
    const time = between('2012-12-05T00:00:00.000Z', '2012-12-28T00:00:00.000Z');
    at(time, () => h.supporterAdded(2013, `sup-2013-${i}`, `Supporter 2013 ${i}`, time));
  }

  // Doetanks: three from 2011 (one runs through 2012, one concludes in 2012, one is stopped unstarted in 2012), ten
  // from 2012 in every stage, two proposed in December 2012 under 2013 themes, one in 2013.
  let resultCount = 0;
  let lessonCount = 0;
  type Stage = 'proposed' | 'started' | 'concluded' | 'stopped-before-start' | 'stopped-after-start';
  const doetank = (
    id: string,
    proposedAt: string,
    stage: Stage,
    options: { themeId?: string; startBy?: string; endBy?: string; extra?: typeof imported } = {},
  ) => {
    const proposer = pick(activeAt(proposedAt));
    const { themeId, extra } = options;
    if (themeId !== undefined) {
      at(proposedAt, () => h.themeAdopted(Number(themeId.slice(0, 4)), themeId, id, proposedAt));
    }
    at(proposedAt, () => h.doetankProposed(id, proposedAt, themeId, proposer.id, extra));
    const coachAt = plusDays(proposedAt, 3);
    const coach = pick(activeAt(coachAt));
    at(coachAt, () => h.coachAssigned(id, coach.id, coachAt));
    for (const member of sample(activeAt(plusDays(proposedAt, 5)), integer(2, 4))) {
      const joinedAt = plusDays(proposedAt, 5);
      at(joinedAt, () => h.memberJoinedDoetank(id, member.id, joinedAt));
    }
    if (stage === 'proposed') return;
    if (stage === 'stopped-before-start') {
      const stoppedAt = plusDays(proposedAt, integer(10, 30));
      at(stoppedAt, () => h.doetankStopped(id, stoppedAt));
      return;
    }
    const startedAt = between(plusDays(proposedAt, 7), options.startBy ?? plusDays(proposedAt, 40));
    at(startedAt, () => h.doetankStarted(id, startedAt));
    const endAt =
      stage === 'started'
        ? undefined
        : between(plusDays(startedAt, 30), options.endBy ?? '2012-12-20T00:00:00.000Z');
    const workUntil = endAt ?? '2012-12-28T00:00:00.000Z';
    const resultsToShare = integer(1, 4);
    for (let i = 0; i < resultsToShare; i++) {
      const sharedAt = between(plusDays(startedAt, 1), workUntil);
      const resultId = `result-${++resultCount}`;
      const kind = pick(RESULT_KINDS);
      at(sharedAt, () => h.resultShared(id, resultId, kind, sharedAt, proposer.id, extra));
    }
    const lessonsToRecord = integer(0, 3);
    for (let i = 0; i < lessonsToRecord; i++) {
      const recordedAt = between(plusDays(startedAt, 1), workUntil);
      const lessonId = `lesson-${++lessonCount}`;
      at(recordedAt, () =>
        h.lessonRecorded(id, lessonId, recordedAt, `What ${id} learned (${lessonId})`, proposer.id),
      );
    }
    if (endAt === undefined) return;
    if (stage === 'concluded') at(endAt, () => h.doetankConcluded(id, endAt));
    else at(endAt, () => h.doetankStopped(id, endAt));
  };
  doetank('doetank-2011-1', '2011-04-12T09:00:00.000Z', 'concluded', {
    startBy: '2011-06-01T00:00:00.000Z',
    endBy: '2012-06-30T00:00:00.000Z',
  });
  doetank('doetank-2011-2', '2011-09-05T09:00:00.000Z', 'started', { startBy: '2011-10-15T00:00:00.000Z' });
  doetank('doetank-2011-3', '2011-11-20T09:00:00.000Z', 'proposed');
  at('2012-02-14T09:00:00.000Z', () => h.doetankStopped('doetank-2011-3', '2012-02-14T09:00:00.000Z'));
  const stages: Stage[] = ['proposed', 'started', 'concluded', 'stopped-before-start', 'stopped-after-start'];
  for (let i = 1; i <= 10; i++) {
    const proposedAt = between('2012-01-15T00:00:00.000Z', '2012-09-30T00:00:00.000Z');
    const themeId = random() < 0.7 ? pick(themes2012).themeId : undefined;
    doetank(`doetank-2012-${i}`, proposedAt, stages[i % stages.length], {
      themeId,
      extra: i === 3 ? imported : undefined,
    });
  }
  doetank('doetank-2012-11', '2012-12-10T09:00:00.000Z', 'proposed', { themeId: '2013-open-overheidsdata' });
  doetank('doetank-2012-12', '2012-12-17T09:00:00.000Z', 'proposed', { themeId: '2013-sociaal-domein' });
  doetank('doetank-2013-1', '2013-01-21T09:00:00.000Z', 'proposed', { themeId: '2013-open-overheidsdata' });

  // Gatherings.
  const gathering = (
    id: string,
    kind: GatheringKind,
    startsAt: string,
    attendees: (eligible: ScriptedMember[]) => ScriptedMember[],
    place: { title: string; venue: string; city?: string },
    options: { heldAfterHours?: number; cancelled?: boolean; extraRegistrations?: number } = {},
  ) => {
    const scheduledAt = plusDays(startsAt, -30);
    at(scheduledAt, () => h.gatheringScheduled(id, kind, startsAt, scheduledAt, { ...place, capacity: 150 }));
    const itemAt = plusDays(startsAt, -20);
    at(itemAt, () => h.programmeItemAdded(id, `${id}-item-1`, itemAt));
    // Members who can register (active when it was announced) and still be there on the day.
    const onTheDay = activeAt(startsAt);
    const eligible = activeAt(plusDays(scheduledAt, 1)).filter((m) => onTheDay.includes(m));
    const present = options.cancelled ? [] : attendees(eligible);
    const others = sample(
      eligible.filter((m) => !present.includes(m)),
      options.extraRegistrations ?? 4,
    );
    for (const member of [...present, ...others]) {
      const registeredAt = between(plusDays(scheduledAt, 1), plusDays(startsAt, -2));
      at(registeredAt, () => h.registered(id, member.id, registeredAt));
    }
    for (const member of others.slice(0, 2)) {
      const cancelledAt = plusDays(startsAt, -1);
      at(cancelledAt, () => h.registrationCancelled(id, member.id, cancelledAt));
    }
    if (options.cancelled) {
      const cancelledAt = plusDays(startsAt, -3);
      at(cancelledAt, () => h.gatheringCancelled(id, cancelledAt));
      return;
    }
    const heldAt = new Date(
      Date.parse(startsAt) + (options.heldAfterHours ?? 3) * 60 * 60 * 1000,
    ).toISOString();
    const ids = present.map((m) => m.id);
    at(heldAt, () => h.gatheringHeld(id, ids, heldAt, startsAt));
  };
  const cafe = { venue: 'Pakhuis de Zwijger', city: 'Amsterdam' };
  gathering('cafe-2011-10', 'cafe', '2011-10-13T16:00:00.000Z', (e) => sample(e, 15), {
    title: 'Café oktober 2011',
    ...cafe,
  });
  const cafeDates = ['2012-02-09', '2012-04-12', '2012-06-14', '2012-09-13', '2012-10-11', '2012-12-13'];
  for (const date of cafeDates) {
    gathering(`cafe-${date}`, 'cafe', `${date}T16:00:00.000Z`, (e) => sample(e, integer(20, 40)), {
      title: `Café ${date}`,
      ...cafe,
    });
  }
  gathering(
    'cafe-2012-08-09',
    'cafe',
    '2012-08-09T16:00:00.000Z',
    (e) => sample(e, 0),
    { title: 'Zomercafé', ...cafe },
    {
      cancelled: true,
    },
  );
  const core = sample(activeAt('2012-03-14T00:00:00.000Z'), 22);
  const masterclassDates = ['2012-03-15', '2012-04-19', '2012-05-24'];
  masterclassDates.forEach((date, index) => {
    gathering(
      `masterclass-${index + 1}`,
      'masterclass',
      `${date}T14:00:00.000Z`,
      (e) => [
        ...core.filter((m) => e.includes(m) && random() < 0.85),
        ...sample(
          e.filter((m) => !core.includes(m)),
          integer(0, 3),
        ),
      ],
      { title: `Masterclass ${index + 1}: Doen wat werkt`, venue: 'Kennisland' },
    );
  });
  gathering(
    'grand-cafe-2012',
    'grand-cafe',
    '2012-11-22T19:00:00.000Z',
    (e) => sample(e, 100),
    { title: 'Grand Café 2012', venue: 'Beurs van Berlage', city: 'Amsterdam' },
    { heldAfterHours: 4, extraRegistrations: 10 },
  );

  // Discussions.
  for (let i = 1; i <= 3; i++) {
    const time = between('2011-03-01T00:00:00.000Z', '2011-12-31T00:00:00.000Z');
    at(time, () => h.discussionStarted(`discussion-2011-${i}`, time));
  }
  at('2012-03-03T12:00:00.000Z', () => h.discussionClosed('discussion-2011-1', '2012-03-03T12:00:00.000Z'));
  for (let i = 1; i <= 12; i++) {
    const startedAt = between('2012-01-01T00:00:00.000Z', '2012-11-30T00:00:00.000Z');
    at(startedAt, () => h.discussionStarted(`discussion-2012-${i}`, startedAt));
    if (i <= 5) {
      const closedAt = between(plusDays(startedAt, 1), '2012-12-31T00:00:00.000Z');
      at(closedAt, () => h.discussionClosed(`discussion-2012-${i}`, closedAt));
    }
  }

  actions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
  for (const action of actions) action.emit();
  return h.events;
};

// ------------------------------------------------------------------------------------------------------------------
// The expected figures, counted straight from the script: full scans and replays, no deltas.
// ------------------------------------------------------------------------------------------------------------------

const time = (event: ProjectionEvent) => new Date(event.metadata.occurredAt).toISOString();
/** Business-time order, ties broken by `idOf` (the order the projection lists them in). */
const byTimeThen =
  <E extends ProjectionEvent>(idOf: (event: E) => string) =>
  (a: E, b: E) =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : idOf(a) < idOf(b) ? -1 : 1;
export const yearOf = (event: ProjectionEvent) => new Date(event.metadata.occurredAt).getUTCFullYear();
const ofType = <T extends NetworkEventType>(events: readonly ProjectionEvent[], type: T) =>
  events.filter((e): e is ProjectionEvent<EventOf<T>> => e.type === type);
const countBy = <K extends string, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K) =>
  Object.fromEntries(keys.map((key) => [key, items.filter((item) => keyOf(item) === key).length])) as Record<
    K,
    number
  >;
const month = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;
const startOfMonth = (year: number, index: number) => new Date(Date.UTC(year, index, 1)).toISOString();

/** Active members, with their sector and role, just before `until`. */
const membersBefore = (events: readonly ProjectionEvent[], until: string) => {
  const state = new Map<string, { sector: Sector; role: MemberRole; active: boolean }>();
  for (const event of events) {
    if (time(event) >= until) continue;
    if (event.type === 'MemberJoined' || event.type === 'MemberAffiliationChanged') {
      const previous = state.get(event.data.memberId);
      state.set(event.data.memberId, {
        sector: event.data.sector,
        role: event.data.role,
        active: event.type === 'MemberJoined' ? true : (previous?.active ?? false),
      });
    }
    if (event.type === 'MemberLeft' || event.type === 'MemberForgotten') {
      const previous = state.get(event.data.memberId)!;
      state.set(event.data.memberId, { ...previous, active: false });
    }
  }
  return [...state.values()].filter((member) => member.active);
};

const doetanksStartedBefore = (events: readonly ProjectionEvent[], until: string) => {
  const status = new Map<string, string>();
  for (const event of events) {
    if (time(event) >= until) continue;
    if (event.type === 'DoetankStarted') status.set(event.data.doetankId, 'started');
    if (event.type === 'DoetankConcluded' || event.type === 'DoetankStopped')
      status.set(event.data.doetankId, 'closed');
  }
  return [...status.values()].filter((s) => s === 'started').length;
};

type Figures = Omit<Retrospective, 'previousYear' | 'trend'>;

const expectedFigures = (year: number, script: readonly ProjectionEvent[]): Figures => {
  const events = [...script].sort((a, b) =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : a.position - b.position,
  );
  const inYear = events.filter((e) => yearOf(e) === year);
  const yearEnd = startOfMonth(year + 1, 0);

  const joined = ofType(inYear, 'MemberJoined');
  const atEnd = membersBefore(events, yearEnd);
  /** Members joined in the year and at its end, per value of one of their fields (a sector, a role). */
  const countsBy = (field: 'sector' | 'role', values: readonly string[]) =>
    Object.fromEntries(
      values.map((value) => [
        value,
        {
          joined: joined.filter((e) => e.data[field] === value).length,
          totalAtYearEnd: atEnd.filter((m) => m[field] === value).length,
        },
      ]),
    );
  const members = {
    joined: joined.length,
    left: ofType(inYear, 'MemberLeft').length,
    forgotten: ofType(inYear, 'MemberForgotten').length,
    totalAtYearEnd: atEnd.length,
    bySector: countsBy('sector', SECTORS) as Retrospective['members']['bySector'],
    byRole: countsBy('role', MEMBER_ROLES) as Retrospective['members']['byRole'],
  };

  const results = ofType(inYear, 'ResultShared');
  const titles = new Map(ofType(events, 'DoetankProposed').map((e) => [e.data.doetankId, e.data.title]));

  const scheduled = new Map(ofType(events, 'GatheringScheduled').map((e) => [e.data.gatheringId, e.data]));
  const kindOf = (gatheringId: string) => scheduled.get(gatheringId)!.kind;
  const held = ofType(events, 'GatheringHeld').sort(byTimeThen((e) => e.data.gatheringId));
  const firstGathering = new Map<string, string>();
  for (const event of held) {
    for (const memberId of event.data.attendees) {
      if (!firstGathering.has(memberId)) firstGathering.set(memberId, event.data.gatheringId);
    }
  }
  const heldInYear = held.filter((e) => yearOf(e) === year);
  const firstTimersAt = (gatheringId: string, attendees: string[]) =>
    attendees.filter((memberId) => firstGathering.get(memberId) === gatheringId).length;
  const gatheringsOfKind = (kind: GatheringKind) => {
    const ofKind = heldInYear.filter((e) => kindOf(e.data.gatheringId) === kind);
    const registrations = ofType(inYear, 'ParticipantRegistered').filter(
      (e) => kindOf(e.data.gatheringId) === kind,
    );
    const registrationsCancelled = ofType(inYear, 'RegistrationCancelled').filter(
      (e) => kindOf(e.data.gatheringId) === kind,
    );
    return {
      held: ofKind.length,
      attendance: ofKind.reduce((n, e) => n + e.data.attendees.length, 0),
      firstTimeAttendees: ofKind.reduce((n, e) => n + firstTimersAt(e.data.gatheringId, e.data.attendees), 0),
      cancelled: ofType(inYear, 'GatheringCancelled').filter((e) => kindOf(e.data.gatheringId) === kind)
        .length,
      registrations: registrations.length,
      registrationsCancelled: registrationsCancelled.length,
    };
  };
  const byKind = Object.fromEntries(
    GATHERING_KINDS.map((kind) => [kind, gatheringsOfKind(kind)]),
  ) as Retrospective['gatherings']['byKind'];
  const total = (field: keyof (typeof byKind)['cafe']) =>
    GATHERING_KINDS.reduce((n, kind) => n + byKind[kind][field], 0);
  const list: RetrospectiveGathering[] = heldInYear
    .map((e) => {
      const { title, venue, city, kind } = scheduled.get(e.data.gatheringId)!;
      return {
        gatheringId: e.data.gatheringId,
        title,
        kind,
        date: e.data.heldOn,
        venue,
        ...(city !== undefined && { city }),
        attendance: e.data.attendees.length,
        firstTimers: firstTimersAt(e.data.gatheringId, e.data.attendees),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.gatheringId < b.gatheringId ? -1 : 1));
  const best = [...list].sort((a, b) => b.attendance - a.attendance)[0];

  const lastThemes = ofType(events, 'YearThemesDefined')
    .filter((e) => e.data.year === year)
    .pop();
  const proposals = ofType(events, 'DoetankProposed');

  const activityKindOf = (event: ProjectionEvent) =>
    event.streamId.split('-')[0] as RetrospectiveActivityKind;
  const activity = inYear.filter((e) => e.type !== 'ThemeAdoptedByDoetank');

  const totalAtMonthEnd = (index: number) => membersBefore(events, startOfMonth(year, index + 1)).length;

  return {
    year,
    members,
    doetanks: {
      proposed: ofType(inYear, 'DoetankProposed').length,
      started: ofType(inYear, 'DoetankStarted').length,
      concluded: ofType(inYear, 'DoetankConcluded').length,
      stopped: ofType(inYear, 'DoetankStopped').length,
      activeAtYearEnd: doetanksStartedBefore(events, yearEnd),
    },
    results: { total: results.length, byKind: countBy(RESULT_KINDS, results, (e) => e.data.kind) },
    lessons: ofType(inYear, 'LessonRecorded').length,
    gatherings: {
      held: total('held'),
      attendance: total('attendance'),
      firstTimeAttendees: total('firstTimeAttendees'),
      cancelled: total('cancelled'),
      registrations: total('registrations'),
      registrationsCancelled: total('registrationsCancelled'),
      byKind,
      list,
    },
    discussions: {
      started: ofType(inYear, 'DiscussionStarted').length,
      closed: ofType(inYear, 'DiscussionClosed').length,
    },
    partners: ofType(events, 'StrategicPartnerAppointed')
      .filter((e) => e.data.year === year)
      .map(({ data: { organisation, description } }) => ({
        organisation,
        ...(description !== undefined && { description }),
      })),
    supporters: ofType(events, 'SupporterAdded')
      .filter((e) => e.data.year === year)
      .map(({ data: { supporterId, name, affiliation } }) => ({
        supporterId,
        name,
        ...(affiliation !== undefined && { affiliation }),
      })),
    themes: (lastThemes?.data.themes ?? []).map(({ themeId, title }) => ({
      themeId,
      title,
      doetanks: proposals.filter((e) => e.data.themeId === themeId).length,
    })),
    activityPerMonth: Array.from({ length: 12 }, (_, index) => {
      const ofMonth = activity.filter((e) => time(e).startsWith(month(year, index)));
      return {
        month: month(year, index),
        events: ofMonth.length,
        byKind: countBy(RETROSPECTIVE_ACTIVITY_KINDS, ofMonth, activityKindOf),
      };
    }),
    memberGrowthPerMonth: Array.from({ length: 12 }, (_, index) => ({
      month: month(year, index),
      change:
        totalAtMonthEnd(index) -
        (index === 0 ? membersBefore(events, startOfMonth(year, 0)).length : totalAtMonthEnd(index - 1)),
      total: totalAtMonthEnd(index),
    })),
    highlights: {
      results: [...results]
        .sort(byTimeThen((e) => e.data.resultId))
        .slice(0, 50)
        .map((e) => ({
          resultId: e.data.resultId,
          title: e.data.title,
          kind: e.data.kind,
          doetankId: e.data.doetankId,
          doetankTitle: titles.get(e.data.doetankId) ?? null,
          ...(e.data.link !== undefined && { link: e.data.link }),
          sharedAt: time(e),
        })),
      bestAttendedGathering: best === undefined ? null : (({ firstTimers: _f, ...rest }) => rest)(best),
      lessons: ofType(inYear, 'LessonRecorded')
        .sort(byTimeThen((e) => e.data.lessonId))
        .slice(0, 50)
        .map((e) => ({
          lessonId: e.data.lessonId,
          doetankId: e.data.doetankId,
          doetankTitle: titles.get(e.data.doetankId) ?? null,
          excerpt: e.data.lesson,
          recordedAt: time(e),
        })),
    },
  };
};

const headlines = (figures: Figures): RetrospectiveHeadlines => ({
  year: figures.year,
  membersJoined: figures.members.joined,
  membersLeft: figures.members.left,
  membersTotalAtYearEnd: figures.members.totalAtYearEnd,
  doetanksProposed: figures.doetanks.proposed,
  doetanksStarted: figures.doetanks.started,
  doetanksConcluded: figures.doetanks.concluded,
  doetanksStopped: figures.doetanks.stopped,
  doetanksActiveAtYearEnd: figures.doetanks.activeAtYearEnd,
  results: figures.results.total,
  lessons: figures.lessons,
  gatheringsHeld: figures.gatherings.held,
  gatheringAttendance: figures.gatherings.attendance,
  firstTimeAttendees: figures.gatherings.firstTimeAttendees,
  discussionsStarted: figures.discussions.started,
  partners: figures.partners.length,
  supporters: figures.supporters.length,
  events: figures.activityPerMonth.reduce((n, m) => n + m.events, 0),
});

/** The retrospective of `year` counted straight from the events: full scans and replays, no deltas. */
export const expectedRetrospective = (year: number, script: readonly ProjectionEvent[]): Retrospective => {
  const figures = expectedFigures(year, script);
  const previousYear = script.some((e) => yearOf(e) < year)
    ? headlines(expectedFigures(year - 1, script))
    : null;
  const current = headlines(figures);
  const trend = Object.fromEntries(
    RETROSPECTIVE_HEADLINE_FIGURES.map((figure) => {
      const previous = previousYear === null ? null : previousYear[figure];
      return [
        figure,
        { current: current[figure], previous, change: previous === null ? null : current[figure] - previous },
      ];
    }),
  ) as Retrospective['trend'];
  return { ...figures, previousYear, trend };
};

/** The same events in another delivery order: streams interleaved at random, each stream in its own order. */
export const interleavedByStream = (events: readonly ProjectionEvent[], seed: number): ProjectionEvent[] => {
  const random = mulberry32(seed);
  const streams = new Map<string, ProjectionEvent[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const queues = [...streams.values()];
  const order: ProjectionEvent[] = [];
  while (queues.length > 0) {
    const index = Math.floor(random() * queues.length);
    order.push(queues[index].shift()!);
    if (queues[index].length === 0) queues.splice(index, 1);
  }
  return deliveredInOrder(order);
};

/** The same events, one whole stream after another, the stream that starts latest first: late news first. */
export const streamsNewestFirst = (events: readonly ProjectionEvent[]): ProjectionEvent[] => {
  const streams = new Map<string, ProjectionEvent[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const newestFirst = [...streams.values()].sort((a, b) =>
    time(a[0]) < time(b[0]) ? 1 : time(a[0]) > time(b[0]) ? -1 : 0,
  );
  return deliveredInOrder(newestFirst.flat());
};
