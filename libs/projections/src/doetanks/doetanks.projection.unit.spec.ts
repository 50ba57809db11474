import type { CorrectedEventCounts } from '@app/contracts';
import type { DoetankDocument } from '@app/contracts/read-models/doetank.read-model';
import type { ProjectionEvent } from '../projection';
import { declaredIndexNames, expectIdempotent, freshIds, project, projectionEvent } from '../testing';
import { gemeenteZonderHuisProposed } from '../testing/sample-events';
import { DOETANKS_COLLECTION, doetanksProjection } from './doetanks.projection';

/** A fresh Doetank per test, with builders for its events; each build takes the next position, so build in order. */
const aDoetank = () => {
  const { id, at } = freshIds();
  const [doetankId, proposer, coach, member] = [id('doetank'), id('sanne'), id('anna'), id('joost')];
  const event = {
    proposed: (occurredAt = '2013-01-10T09:00:00.000Z') =>
      projectionEvent('DoetankProposed', gemeenteZonderHuisProposed(doetankId, proposer), at(occurredAt)),
    coachAssigned: (coachId = coach, occurredAt = '2013-01-12T09:00:00.000Z', previousCoachId?: string) =>
      projectionEvent(
        'CoachAssigned',
        { doetankId, coachId, ...(previousCoachId !== undefined && { previousCoachId }) },
        at(occurredAt),
      ),
    started: (occurredAt = '2013-01-20T09:00:00.000Z') =>
      projectionEvent('DoetankStarted', { doetankId }, at(occurredAt)),
    joined: (memberId = member, occurredAt = '2013-01-21T09:00:00.000Z') =>
      projectionEvent('MemberJoinedDoetank', { doetankId, memberId }, at(occurredAt)),
    left: (memberId = member, occurredAt = '2013-02-01T09:00:00.000Z') =>
      projectionEvent('MemberLeftDoetank', { doetankId, memberId }, at(occurredAt)),
    resultShared: (resultId = 'result-1', occurredAt = '2013-03-01T09:00:00.000Z') =>
      projectionEvent(
        'ResultShared',
        {
          doetankId,
          resultId,
          kind: 'report',
          title: 'Het huisloze stadhuis',
          link: 'https://slimmernetwerk.nl/rapport',
          sharedBy: member,
        },
        at(occurredAt),
      ),
    lessonRecorded: (occurredAt = '2013-03-02T09:00:00.000Z') =>
      projectionEvent(
        'LessonRecorded',
        { doetankId, lessonId: 'lesson-1', lesson: 'Begin bij de burger', recordedBy: coach },
        at(occurredAt),
      ),
    concluded: (occurredAt = '2013-06-01T09:00:00.000Z') =>
      projectionEvent('DoetankConcluded', { doetankId, conclusion: 'Het kan.' }, at(occurredAt)),
    stopped: (occurredAt = '2013-04-01T09:00:00.000Z') =>
      projectionEvent('DoetankStopped', { doetankId, reason: 'Geen opdrachtgever gevonden' }, at(occurredAt)),
    /** A correction of `corrected`'s business time, recorded long after, carrying what the decider copies. */
    corrected: (corrected: ProjectionEvent, correctedTo: string, counts?: CorrectedEventCounts) =>
      projectionEvent(
        'BusinessTimeCorrected',
        {
          doetankId,
          revision: corrected.revision,
          eventType: corrected.type,
          eventId: corrected.id,
          ...(counts && { counts }),
          correctedFrom: corrected.metadata.occurredAt,
          correctedTo,
          reason: 'Uit de notulen',
        },
        at('2026-01-05T10:00:00.000Z'),
      ),
  };
  const doetankAfter = (events: Parameters<typeof project>[1]) =>
    project(doetanksProjection, events).get<DoetankDocument>(DOETANKS_COLLECTION, doetankId);
  return { doetankId, proposer, coach, member, event, at, doetankAfter };
};

describe('doetanks projection', () => {
  describe('when a Doetank is proposed', () => {
    it('creates it as proposed, with its proposer as first member', () => {
      const { doetankId, proposer, event, doetankAfter } = aDoetank();
      const proposed = event.proposed();

      expect(doetankAfter([proposed])).toEqual({
        id: doetankId,
        title: 'De gemeente zonder huis',
        titleKeys: ['de gemeente zonder huis', 'gemeente zonder huis', 'zonder huis', 'huis'],
        problemStatement: 'Wat als de gemeente geen stadhuis meer heeft?',
        stage: 'proposed',
        themeId: '2013-zelforganisatie',
        proposedBy: proposer,
        memberIds: [proposer],
        formerMemberIds: [],
        results: [],
        lessons: [],
        proposedAt: '2013-01-10T09:00:00.000Z',
        resultCount: 0,
        lessonCount: 0,
        lastActivityAt: '2013-01-10T09:00:00.000Z',
        lastEventPosition: proposed.position,
      });
    });
  });

  describe('given a proposed Doetank', () => {
    it('takes the sharpened problem statement', () => {
      const { doetankId, proposer, event, at, doetankAfter } = aDoetank();
      const proposed = event.proposed();
      const sharpened = projectionEvent(
        'ProblemStatementSharpened',
        { doetankId, problemStatement: 'Hoe werkt een gemeente zonder gebouw?', sharpenedBy: proposer },
        at('2013-01-11T09:00:00.000Z'),
      );

      expect(doetankAfter([proposed, sharpened])?.problemStatement).toBe(
        'Hoe werkt een gemeente zonder gebouw?',
      );
    });

    it('replaces the coach when another is assigned', () => {
      const { coach, event, doetankAfter } = aDoetank();

      const doetank = doetankAfter([
        event.proposed(),
        event.coachAssigned(),
        event.coachAssigned('kees', '2013-01-13T09:00:00.000Z', coach),
      ]);

      expect(doetank?.coachId).toBe('kees');
    });

    it('records its client', () => {
      const { doetankId, event, at, doetankAfter } = aDoetank();
      const proposed = event.proposed();
      const secured = projectionEvent(
        'ClientSecured',
        { doetankId, organisation: 'Gemeente Zeist', contactName: 'Piet Pietersen' },
        at('2013-01-15T09:00:00.000Z'),
      );

      expect(doetankAfter([proposed, secured])?.client).toEqual({
        organisation: 'Gemeente Zeist',
        contactName: 'Piet Pietersen',
      });
    });

    it('moves a Doetank to started with its start date', () => {
      const { event, doetankAfter } = aDoetank();

      const doetank = doetankAfter([
        event.proposed(),
        event.coachAssigned(),
        event.started('2013-01-20T09:00:00.000Z'),
      ]);

      expect(doetank).toMatchObject({ stage: 'started', startedAt: '2013-01-20T09:00:00.000Z' });
    });

    it('moves the start date when a correction moves the start, and keeps its last activity', () => {
      const { event, doetankAfter } = aDoetank();
      const before = [event.proposed(), event.coachAssigned(), event.started('2013-01-20T09:00:00.000Z')];
      const correction = event.corrected(before[2], '2013-01-15T09:00:00.000Z');

      const doetank = doetankAfter([...before, correction]);

      expect(doetank).toMatchObject({
        startedAt: '2013-01-15T09:00:00.000Z',
        lastActivityAt: doetankAfter(before)!.lastActivityAt,
        lastEventPosition: correction.position,
      });
    });

    it("moves a result's and a lesson's date when a correction moves them (found by the id it carries)", () => {
      const { event, doetankAfter } = aDoetank();
      const before = [event.proposed(), event.coachAssigned(), event.started()];
      const [shared, recorded, other] = [
        event.resultShared('result-1'),
        event.lessonRecorded(),
        event.resultShared('result-2', '2013-03-03T09:00:00.000Z'),
      ];
      const { resultId, title, link } = shared.data;
      const history = [...before, shared, recorded, other];

      const doetank = doetankAfter([
        ...history,
        event.corrected(shared, '2014-01-02T09:00:00.000Z', {
          resultKind: 'report',
          result: { resultId, title, link },
        }),
        event.corrected(recorded, '2014-01-03T09:00:00.000Z', {
          lesson: { lessonId: recorded.data.lessonId, lesson: recorded.data.lesson },
        }),
      ]);

      expect(doetank?.results.map((r) => [r.resultId, r.sharedAt])).toEqual([
        ['result-1', '2014-01-02T09:00:00.000Z'],
        ['result-2', '2013-03-03T09:00:00.000Z'],
      ]);
      expect(doetank?.lessons.map((l) => l.recordedAt)).toEqual(['2014-01-03T09:00:00.000Z']);
      // A correction recorded before corrections carried the result moves nothing of it.
      expect(
        doetankAfter([...history, event.corrected(shared, '2014-01-02T09:00:00.000Z')])?.results,
      ).toEqual(doetankAfter(history)?.results);
    });

    it("leaves a gathering's correction of business time alone (the same event type, on another stream)", () => {
      const correction = projectionEvent(
        'BusinessTimeCorrected',
        {
          gatheringId: 'gathering-1',
          revision: 2,
          eventType: 'GatheringHeld',
          eventId: 'event-held',
          correctedFrom: '2013-01-20T09:00:00.000Z',
          correctedTo: '2013-01-21T09:00:00.000Z',
          reason: 'Uit de notulen',
        },
        { occurredAt: '2026-01-05T10:00:00.000Z', position: 1 },
      );
      expect(correction.streamId).toBe('gathering-gathering-1');
      expect(doetanksProjection.targets(correction)).toEqual([]);
    });

    it('stops it with the date and the reason', () => {
      const { event, doetankAfter } = aDoetank();

      const doetank = doetankAfter([event.proposed(), event.stopped('2013-04-01T09:00:00.000Z')]);

      expect(doetank).toMatchObject({
        stage: 'stopped',
        stoppedAt: '2013-04-01T09:00:00.000Z',
        stopReason: 'Geen opdrachtgever gevonden',
      });
    });

    it('does not conclude it before it started, as the domain would not', () => {
      const { event, doetankAfter } = aDoetank();

      const doetank = doetankAfter([event.proposed(), event.concluded()]);

      expect(doetank?.stage).toBe('proposed');
      expect(doetank?.concludedAt).toBeUndefined();
    });
  });

  describe('given a started Doetank', () => {
    const started = () => {
      const doetank = aDoetank();
      const { event } = doetank;
      return { ...doetank, history: [event.proposed(), event.coachAssigned(), event.started()] };
    };

    it('adds a member who joins, in order of joining', () => {
      const { proposer, member, event, history, doetankAfter } = started();

      expect(doetankAfter([...history, event.joined()])?.memberIds).toEqual([proposer, member]);
    });

    it('moves a member who leaves to the former members, and back when they rejoin', () => {
      const { proposer, member, event, history, doetankAfter } = started();

      const afterLeaving = doetankAfter([...history, event.joined(), event.left()]);
      const afterRejoining = doetankAfter([
        ...history,
        event.joined(),
        event.left(),
        event.joined(member, '2013-02-15T09:00:00.000Z'),
      ]);

      expect(afterLeaving).toMatchObject({ memberIds: [proposer], formerMemberIds: [member] });
      expect(afterRejoining).toMatchObject({ memberIds: [proposer, member], formerMemberIds: [] });
    });

    it('lists shared results and recorded lessons with their business times and counts them', () => {
      const { coach, member, event, history, doetankAfter } = started();

      const doetank = doetankAfter([
        ...history,
        event.joined(),
        event.resultShared(),
        event.lessonRecorded(),
      ]);

      expect(doetank).toMatchObject({
        results: [
          {
            resultId: 'result-1',
            kind: 'report',
            title: 'Het huisloze stadhuis',
            link: 'https://slimmernetwerk.nl/rapport',
            sharedBy: member,
            sharedAt: '2013-03-01T09:00:00.000Z',
          },
        ],
        lessons: [
          {
            lessonId: 'lesson-1',
            lesson: 'Begin bij de burger',
            recordedBy: coach,
            recordedAt: '2013-03-02T09:00:00.000Z',
          },
        ],
        resultCount: 1,
        lessonCount: 1,
      });
    });

    it('concludes it with the date and the conclusion', () => {
      const { event, history, doetankAfter } = started();

      expect(doetankAfter([...history, event.concluded('2013-06-01T09:00:00.000Z')])).toMatchObject({
        stage: 'concluded',
        concludedAt: '2013-06-01T09:00:00.000Z',
        conclusion: 'Het kan.',
      });
    });

    it('keeps the latest business time as its last activity, also when older history is imported later', () => {
      const { event, history, doetankAfter } = started();

      const doetank = doetankAfter([
        ...history,
        event.resultShared('result-1', '2013-03-01T09:00:00.000Z'),
        event.resultShared('result-0', '2013-01-25T09:00:00.000Z'),
      ]);

      expect(doetank?.lastActivityAt).toBe('2013-03-01T09:00:00.000Z');
      expect(doetank?.resultCount).toBe(2);
    });
  });

  describe('given a concluded Doetank', () => {
    it('is not stopped afterwards', () => {
      const { event, doetankAfter } = aDoetank();

      const doetank = doetankAfter([
        event.proposed(),
        event.coachAssigned(),
        event.started(),
        event.concluded(),
        event.stopped('2013-07-01T09:00:00.000Z'),
      ]);

      expect(doetank?.stage).toBe('concluded');
      expect(doetank?.stopReason).toBeUndefined();
    });
  });

  it('ignores events for a Doetank that was never proposed', () => {
    const { event, doetankAfter } = aDoetank();

    expect(doetankAfter([event.joined(), event.started()])).toBeUndefined();
  });

  it('changes nothing when the same events are delivered again', () => {
    const { event } = aDoetank();
    const events = [
      event.proposed(),
      event.coachAssigned(),
      event.started(),
      event.joined(),
      event.resultShared(),
      event.left(),
      event.concluded(),
    ];
    expectIdempotent(doetanksProjection, events, events, events.slice(2, 4));
  });

  it('declares valid indexes by stage, theme, last activity, member and title', () => {
    expect(declaredIndexNames(doetanksProjection)).toEqual([
      'by_stage',
      'by_theme',
      'recently_active',
      'by_member',
      'by_title_key',
    ]);
  });
});
