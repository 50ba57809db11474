import type { GatheringKind, MemberRole, ResultKind, Sector } from '../vocabulary';

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
 * What the read models counted of a corrected event besides its type, copied from it when the correction was
 * decided, so that a projection moves the event from one year or month to another without the corrected event
 * itself (a projection sees one event at a time). Only what is counted or listed, never personal data.
 */
export interface CorrectedEventCounts {
  /**
   * Who attended a held gathering (`GatheringHeld`, member ids, each once): a moved holding re-decides for each
   * whether it was their first gathering. Ids only, as the holding itself records them; no personal data.
   */
  attendees?: string[];
  /**
   * A result as the year's lists and the Doetank's document show it (`ResultShared`), so that they move it: no
   * member (its sharer is not copied), so no personal data.
   */
  result?: { resultId: string; title: string; link?: string };
  /** A lesson as the year's lists and the Doetank's document show it (`LessonRecorded`): its id and text. */
  lesson?: { lessonId: string; lesson: string };
  /** A result's kind (`ResultShared`): the retrospectives count results per kind. */
  resultKind?: ResultKind;
  /** Whether a stopped Doetank had started (`DoetankStopped`): only then did the stop end a running Doetank. */
  wasStarted?: boolean;
  /** The kind of the gathering (every event of a gathering's stream): the retrospectives count per kind. */
  gatheringKind?: GatheringKind;
  /** How many attended a held gathering (`GatheringHeld`, each attendee once). */
  attendance?: number;
  /**
   * On a member's stream, the sector and role the event counted under: a joining's own (`MemberJoined`), the
   * member's when they left (`MemberLeft`), the new ones of an affiliation change (`MemberAffiliationChanged`).
   */
  sector?: Sector;
  role?: MemberRole;
  /** The sector and role an affiliation change (`MemberAffiliationChanged`) moved the member from. */
  previousSector?: Sector;
  previousRole?: MemberRole;
}

/**
 * A business time recorded wrongly, corrected: the event at `revision` of this stream happened at `correctedTo`,
 * not at `correctedFrom` (its recorded `metadata.occurredAt`, or the time an earlier correction gave it). The
 * corrected event stays as it was stored; readers of business time apply the correction: the audit endpoints from
 * the stream, the timeline and the retrospectives from this event alone (its `eventId` and `counts`). Who
 * corrected it and when are in this event's metadata.
 */
export interface BusinessTimeCorrected {
  type: 'BusinessTimeCorrected';
  data: {
    doetankId: string;
    revision: number;
    /** The type of the corrected event, so the correction reads on its own. */
    eventType: string;
    /**
     * The corrected event's id (the timeline's entry for it). Absent in corrections recorded before the read
     * models moved corrected events: those stay where they were recorded there.
     */
    eventId?: string;
    counts?: CorrectedEventCounts;
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
