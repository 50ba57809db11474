import { STREAM_CATEGORIES, type StreamCategory } from '../streams';
import type { GatheringKind, MemberRole, ResultKind, Sector } from '../vocabulary';

/**
 * The annual retrospective ("terugblik"); docs/architecture.md ("The read side") and docs/report-and-web.md describe it.
 *
 * The `retrospectives` projection keeps one small document per year ({@link RetrospectiveYearDocument}) with that
 * year's figures as counts and deltas; the API loads the documents of every year up to and including the one asked
 * for and assembles the report ({@link Retrospective}) from them. Every year and month is the one of the event's
 * business time (`metadata.occurredAt`, UTC), never of the time it was recorded.
 */

/** Collections of the `retrospectives` projection. */
export const RETROSPECTIVE_COLLECTIONS = {
  /** One {@link RetrospectiveYearDocument} per year: its figures, read for every year up to the one asked for. */
  years: 'retrospectives',
  /** One {@link RetrospectiveYearListsDocument} per year: its lists, read for the year asked for only. */
  yearLists: 'retrospective_year_lists',
  /** One {@link RetrospectiveAttendanceDocument} per member who attended a gathering: for first-time attendees. */
  attendance: 'retrospective_attendance',
  /** {@link RetrospectiveRefDocument}s: what later events need to know about members, Doetanks and gatherings. */
  refs: 'retrospective_refs',
} as const;

/** Id of the year document, and of the year's lists document: `year-2012`. */
export const retrospectiveYearId = (year: number): string => `year-${year}`;

/**
 * Which part of the network an event is about, for activity per month: the event's stream category, leaving out
 * the streams that are bookkeeping rather than activity (e-mail claims, the store's seals).
 */
export type RetrospectiveActivityKind = Exclude<StreamCategory, 'member_email' | 'audit_seal'>;
export const RETROSPECTIVE_ACTIVITY_KINDS = STREAM_CATEGORIES.filter(
  (category): category is RetrospectiveActivityKind =>
    category !== 'member_email' && category !== 'audit_seal',
);

/** At most this many entries of each list are kept in a year document; the counts stay exact beyond it. */
export const RETROSPECTIVE_LIST_LIMITS = {
  /** The earliest results of the year (by business time, then result id). */
  results: 50,
  /** The earliest lessons of the year (by business time, then lesson id). */
  lessons: 50,
  /** The earliest gatherings held in the year (by date, then gathering id). */
  gatherings: 100,
  partners: 100,
  supporters: 200,
  /** Characters of a lesson kept as its excerpt. */
  lessonExcerpt: 280,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Documents of the projection. Declared as type literals (not interfaces) so they are plain JSON documents for the
// read store; lists whose keys are user data (theme ids, gathering ids) are arrays, never object keys.
// ---------------------------------------------------------------------------------------------------------------

export interface RetrospectiveGatheringFigures {
  held: number;
  /** Attendees summed over the gatherings held. */
  attendance: number;
  /** Attendees for whom this was their first gathering ever (see {@link RetrospectiveAttendanceDocument}). */
  firstTimeAttendees: number;
  cancelled: number;
  /** `ParticipantRegistered` events of the year. */
  registrations: number;
  /** `RegistrationCancelled` events of the year. */
  registrationsCancelled: number;
}

export interface RetrospectiveGathering {
  gatheringId: string;
  title: string;
  kind: GatheringKind;
  /** When it was held (`heldOn` of `GatheringHeld`). */
  date: string;
  venue: string;
  city?: string;
  attendance: number;
  firstTimers: number;
}

export type RetrospectiveGatheringHighlight = Omit<RetrospectiveGathering, 'firstTimers'>;

export interface RetrospectiveResultHighlight {
  resultId: string;
  title: string;
  kind: ResultKind;
  doetankId: string;
  doetankTitle: string | null;
  link?: string;
  /** Business time of `ResultShared`. */
  sharedAt: string;
}

export interface RetrospectiveLessonHighlight {
  lessonId: string;
  doetankId: string;
  doetankTitle: string | null;
  /** The lesson's text, cut to {@link RETROSPECTIVE_LIST_LIMITS.lessonExcerpt} characters (ending in `…` if cut). */
  excerpt: string;
  /** Business time of `LessonRecorded`. */
  recordedAt: string;
}

export interface RetrospectivePartner {
  organisation: string;
  description?: string;
}

export interface RetrospectiveSupporter {
  supporterId: string;
  name: string;
  affiliation?: string;
}

export interface RetrospectiveTheme {
  themeId: string;
  title: string;
}

/**
 * A first-time attendee counted at one gathering who turned out to have attended an earlier one (events that
 * arrive out of business-time order, e.g. an import). It is kept in the year document of the earlier gathering,
 * which is never later than `year`, so the documents up to `year` always hold it. A correction of a holding's
 * business time moves first-time attendees the same way (taken off one gathering, counted at another: `count`
 * positive), kept in the earlier of the holding's two years, which is never later than `year` either.
 */
export interface RetrospectiveFirstTimerCorrection {
  /** Year document of the gathering whose count is corrected. */
  year: number;
  gatheringId: string;
  kind: GatheringKind;
  /** First-time attendees to add to that gathering (negative: to take off). */
  count: number;
}

export interface RetrospectiveMonthActivity {
  events: number;
  byKind: Record<RetrospectiveActivityKind, number>;
}

/**
 * One year of the retrospective: that year's counts, and the deltas from which totals at a year's end are summed
 * over all years up to it. Bounded in size: no lists of members.
 *
 * Stored as two documents. `retrospectives/year-<YYYY>` holds the figures, with its lists (`gatherings.list`,
 * `gatherings.bestAttended`, `partners.list`, `supporters.list`, `highlights`) empty: a report reads this document
 * for every year up to its own, so it stays a few kilobytes. The lists are in the year's
 * {@link RetrospectiveYearListsDocument}, read for the year of the report only. A figures document written before
 * the lists had their own document holds them inline; they count while no lists document of that year exists.
 */
export type RetrospectiveYearDocument = {
  id: string;
  year: number;
  lastEventPosition: number;
  members: {
    joined: number;
    left: number;
    /** `MemberForgotten` events, whether the member was still active or had left before. */
    forgotten: number;
    joinedBySector: Record<Sector, number>;
    joinedByRole: Record<MemberRole, number>;
    /**
     * Change in active members per sector in the year: +1 per join, -1 per leave (or forget while active), and an
     * affiliation change moves one member (-1 old sector, +1 new). Summed over the years up to Y: the members at
     * the end of Y per sector.
     */
    netBySector: Record<Sector, number>;
    netByRole: Record<MemberRole, number>;
    /** Change in active members per month, January first (12 entries); affiliation changes are not in it. */
    netPerMonth: number[];
  };
  doetanks: {
    proposed: number;
    started: number;
    concluded: number;
    /** Every stop, before or after the start. */
    stopped: number;
    /** Change in running Doetanks: started minus concluded minus stopped after their start. */
    activeDelta: number;
  };
  results: Record<ResultKind, number>;
  lessons: number;
  gatherings: {
    byKind: Record<GatheringKind, RetrospectiveGatheringFigures>;
    /** The earliest {@link RETROSPECTIVE_LIST_LIMITS.gatherings} gatherings held in the year, by date. */
    list: RetrospectiveGathering[];
    /** Most attendees; ties go to the earlier date, then the smaller gathering id. */
    bestAttended: RetrospectiveGatheringHighlight | null;
    /** Corrections of first-time attendees counted in the year documents of later years (never earlier ones). */
    firstTimerCorrections: RetrospectiveFirstTimerCorrection[];
  };
  discussions: { started: number; closed: number };
  /** From `StrategicPartnerAppointed` and `SupporterAdded` of network year Y (`data.year`), whenever recorded. */
  partners: { count: number; list: RetrospectivePartner[] };
  supporters: { count: number; list: RetrospectiveSupporter[] };
  /** The themes of network year Y (`YearThemesDefined` with `data.year` Y), as last defined. */
  themes: RetrospectiveTheme[];
  /** Doetanks proposed with a theme of year Y (the theme id's year), whenever proposed. */
  doetanksPerTheme: { themeId: string; doetanks: number }[];
  /** Events per month of the year, January first (12 entries). */
  activity: RetrospectiveMonthActivity[];
  highlights: {
    results: RetrospectiveResultHighlight[];
    lessons: RetrospectiveLessonHighlight[];
  };
};

/** The lists of a year (`retrospective_year_lists/year-<YYYY>`), each bounded by {@link RETROSPECTIVE_LIST_LIMITS}. */
export type RetrospectiveYearListsDocument = {
  id: string;
  year: number;
  lastEventPosition: number;
  /** The earliest gatherings held in the year, by date (`gatherings.list` of the year). */
  gatherings: RetrospectiveGathering[];
  bestAttendedGathering: RetrospectiveGatheringHighlight | null;
  results: RetrospectiveResultHighlight[];
  lessons: RetrospectiveLessonHighlight[];
  partners: RetrospectivePartner[];
  supporters: RetrospectiveSupporter[];
  /**
   * How many entries a list keeps, where fewer than its limit: a correction of business time took a listed entry
   * out of a full list to another year, and the entry after the last one kept had not been kept. The list then
   * holds the earliest `kept` entries of the year and takes only entries before its last one.
   */
  kept?: { results?: number; lessons?: number; gatherings?: number };
  /**
   * First-time attendees once counted at a gathering whose holding a correction moved to another year, as its
   * entry here counted them (`firstTimers`). The first-timer corrections of this year and gathering still hold what
   * set them off, so an entry that comes back (corrected again) takes this count back.
   */
  movedAway?: { gatheringId: string; firstTimers: number }[];
};

/**
 * The first gathering a member attended (`retrospective_attendance/<memberId>`): the `GatheringHeld` with the
 * earliest business time (`metadata.occurredAt`, ties by gathering id) that lists the member.
 */
export type RetrospectiveAttendanceDocument = {
  /** The member id. */
  id: string;
  lastEventPosition: number;
  /** Business time of the first `GatheringHeld` the member is listed in. */
  firstAttendedOn: string;
  firstGatheringId: string;
  firstGatheringKind: GatheringKind;
  /** The year document that counted the member as a first-time attendee. */
  firstGatheringYear: number;
  /**
   * Every gathering held that the member attended, at its business time (as corrected): when a correction moves a
   * holding, the member's first gathering is decided again from these. Absent in documents written before it was
   * kept (a rebuild of the projection writes it).
   */
  attended?: RetrospectiveAttendedGathering[];
};

/** A gathering held that a member attended, in {@link RetrospectiveAttendanceDocument.attended}. */
export type RetrospectiveAttendedGathering = { gatheringId: string; at: string; kind: GatheringKind };

/** What later events need of a member (`retrospective_refs/member-<id>`); no personal data. */
export type RetrospectiveMemberRef = {
  id: string;
  lastEventPosition: number;
  ref: 'member';
  sector: Sector;
  role: MemberRole;
  status: 'active' | 'left' | 'forgotten';
};

/** What later events need of a Doetank (`retrospective_refs/doetank-<id>`). */
export type RetrospectiveDoetankRef = {
  id: string;
  lastEventPosition: number;
  ref: 'doetank';
  title: string;
  status: 'proposed' | 'started' | 'concluded' | 'stopped';
};

/** What later events need of a gathering (`retrospective_refs/gathering-<id>`). */
export type RetrospectiveGatheringRef = {
  id: string;
  lastEventPosition: number;
  ref: 'gathering';
  kind: GatheringKind;
  title: string;
  venue: string;
  city?: string;
  startsAt: string;
};

export type RetrospectiveRefDocument =
  RetrospectiveMemberRef | RetrospectiveDoetankRef | RetrospectiveGatheringRef;

// ---------------------------------------------------------------------------------------------------------------
// The report, assembled from the year documents up to Y.
// ---------------------------------------------------------------------------------------------------------------

export interface RetrospectiveMemberBreakdown {
  joined: number;
  totalAtYearEnd: number;
}

/** The figures compared with the year before, in {@link Retrospective.previousYear} and {@link Retrospective.trend}. */
export interface RetrospectiveHeadlines {
  year: number;
  membersJoined: number;
  membersLeft: number;
  membersTotalAtYearEnd: number;
  doetanksProposed: number;
  doetanksStarted: number;
  doetanksConcluded: number;
  doetanksStopped: number;
  doetanksActiveAtYearEnd: number;
  results: number;
  lessons: number;
  gatheringsHeld: number;
  gatheringAttendance: number;
  firstTimeAttendees: number;
  discussionsStarted: number;
  partners: number;
  supporters: number;
  /** Events of the year (activity). */
  events: number;
}

export type RetrospectiveHeadlineFigure = Exclude<keyof RetrospectiveHeadlines, 'year'>;

/** The headline figures in report order. */
export const RETROSPECTIVE_HEADLINE_FIGURES: readonly RetrospectiveHeadlineFigure[] = [
  'membersJoined',
  'membersLeft',
  'membersTotalAtYearEnd',
  'doetanksProposed',
  'doetanksStarted',
  'doetanksConcluded',
  'doetanksStopped',
  'doetanksActiveAtYearEnd',
  'results',
  'lessons',
  'gatheringsHeld',
  'gatheringAttendance',
  'firstTimeAttendees',
  'discussionsStarted',
  'partners',
  'supporters',
  'events',
];

export interface RetrospectiveTrend {
  current: number;
  /** Null when the network has no history before the year. */
  previous: number | null;
  /** `current - previous`; null when there is no previous year. */
  change: number | null;
}

/** The annual retrospective of year Y. Every sector, role, result kind and gathering kind is present (0 if none). */
export interface Retrospective {
  year: number;
  members: {
    joined: number;
    left: number;
    forgotten: number;
    totalAtYearEnd: number;
    bySector: Record<Sector, RetrospectiveMemberBreakdown>;
    byRole: Record<MemberRole, RetrospectiveMemberBreakdown>;
  };
  doetanks: {
    proposed: number;
    started: number;
    concluded: number;
    stopped: number;
    activeAtYearEnd: number;
  };
  results: { total: number; byKind: Record<ResultKind, number> };
  lessons: number;
  gatherings: RetrospectiveGatheringFigures & {
    byKind: Record<GatheringKind, RetrospectiveGatheringFigures>;
    /** Gatherings held in the year, by date (at most {@link RETROSPECTIVE_LIST_LIMITS.gatherings}). */
    list: RetrospectiveGathering[];
  };
  discussions: { started: number; closed: number };
  partners: RetrospectivePartner[];
  supporters: RetrospectiveSupporter[];
  /** The year's themes in their defined order, each with the Doetanks proposed under it. */
  themes: { themeId: string; title: string; doetanks: number }[];
  /** 12 entries, `YYYY-MM`, zeros included. */
  activityPerMonth: ({ month: string } & RetrospectiveMonthActivity)[];
  /** Active members at the end of each month of the year (12 entries), with the month's net change. */
  memberGrowthPerMonth: { month: string; change: number; total: number }[];
  /** Null when the network has no history before the year. */
  previousYear: RetrospectiveHeadlines | null;
  trend: Record<RetrospectiveHeadlineFigure, RetrospectiveTrend>;
  highlights: {
    results: RetrospectiveResultHighlight[];
    bestAttendedGathering: RetrospectiveGatheringHighlight | null;
    lessons: RetrospectiveLessonHighlight[];
  };
  /**
   * The seal of the event store the report rests on: the latest seal at or before the position the retrospectives
   * read model had applied (so every event it covers is in the figures). Added by the report (GET
   * /retrospectives/:year/report, `npm run report` in every format), not by the query, which reads the read store
   * alone. Null when the store had no seal yet; absent when the seal could not be read.
   */
  seal?: RetrospectiveSeal | null;
}

/** A seal (libs/event-store integrity/seal.ts) as the report prints it; `npm run audit:verify` checks it. */
export interface RetrospectiveSeal {
  /** Revision in the seal stream `audit_seal-store`. */
  revision: number;
  /** Every event at or before this global position is covered. */
  position: number;
  streams: number;
  events: number;
  /** Merkle root over every stream head (SHA-256, hex). */
  root: string;
  sealedAt: string;
}
