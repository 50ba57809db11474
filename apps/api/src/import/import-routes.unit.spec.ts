import { apiRoutes } from '../routes/api-routes';
import { importRoutes, isImportCommand, resolvePath } from './import-routes';

describe('The import route table', () => {
  it('sends every command to the method and path of the route that declares it', () => {
    for (const [name, route] of importRoutes()) {
      const declared = apiRoutes().filter((candidate) => candidate.command?.name === name);
      expect(declared.map(({ method, path }) => ({ method, path }))).toEqual([route]);
    }
    expect(importRoutes().size).toBe(apiRoutes().filter((route) => route.command).length);
  });

  it('has the routes the controllers declare', () => {
    expect(importRoutes().get('ProposeDoetank')).toEqual({ method: 'POST', path: '/doetanks' });
    expect(importRoutes().get('DefineYearThemes')).toEqual({
      method: 'PUT',
      path: '/network-years/:year/themes',
    });
    expect(importRoutes().get('LeaveDoetank')).toEqual({
      method: 'POST',
      path: '/doetanks/:doetankId/members/:memberId/leave',
    });
  });

  it('knows commands by their exact name only', () => {
    expect(isImportCommand('JoinNetwork')).toBe(true);
    expect(isImportCommand('joinnetwork')).toBe(false);
    expect(isImportCommand('toString')).toBe(false);
    // A command of the domain that no route sends is not for imports.
    expect(isImportCommand('AdoptTheme')).toBe(false);
  });
});

describe('Filling a path template', () => {
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
