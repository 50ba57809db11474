import type { DoetankEvent } from '@app/contracts';
import { RESULT_KINDS } from '@app/contracts/vocabulary';
import { assertNever, type Decider } from '../shared/decider';
import { factsAbout, type MemberFacts } from '../shared/member-status';
import { isBlank, isHttpUrl, optionalText } from '../shared/validation';
import type {
  AssignCoach,
  DoetankCommand,
  JoinDoetank,
  ProposeDoetank,
  RecordLesson,
  SecureClient,
  ShareResult,
  SharpenProblemStatement,
} from './doetank.commands';
import {
  AlreadyADoetankMemberError,
  CoachAlreadyAssignedError,
  DoetankAlreadyClosedError,
  DoetankAlreadyExistsError,
  DoetankAlreadyStartedError,
  DoetankErrorCode,
  DoetankHasNoCoachError,
  DoetankHasNoProblemStatementError,
  DoetankMemberNotActiveError,
  DoetankNotFoundError,
  DoetankNotStartedError,
  DuplicateDoetankEntryError,
  InvalidDoetankCommandError,
  NotADoetankMemberError,
  ProblemStatementUnchangedError,
  type InvalidDoetankCommandCode,
} from './doetank.errors';
import {
  isDoetankParticipant,
  type DoetankState,
  type ExistingDoetank,
  type OpenDoetank,
  type StartedDoetank,
} from './doetank.state';

/** A Doetank stream before it was proposed. */
export const initialDoetankState: DoetankState = { status: 'none' };

// Checks run in one order for every command: the Doetank exists; the input is well-formed; the lifecycle allows
// it; the actor may do it; the actor is active; ids are new. Callers can rely on the first failing check winning.

const requireExisting = (doetankId: string, state: DoetankState): ExistingDoetank => {
  if (state.status === 'none') throw new DoetankNotFoundError(doetankId);
  return state;
};

/** Not concluded or stopped. */
const requireOpen = (doetank: ExistingDoetank): OpenDoetank => {
  if (doetank.status === 'concluded' || doetank.status === 'stopped') {
    throw new DoetankAlreadyClosedError(doetank.doetankId, doetank.status);
  }
  return doetank;
};

const requireStarted = (doetank: ExistingDoetank): StartedDoetank => {
  const open = requireOpen(doetank);
  if (open.status === 'proposed') throw new DoetankNotStartedError(doetank.doetankId);
  return open;
};

const requireText = (
  value: string,
  code: InvalidDoetankCommandCode,
  message: string,
  doetankId: string,
): string => {
  if (isBlank(value)) throw new InvalidDoetankCommandError(code, message, { doetankId });
  return value.trim();
};

const requireActiveMember = (
  role: 'proposer' | 'coach' | 'member' | 'actor',
  commandType: DoetankCommand['type'],
  doetankId: string,
  facts: MemberFacts | undefined,
  memberId: string,
): void => {
  const { status } = factsAbout(commandType, facts, memberId);
  if (status !== 'active') throw new DoetankMemberNotActiveError(role, doetankId, memberId, status);
};

const requireParticipant = (doetank: ExistingDoetank, memberId: string): void => {
  if (!isDoetankParticipant(doetank, memberId)) throw new NotADoetankMemberError(doetank.doetankId, memberId);
};

const propose = ({ type, data, context }: ProposeDoetank, state: DoetankState): DoetankEvent[] => {
  const { doetankId, proposedBy } = data;
  if (state.status !== 'none') throw new DoetankAlreadyExistsError(doetankId);
  const title = requireText(
    data.title,
    DoetankErrorCode.TITLE_REQUIRED,
    `Doetank ${doetankId} needs a title`,
    doetankId,
  );
  const problemStatement = requireText(
    data.problemStatement,
    DoetankErrorCode.PROBLEM_STATEMENT_REQUIRED,
    `Doetank ${doetankId} needs a problem statement`,
    doetankId,
  );
  requireActiveMember('proposer', type, doetankId, context?.proposer, proposedBy);
  const themeId = optionalText(data.themeId);
  return [
    {
      type: 'DoetankProposed',
      data: { doetankId, title, problemStatement, proposedBy, ...(themeId !== undefined && { themeId }) },
    },
  ];
};

const sharpen = ({ type, data, context }: SharpenProblemStatement, state: DoetankState): DoetankEvent[] => {
  const { doetankId, sharpenedBy } = data;
  const doetank = requireExisting(doetankId, state);
  const problemStatement = requireText(
    data.problemStatement,
    DoetankErrorCode.PROBLEM_STATEMENT_REQUIRED,
    `Doetank ${doetankId} needs a problem statement`,
    doetankId,
  );
  requireOpen(doetank);
  requireParticipant(doetank, sharpenedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, sharpenedBy);
  if (problemStatement === doetank.problemStatement) throw new ProblemStatementUnchangedError(doetankId);
  return [{ type: 'ProblemStatementSharpened', data: { doetankId, problemStatement, sharpenedBy } }];
};

const assignCoach = ({ type, data, context }: AssignCoach, state: DoetankState): DoetankEvent[] => {
  const { doetankId, coachId } = data;
  const doetank = requireOpen(requireExisting(doetankId, state));
  requireActiveMember('coach', type, doetankId, context?.coach, coachId);
  if (doetank.coachId === coachId) throw new CoachAlreadyAssignedError(doetankId, coachId);
  const previousCoachId = doetank.coachId;
  return [
    {
      type: 'CoachAssigned',
      data: { doetankId, coachId, ...(previousCoachId !== undefined && { previousCoachId }) },
    },
  ];
};

const secureClient = ({ data }: SecureClient, state: DoetankState): DoetankEvent[] => {
  const { doetankId } = data;
  const doetank = requireExisting(doetankId, state);
  const organisation = requireText(
    data.organisation,
    DoetankErrorCode.CLIENT_ORGANISATION_REQUIRED,
    `The client of Doetank ${doetankId} needs an organisation`,
    doetankId,
  );
  requireOpen(doetank);
  const contactName = optionalText(data.contactName);
  return [
    {
      type: 'ClientSecured',
      data: { doetankId, organisation, ...(contactName !== undefined && { contactName }) },
    },
  ];
};

const start = (doetankId: string, state: DoetankState): DoetankEvent[] => {
  const doetank = requireOpen(requireExisting(doetankId, state));
  if (doetank.status === 'started') throw new DoetankAlreadyStartedError(doetankId);
  if (isBlank(doetank.problemStatement)) throw new DoetankHasNoProblemStatementError(doetankId);
  if (doetank.coachId === undefined) throw new DoetankHasNoCoachError(doetankId);
  return [{ type: 'DoetankStarted', data: { doetankId } }];
};

const join = ({ type, data, context }: JoinDoetank, state: DoetankState): DoetankEvent[] => {
  const { doetankId, memberId } = data;
  const doetank = requireOpen(requireExisting(doetankId, state));
  requireActiveMember('member', type, doetankId, context?.member, memberId);
  if (doetank.members.includes(memberId)) throw new AlreadyADoetankMemberError(doetankId, memberId);
  return [{ type: 'MemberJoinedDoetank', data: { doetankId, memberId } }];
};

const shareResult = ({ type, data, context }: ShareResult, state: DoetankState): DoetankEvent[] => {
  const { doetankId, resultId, kind, sharedBy } = data;
  const doetank = requireExisting(doetankId, state);
  if (!(RESULT_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidDoetankCommandError(
      DoetankErrorCode.UNKNOWN_RESULT_KIND,
      `Result kind "${kind}" is not one of ${RESULT_KINDS.join(', ')}`,
      { doetankId, kind, allowed: RESULT_KINDS },
    );
  }
  const title = requireText(
    data.title,
    DoetankErrorCode.RESULT_TITLE_REQUIRED,
    `Result ${resultId} of Doetank ${doetankId} needs a title`,
    doetankId,
  );
  const link = optionalText(data.link);
  if (link !== undefined && !isHttpUrl(link)) {
    throw new InvalidDoetankCommandError(
      DoetankErrorCode.INVALID_LINK,
      `The link of result ${resultId} of Doetank ${doetankId} must be an http or https URL`,
      { doetankId, resultId, link },
    );
  }
  requireStarted(doetank);
  requireParticipant(doetank, sharedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, sharedBy);
  if (doetank.results.some((result) => result.resultId === resultId)) {
    throw new DuplicateDoetankEntryError('result', doetankId, resultId);
  }
  return [
    {
      type: 'ResultShared',
      data: { doetankId, resultId, kind, title, ...(link !== undefined && { link }), sharedBy },
    },
  ];
};

const recordLesson = ({ type, data, context }: RecordLesson, state: DoetankState): DoetankEvent[] => {
  const { doetankId, lessonId, recordedBy } = data;
  const doetank = requireExisting(doetankId, state);
  const lesson = requireText(
    data.lesson,
    DoetankErrorCode.LESSON_REQUIRED,
    `Lesson ${lessonId} of Doetank ${doetankId} needs text`,
    doetankId,
  );
  requireStarted(doetank);
  requireParticipant(doetank, recordedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, recordedBy);
  if (doetank.lessons.some((entry) => entry.lessonId === lessonId)) {
    throw new DuplicateDoetankEntryError('lesson', doetankId, lessonId);
  }
  return [{ type: 'LessonRecorded', data: { doetankId, lessonId, lesson, recordedBy } }];
};

/** Decides what a Doetank command means for the Doetank's stream (`doetank-<id>`). */
export const decideDoetank = (command: DoetankCommand, state: DoetankState): DoetankEvent[] => {
  switch (command.type) {
    case 'ProposeDoetank':
      return propose(command, state);
    case 'SharpenProblemStatement':
      return sharpen(command, state);
    case 'AssignCoach':
      return assignCoach(command, state);
    case 'SecureClient':
      return secureClient(command, state);
    case 'StartDoetank':
      return start(command.data.doetankId, state);
    case 'JoinDoetank':
      return join(command, state);
    case 'LeaveDoetank': {
      const { doetankId, memberId } = command.data;
      const doetank = requireOpen(requireExisting(doetankId, state));
      if (!doetank.members.includes(memberId)) throw new NotADoetankMemberError(doetankId, memberId);
      return [{ type: 'MemberLeftDoetank', data: { doetankId, memberId } }];
    }
    case 'ShareResult':
      return shareResult(command, state);
    case 'RecordLesson':
      return recordLesson(command, state);
    case 'ConcludeDoetank': {
      const { doetankId } = command.data;
      requireStarted(requireExisting(doetankId, state));
      const conclusion = optionalText(command.data.conclusion);
      return [
        { type: 'DoetankConcluded', data: { doetankId, ...(conclusion !== undefined && { conclusion }) } },
      ];
    }
    case 'StopDoetank': {
      const { doetankId } = command.data;
      const doetank = requireExisting(doetankId, state);
      const reason = requireText(
        command.data.reason,
        DoetankErrorCode.REASON_REQUIRED,
        `Stopping Doetank ${doetankId} needs a reason`,
        doetankId,
      );
      requireOpen(doetank);
      return [{ type: 'DoetankStopped', data: { doetankId, reason } }];
    }
    default:
      return assertNever(command);
  }
};

/**
 * Applies a Doetank event. Events that `decide` would never emit in the current state (e.g. a start without a
 * coach) leave the state as it is, so a fold over any stored history is total.
 */
export const evolveDoetank = (state: DoetankState, event: DoetankEvent): DoetankState => {
  if (event.type === 'DoetankProposed') {
    const { doetankId, title, problemStatement, proposedBy, themeId } = event.data;
    return {
      status: 'proposed',
      doetankId,
      title,
      problemStatement,
      proposedBy,
      ...(themeId !== undefined && { themeId }),
      members: [proposedBy],
      results: [],
      lessons: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProblemStatementSharpened':
      return { ...state, problemStatement: event.data.problemStatement };
    case 'CoachAssigned':
      return { ...state, coachId: event.data.coachId };
    case 'ClientSecured': {
      const { organisation, contactName } = event.data;
      return { ...state, client: { organisation, ...(contactName !== undefined && { contactName }) } };
    }
    case 'DoetankStarted':
      if (state.status !== 'proposed' || state.coachId === undefined) return state;
      return { ...state, status: 'started', coachId: state.coachId };
    case 'MemberJoinedDoetank':
      return { ...state, members: [...state.members, event.data.memberId] };
    case 'MemberLeftDoetank':
      return { ...state, members: state.members.filter((memberId) => memberId !== event.data.memberId) };
    case 'ResultShared': {
      const { doetankId: _doetankId, ...result } = event.data;
      return { ...state, results: [...state.results, result] };
    }
    case 'LessonRecorded': {
      const { doetankId: _doetankId, ...lesson } = event.data;
      return { ...state, lessons: [...state.lessons, lesson] };
    }
    case 'DoetankConcluded': {
      if (state.status !== 'started') return state;
      const { conclusion } = event.data;
      return { ...state, status: 'concluded', ...(conclusion !== undefined && { conclusion }) };
    }
    case 'DoetankStopped':
      if (state.status !== 'proposed' && state.status !== 'started') return state;
      return { ...state, status: 'stopped', reason: event.data.reason };
    default:
      return assertNever(event);
  }
};

/** The Doetank decider: one stream per Doetank (`doetank-<id>`). */
export const doetankDecider: Decider<DoetankCommand, DoetankEvent, DoetankState> = {
  decide: decideDoetank,
  evolve: evolveDoetank,
  initialState: initialDoetankState,
};
