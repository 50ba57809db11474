import type { DoetankEvent } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import { deciderSpec, refusedAfter, type Refusal } from '../testing';
import type { DoetankCommand, ProposeDoetank } from './doetank.commands';
import { doetankDecider } from './doetank.decider';
import { aDoetank } from '../testing/doetank-fixture';
import { isDoetankClosed } from './doetank.state';

const spec = deciderSpec(doetankDecider);
type Fixture = ReturnType<typeof aDoetank>;

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

    it.each<Refusal<Fixture, DoetankCommand>>([
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
      ['sharpening its problem statement', (d: Fixture) => d.command.sharpen(d.proposer)],
      ['assigning a coach', (d: Fixture) => d.command.assignCoach(d.coach)],
      ['securing a client', (d: Fixture) => d.command.secureClient()],
      ['starting it', (d: Fixture) => d.command.start()],
      ['joining it', (d: Fixture) => d.command.join(d.member)],
      ['leaving it', (d: Fixture) => d.command.leave(d.member)],
      ['sharing a result', (d: Fixture) => d.command.shareResult()],
      ['recording a lesson', (d: Fixture) => d.command.recordLesson(d.member)],
      ['concluding it', (d: Fixture) => d.command.conclude()],
      ['stopping it', (d: Fixture) => d.command.stop()],
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

    it.each([
      ['a member', (d: Fixture) => d.proposer, (d: Fixture) => d.history.proposed],
      ['the coach', (d: Fixture) => d.coach, (d: Fixture) => d.history.withCoach],
    ])('lets %s sharpen the problem statement', (_who, who, history) => {
      const d = aDoetank();
      const problemStatement = 'Vergunningen duren gemiddeld 26 weken';
      spec
        .given(history(d))
        .when(d.command.sharpen(who(d), problemStatement))
        .then([
          {
            type: 'ProblemStatementSharpened',
            data: { doetankId: d.doetankId, problemStatement, sharpenedBy: who(d) },
          },
        ]);
    });

    it.each<Refusal<Fixture, DoetankCommand>>([
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
      [
        'a coach who is not an active member',
        (d) => d.command.assignCoach(d.coach, 'forgotten'),
        'DOETANK.COACH_NOT_ACTIVE',
      ],
      [
        'a client without an organisation',
        (d) => d.command.secureClient(' '),
        'DOETANK.CLIENT_ORGANISATION_REQUIRED',
      ],
      ['to start without a coach', (d) => d.command.start(), 'DOETANK.NO_COACH'],
      ['a member who left the network', (d) => d.command.join(d.member, 'left'), 'DOETANK.MEMBER_NOT_ACTIVE'],
      ['a member who is already a member', (d) => d.command.join(d.proposer), 'DOETANK.ALREADY_A_MEMBER'],
      ['leaving by someone who is not a member', (d) => d.command.leave(d.outsider), 'DOETANK.NOT_A_MEMBER'],
      ['a stop without a reason', (d) => d.command.stop('   '), 'DOETANK.REASON_REQUIRED'],
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

    it('starts once it has a coach', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.withCoach)
        .when(d.command.start())
        .then([{ type: 'DoetankStarted', data: { doetankId: d.doetankId } }]);
      expect(state).toMatchObject({ status: 'started', coachId: d.coach });
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

    it('lets a member leave', () => {
      const d = aDoetank();
      const state = spec
        .given(d.history.proposed)
        .when(d.command.leave(d.proposer))
        .then([{ type: 'MemberLeftDoetank', data: { doetankId: d.doetankId, memberId: d.proposer } }]);
      expect(state).toMatchObject({ members: [] });
    });

    it.each<Refusal<Fixture, DoetankCommand>>([
      [
        'assigning the current coach again',
        (d) => d.command.assignCoach(d.coach),
        'DOETANK.COACH_ALREADY_ASSIGNED',
      ],
      ['a result', (d) => d.command.shareResult({ sharedBy: d.proposer }), 'DOETANK.NOT_STARTED'],
      ['a lesson', (d) => d.command.recordLesson(d.proposer), 'DOETANK.NOT_STARTED'],
      ['to conclude it', (d) => d.command.conclude(), 'DOETANK.NOT_STARTED'],
    ])(
      'refuses %s (with a coach, not yet started)',
      refusedAfter(spec, aDoetank, (d) => d.history.withCoach),
    );

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

    it.each<Refusal<Fixture, DoetankCommand>>([
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

    it.each<Refusal<Fixture, DoetankCommand>>([
      ['a result id', (d) => d.command.shareResult({ resultId: 'result-1' }), 'DOETANK.DUPLICATE_RESULT'],
      ['a lesson id', (d) => d.command.recordLesson(d.member, 'lesson-1'), 'DOETANK.DUPLICATE_LESSON'],
    ])(
      'refuses %s it already used',
      refusedAfter(spec, aDoetank, (d) => [...d.history.started, d.resultShared, d.lessonRecorded]),
    );

    it.each([
      ['a member', (d: Fixture) => d.member],
      ['the coach', (d: Fixture) => d.coach],
    ])('lets %s record a lesson', (_who, who) => {
      const d = aDoetank();
      const command = d.command.recordLesson(who(d));
      spec
        .given(d.history.started)
        .when(command)
        .then([{ type: 'LessonRecorded', data: command.data }]);
      expect(command.data).toMatchObject({ lesson: 'Zoek een opdrachtgever', recordedBy: who(d) });
    });

    it.each<Refusal<Fixture, DoetankCommand>>([
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
    it('refuses a new member', () => {
      const d = aDoetank();
      const error = spec
        .given(d.history[status])
        .when(d.command.join(d.outsider))
        .thenThrows('DOETANK.ALREADY_CLOSED');
      expect(error.params).toEqual({ doetankId: d.doetankId, status });
    });

    it.each<Refusal<Fixture, DoetankCommand>>([
      ['a member leaving', (d) => d.command.leave(d.proposer), 'DOETANK.ALREADY_CLOSED'],
      ['a result', (d) => d.command.shareResult({ sharedBy: d.proposer }), 'DOETANK.ALREADY_CLOSED'],
      ['a lesson', (d) => d.command.recordLesson(d.proposer), 'DOETANK.ALREADY_CLOSED'],
      ['sharpening the problem statement', (d) => d.command.sharpen(d.proposer), 'DOETANK.ALREADY_CLOSED'],
      ['a new coach', (d) => d.command.assignCoach(d.otherCoach), 'DOETANK.ALREADY_CLOSED'],
      ['a client', (d) => d.command.secureClient(), 'DOETANK.ALREADY_CLOSED'],
      ['to start', (d) => d.command.start(), 'DOETANK.ALREADY_CLOSED'],
      ['to conclude', (d) => d.command.conclude(), 'DOETANK.ALREADY_CLOSED'],
      ['to stop', (d) => d.command.stop(), 'DOETANK.ALREADY_CLOSED'],
    ])(
      'refuses %s',
      refusedAfter(spec, aDoetank, (d) => d.history[status]),
    );
  });
});
