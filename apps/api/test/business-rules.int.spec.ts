import { randomUUID } from 'node:crypto';
import {
  ApiHarness,
  gatheringBody,
  joinMember,
  ok,
  refusedWithoutWriting,
  type HttpAnswer,
} from './api-harness';

/**
 * Every business rule of the deciders (libs/domain), refused over HTTP: the right status, a stable code, a message that says
 * what is wrong, and not one event written. (The deciders' unit tests cover each rule's allowed and refused
 * cases in depth; this proves the refusals reach the caller intact and leave the store untouched.)
 */
describe('Business rules over HTTP', () => {
  const api = ApiHarness.forTests();

  const member = () => joinMember(api);
  const leftMember = async () => {
    const id = await member();
    await ok(api.post(`/members/${id}/leave`, {}));
    return id;
  };
  const proposed = async () => {
    const proposer = await member();
    const body = await ok(
      api.post('/doetanks', {
        title: 'Open data in de wijk',
        problemStatement: 'Data ligt op de plank.',
        proposedBy: proposer,
      }),
    );
    return { doetankId: body.aggregateId as string, proposer };
  };
  const started = async () => {
    const d = await proposed();
    const coach = await member();
    await ok(api.post(`/doetanks/${d.doetankId}/coach`, { coachId: coach }));
    await ok(api.post(`/doetanks/${d.doetankId}/start`, {}));
    return { ...d, coach };
  };
  const concluded = async () => {
    const d = await started();
    await ok(api.post(`/doetanks/${d.doetankId}/conclude`, {}));
    return d;
  };
  const stopped = async () => {
    const d = await proposed();
    await ok(api.post(`/doetanks/${d.doetankId}/stop`, { reason: 'Geen opdrachtgever gevonden' }));
    return d;
  };
  const gathering = async (overrides: Record<string, unknown> = {}) => {
    const body = await ok(
      api.post(
        '/gatherings',
        gatheringBody({ startsAt: '2012-05-10T16:00:00Z', occurredAt: '2012-04-01T09:00:00Z', ...overrides }),
      ),
    );
    return body.aggregateId as string;
  };
  const year = () => 2030 + Math.floor(Math.random() * 60);

  /** Sends a refused request and checks status, code, message and that nothing was written. */
  const refused = (
    send: () => Promise<HttpAnswer>,
    expected: { status: number; code: string; detail?: RegExp },
  ) => refusedWithoutWriting(api, send, expected);

  describe('Member', () => {
    it('requires a known sector and role (400)', async () => {
      await refused(
        () =>
          api.post('/members', {
            name: 'A',
            email: `${randomUUID()}@x.nl`,
            organisation: 'O',
            sector: 'bank',
            role: 'professional',
          }),
        { status: 400, code: 'REQUEST.INVALID', detail: /sector/ },
      );
    });

    it('allows one membership per e-mail address (409), whatever its case', async () => {
      const email = `${randomUUID()}@utrecht.nl`;
      await joinMember(api, { email });
      await refused(
        () =>
          api.post('/members', {
            name: 'B',
            email: email.toUpperCase(),
            organisation: 'O',
            sector: 'rijk',
            role: 'manager',
          }),
        {
          status: 409,
          code: 'MEMBER.EMAIL_IN_USE',
        },
      );
    });

    it('refuses a second join with the same member id (409)', async () => {
      const id = await member();
      await refused(
        () =>
          api.post('/members', {
            memberId: id,
            name: 'B',
            email: `${randomUUID()}@x.nl`,
            organisation: 'O',
            sector: 'rijk',
            role: 'manager',
          }),
        { status: 409, code: 'MEMBER.ALREADY_EXISTS' },
      );
    });

    it('refuses anything from a member who left (409)', async () => {
      const id = await leftMember();
      await refused(
        () =>
          api.post(`/members/${id}/affiliation`, {
            organisation: 'Rijkswaterstaat',
            sector: 'rijk',
            role: 'manager',
          }),
        {
          status: 409,
          code: 'MEMBER.NOT_ACTIVE',
        },
      );
    });

    it('refuses to forget a member twice (409)', async () => {
      const id = await member();
      await ok(api.post(`/members/${id}/forget`, { reason: 'Verzoek van betrokkene (AVG art. 17)' }));
      await refused(() => api.post(`/members/${id}/forget`, { reason: 'nogmaals' }), {
        status: 409,
        code: 'MEMBER.ALREADY_FORGOTTEN',
      });
    });

    it('answers 404 for an unknown member', async () => {
      await refused(() => api.post(`/members/${randomUUID()}/leave`, {}), {
        status: 404,
        code: 'MEMBER.NOT_FOUND',
      });
    });
  });

  describe('Doetank', () => {
    it('must be proposed by an active member (409)', async () => {
      const gone = await leftMember();
      await refused(() => api.post('/doetanks', { title: 'T', problemStatement: 'P', proposedBy: gone }), {
        status: 409,
        code: 'DOETANK.PROPOSER_NOT_ACTIVE',
      });
    });

    it('may only refer to a theme that is defined (404)', async () => {
      const proposer = await member();
      await refused(
        () =>
          api.post('/doetanks', {
            title: 'T',
            problemStatement: 'P',
            proposedBy: proposer,
            themeId: `${year()}-bestaat-niet`,
          }),
        { status: 404, code: 'NETWORK.UNKNOWN_THEME' },
      );
    });

    it('cannot start without a coach (409)', async () => {
      const { doetankId } = await proposed();
      await refused(() => api.post(`/doetanks/${doetankId}/start`, {}), {
        status: 409,
        code: 'DOETANK.NO_COACH',
      });
    });

    it('has one coach at a time: assigning the same coach again is refused (409)', async () => {
      const { doetankId, coach } = await started();
      await refused(() => api.post(`/doetanks/${doetankId}/coach`, { coachId: coach }), {
        status: 409,
        code: 'DOETANK.COACH_ALREADY_ASSIGNED',
      });
    });

    it('takes only active members (409)', async () => {
      const { doetankId } = await started();
      const gone = await leftMember();
      await refused(() => api.post(`/doetanks/${doetankId}/members`, { memberId: gone }), {
        status: 409,
        code: 'DOETANK.MEMBER_NOT_ACTIVE',
      });
    });

    it('takes nobody new after it concluded (409)', async () => {
      const { doetankId } = await concluded();
      const newcomer = await member();
      await refused(() => api.post(`/doetanks/${doetankId}/members`, { memberId: newcomer }), {
        status: 409,
        code: 'DOETANK.ALREADY_CLOSED',
      });
    });

    it('lets nobody leave after it stopped (409)', async () => {
      const { doetankId, proposer } = await stopped();
      await refused(() => api.post(`/doetanks/${doetankId}/members/${proposer}/leave`, {}), {
        status: 409,
        code: 'DOETANK.ALREADY_CLOSED',
      });
    });

    it('takes no results after it concluded (409)', async () => {
      const { doetankId, proposer } = await concluded();
      await refused(
        () =>
          api.post(`/doetanks/${doetankId}/results`, {
            kind: 'report',
            title: 'Te laat',
            sharedBy: proposer,
          }),
        {
          status: 409,
          code: 'DOETANK.ALREADY_CLOSED',
        },
      );
    });

    it('takes results only from its members or coach (403)', async () => {
      const { doetankId } = await started();
      const outsider = await member();
      await refused(
        () => api.post(`/doetanks/${doetankId}/results`, { kind: 'film', title: 'Film', sharedBy: outsider }),
        {
          status: 403,
          code: 'DOETANK.NOT_A_MEMBER',
        },
      );
    });

    it('takes lessons only from its members or coach (403)', async () => {
      const { doetankId } = await started();
      const outsider = await member();
      await refused(
        () => api.post(`/doetanks/${doetankId}/lessons`, { lesson: 'Begin klein', recordedBy: outsider }),
        {
          status: 403,
          code: 'DOETANK.NOT_A_MEMBER',
        },
      );
    });

    it('needs a known kind for a result (400)', async () => {
      const { doetankId, proposer } = await started();
      await refused(
        () => api.post(`/doetanks/${doetankId}/results`, { kind: 'poster', title: 'X', sharedBy: proposer }),
        {
          status: 400,
          code: 'REQUEST.INVALID',
          detail: /kind/,
        },
      );
    });

    it('needs a reason to stop (400)', async () => {
      const { doetankId } = await proposed();
      await refused(() => api.post(`/doetanks/${doetankId}/stop`, { reason: '   ' }), {
        status: 400,
        code: 'REQUEST.INVALID',
      });
    });

    it('cannot be stopped once concluded (409)', async () => {
      const { doetankId } = await concluded();
      await refused(() => api.post(`/doetanks/${doetankId}/stop`, { reason: 'Toch stoppen' }), {
        status: 409,
        code: 'DOETANK.ALREADY_CLOSED',
      });
    });

    it('cannot conclude before it started (409)', async () => {
      const { doetankId } = await proposed();
      await refused(() => api.post(`/doetanks/${doetankId}/conclude`, {}), {
        status: 409,
        code: 'DOETANK.NOT_STARTED',
      });
    });

    it('answers 404 for an unknown Doetank', async () => {
      await refused(() => api.post(`/doetanks/${randomUUID()}/start`, {}), {
        status: 404,
        code: 'DOETANK.NOT_FOUND',
      });
    });
  });

  describe('Gathering', () => {
    it('has a kind of cafe, grand-cafe or masterclass (400)', async () => {
      await refused(() => api.post('/gatherings', gatheringBody({ kind: 'borrel' })), {
        status: 400,
        code: 'REQUEST.INVALID',
        detail: /kind/,
      });
    });

    it('respects its capacity (409)', async () => {
      const gatheringId = await gathering({ capacity: 1 });
      await ok(api.post(`/gatherings/${gatheringId}/registrations`, { memberId: await member() }));
      const late = await member();
      await refused(() => api.post(`/gatherings/${gatheringId}/registrations`, { memberId: late }), {
        status: 409,
        code: 'GATHERING.FULL',
      });
    });

    it('takes no registration after it was held (409)', async () => {
      const gatheringId = await gathering();
      await ok(
        api.post(`/gatherings/${gatheringId}/held`, { attendees: [], occurredAt: '2012-05-10T22:00:00Z' }),
      );
      const late = await member();
      await refused(() => api.post(`/gatherings/${gatheringId}/registrations`, { memberId: late }), {
        status: 409,
        code: 'GATHERING.CLOSED',
      });
    });

    it('takes no registration after it was cancelled (409)', async () => {
      const gatheringId = await gathering();
      await ok(api.post(`/gatherings/${gatheringId}/cancel`, { reason: 'Zaal niet beschikbaar' }));
      const late = await member();
      await refused(() => api.post(`/gatherings/${gatheringId}/registrations`, { memberId: late }), {
        status: 409,
        code: 'GATHERING.CLOSED',
      });
    });

    it('records attendance on or after its date only (409)', async () => {
      const gatheringId = await gathering();
      await refused(
        () =>
          api.post(`/gatherings/${gatheringId}/held`, { attendees: [], occurredAt: '2012-05-09T12:00:00Z' }),
        {
          status: 409,
          code: 'GATHERING.NOT_YET_HELD',
        },
      );
    });

    it('spotlights only a Doetank that exists (404)', async () => {
      const gatheringId = await gathering();
      await refused(
        () => api.post(`/gatherings/${gatheringId}/programme`, { title: 'Pitch', doetankId: randomUUID() }),
        {
          status: 404,
          code: 'GATHERING.UNKNOWN_DOETANK',
        },
      );
    });

    it('registers only active members (409)', async () => {
      const gatheringId = await gathering();
      const gone = await leftMember();
      await refused(() => api.post(`/gatherings/${gatheringId}/registrations`, { memberId: gone }), {
        status: 409,
        code: 'GATHERING.MEMBER_NOT_ACTIVE',
      });
    });
  });

  describe('Network year', () => {
    it('keeps themes in their own year (400)', async () => {
      const y = year();
      await refused(
        () =>
          api.put(`/network-years/${y}/themes`, {
            themes: [{ themeId: `${y + 1}-open-data`, title: 'Open data' }],
          }),
        {
          status: 400,
          code: 'NETWORK.THEME_OF_OTHER_YEAR',
        },
      );
    });

    it('never removes a theme that a Doetank refers to (409)', async () => {
      const y = year();
      const themes = [
        { themeId: `${y}-open-overheidsdata`, title: 'Openstellen van overheidsdata' },
        { themeId: `${y}-gemeente-zonder-huis`, title: 'De gemeente zonder huis' },
      ];
      await ok(api.put(`/network-years/${y}/themes`, { themes }));
      const proposer = await member();
      await ok(
        api.post('/doetanks', {
          title: 'T',
          problemStatement: 'P',
          proposedBy: proposer,
          themeId: themes[0].themeId,
        }),
      );
      await refused(() => api.put(`/network-years/${y}/themes`, { themes: [themes[1]] }), {
        status: 409,
        code: 'NETWORK.THEME_IN_USE',
        detail: new RegExp(themes[0].themeId),
      });
    });

    it('appoints the same strategic partner once (409)', async () => {
      const y = year();
      await ok(api.post(`/network-years/${y}/strategic-partners`, { organisation: 'KING' }));
      await refused(() => api.post(`/network-years/${y}/strategic-partners`, { organisation: 'king' }), {
        status: 409,
        code: 'NETWORK.PARTNER_ALREADY_APPOINTED',
      });
    });
  });

  describe('Discussion', () => {
    it('is started by an active member (409)', async () => {
      const gone = await leftMember();
      await refused(
        () =>
          api.post('/discussions', {
            title: 'T',
            link: 'https://www.linkedin.com/groups/1',
            startedBy: gone,
          }),
        {
          status: 409,
          code: 'DISCUSSION.STARTER_NOT_ACTIVE',
        },
      );
    });

    it('refers only to a Doetank that exists (404)', async () => {
      const starter = await member();
      await refused(
        () =>
          api.post('/discussions', {
            title: 'T',
            link: 'https://www.linkedin.com/groups/1',
            startedBy: starter,
            doetankId: randomUUID(),
          }),
        { status: 404, code: 'DISCUSSION.UNKNOWN_DOETANK' },
      );
    });

    it('closes once (409)', async () => {
      const starter = await member();
      const body = await ok(
        api.post('/discussions', {
          title: 'T',
          link: 'https://www.linkedin.com/groups/1',
          startedBy: starter,
        }),
      );
      await ok(api.post(`/discussions/${body.aggregateId}/close`, {}));
      await refused(() => api.post(`/discussions/${body.aggregateId}/close`, {}), {
        status: 409,
        code: 'DISCUSSION.ALREADY_CLOSED',
      });
    });
  });
});
