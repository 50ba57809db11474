import { randomUUID, webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SQLITE_DATABASE } from '@app/stores';
import type { FaultControl } from '@app/resilience/testing';
import { tokenSecretOf } from '../src/auth/auth.module';
import { ApiHarness, faultyEventStore, memberBody, until, type ApiClient } from './api-harness';

/**
 * Security finding: tokens outlived membership and erasure. A member who left or was forgotten could still stop
 * their Doetank, assign a coach (writing events under an erased id) and read the directory with an old token; no
 * token could be revoked, and `exp: 1e20` was accepted.
 */
describe('Tokens and membership', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({
      env: { AUTH_MAX_TOKEN_LIFETIME: '2h', AUTH_MEMBERSHIP_CACHE_SECONDS: '1' },
    });
  });
  afterAll(() => api.stop());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** Requests with this token (and no other). */
  const withToken = (token: string): ApiClient => {
    const client = api.anonymous();
    return {
      request: (m, p, b, h) => client.request(m, p, b, { ...bearer(token), ...h }),
      post: (p, b, h) => client.post(p, b, { ...bearer(token), ...h }),
      put: (p, b, h) => client.put(p, b, { ...bearer(token), ...h }),
    };
  };

  /** A member who joined themselves and proposed a Doetank (so they lead it); their token and the Doetank. */
  async function memberWithDoetank(): Promise<{ memberId: string; token: string; doetankId: string }> {
    const memberId = randomUUID();
    const token = await api.tokenFor('member', memberId);
    expect((await api.post('/members', memberBody(memberId), bearer(token))).status).toBe(201);
    const doetankId = randomUUID();
    const proposal = await api.post(
      '/doetanks',
      { doetankId, title: 'Samen slimmer', problemStatement: 'Hoe werken we samen?', proposedBy: memberId },
      bearer(token),
    );
    expect(proposal.status).toBe(201);
    return { memberId, token, doetankId };
  }

  /** What the member may no longer do: lead their Doetank, read the directory. Nothing may be written. */
  async function expectNoLongerActs(
    client: ApiClient,
    memberId: string,
    doetankId: string,
    status: 'left' | 'forgotten',
  ) {
    const store = api.get<EventStore>(EVENT_STORE);
    const before = await store.streamRevision(streams.doetank(doetankId));
    const attempts = [
      await client.post(`/doetanks/${doetankId}/stop`, { reason: 'Toch niet' }),
      await client.post(`/doetanks/${doetankId}/coach`, { coachId: memberId }),
      await client.request('GET', '/members'),
      await client.request('GET', `/members/${memberId}/personal-data`),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.MEMBER_NOT_ACTIVE' });
      expect(answer.body.detail).toContain(`(${status})`);
    }
    expect(await store.streamRevision(streams.doetank(doetankId))).toBe(before);
  }

  it('refuses the commands and reads of a member who left, with the token they had', async () => {
    const { memberId, token, doetankId } = await memberWithDoetank();
    const member = withToken(token);
    expect((await member.request('GET', '/members')).status).toBe(200);
    expect((await member.post(`/members/${memberId}/leave`, {})).status).toBe(200);
    await expectNoLongerActs(member, memberId, doetankId, 'left');
    // The public side stays open to everyone, with or without a token.
    expect((await api.anonymous().request('GET', '/doetanks')).status).toBe(200);
  });

  it('refuses them for a forgotten member, so no event is written under an erased id', async () => {
    const { memberId, token, doetankId } = await memberWithDoetank();
    expect((await api.post(`/members/${memberId}/forget`, { reason: 'Verzoek van betrokkene' })).status).toBe(
      200,
    );
    const member = withToken(token);
    // The forget is recorded by the coordinator; the member's reads may be trusted for the membership cache's bound.
    await until(
      async () => (await member.request('GET', '/members')).status === 403,
      'the directory refused to a forgotten member',
      10_000,
    );
    await expectNoLongerActs(member, memberId, doetankId, 'forgotten');
  });

  it('decides on the member as they are when the command is decided, not as the token check last saw them', async () => {
    // Two api processes on one store; the first keeps what it read of a member for a minute.
    const first = await ApiHarness.start({ env: { AUTH_MEMBERSHIP_CACHE_SECONDS: '60' } });
    const second = await ApiHarness.start({ dir: first.dir });
    try {
      const memberId = randomUUID();
      const token = await first.tokenFor('member', memberId);
      expect((await first.post('/members', memberBody(memberId), bearer(token))).status).toBe(201);
      const doetankId = randomUUID();
      const proposal = { doetankId, title: 'T', problemStatement: 'P', proposedBy: memberId };
      expect((await first.post('/doetanks', proposal, bearer(token))).status).toBe(201);
      // The member leaves through the second process: the first's token check still knows them as active.
      expect((await second.post(`/members/${memberId}/leave`, {}, bearer(token))).status).toBe(200);
      expect((await first.request('GET', '/members', undefined, bearer(token))).status).toBe(200);
      // Their command passes that check, and is refused by the decision, which reads the member's stream.
      const stop = await first.post(`/doetanks/${doetankId}/stop`, { reason: 'Toch niet' }, bearer(token));
      expect(stop.status).toBe(403);
      expect(stop.body).toMatchObject({ code: 'AUTH.MEMBER_NOT_ACTIVE', details: { status: 'left' } });
      expect(await first.get<EventStore>(EVENT_STORE).streamRevision(streams.doetank(doetankId))).toBe(0);
    } finally {
      await second.stop({ keepFiles: true });
      await first.stop();
    }
  });

  describe('a maximum lifetime (AUTH_MAX_TOKEN_LIFETIME)', () => {
    const secretOf = async () => {
      // The harness's embedded secret signs as `npm run token` does; tokens here need other claims.
      return new TextEncoder().encode(tokenSecretOf(api.config, api.get(SQLITE_DATABASE))!);
    };
    const sign = async (claims: { iat?: number; exp: number }) => {
      let jwt = new SignJWT({ role: 'observer' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(randomUUID())
        .setAudience('slimmernetwerk')
        .setExpirationTime(claims.exp);
      if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
      return jwt.sign(await secretOf());
    };
    const read = async (token: string) =>
      api.anonymous().request('GET', '/projections', undefined, bearer(token));
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a token within it and refuses one beyond it, one without iat and exp: 1e20', async () => {
      expect((await read(await sign({ iat: now(), exp: now() + 3600 }))).status).toBe(200);
      for (const claims of [
        { iat: now(), exp: now() + 3 * 3600 },
        { iat: now(), exp: 1e20 },
        { exp: now() + 60 },
        { iat: now() + 3600, exp: now() + 3700 },
      ]) {
        const answer = await read(await sign(claims));
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
      }
    });

    it('holds for tokens of an identity provider (JWKS) as well', async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
      const idp: Server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
      const address = idp.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const withIdp = await ApiHarness.start({
        env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_MAX_TOKEN_LIFETIME: '1h' },
      });
      try {
        const idpToken = (claims: { iat?: number; exp: number }) => {
          let jwt = new SignJWT({ role: 'observer' })
            .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
            .setSubject(randomUUID())
            .setAudience('slimmernetwerk')
            .setExpirationTime(claims.exp);
          if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
          return jwt.sign(pair.privateKey as webcrypto.CryptoKey);
        };
        const status = async (claims: { iat?: number; exp: number }) =>
          (
            await withIdp
              .anonymous()
              .request('GET', '/projections', undefined, bearer(await idpToken(claims)))
          ).status;
        expect(await status({ iat: now(), exp: now() + 3600 })).toBe(200);
        expect(await status({ iat: now(), exp: now() + 7200 })).toBe(401);
        expect(await status({ iat: now(), exp: 1e20 })).toBe(401);
        expect(await status({ exp: now() + 600 })).toBe(401);
      } finally {
        await withIdp.stop();
        await new Promise((resolve) => idp.close(resolve));
      }
    });
  });

  describe('revocation by a coordinator', () => {
    const nextSecond = async () => {
      const second = Math.floor(Date.now() / 1000);
      await until(() => Math.floor(Date.now() / 1000) > second, 'the next second', 5000);
    };

    it('refuses every token issued before it, also after a restart; newer tokens are accepted', async () => {
      const own = await ApiHarness.start();
      try {
        const memberId = randomUUID();
        const old = await own.tokenFor('member', memberId);
        expect((await own.post('/members', memberBody(memberId), bearer(old))).status).toBe(201);
        const coordinatorOfSameId = await own.tokenFor('coordinator', memberId);
        expect((await own.request('GET', '/members', undefined, bearer(old))).status).toBe(200);

        // Only coordinators revoke; an unknown member cannot be revoked.
        expect((await own.post(`/members/${memberId}/token-revocations`, {}, bearer(old))).status).toBe(403);
        expect((await own.post(`/members/${randomUUID()}/token-revocations`, {})).status).toBe(404);
        const revocation = await own.post(`/members/${memberId}/token-revocations`, {
          reason: 'Laptop verloren',
        });
        expect(revocation.status).toBe(200);
        expect(revocation.body.events).toEqual([expect.objectContaining({ type: 'MemberTokensRevoked' })]);

        const refused = async (token: string) => {
          for (const answer of [
            await own.request('GET', '/members', undefined, bearer(token)),
            await own.post(
              `/members/${memberId}/affiliation`,
              memberBody(memberId, { organisation: 'X' }),
              bearer(token),
            ),
          ]) {
            expect(answer.status).toBe(401);
            expect(answer.body).toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
            expect(answer.headers.get('www-authenticate')).toContain('invalid_token');
          }
        };
        await refused(old);
        // Any role with the member's id: a coordinator token of theirs too.
        await refused(coordinatorOfSameId);

        await nextSecond();
        const fresh = await own.tokenFor('member', memberId);
        expect((await own.request('GET', '/members', undefined, bearer(fresh))).status).toBe(200);

        await own.restart();
        await refused(old);
        expect((await own.request('GET', '/members', undefined, bearer(fresh))).status).toBe(200);
      } finally {
        await own.stop();
      }
    });

    it('reaches another api process on the same store within AUTH_MEMBERSHIP_CACHE_SECONDS', async () => {
      const first = await ApiHarness.start({ env: { AUTH_MEMBERSHIP_CACHE_SECONDS: '2' } });
      const second = await ApiHarness.start({ dir: first.dir, env: { AUTH_MEMBERSHIP_CACHE_SECONDS: '2' } });
      try {
        const memberId = randomUUID();
        const token = await first.tokenFor('member', memberId);
        expect((await first.post('/members', memberBody(memberId), bearer(token))).status).toBe(201);
        // The second process reads (and keeps) the member's state before the revocation.
        expect((await second.request('GET', '/members', undefined, bearer(token))).status).toBe(200);
        expect((await first.post(`/members/${memberId}/token-revocations`, {})).status).toBe(200);
        const revokedAt = Date.now();
        await until(
          async () => (await second.request('GET', '/members', undefined, bearer(token))).status === 401,
          'the revocation seen by the second process',
          15_000,
        );
        // Within the bound (2 s), with room for a busy machine.
        expect(Date.now() - revokedAt).toBeLessThan(8_000);
      } finally {
        await second.stop({ keepFiles: true });
        await first.stop();
      }
    });
  });

  it('goes by what it last read of a member while the event store cannot be read, so reads stay available', async () => {
    let faults!: FaultControl;
    const own = await ApiHarness.start({
      env: { AUTH_MEMBERSHIP_CACHE_SECONDS: '1' },
      wrapStores: {
        eventStore: faultyEventStore((f) => (faults = f)),
      },
    });
    try {
      const revoked = randomUUID();
      const token = await own.tokenFor('member', revoked);
      expect((await own.post('/members', memberBody(revoked), bearer(token))).status).toBe(201);
      expect((await own.post(`/members/${revoked}/token-revocations`, {})).status).toBe(200);
      const read = (sender: string) => own.request('GET', '/members', undefined, bearer(sender));
      expect((await read(token)).status).toBe(401);

      faults.fail('*');
      // Past the cache's second: the revocation it read holds; a signed-in read of the read store still answers.
      const seen = Date.now();
      await until(() => Date.now() - seen > 1500, 'the membership cache expired', 5000);
      expect((await read(token)).status).toBe(401);
      expect((await own.request('GET', '/members')).status).toBe(200);
      // A command needs the event store: 503, and the member's state is read again once it answers.
      expect((await own.post(`/members/${revoked}/leave`, {})).status).toBe(503);
      faults.clear();
      expect((await read(token)).status).toBe(401);
    } finally {
      faults.clear();
      await own.stop();
    }
  });
});
