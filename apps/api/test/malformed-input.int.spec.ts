import { commandExamples, examplePath, type RoutedExample } from '../src/testing/command-examples';
import { ApiHarness, refusedWithoutWriting, type HttpAnswer } from './api-harness';

/**
 * Every command endpoint refuses malformed input with a problem-details 4xx and writes nothing. The bodies start
 * from each command's valid example (in its folder, shared with the DTO unit tests) and break one thing at a time:
 * a required field and an id field (the first of each in the example's field table), the business time, the path.
 */

const EXAMPLES = [...commandExamples().values()];

describe('Malformed input to a command endpoint', () => {
  const api = ApiHarness.forTests();

  const send = (example: RoutedExample, body: unknown, params?: Record<string, string>) =>
    api.request(example.method, examplePath(example, params), body, {});

  /** Sends, then checks the answer is a problem with the status (mentioning `mention`), and nothing was written. */
  const expectRefused = (send: () => Promise<HttpAnswer>, status: number, mention?: RegExp) =>
    refusedWithoutWriting(api, send, { status, detail: mention });

  describe.each(EXAMPLES.map((example) => [example.command, example] as const))('%s', (_name, example) => {
    const body = example.body as Record<string, unknown>;
    const required = example.required[0];
    const idField = Object.keys(example.fields).find(
      (field) => example.fields[field].kind === 'id' && body[field] !== undefined,
    );

    if (required) {
      it(`refuses a body without ${required} (400)`, async () => {
        const { [required]: _removed, ...rest } = body;
        await expectRefused(() => send(example, rest), 400, new RegExp(required));
      });

      it(`refuses ${required} of the wrong type (400)`, async () => {
        await expectRefused(
          () => send(example, { ...body, [required]: { wrong: 'type' } }),
          400,
          new RegExp(required),
        );
      });
    }

    it('refuses an unknown field (400)', async () => {
      await expectRefused(() => send(example, { ...body, isAdmin: true }), 400, /isAdmin should not exist/);
    });

    it('refuses an unknown key `prototype`, which the validation used to drop silently (400)', async () => {
      await expectRefused(
        () => send(example, JSON.stringify({ ...body, prototype: { isAdmin: true } })),
        400,
        /property prototype should not exist/,
      );
    });

    it('refuses a body that is not application/json (415)', async () => {
      const form = new URLSearchParams(
        Object.entries(body).map(([key, value]) => [key, String(value)] as [string, string]),
      ).toString();
      const answer = await expectRefused(
        () =>
          api.request(example.method, examplePath(example), form, {
            'content-type': 'application/x-www-form-urlencoded',
          }),
        415,
      );
      expect(answer.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a body over the size limit (413)', async () => {
      await expectRefused(() => send(example, { ...body, padding: 'x'.repeat(100 * 1024) }), 413);
    });

    it('refuses a body that is not JSON (400)', async () => {
      const before = await api.eventStore.headPosition();
      const answer = await api.request(example.method, examplePath(example), '{"title": ', {
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(400);
      expect(await api.eventStore.headPosition()).toBe(before);
    });

    it('refuses a JSON array instead of an object (400)', async () => {
      await expectRefused(() => send(example, [body]), 400);
    });

    it('refuses a business time that is not a date (400)', async () => {
      await expectRefused(
        () => send(example, { ...body, occurredAt: '2013-02-30T10:00:00Z' }),
        400,
        /occurredAt/,
      );
      await expectRefused(() => send(example, { ...body, occurredAt: 'yesterday' }), 400, /occurredAt/);
    });

    it('refuses a business time in the future (400)', async () => {
      await expectRefused(
        () => send(example, { ...body, occurredAt: '2999-01-01T00:00:00Z' }),
        400,
        /future/,
      );
    });

    const pathParams = Object.keys(example.params);
    for (const param of pathParams) {
      it(`refuses a path ${param} that is not an id (400)`, async () => {
        const bad = param === 'year' ? '20x3' : 'not-a-uuid';
        await expectRefused(
          () => send(example, body, { ...example.params, [param]: bad }),
          400,
          new RegExp(param),
        );
      });
    }

    if (idField) {
      it(`refuses a body ${idField} that is not an id (400)`, async () => {
        await expectRefused(
          () => send(example, { ...body, [idField]: 'member-42' }),
          400,
          new RegExp(idField),
        );
      });
    }
  });
});
