import type { ResultKind } from '@app/contracts';

/** The party whose problem the Doetank works on. */
export interface DoetankClient {
  organisation: string;
  contactName?: string;
}

/** A result as shared, without its Doetank id. */
export interface DoetankResult {
  resultId: string;
  kind: ResultKind;
  title: string;
  link?: string;
  sharedBy: string;
}

/** A lesson as recorded, without its Doetank id. */
export interface DoetankLesson {
  lessonId: string;
  lesson: string;
  recordedBy: string;
}

/** What every existing Doetank has, whatever its status. Kept complete enough for the audit's state-at-revision view. */
export interface DoetankCore {
  doetankId: string;
  title: string;
  problemStatement: string;
  proposedBy: string;
  themeId?: string;
  client?: DoetankClient;
  /** Member ids, in order of joining; the proposer is the first. */
  members: readonly string[];
  results: readonly DoetankResult[];
  lessons: readonly DoetankLesson[];
}

/** Proposed: may still lack a coach. */
export type ProposedDoetank = DoetankCore & { status: 'proposed'; coachId?: string };
/** Started: a Doetank can only start with a coach, so it always has one. */
export type StartedDoetank = DoetankCore & { status: 'started'; coachId: string };
/** Concluded (final): only a started Doetank concludes, so it has a coach. */
export type ConcludedDoetank = DoetankCore & { status: 'concluded'; coachId: string; conclusion?: string };
/** Stopped (final): from proposed or started, always with a reason. */
export type StoppedDoetank = DoetankCore & { status: 'stopped'; coachId?: string; reason: string };

/** A Doetank's state, keyed by status: `none` before it was proposed. */
export type DoetankState =
  { status: 'none' } | ProposedDoetank | StartedDoetank | ConcludedDoetank | StoppedDoetank;

export type ExistingDoetank = Exclude<DoetankState, { status: 'none' }>;
export type OpenDoetank = ProposedDoetank | StartedDoetank;
export type ClosedDoetank = ConcludedDoetank | StoppedDoetank;

/** Concluded and stopped are final: nobody joins, leaves or shares any more. */
export const isDoetankClosed = (state: DoetankState): state is ClosedDoetank =>
  state.status === 'concluded' || state.status === 'stopped';

/** The proposer and the current coach lead a Doetank: they assign a coach, secure a client, start, conclude, stop. */
export const isDoetankLead = (state: ExistingDoetank, memberId: string): boolean =>
  state.proposedBy === memberId || state.coachId === memberId;

/** Members and the coach may act within a Doetank (sharpen, share, record lessons). */
export const isDoetankParticipant = (state: ExistingDoetank, memberId: string): boolean =>
  state.members.includes(memberId) || state.coachId === memberId;
