import { apiRoutes } from '../routes/api-routes';
import type { RouteEntry } from '../routes/route-catalogue';
import { ACCESS_MATRIX, accessMatrix, accessRowOf } from './access-matrix';
import { OPEN_ACCESS } from './access.decorators';

const route = (overrides: Partial<RouteEntry>): RouteEntry => ({
  method: 'GET',
  path: '/things',
  status: 200,
  source: 'ThingsController.list',
  ...overrides,
});

describe('The authorisation matrix', () => {
  it('has one row per route of the API, each route once', () => {
    const keys = ACCESS_MATRIX.map((row) => `${row.method} ${row.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(apiRoutes().length);
  });

  it('names the rule for every member who may act only as themselves or as lead', () => {
    for (const row of ACCESS_MATRIX) {
      if (row.member === 'self' || row.member === 'lead') expect(row.rule).toEqual(expect.any(String));
    }
  });

  it('refuses a route that declares no access, or does not say what it does', () => {
    expect(() => accessMatrix([route({ shows: 'things' })])).toThrow(
      'GET /things (ThingsController.list) declares no access',
    );
    expect(() => accessMatrix([route({ access: OPEN_ACCESS })])).toThrow(/does not say what it does/);
  });

  it('reads each column from the declarations', () => {
    const member = { roles: ['coordinator', 'member'] as const };
    expect(
      accessRowOf(
        route({
          method: 'POST',
          path: '/doetanks/:doetankId/results',
          access: { roles: [...member.roles] },
          memberRule: {
            kind: 'self',
            from: 'body',
            field: 'sharedBy',
            required: false,
            note: 'and a member of it',
          },
          command: { name: 'ShareResult' },
        }),
      ),
    ).toEqual({
      method: 'POST',
      path: '/doetanks/:doetankId/results',
      action: 'ShareResult',
      anonymous: 'no',
      observer: 'no',
      member: 'self',
      coordinator: 'yes',
      rule: 'body `sharedBy` (and a member of it)',
    });
    expect(
      accessRowOf(
        route({
          access: { roles: ['coordinator', 'member'] },
          memberRule: { kind: 'doetank-lead', param: 'doetankId' },
          command: { name: 'StartDoetank', note: 'x' },
        }),
      ),
    ).toMatchObject({ action: 'StartDoetank (x)', member: 'lead', rule: 'the Doetank’s proposer or coach' });
    expect(
      accessRowOf(
        route({
          access: { roles: ['coordinator', 'member', 'observer'], publicRead: true },
          shows: 'things',
        }),
      ),
    ).toEqual(
      expect.objectContaining({ anonymous: 'public', observer: 'yes', member: 'yes', coordinator: 'yes' }),
    );
    expect(accessRowOf(route({ access: OPEN_ACCESS, shows: 'things' })).anonymous).toBe('open');
    expect(accessRowOf(route({ access: { roles: ['coordinator'] }, shows: 'things' }))).toMatchObject({
      anonymous: 'no',
      observer: 'no',
      member: 'no',
      coordinator: 'yes',
    });
  });
});
