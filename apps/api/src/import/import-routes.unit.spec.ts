import { COMMAND_NAMES, REQUEST_EXAMPLES } from '@app/contracts/http/testing/request-examples';
import {
  IMPORT_COMMANDS,
  IMPORT_ROUTES,
  isImportCommand,
  pathParameters,
  resolvePath,
} from './import-routes';

describe('The import route table', () => {
  it('has a route for every command of the API, and no other', () => {
    expect([...IMPORT_COMMANDS].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(COMMAND_NAMES)('sends %s to the method and path of its controller', (command) => {
    const { method, path } = REQUEST_EXAMPLES[command];
    expect(IMPORT_ROUTES[command]).toEqual({ method, path });
  });

  it('knows commands by their exact name only', () => {
    expect(isImportCommand('JoinNetwork')).toBe(true);
    expect(isImportCommand('joinnetwork')).toBe(false);
    expect(isImportCommand('toString')).toBe(false);
  });
});

describe('Filling a path template', () => {
  it('lists the parameters in order', () => {
    expect(pathParameters('/doetanks/:doetankId/members/:memberId/leave')).toEqual(['doetankId', 'memberId']);
  });

  it('fills every parameter, encoded', () => {
    expect(resolvePath('/network-years/:year/themes', { year: '2013' })).toEqual({
      ok: true,
      path: '/network-years/2013/themes',
    });
    expect(resolvePath('/discussions/:discussionId/close', { discussionId: 'a/b' })).toEqual({
      ok: true,
      path: '/discussions/a%2Fb/close',
    });
  });

  it('refuses a missing parameter and a parameter the route does not take', () => {
    expect(resolvePath('/doetanks/:doetankId/start', {})).toMatchObject({ ok: false });
    expect(resolvePath('/members', { memberId: 'x' })).toMatchObject({ ok: false });
  });
});
