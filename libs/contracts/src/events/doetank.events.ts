import type { ResultKind } from '../vocabulary';

export interface DoetankProposed {
  type: 'DoetankProposed';
  data: {
    doetankId: string;
    title: string;
    problemStatement: string;
    proposedBy: string;
    /** Theme id (see NetworkYear events), optional. */
    themeId?: string;
  };
}

export interface ProblemStatementSharpened {
  type: 'ProblemStatementSharpened';
  data: { doetankId: string; problemStatement: string; sharpenedBy: string };
}

export interface CoachAssigned {
  type: 'CoachAssigned';
  /** `reason`: why this coach (or why the previous one was replaced), when the command said so. */
  data: { doetankId: string; coachId: string; previousCoachId?: string; reason?: string };
}

export interface ClientSecured {
  type: 'ClientSecured';
  data: { doetankId: string; organisation: string; contactName?: string };
}

export interface DoetankStarted {
  type: 'DoetankStarted';
  data: { doetankId: string };
}

export interface MemberJoinedDoetank {
  type: 'MemberJoinedDoetank';
  data: { doetankId: string; memberId: string };
}

export interface MemberLeftDoetank {
  type: 'MemberLeftDoetank';
  data: { doetankId: string; memberId: string; reason?: string };
}

export interface ResultShared {
  type: 'ResultShared';
  data: {
    doetankId: string;
    resultId: string;
    kind: ResultKind;
    title: string;
    link?: string;
    sharedBy: string;
  };
}

export interface LessonRecorded {
  type: 'LessonRecorded';
  data: { doetankId: string; lessonId: string; lesson: string; recordedBy: string };
}

export interface DoetankConcluded {
  type: 'DoetankConcluded';
  data: { doetankId: string; conclusion?: string };
}

export interface DoetankStopped {
  type: 'DoetankStopped';
  data: { doetankId: string; reason: string };
}

/**
 * A business time recorded wrongly, corrected: the event at `revision` of this stream happened at `correctedTo`,
 * not at `correctedFrom` (its recorded `metadata.occurredAt`, or the time an earlier correction gave it). The
 * corrected event stays as it was stored; readers of business time apply the correction. Who corrected it and when
 * are in this event's metadata.
 */
export interface BusinessTimeCorrected {
  type: 'BusinessTimeCorrected';
  data: {
    doetankId: string;
    revision: number;
    /** The type of the corrected event, so the correction reads on its own. */
    eventType: string;
    correctedFrom: string;
    correctedTo: string;
    reason: string;
  };
}

export type DoetankEvent =
  | DoetankProposed
  | ProblemStatementSharpened
  | CoachAssigned
  | ClientSecured
  | DoetankStarted
  | MemberJoinedDoetank
  | MemberLeftDoetank
  | ResultShared
  | LessonRecorded
  | DoetankConcluded
  | DoetankStopped
  | BusinessTimeCorrected;
