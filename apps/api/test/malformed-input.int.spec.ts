import {
  COMMAND_NAMES,
  examplePath,
  REQUEST_EXAMPLES,
  type CommandName,
} from '../src/testing/request-examples';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, type HttpAnswer } from './api-harness';

/**
 * Every command endpoint refuses malformed input with a problem-details 4xx and writes nothing. The bodies start
 * from each command's valid example (shared with the DTO unit tests) and break one thing at a time.
 */

/** A field each command requires (commands without own fields have none). */
const REQUIRED_FIELD: Partial<Record<CommandName, string>> = {
  JoinNetwork: 'email',
  ChangeAffiliation: 'organisation',
  ForgetMember: 'reason',
  ProposeDoetank: 'problemStatement',
  SharpenProblemStatement: 'problemStatement',
  AssignCoach: 'coachId',
  SecureClient: 'organisation',
  JoinDoetank: 'memberId',
  ShareResult: 'kind',
  RecordLesson: 'lesson',
  StopDoetank: 'reason',
  ScheduleGathering: 'capacity',
  RegisterForGathering: 'memberId',
  AddProgrammeItem: 'title',
  RecordGatheringHeld: 'attendees',
  CancelGathering: 'reason',
  DefineYearThemes: 'themes',
  AppointStrategicPartner: 'organisation',
  AddSupporter: 'name',
  StartDiscussion: 'link',
};

/** A body field that holds an id, to break with a non-UUID (commands whose ids are all in the path have none). */
const ID_FIELD: Partial<Record<CommandName, string>> = {
  JoinNetwork: 'memberId',
  ProposeDoetank: 'proposedBy',
  SharpenProblemStatement: 'sharpenedBy',
  AssignCoach: 'coachId',
  JoinDoetank: 'memberId',
  ShareResult: 'sharedBy',
  RecordLesson: 'recordedBy',
  ScheduleGathering: 'gatheringId',
  RegisterForGathering: 'memberId',
  AddProgrammeItem: 'doetankId',
  AddSupporter: 'supporterId',
  StartDiscussion: 'startedBy',
};

describe('Malformed input to a command endpoint', () => {
  let api: ApiHarness;
  let store: EventStore;
  beforeAll(async () => {
    api = await ApiHarness.start();
    store = api.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => api.stop());

  const send = (name: CommandName, body: unknown, params?: Record<string, string>, raw = false) => {
    const example = REQUEST_EXAMPLES[name];
    return api.request(example.method, examplePath(example, params), raw ? body : body, {});
  };

  /** Sends, then checks the answer is a problem with the status, and that the log did not grow. */
  const expectRefused = async (send: () => Promise<HttpAnswer>, status: number, mention?: RegExp) => {
    const before = await store.headPosition();
    const answer = await send();
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { status } });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.detail).toEqual(expect.any(String));
    if (mention) expect(answer.body.detail).toMatch(mention);
    expect(await store.headPosition()).toBe(before);
    return answer;
  };

  describe.each(COMMAND_NAMES)('%s', (name) => {
    const example = REQUEST_EXAMPLES[name];
    const body = example.body as Record<string, unknown>;
    const required = REQUIRED_FIELD[name];
    const idField = ID_FIELD[name];

    if (required) {
      it(`refuses a body without ${required} (400)`, async () => {
        const { [required]: _removed, ...rest } = body;
        await expectRefused(() => send(name, rest), 400, new RegExp(required));
      });

      it(`refuses ${required} of the wrong type (400)`, async () => {
        await expectRefused(
          () => send(name, { ...body, [required]: { wrong: 'type' } }),
          400,
          new RegExp(required),
        );
      });
    }

    it('refuses an unknown field (400)', async () => {
      await expectRefused(() => send(name, { ...body, isAdmin: true }), 400, /isAdmin should not exist/);
    });

    it('refuses a body over the size limit (413)', async () => {
      await expectRefused(() => send(name, { ...body, padding: 'x'.repeat(100 * 1024) }), 413);
    });

    it('refuses a body that is not JSON (400)', async () => {
      const before = await store.headPosition();
      const answer = await api.request(example.method, examplePath(example), '{"title": ', {
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(400);
      expect(await store.headPosition()).toBe(before);
    });

    it('refuses a JSON array instead of an object (400)', async () => {
      await expectRefused(() => send(name, [body]), 400);
    });

    it('refuses a business time that is not a date (400)', async () => {
      await expectRefused(
        () => send(name, { ...body, occurredAt: '2013-02-30T10:00:00Z' }),
        400,
        /occurredAt/,
      );
      await expectRefused(() => send(name, { ...body, occurredAt: 'yesterday' }), 400, /occurredAt/);
    });

    it('refuses a business time in the future (400)', async () => {
      await expectRefused(() => send(name, { ...body, occurredAt: '2999-01-01T00:00:00Z' }), 400, /future/);
    });

    const pathParams = Object.keys(example.params);
    for (const param of pathParams) {
      it(`refuses a path ${param} that is not an id (400)`, async () => {
        const bad = param === 'year' ? '20x3' : 'not-a-uuid';
        await expectRefused(
          () => send(name, body, { ...example.params, [param]: bad }),
          400,
          new RegExp(param),
        );
      });
    }

    if (idField) {
      it(`refuses a body ${idField} that is not an id (400)`, async () => {
        await expectRefused(() => send(name, { ...body, [idField]: 'member-42' }), 400, new RegExp(idField));
      });
    }
  });
});
