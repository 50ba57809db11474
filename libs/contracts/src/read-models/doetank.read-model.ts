import type { ResultKind } from '../vocabulary';

/** Logical read-store collection of Doetanks: one document per Doetank, summary and detail in one. */
export const DOETANKS_COLLECTION = 'doetanks';

export const DOETANK_STAGES = ['proposed', 'started', 'concluded', 'stopped'] as const;
export type DoetankStage = (typeof DOETANK_STAGES)[number];

export type DoetankResultView = {
  resultId: string;
  kind: ResultKind;
  title: string;
  link?: string;
  sharedBy: string;
  /** Business time it was shared. */
  sharedAt: string;
};

export type DoetankLessonView = {
  lessonId: string;
  lesson: string;
  recordedBy: string;
  recordedAt: string;
};

/** A Doetank as the API shows it. All times are business times (ISO-8601, UTC). */
export type DoetankDocument = {
  /** The Doetank id. */
  id: string;
  title: string;
  /** What the title is found by as someone types it (`nameKeys` of the projections). */
  titleKeys?: string[];
  problemStatement: string;
  stage: DoetankStage;
  themeId?: string;
  proposedBy: string;
  coachId?: string;
  client?: { organisation: string; contactName?: string };
  /** Current members, in order of joining; the proposer is the first. The coach is listed in `coachId`. */
  memberIds: string[];
  /** Members who left (and did not rejoin). */
  formerMemberIds: string[];
  results: DoetankResultView[];
  lessons: DoetankLessonView[];
  proposedAt: string;
  startedAt?: string;
  concludedAt?: string;
  stoppedAt?: string;
  stopReason?: string;
  conclusion?: string;
  resultCount: number;
  lessonCount: number;
  /** The latest business time of any of its events (histories may be imported out of time order). */
  lastActivityAt: string;
  lastEventPosition: number;
};
