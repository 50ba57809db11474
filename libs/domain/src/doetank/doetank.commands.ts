import type { ResultKind } from '@app/contracts';
import type { MemberFacts } from '../shared/member-status';

export interface ProposeDoetank {
  type: 'ProposeDoetank';
  data: { doetankId: string; title: string; problemStatement: string; proposedBy: string; themeId?: string };
  context: { proposer: MemberFacts };
}

export interface SharpenProblemStatement {
  type: 'SharpenProblemStatement';
  data: { doetankId: string; problemStatement: string; sharpenedBy: string };
  context: { actor: MemberFacts };
}

export interface AssignCoach {
  type: 'AssignCoach';
  data: { doetankId: string; coachId: string };
  context: { coach: MemberFacts };
}

export interface SecureClient {
  type: 'SecureClient';
  data: { doetankId: string; organisation: string; contactName?: string };
}

export interface StartDoetank {
  type: 'StartDoetank';
  data: { doetankId: string };
}

export interface JoinDoetank {
  type: 'JoinDoetank';
  data: { doetankId: string; memberId: string };
  context: { member: MemberFacts };
}

export interface LeaveDoetank {
  type: 'LeaveDoetank';
  data: { doetankId: string; memberId: string };
}

export interface ShareResult {
  type: 'ShareResult';
  data: {
    doetankId: string;
    resultId: string;
    kind: ResultKind;
    title: string;
    link?: string;
    sharedBy: string;
  };
  context: { actor: MemberFacts };
}

export interface RecordLesson {
  type: 'RecordLesson';
  data: { doetankId: string; lessonId: string; lesson: string; recordedBy: string };
  context: { actor: MemberFacts };
}

export interface ConcludeDoetank {
  type: 'ConcludeDoetank';
  data: { doetankId: string; conclusion?: string };
}

export interface StopDoetank {
  type: 'StopDoetank';
  data: { doetankId: string; reason: string };
}

export type DoetankCommand =
  | ProposeDoetank
  | SharpenProblemStatement
  | AssignCoach
  | SecureClient
  | StartDoetank
  | JoinDoetank
  | LeaveDoetank
  | ShareResult
  | RecordLesson
  | ConcludeDoetank
  | StopDoetank;
