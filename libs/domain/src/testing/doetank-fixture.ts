import type { DoetankEvent, DoetankProposed } from '@app/contracts';
import type { Actor } from '../shared/actor';
import type { MemberFacts, MemberStatus } from '../shared/member-status';
import type { DoetankCommand, ProposeDoetank, RecordLesson, ShareResult } from '../doetank/doetank.commands';

let sequence = 0;

/** Fresh ids per test, and builders for the events and commands of one Doetank (for the Doetank decider's specs). */
export const aDoetank = () => {
  sequence += 1;
  const doetankId = `doetank-spec-${sequence}`;
  const proposer = `proposer-${sequence}`;
  const coach = `coach-${sequence}`;
  const otherCoach = `coach-b-${sequence}`;
  const member = `member-${sequence}`;
  const outsider = `outsider-${sequence}`;
  const facts = (memberId: string, status: MemberStatus = 'active'): MemberFacts => ({ memberId, status });
  /** Who sends a command only the Doetank's lead may give: by default its proposer. */
  const asMember = (memberId: string): Actor => ({ memberId, actsAsCoordinator: false });
  const byProposer = asMember(proposer);

  const proposed: DoetankProposed = {
    type: 'DoetankProposed',
    data: {
      doetankId,
      title: 'Minder regels',
      problemStatement: 'Vergunningen duren te lang',
      proposedBy: proposer,
    },
  };
  const coachAssigned: DoetankEvent = { type: 'CoachAssigned', data: { doetankId, coachId: coach } };
  const started: DoetankEvent = { type: 'DoetankStarted', data: { doetankId } };
  const memberJoined: DoetankEvent = { type: 'MemberJoinedDoetank', data: { doetankId, memberId: member } };
  const concluded: DoetankEvent = { type: 'DoetankConcluded', data: { doetankId } };
  const stopped: DoetankEvent = { type: 'DoetankStopped', data: { doetankId, reason: 'no client' } };
  const resultShared: DoetankEvent = {
    type: 'ResultShared',
    data: { doetankId, resultId: 'result-1', kind: 'report', title: 'Eindrapport', sharedBy: member },
  };
  const lessonRecorded: DoetankEvent = {
    type: 'LessonRecorded',
    data: { doetankId, lessonId: 'lesson-1', lesson: 'Begin bij de burger', recordedBy: member },
  };

  const history = {
    proposed: [proposed],
    withCoach: [proposed, coachAssigned],
    started: [proposed, coachAssigned, started, memberJoined],
    concluded: [proposed, coachAssigned, started, memberJoined, concluded],
    stopped: [proposed, coachAssigned, stopped],
  };

  const command = {
    propose: (
      overrides: Partial<ProposeDoetank['data']> = {},
      status: MemberStatus = 'active',
    ): ProposeDoetank => ({
      type: 'ProposeDoetank',
      data: { ...proposed.data, ...overrides },
      context: { proposer: facts(overrides.proposedBy ?? proposer, status) },
    }),
    sharpen: (
      sharpenedBy: string,
      problemStatement = 'Vergunningen duren gemiddeld 26 weken',
      status: MemberStatus = 'active',
    ): DoetankCommand => ({
      type: 'SharpenProblemStatement',
      data: { doetankId, problemStatement, sharpenedBy },
      context: { actor: facts(sharpenedBy, status) },
    }),
    assignCoach: (
      coachId: string,
      status: MemberStatus = 'active',
      actor: Actor = byProposer,
    ): DoetankCommand => ({
      type: 'AssignCoach',
      data: { doetankId, coachId },
      actor,
      context: { coach: facts(coachId, status) },
    }),
    secureClient: (
      organisation = 'Gemeente Zwolle',
      contactName?: string,
      actor: Actor = byProposer,
    ): DoetankCommand => ({
      type: 'SecureClient',
      data: { doetankId, organisation, ...(contactName !== undefined && { contactName }) },
      actor,
    }),
    start: (actor: Actor = byProposer): DoetankCommand => ({
      type: 'StartDoetank',
      data: { doetankId },
      actor,
    }),
    join: (memberId: string, status: MemberStatus = 'active'): DoetankCommand => ({
      type: 'JoinDoetank',
      data: { doetankId, memberId },
      context: { member: facts(memberId, status) },
    }),
    leave: (memberId: string): DoetankCommand => ({ type: 'LeaveDoetank', data: { doetankId, memberId } }),
    shareResult: (
      overrides: Partial<ShareResult['data']> = {},
      status: MemberStatus = 'active',
    ): ShareResult => {
      const data: ShareResult['data'] = {
        doetankId,
        resultId: 'result-2',
        kind: 'film',
        title: 'Film over de aanpak',
        link: 'https://vimeo.example/123',
        sharedBy: member,
        ...overrides,
      };
      return { type: 'ShareResult', data, context: { actor: facts(data.sharedBy, status) } };
    },
    recordLesson: (
      recordedBy: string,
      lessonId = 'lesson-2',
      lesson = 'Zoek een opdrachtgever',
      status: MemberStatus = 'active',
    ): RecordLesson => ({
      type: 'RecordLesson',
      data: { doetankId, lessonId, lesson, recordedBy },
      context: { actor: facts(recordedBy, status) },
    }),
    conclude: (conclusion?: string, actor: Actor = byProposer): DoetankCommand => ({
      type: 'ConcludeDoetank',
      data: { doetankId, ...(conclusion !== undefined && { conclusion }) },
      actor,
    }),
    stop: (reason = 'Geen opdrachtgever gevonden', actor: Actor = byProposer): DoetankCommand => ({
      type: 'StopDoetank',
      data: { doetankId, reason },
      actor,
    }),
  };

  return {
    doetankId,
    proposer,
    coach,
    otherCoach,
    member,
    outsider,
    asMember,
    coachAssigned,
    proposed,
    resultShared,
    lessonRecorded,
    history,
    command,
  };
};
