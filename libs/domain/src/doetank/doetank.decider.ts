import type { CorrectedEventCounts, DoetankEvent, LessonRecorded, ResultShared } from '@app/contracts';
import { RESULT_KINDS } from '@app/contracts/vocabulary';
import { domainError } from '../domain-errors';
import type { Actor } from '../shared/actor';
import {
  decideCorrection,
  requireJoinedBefore,
  type CorrectedEvent,
  type StreamClock,
  type Timed,
} from '../shared/business-time';
import { CommandContextError } from '../shared/command-context-error';
import { assertNever, decider } from '../shared/decider';
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
  StartDoetank,
} from './doetank.commands';
import {
  isDoetankLead,
  isDoetankParticipant,
  type DoetankState,
  type ExistingDoetank,
  type OpenDoetank,
  type StartedDoetank,
} from './doetank.state';

/** A Doetank stream before it was proposed. */
export const initialDoetankState: DoetankState = { status: 'none' };

// Checks run in one order for every command: the Doetank exists; the sender may lead it (for the commands only
// its proposer or coach may give); the input is well-formed; the lifecycle allows it; the member named may do it;
// that member is active; ids are new. Callers can rely on the first failing check winning.

const requireExisting = (doetankId: string, state: DoetankState): ExistingDoetank => {
  if (state.status === 'none') throw domainError('DOETANK.NOT_FOUND', { id: doetankId });
  return state;
};

/**
 * The Doetank exists and the command's sender leads it: its proposer or its current coach (or a coordinator).
 * Decided here, on the state the command is decided on, so it cannot race: the append expects this state's
 * revision, and a Doetank that changed in between (proposed, given another coach) is decided again on its new state.
 */
const requireLead = (
  command: Extract<DoetankCommand, { actor: Actor }>,
  state: DoetankState,
): ExistingDoetank => {
  const doetank = requireExisting(command.data.doetankId, state);
  const { actor } = command;
  if (!actor) throw new CommandContextError(command.type, 'the command does not say who sends it (actor)');
  if (actor.actsAsCoordinator || isDoetankLead(doetank, actor.memberId)) return doetank;
  throw domainError('AUTH.NOT_DOETANK_LEAD', { doetankId: doetank.doetankId, memberId: actor.memberId });
};

/** Not concluded or stopped. */
const requireOpen = (doetank: ExistingDoetank): OpenDoetank => {
  if (doetank.status === 'concluded' || doetank.status === 'stopped') {
    throw domainError('DOETANK.ALREADY_CLOSED', { doetankId: doetank.doetankId, status: doetank.status });
  }
  return doetank;
};

const requireStarted = (doetank: ExistingDoetank): StartedDoetank => {
  const open = requireOpen(doetank);
  if (open.status === 'proposed') throw domainError('DOETANK.NOT_STARTED', { doetankId: doetank.doetankId });
  return open;
};

/** Trimmed text, or the refusal when it is blank. */
const requireText = (value: string, refusal: () => Error): string => {
  if (isBlank(value)) throw refusal();
  return value.trim();
};

const INACTIVE_CODES = {
  proposer: 'DOETANK.PROPOSER_NOT_ACTIVE',
  coach: 'DOETANK.COACH_NOT_ACTIVE',
  member: 'DOETANK.MEMBER_NOT_ACTIVE',
  actor: 'DOETANK.ACTOR_NOT_ACTIVE',
} as const;

const requireActiveMember = (
  role: keyof typeof INACTIVE_CODES,
  commandType: DoetankCommand['type'],
  doetankId: string,
  facts: MemberFacts | undefined,
  memberId: string,
  occurredAt: string | undefined,
): void => {
  const checked = factsAbout(commandType, facts, memberId);
  if (checked.status !== 'active') {
    throw domainError(INACTIVE_CODES[role], { doetankId, memberId, memberStatus: checked.status });
  }
  requireJoinedBefore(commandType, occurredAt, checked);
};

const requireParticipant = (doetank: ExistingDoetank, memberId: string): void => {
  if (!isDoetankParticipant(doetank, memberId)) {
    throw domainError('DOETANK.NOT_A_MEMBER', { doetankId: doetank.doetankId, memberId });
  }
};

const propose = (
  { type, data, context, occurredAt }: Timed<ProposeDoetank>,
  state: DoetankState,
): DoetankEvent[] => {
  const { doetankId, proposedBy } = data;
  if (state.status !== 'none') throw domainError('DOETANK.ALREADY_EXISTS', { id: doetankId });
  const title = requireText(data.title, () => domainError('DOETANK.TITLE_REQUIRED', { doetankId }));
  const problemStatement = requireText(data.problemStatement, () =>
    domainError('DOETANK.PROBLEM_STATEMENT_REQUIRED', { doetankId }),
  );
  requireActiveMember('proposer', type, doetankId, context?.proposer, proposedBy, occurredAt);
  const themeId = optionalText(data.themeId);
  return [
    {
      type: 'DoetankProposed',
      data: { doetankId, title, problemStatement, proposedBy, ...(themeId !== undefined && { themeId }) },
    },
  ];
};

const sharpen = (
  { type, data, context, occurredAt }: Timed<SharpenProblemStatement>,
  state: DoetankState,
): DoetankEvent[] => {
  const { doetankId, sharpenedBy } = data;
  const doetank = requireExisting(doetankId, state);
  const problemStatement = requireText(data.problemStatement, () =>
    domainError('DOETANK.PROBLEM_STATEMENT_REQUIRED', { doetankId }),
  );
  requireOpen(doetank);
  requireParticipant(doetank, sharpenedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, sharpenedBy, occurredAt);
  if (problemStatement === doetank.problemStatement) {
    throw domainError('DOETANK.PROBLEM_STATEMENT_UNCHANGED', { doetankId });
  }
  return [{ type: 'ProblemStatementSharpened', data: { doetankId, problemStatement, sharpenedBy } }];
};

const assignCoach = (command: Timed<AssignCoach>, state: DoetankState): DoetankEvent[] => {
  const { type, data, context } = command;
  const { doetankId, coachId } = data;
  const doetank = requireOpen(requireLead(command, state));
  requireActiveMember('coach', type, doetankId, context?.coach, coachId, command.occurredAt);
  if (doetank.coachId === coachId)
    throw domainError('DOETANK.COACH_ALREADY_ASSIGNED', { doetankId, coachId });
  const previousCoachId = doetank.coachId;
  const reason = optionalText(data.reason);
  return [
    {
      type: 'CoachAssigned',
      data: {
        doetankId,
        coachId,
        ...(previousCoachId !== undefined && { previousCoachId }),
        ...(reason !== undefined && { reason }),
      },
    },
  ];
};

const secureClient = (command: SecureClient, state: DoetankState): DoetankEvent[] => {
  const { data } = command;
  const { doetankId } = data;
  const doetank = requireLead(command, state);
  const organisation = requireText(data.organisation, () =>
    domainError('DOETANK.CLIENT_ORGANISATION_REQUIRED', { doetankId }),
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

const start = (command: StartDoetank, state: DoetankState): DoetankEvent[] => {
  const { doetankId } = command.data;
  const doetank = requireOpen(requireLead(command, state));
  if (doetank.status === 'started') throw domainError('DOETANK.ALREADY_STARTED', { doetankId });
  if (isBlank(doetank.problemStatement)) throw domainError('DOETANK.NO_PROBLEM_STATEMENT', { doetankId });
  if (doetank.coachId === undefined) throw domainError('DOETANK.NO_COACH', { doetankId });
  return [{ type: 'DoetankStarted', data: { doetankId } }];
};

const join = (
  { type, data, context, occurredAt }: Timed<JoinDoetank>,
  state: DoetankState,
): DoetankEvent[] => {
  const { doetankId, memberId } = data;
  const doetank = requireOpen(requireExisting(doetankId, state));
  requireActiveMember('member', type, doetankId, context?.member, memberId, occurredAt);
  if (doetank.members.includes(memberId))
    throw domainError('DOETANK.ALREADY_A_MEMBER', { doetankId, memberId });
  return [{ type: 'MemberJoinedDoetank', data: { doetankId, memberId } }];
};

const shareResult = (
  { type, data, context, occurredAt }: Timed<ShareResult>,
  state: DoetankState,
): DoetankEvent[] => {
  const { doetankId, resultId, kind, sharedBy } = data;
  const doetank = requireExisting(doetankId, state);
  if (!(RESULT_KINDS as readonly string[]).includes(kind)) {
    throw domainError('DOETANK.UNKNOWN_RESULT_KIND', { doetankId, kind, allowed: RESULT_KINDS });
  }
  const title = requireText(data.title, () =>
    domainError('DOETANK.RESULT_TITLE_REQUIRED', { doetankId, resultId }),
  );
  const link = optionalText(data.link);
  if (link !== undefined && !isHttpUrl(link)) {
    throw domainError('DOETANK.INVALID_LINK', { doetankId, resultId, link });
  }
  requireStarted(doetank);
  requireParticipant(doetank, sharedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, sharedBy, occurredAt);
  if (doetank.results.some((result) => result.resultId === resultId)) {
    throw domainError('DOETANK.DUPLICATE_RESULT', { doetankId, resultId });
  }
  return [
    {
      type: 'ResultShared',
      data: { doetankId, resultId, kind, title, ...(link !== undefined && { link }), sharedBy },
    },
  ];
};

const recordLesson = (
  { type, data, context, occurredAt }: Timed<RecordLesson>,
  state: DoetankState,
): DoetankEvent[] => {
  const { doetankId, lessonId, recordedBy } = data;
  const doetank = requireExisting(doetankId, state);
  const lesson = requireText(data.lesson, () =>
    domainError('DOETANK.LESSON_REQUIRED', { doetankId, lessonId }),
  );
  requireStarted(doetank);
  requireParticipant(doetank, recordedBy);
  requireActiveMember('actor', type, doetankId, context?.actor, recordedBy, occurredAt);
  if (doetank.lessons.some((entry) => entry.lessonId === lessonId)) {
    throw domainError('DOETANK.DUPLICATE_LESSON', { doetankId, lessonId });
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
      return start(command, state);
    case 'JoinDoetank':
      return join(command, state);
    case 'LeaveDoetank': {
      const { doetankId, memberId } = command.data;
      const doetank = requireOpen(requireExisting(doetankId, state));
      if (!doetank.members.includes(memberId)) {
        throw domainError('DOETANK.NOT_A_MEMBER', { doetankId, memberId });
      }
      const reason = optionalText(command.data.reason);
      return [
        { type: 'MemberLeftDoetank', data: { doetankId, memberId, ...(reason !== undefined && { reason }) } },
      ];
    }
    case 'ShareResult':
      return shareResult(command, state);
    case 'RecordLesson':
      return recordLesson(command, state);
    case 'ConcludeDoetank': {
      const { doetankId } = command.data;
      requireStarted(requireLead(command, state));
      const conclusion = optionalText(command.data.conclusion);
      return [
        { type: 'DoetankConcluded', data: { doetankId, ...(conclusion !== undefined && { conclusion }) } },
      ];
    }
    case 'StopDoetank': {
      const { doetankId } = command.data;
      const doetank = requireLead(command, state);
      const reason = requireText(command.data.reason, () =>
        domainError('DOETANK.REASON_REQUIRED', { doetankId }),
      );
      requireOpen(doetank);
      return [{ type: 'DoetankStopped', data: { doetankId, reason } }];
    }
    case 'CorrectBusinessTime': {
      const { doetankId, revision, correctedTo } = command.data;
      requireExisting(doetankId, state);
      const { entry, reason } = decideCorrection(
        {
          command: command.type,
          streamId: `doetank-${doetankId}`,
          revision,
          correctedTo,
          reason: command.data.reason,
        },
        command.context.clock,
      );
      const { type: eventType, occurredAt: correctedFrom } = entry;
      const { corrected, clock } = command.context;
      if (corrected?.type !== eventType) {
        throw new CommandContextError(
          command.type,
          `the corrected event is not the ${eventType} at ${revision}`,
        );
      }
      // The corrected time, too, comes after the member who acted joined the network.
      const actedBy = memberActingIn(corrected);
      if (actedBy !== undefined) {
        requireJoinedBefore(
          command.type,
          correctedTo,
          factsAbout(command.type, command.context.member, actedBy),
        );
      }
      const counts = countsOf(corrected, revision, clock);
      return [
        {
          type: 'BusinessTimeCorrected',
          data: {
            doetankId,
            revision,
            eventType,
            eventId: corrected.id,
            ...(counts && { counts }),
            correctedFrom,
            correctedTo,
            reason,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

/** Who acted in each Doetank event that a member does: the one whose joining of the network it comes after. */
const ACTED_BY: {
  readonly [T in DoetankEvent['type']]?: (data: Extract<DoetankEvent, { type: T }>['data']) => string;
} = {
  DoetankProposed: (data) => data.proposedBy,
  ProblemStatementSharpened: (data) => data.sharpenedBy,
  CoachAssigned: (data) => data.coachId,
  MemberJoinedDoetank: (data) => data.memberId,
  ResultShared: (data) => data.sharedBy,
  LessonRecorded: (data) => data.recordedBy,
};

/**
 * The member who acted in a Doetank event (a proposer, coach, sharer, ...), whose facts a correction of its
 * business time needs in its context; undefined for an event no member does (a start, a conclusion).
 */
export const memberActingIn = (corrected: CorrectedEvent): string | undefined => {
  const actedBy = ACTED_BY[corrected.type as DoetankEvent['type']] as ((data: unknown) => string) | undefined;
  return actedBy?.(corrected.data);
};

/**
 * What the read models count of a corrected event besides its type, for them to move it to its corrected year and
 * month: a result's kind; whether a stop ended a running Doetank (a start before it on the stream's clock); a
 * result or lesson as the lists show it (never its member).
 */
const countsOf = (
  corrected: CorrectedEvent,
  revision: number,
  clock: StreamClock,
): CorrectedEventCounts | undefined => {
  switch (corrected.type) {
    case 'ResultShared': {
      const { kind, resultId, title, link } = corrected.data as ResultShared['data'];
      return { resultKind: kind, result: { resultId, title, ...(link !== undefined && { link }) } };
    }
    case 'LessonRecorded': {
      const { lessonId, lesson } = corrected.data as LessonRecorded['data'];
      return { lesson: { lessonId, lesson } };
    }
    case 'DoetankStopped':
      return {
        wasStarted: clock.some((entry) => entry.revision < revision && entry.type === 'DoetankStarted'),
      };
    default:
      return undefined;
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
    case 'BusinessTimeCorrected':
      // A fact about the record, not about the Doetank: the state stays; the stream's clock takes the new time.
      return state;
    default:
      return assertNever(event);
  }
};

/** The Doetank decider: one stream per Doetank (`doetank-<id>`). */
export const doetankDecider = decider(decideDoetank, evolveDoetank, initialDoetankState);
