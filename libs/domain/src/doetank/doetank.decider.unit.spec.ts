import type { DoetankEvent } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import { deciderSpec, refusedAfter, type Refusal } from '../testing';
import type { DoetankCommand, ProposeDoetank } from './doetank.commands';
import { doetankDecider } from './doetank.decider';
import { aDoetank } from '../testing/doetank-fixture';
import { isDoetankClosed } from './doetank.state';

const spec = deciderSpec(doetankDecider);

describe('Doetank', () => {
  describe('when it does not exist', () => {
    it('can be proposed by an active member, who becomes its first member', () => {
      const d = aDoetank();
      const state = spec.given([]).when(d.command.propose()).then([d.proposed]);
      expect(state).toMatchObject({ status: 'proposed', members: [d.proposer] });
    });

    it('can be proposed with a theme', () => {
      const d = aDoetank();
      spec
        .given([])
        .when(d.command.propose({ themeId: '2013-open-data' }))
        .then([{ type: 'DoetankProposed', data: { ...d.proposed.data, themeId: '2013-open-data' } }]);
    });

    it('refuses a proposal by a member who left', () => {
      const d = aDoetank();
      const error = spec
        .given([])
        .when(d.command.propose({}, 'left'))
        .thenThrows('DOETANK.PROPOSER_NOT_ACTIVE');
      expect(error.category).toBe('rule');
      expect(error.params).toEqual({ doetankId: d.doetankId, memberId: d.proposer, memberStatus: 'left' });
    });

    it.each<Refusal<ReturnType<typeof aDoetank>, DoetankCommand>>([
      [
        'a proposal by an unknown member',
        (d) => d.command.propose({}, 'unknown'),
        'DOETANK.PROPOSER_NOT_ACTIVE',
      ],
      ['a proposal without a title', (d) => d.command.propose({ title: ' ' }), 'DOETANK.TITLE_REQUIRED'],
      [
        'a proposal without a problem statement',
        (d) => d.command.propose({ problemStatement: '' }),
        'DOETANK.PROBLEM_STATEMENT_REQUIRED',
      ],
    ])(
      'refuses %s',
      refusedAfter(spec, aDoetank, () => []),
    );

    it('refuses to decide on facts about another member than the proposer', () => {
      const d = aDoetank();
      const command: ProposeDoetank = {
        type: 'ProposeDoetank',
        data: d.proposed.data,
        context: { proposer: { memberId: d.outsider, status: 'active' } },
      };
      expect(() => doetankDecider.decide(command, doetankDecider.initialState)).toThrow(CommandContextError);
    });

    it.each([
      ['sharpening its problem statement', (d: ReturnType<typeof aDoetank>) => d.command.sharpen(d.proposer)],
      ['assigning a coach', (d: ReturnType<typeof aDoetank>) => d.command.assignCoach(d.coach)],
      ['securing a client', (d: ReturnType<typeof aDoetank>) => d.command.secureClient()],
      ['starting it', (d: ReturnType<typeof aDoetank>) => d.command.start()],
      ['joining it', (d: ReturnType<typeof aDoetank>) => d.command.join(d.member)],
      ['leaving it', (d: ReturnType<typeof aDoetank>) => d.command.leave(d.member)],
      ['sharing a result', (d: ReturnType<typeof aDoetank>) => d.command.shareResult()],
      ['recording a lesson', (d: ReturnType<typeof aDoetank>) => d.command.recordLesson(d.member)],
      ['concluding it', (d: ReturnType<typeof aDoetank>) => d.command.conclude()],
      ['stopping it', (d: ReturnType<typeof aDoetank>) => d.command.stop()],
    ])('refuses %s as unknown', (_what, build) => {
      const d = aDoetank();
      const error = spec.given([]).when(build(d)).thenThrows('DOETANK.NOT_FOUND');
      expect(error.params).toEqual({ id: d.doetankId });
    });
  });

  describe('when proposed', () => {
    it('refuses a second proposal with the same id', () => {
      const d = aDoetank();
      spec.given(d.history.proposed).when(d.command.propose()).thenThrows('DOETANK.ALREADY_EXISTS');
    });

    it('lets a member sharpen the problem statement', () => {
      const d = aDoetank();
      spec
        .given(d.history.proposed)
        .when(d.command.sharpen(d.proposer, 'Vergunningen duren gemiddeld 26 weken'))
        .then([
          {
            type: 'ProblemStatementSharpened',
            data: {
              doetankId: d.doetankId,
              problemStatement: 'Vergunningen duren gemiddeld 26 weken',
              sharpenedBy: d.proposer,
            },
          },
        ]);
    });

    it('lets the coach sharpen the problem statement', () => {
      const d = aDoetank();
      spec
        .given(d.history.withCoach)
        .when(d.command.sharpen(d.coach))
        .then([
          {
            type: 'ProblemStatementSharpened',
            data: {
              doetankId: d.doetankId,
              problemStatement: 'Vergunningen duren gemiddeld 26 weken',
              sharpenedBy: d.coach,
            },
          },
        ]);
    });

    it.each<Refusal<ReturnType<typeof aDoetank>, DoetankCommand>>([
      [
        'a blank problem statement',
        (d) => d.command.sharpen(d.proposer, '  '),
        'DOETANK.PROBLEM_STATEMENT_REQUIRED',
      ],
      [
        'a problem statement that did not change',
        (d) => d.command.sharpen(d.proposer, 'Vergunningen duren te lang'),
        'DOETANK.PROBLEM_STATEMENT_UNCHANGED',
      ],
      ['sharpening by an outsider', (d) => d.command.sharpen(d.outsider), 'DOETANK.NOT_A_MEMBER'],
      [
        'sharpening by a member who left the network',
        (d) => d.command.sharpen(d.proposer, 'Iets scherper', 'left'),
        'DOETANK.ACTOR_NOT_ACTIVE',
      ],
    ])(
      'refuses %s',
      refusedAfter(spec, aDoetank, (d) => d.history.proposed),
    );

    it('assigns an active member as coach', () => {
      const d = aDoetank();
      spec
        .given(d.history.proposed)
        .when(d.command.assignCoach(d.coach))
        .then([{ type: 'CoachAssigned', data: { doetankId: d.doetankId, coachId: d.coach } }]);
    });

    it('replaces the coach, naming the previous one', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.withCoach)
        .when(d.command.assignCoach(d.otherCoach))
        .then([
          {
            type: 'CoachAssigned',
            data: { doetankId: d.doetankId, coachId: d.otherCoach, previousCoachId: d.coach },
          },
        ]);
      expect(state).toMatchObject({ coachId: d.otherCoach });
    });

    it('refuses assigning the current coach again', () => {
      const d = aDoetank();
      spec
        .given(d.history.withCoach)
        .when(d.command.assignCoach(d.coach))
        .thenThrows('DOETANK.COACH_ALREADY_ASSIGNED');
    });

    it('refuses a coach who is not an active member', () => {
      const d = aDoetank();
      spec
        .given(d.history.proposed)
        .when(d.command.assignCoach(d.coach, 'forgotten'))
        .thenThrows('DOETANK.COACH_NOT_ACTIVE');
    });

    it('secures a client', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.proposed)
        .when(d.command.secureClient('Gemeente Zwolle', 'Wethouder'))
        .then([
          {
            type: 'ClientSecured',
            data: { doetankId: d.doetankId, organisation: 'Gemeente Zwolle', contactName: 'Wethouder' },
          },
        ]);
      expect(state).toMatchObject({ client: { organisation: 'Gemeente Zwolle', contactName: 'Wethouder' } });
    });

    it('refuses a client without an organisation', () => {
      const d = aDoetank();
      spec
        .given(d.history.proposed)
        .when(d.command.secureClient(' '))
        .thenThrows('DOETANK.CLIENT_ORGANISATION_REQUIRED');
    });

    it('starts once it has a coach', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.withCoach)
        .when(d.command.start())
        .then([{ type: 'DoetankStarted', data: { doetankId: d.doetankId } }]);
      expect(state).toMatchObject({ status: 'started', coachId: d.coach });
    });

    it('refuses to start without a coach', () => {
      const d = aDoetank();
      spec.given(d.history.proposed).when(d.command.start()).thenThrows('DOETANK.NO_COACH');
    });

    it('refuses to start without a problem statement', () => {
      const d = aDoetank();
      const importedWithoutStatement: DoetankEvent = {
        type: 'DoetankProposed',
        data: { doetankId: d.doetankId, title: 'Oud', problemStatement: '', proposedBy: d.proposer },
      };
      spec
        .given([
          importedWithoutStatement,
          { type: 'CoachAssigned', data: { doetankId: d.doetankId, coachId: d.coach } },
        ])
        .when(d.command.start())
        .thenThrows('DOETANK.NO_PROBLEM_STATEMENT');
    });

    it('lets an active member join', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.proposed)
        .when(d.command.join(d.member))
        .then([{ type: 'MemberJoinedDoetank', data: { doetankId: d.doetankId, memberId: d.member } }]);
      expect(state).toMatchObject({ members: [d.proposer, d.member] });
    });

    it('refuses a member who left the network', () => {
      const d = aDoetank();
      spec
        .given(d.history.proposed)
        .when(d.command.join(d.member, 'left'))
        .thenThrows('DOETANK.MEMBER_NOT_ACTIVE');
    });

    it('refuses a member who is already a member', () => {
      const d = aDoetank();
      spec.given(d.history.proposed).when(d.command.join(d.proposer)).thenThrows('DOETANK.ALREADY_A_MEMBER');
    });

    it('lets a member leave', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.proposed)
        .when(d.command.leave(d.proposer))
        .then([{ type: 'MemberLeftDoetank', data: { doetankId: d.doetankId, memberId: d.proposer } }]);
      expect(state).toMatchObject({ members: [] });
    });

    it('refuses leaving by someone who is not a member', () => {
      const d = aDoetank();
      spec.given(d.history.proposed).when(d.command.leave(d.outsider)).thenThrows('DOETANK.NOT_A_MEMBER');
    });

    it('refuses a result', () => {
      const d = aDoetank();
      spec
        .given(d.history.withCoach)
        .when(d.command.shareResult({ sharedBy: d.proposer }))
        .thenThrows('DOETANK.NOT_STARTED');
    });

    it('refuses a lesson', () => {
      const d = aDoetank();
      spec
        .given(d.history.withCoach)
        .when(d.command.recordLesson(d.proposer))
        .thenThrows('DOETANK.NOT_STARTED');
    });

    it('cannot be concluded', () => {
      const d = aDoetank();
      spec.given(d.history.withCoach).when(d.command.conclude()).thenThrows('DOETANK.NOT_STARTED');
    });

    it('can be stopped with a reason', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.proposed)
        .when(d.command.stop('Geen opdrachtgever gevonden'))
        .then([
          { type: 'DoetankStopped', data: { doetankId: d.doetankId, reason: 'Geen opdrachtgever gevonden' } },
        ]);
      expect(isDoetankClosed(state)).toBe(true);
    });

    it('cannot be stopped without a reason', () => {
      const d = aDoetank();
      spec.given(d.history.proposed).when(d.command.stop('   ')).thenThrows('DOETANK.REASON_REQUIRED');
    });
  });

  describe('when started', () => {
    it('refuses to start again', () => {
      const d = aDoetank();
      spec.given(d.history.started).when(d.command.start()).thenThrows('DOETANK.ALREADY_STARTED');
    });

    it('lets an active member join', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.join(d.outsider))
        .then([{ type: 'MemberJoinedDoetank', data: { doetankId: d.doetankId, memberId: d.outsider } }]);
    });

    it('still lets the coach be replaced', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.assignCoach(d.otherCoach))
        .then([
          {
            type: 'CoachAssigned',
            data: { doetankId: d.doetankId, coachId: d.otherCoach, previousCoachId: d.coach },
          },
        ]);
    });

    it('lets a member share a result with a link', () => {
      const d = aDoetank();
      const command = d.command.shareResult();
      const state = spec
        .given(d.history.started)
        .when(command)
        .then([{ type: 'ResultShared', data: command.data }]);
      expect(state).toMatchObject({ results: [{ resultId: 'result-2', kind: 'film', sharedBy: d.member }] });
    });

    it('lets the coach share a result without a link', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.shareResult({ sharedBy: d.coach, kind: 'business-case', link: undefined }))
        .then([
          {
            type: 'ResultShared',
            data: {
              doetankId: d.doetankId,
              resultId: 'result-2',
              kind: 'business-case',
              title: 'Film over de aanpak',
              sharedBy: d.coach,
            },
          },
        ]);
    });

    it('refuses a result from someone who is neither member nor coach', () => {
      const d = aDoetank();
      const error = spec
        .given(d.history.started)
        .when(d.command.shareResult({ sharedBy: d.outsider }))
        .thenThrows('DOETANK.NOT_A_MEMBER');
      expect(error.category).toBe('not-allowed');
      expect(error.params).toEqual({ doetankId: d.doetankId, memberId: d.outsider });
    });

    it.each<Refusal<ReturnType<typeof aDoetank>, DoetankCommand>>([
      [
        'a result from a member who left the network',
        (d) => d.command.shareResult({}, 'left'),
        'DOETANK.ACTOR_NOT_ACTIVE',
      ],
      [
        'a result of an unknown kind',
        (d) => d.command.shareResult({ kind: 'poster' as never }),
        'DOETANK.UNKNOWN_RESULT_KIND',
      ],
      [
        'a result without a title',
        (d) => d.command.shareResult({ title: '' }),
        'DOETANK.RESULT_TITLE_REQUIRED',
      ],
    ])(
      'refuses %s',
      refusedAfter(spec, aDoetank, (d) => d.history.started),
    );

    it.each([
      'ftp://files.example/report.pdf',
      'javascript:alert(1)',
      'www.example.nl',
      'https:// spaces.example',
    ])('refuses the link %s', (link) => {
      const d = aDoetank();
      spec.given(d.history.started).when(d.command.shareResult({ link })).thenThrows('DOETANK.INVALID_LINK');
    });

    it('refuses a result id it already used', () => {
      const d = aDoetank();
      spec
        .given([...d.history.started, d.resultShared])
        .when(d.command.shareResult({ resultId: 'result-1' }))
        .thenThrows('DOETANK.DUPLICATE_RESULT');
    });

    it('lets a member record a lesson', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.recordLesson(d.member))
        .then([
          {
            type: 'LessonRecorded',
            data: {
              doetankId: d.doetankId,
              lessonId: 'lesson-2',
              lesson: 'Zoek een opdrachtgever',
              recordedBy: d.member,
            },
          },
        ]);
    });

    it('lets the coach record a lesson', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.recordLesson(d.coach))
        .then([
          {
            type: 'LessonRecorded',
            data: {
              doetankId: d.doetankId,
              lessonId: 'lesson-2',
              lesson: 'Zoek een opdrachtgever',
              recordedBy: d.coach,
            },
          },
        ]);
    });

    it.each<Refusal<ReturnType<typeof aDoetank>, DoetankCommand>>([
      ['a lesson from an outsider', (d) => d.command.recordLesson(d.outsider), 'DOETANK.NOT_A_MEMBER'],
      [
        'a lesson from a forgotten member',
        (d) => d.command.recordLesson(d.member, 'lesson-2', 'Iets', 'forgotten'),
        'DOETANK.ACTOR_NOT_ACTIVE',
      ],
      [
        'a lesson without text',
        (d) => d.command.recordLesson(d.member, 'lesson-2', ' '),
        'DOETANK.LESSON_REQUIRED',
      ],
    ])(
      'refuses %s',
      refusedAfter(spec, aDoetank, (d) => d.history.started),
    );

    it('refuses a lesson id it already used', () => {
      const d = aDoetank();
      spec
        .given([...d.history.started, d.lessonRecorded])
        .when(d.command.recordLesson(d.member, 'lesson-1'))
        .thenThrows('DOETANK.DUPLICATE_LESSON');
    });

    it('can be concluded', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.started)
        .when(d.command.conclude('Aanpak overgenomen'))
        .then([
          { type: 'DoetankConcluded', data: { doetankId: d.doetankId, conclusion: 'Aanpak overgenomen' } },
        ]);
      expect(state).toMatchObject({ status: 'concluded', conclusion: 'Aanpak overgenomen' });
    });

    it('can be stopped with a reason', () => {
      const d = aDoetank();
      spec
        .given(d.history.started)
        .when(d.command.stop())
        .then([
          { type: 'DoetankStopped', data: { doetankId: d.doetankId, reason: 'Geen opdrachtgever gevonden' } },
        ]);
    });
  });

  describe.each(['concluded', 'stopped'] as const)('when %s', (status) => {
    const closed = () => {
      const d = aDoetank();
      return { d, given: spec.given(d.history[status]) };
    };

    it('refuses a new member', () => {
      const { d, given } = closed();
      const error = given.when(d.command.join(d.outsider)).thenThrows('DOETANK.ALREADY_CLOSED');
      expect(error.params).toEqual({ doetankId: d.doetankId, status });
    });

    it('refuses a member leaving', () => {
      const { d, given } = closed();
      given.when(d.command.leave(d.proposer)).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses a result', () => {
      const { d, given } = closed();
      given.when(d.command.shareResult({ sharedBy: d.proposer })).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses a lesson', () => {
      const { d, given } = closed();
      given.when(d.command.recordLesson(d.proposer)).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses sharpening the problem statement', () => {
      const { d, given } = closed();
      given.when(d.command.sharpen(d.proposer)).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses a new coach', () => {
      const { d, given } = closed();
      given.when(d.command.assignCoach(d.otherCoach)).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses a client', () => {
      const { d, given } = closed();
      given.when(d.command.secureClient()).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses to start', () => {
      const { d, given } = closed();
      given.when(d.command.start()).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses to conclude', () => {
      const { d, given } = closed();
      given.when(d.command.conclude()).thenThrows('DOETANK.ALREADY_CLOSED');
    });

    it('refuses to stop', () => {
      const { d, given } = closed();
      given.when(d.command.stop()).thenThrows('DOETANK.ALREADY_CLOSED');
    });
  });
});
