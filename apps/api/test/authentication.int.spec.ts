import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID, webcrypto } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ACCESS_MATRIX } from '../src/auth/access-matrix';
import { issueToken } from '../src/auth/token-issuer';
import { loadAppConfig } from '../src/config/app.config';
import { ApiHarness, joinMember } from './api-harness';

/** Bearer tokens: what verifies, what does not, and where the acting member comes from. */
describe('Authentication', () => {
  let api: ApiHarness;
  const secret = 'a-test-secret-of-at-least-thirty-two-characters';
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { AUTH_JWT_SECRET: secret } });
  });
  afterAll(() => api.stop());

  const key = new TextEncoder().encode(secret);
  const sign = (
    claims: Record<string, unknown>,
    options: { alg?: string; exp?: number; aud?: string; sub?: string; key?: Uint8Array } = {},
  ) => {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setIssuedAt();
    if (options.sub !== '') jwt = jwt.setSubject(options.sub ?? randomUUID());
    if (options.aud !== '') jwt = jwt.setAudience(options.aud ?? 'slimmernetwerk');
    jwt = jwt.setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600);
    return jwt.sign(options.key ?? key);
  };
  const propose = (token: string | undefined, proposedBy = randomUUID()) =>
    api
      .anonymous()
      .post(
        '/doetanks',
        { title: 'T', problemStatement: 'P', proposedBy },
        token === undefined ? {} : { authorization: token },
      );

  describe('refuses with 401 and a Bearer challenge', () => {
    const cases: [string, () => Promise<string>][] = [
      ['no token', async () => ''],
      ['another scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['garbage', async () => 'Bearer not.a.jwt'],
      [
        'a token signed with another secret',
        async () =>
          `Bearer ${await sign({ role: 'coordinator' }, { key: new TextEncoder().encode('x'.repeat(40)) })}`,
      ],
      [
        'an expired token',
        async () =>
          `Bearer ${await sign({ role: 'coordinator' }, { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      ],
      [
        'a token for another audience',
        async () => `Bearer ${await sign({ role: 'coordinator' }, { aud: 'someone-else' })}`,
      ],
      [
        'a token without an expiry',
        async () =>
          `Bearer ${await new SignJWT({ role: 'coordinator' }).setProtectedHeader({ alg: 'HS256' }).setSubject(randomUUID()).setAudience('slimmernetwerk').sign(key)}`,
      ],
      ['a token without a role', async () => `Bearer ${await sign({})}`],
      ['a token with an unknown role', async () => `Bearer ${await sign({ role: 'admin' })}`],
      [
        'a token whose subject is no member id',
        async () => `Bearer ${await sign({ role: 'member' }, { sub: 'alice' })}`,
      ],
      [
        'a member token for "system"',
        async () => `Bearer ${await sign({ role: 'member' }, { sub: 'system' })}`,
      ],
      [
        'an unsigned token (alg none)',
        async () => {
          const body = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          return `Bearer ${body({ alg: 'none' })}.${body({ sub: randomUUID(), role: 'coordinator', aud: 'slimmernetwerk', exp: 9999999999 })}.`;
        },
      ],
      [
        'a token with a forged signature',
        async () => {
          const [h, p] = (await sign({ role: 'member' })).split('.');
          const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
          return `Bearer ${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'coordinator' })).toString('base64url')}.${'A'.repeat(43)}`;
        },
      ],
    ];
    it.each(cases)('%s', async (_name, make) => {
      const header = await make();
      const store = api.get<EventStore>(EVENT_STORE);
      const head = await store.headPosition();
      const answer = await propose(header === '' ? undefined : header);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="slimmernetwerk"/);
      expect(answer.body.code).toMatch(/^AUTH\.TOKEN_(MISSING|INVALID)$/);
      expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts|stack/i);
      expect(await store.headPosition()).toBe(head);
    });

    it('also on a public route when the token is bad (a client should learn its token is broken)', async () => {
      const answer = await api
        .anonymous()
        .request('GET', '/timeline', undefined, { authorization: 'Bearer x.y.z' });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });
  });

  describe('the acting member', () => {
    it('comes from the token, not from the body', async () => {
      const fatima = await joinMember(api);
      const answer = await api.as('member', fatima).post('/doetanks', {
        title: 'Van de token',
        problemStatement: 'Wie doet het?',
        proposedBy: fatima,
      });
      expect(answer.status).toBe(201);
      const [event] = await api
        .get<EventStore>(EVENT_STORE)
        .readStream(streams.doetank(answer.body.aggregateId));
      expect(event.metadata.actorId).toBe(fatima);
      expect(event.metadata.recordedBy).toBeUndefined();
    });

    it('is the coordinator when a coordinator acts', async () => {
      const member = await joinMember(api);
      const [joined] = await api.get<EventStore>(EVENT_STORE).readStream(streams.member(member));
      expect(joined.metadata.actorId).toBe(api.coordinatorId);
    });

    it('may be named with X-Actor-Id by a coordinator recording history, who is kept as recordedBy', async () => {
      const fatima = await joinMember(api, { occurredAt: '2011-06-01T10:00:00Z' });
      const answer = await api.post(
        '/doetanks',
        {
          title: 'Import',
          problemStatement: 'Uit 2012',
          proposedBy: fatima,
          occurredAt: '2012-02-01T10:00:00Z',
        },
        { 'X-Actor-Id': fatima },
      );
      expect(answer.status).toBe(201);
      const [event] = await api
        .get<EventStore>(EVENT_STORE)
        .readStream(streams.doetank(answer.body.aggregateId));
      expect(event.metadata).toMatchObject({ actorId: fatima, recordedBy: api.coordinatorId });
    });

    it('may not be named with X-Actor-Id by a member (403)', async () => {
      const [fatima, joost] = [await joinMember(api), await joinMember(api)];
      const answer = await api
        .as('member', fatima)
        .post(
          '/doetanks',
          { title: 'T', problemStatement: 'P', proposedBy: fatima },
          { 'X-Actor-Id': joost },
        );
      expect(answer.status).toBe(403);
    });

    it('keeps idempotency keys apart per sender: another member replaying a key gets 422, not the answer', async () => {
      const [fatima, joost] = [await joinMember(api), await joinMember(api)];
      const doetankId = randomUUID();
      const body = { doetankId, title: 'T', problemStatement: 'P', proposedBy: fatima };
      const key = { 'Idempotency-Key': `auth-${randomUUID()}` };
      expect((await api.as('member', fatima).post('/doetanks', body, key)).status).toBe(201);
      expect((await api.as('member', fatima).post('/doetanks', body, key)).status).toBe(201);
      expect((await api.as('member', joost).post('/doetanks', body, key)).status).toBe(403);
      expect((await api.post('/doetanks', body, key)).status).toBe(422);
    });
  });

  it('lets a member register themself, and only themself', async () => {
    const me = randomUUID();
    const body = (memberId?: string) => ({
      ...(memberId && { memberId }),
      name: 'Zelf',
      email: `${randomUUID()}@example.nl`,
      organisation: 'Gemeente Delft',
      sector: 'gemeente',
      role: 'professional',
    });
    expect((await api.as('member', me).post('/members', body())).status).toBe(403);
    expect((await api.as('member', me).post('/members', body(randomUUID()))).status).toBe(403);
    expect((await api.as('member', me).post('/members', body(me))).status).toBe(201);
  });

  it('shows a member their own personal data, and nobody else but a coordinator', async () => {
    const email = `${randomUUID()}@example.nl`;
    const me = await joinMember(api, { email });
    const mine = await api.as('member', me).request('GET', `/members/${me}/personal-data`);
    expect(mine.body).toEqual({ memberId: me, name: 'Sanne de Vries', email, forgotten: false });
    expect((await api.as('member').request('GET', `/members/${me}/personal-data`)).status).toBe(403);
    expect((await api.as('observer').request('GET', `/members/${me}/personal-data`)).status).toBe(403);
    expect((await api.request('GET', `/members/${me}/personal-data`)).body.email).toBe(email);
  });

  it('puts every route of the app in the matrix, and nothing else', () => {
    const routes = new Set<string>();
    for (const module of api.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!type?.prototype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = type.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`;
          routes.add(
            `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]} ${path.replace(/\/+/g, '/')}`,
          );
        }
      }
    }
    const documented = new Set(ACCESS_MATRIX.map((row) => `${row.method} ${row.path}`));
    expect([...routes].filter((route) => !documented.has(route))).toEqual([]);
    // Swagger UI (/docs) and the web page's files (/assets/, @fastify/static) are served by Fastify plugins.
    const servedByPlugins = (route: string) =>
      route.startsWith('GET /docs') || route.startsWith('GET /assets/');
    const notRoutes = [...documented].filter((route) => !routes.has(route) && !servedByPlugins(route));
    expect(notRoutes).toEqual([]);
  });

  describe('npm run token', () => {
    it('signs tokens the API accepts, with the database\u2019s own secret in the embedded mode', async () => {
      const other = await ApiHarness.start();
      try {
        const config = loadAppConfig({ SQLITE_FILE: other.config.stores.sqliteFile, LOG_LEVEL: 'silent' });
        const member = randomUUID();
        const issued = await issueToken(['member', '--member', member, '--ttl', '10m'], config);
        expect(issued).toMatchObject({ role: 'member', sub: member });
        const answer = await other.anonymous().request('GET', `/members/${member}/personal-data`, undefined, {
          authorization: `Bearer ${issued.token}`,
        });
        expect(answer.status).toBe(404); // authenticated and allowed; the member just does not exist
        const coordinator = await issueToken(['coordinator'], config);
        const metrics = await other.anonymous().request('GET', '/projections', undefined, {
          authorization: `Bearer ${coordinator.token}`,
        });
        expect(metrics.status).toBe(200);
        // The same CLI on another database: a token the first API does not accept.
        const elsewhere = await issueToken(
          ['coordinator'],
          loadAppConfig({ SQLITE_FILE: `${api.dir}/test.db` }),
        );
        expect(
          (
            await other
              .anonymous()
              .request('GET', '/projections', undefined, { authorization: `Bearer ${elsewhere.token}` })
          ).status,
        ).toBe(401);
      } finally {
        await other.stop();
      }
    });

    it('gives a coordinator token without --member the same subject every time, so a repeated request replays', async () => {
      const own = await ApiHarness.start();
      try {
        const config = loadAppConfig({ SQLITE_FILE: own.config.stores.sqliteFile, LOG_LEVEL: 'silent' });
        const first = await issueToken(['coordinator'], config);
        // A second later (a token may not say it was issued later than now, beyond 30 s of clock skew).
        const second = await issueToken(['coordinator'], config, new Date(Date.now() + 1_000));
        expect(second.sub).toBe(first.sub);
        expect(second.token).not.toBe(first.token);
        expect((await issueToken(['observer'], config)).sub).not.toBe(first.sub);
        const elsewhere = loadAppConfig({ SQLITE_FILE: `${api.dir}/test.db`, LOG_LEVEL: 'silent' });
        expect((await issueToken(['coordinator'], elsewhere)).sub).not.toBe(first.sub);

        // The tour's situation: the same command with the same Idempotency-Key, under a token signed anew.
        const body = {
          memberId: randomUUID(),
          name: 'Tour Lid',
          email: `tour-${randomUUID()}@example.nl`,
          organisation: 'Gemeente Tour',
          sector: 'gemeente',
          role: 'professional',
        };
        const key = `tour-${randomUUID()}`;
        const send = (token: string) =>
          own
            .anonymous()
            .post('/members', body, { authorization: `Bearer ${token}`, 'idempotency-key': key });
        const created = await send(first.token);
        expect(created.status).toBe(201);
        const repeated = await send(second.token);
        expect(repeated.status).toBe(201);
        expect(repeated.headers.get('idempotent-replayed')).toBe('true');
        expect(repeated.body).toEqual(created.body);
      } finally {
        await own.stop();
      }
    });

    it('refuses a member token without --member, a bad --ttl, and options it does not know', async () => {
      const config = loadAppConfig({ SQLITE_FILE: `${api.dir}/test.db` });
      await expect(issueToken(['member'], config)).rejects.toThrow(/--member/);
      await expect(issueToken(['coordinator', '--ttl', 'forever'], config)).rejects.toThrow(/--ttl/);
      await expect(issueToken(['coordinator', '--ttl'], config)).rejects.toThrow('--ttl needs a value.');
      await expect(issueToken(['coordinator', '--role', 'x'], config)).rejects.toThrow(
        'Unknown option --role.',
      );
      await expect(issueToken(['coordinator', 'observer'], config)).rejects.toThrow(
        'Unknown argument observer',
      );
      await expect(issueToken(['admin'], config)).rejects.toThrow(/role/);
    });
  });

  describe('with an identity provider (AUTH_JWKS_URL)', () => {
    let idp: Server;
    let withIdp: ApiHarness;
    let privateKey: webcrypto.CryptoKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      privateKey = pair.privateKey as webcrypto.CryptoKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
      idp = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
      const address = idp.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      withIdp = await ApiHarness.start({
        env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_ISSUER: 'https://idp.example' },
      });
    });
    afterAll(async () => {
      await withIdp.stop();
      await new Promise((resolve) => idp.close(resolve));
    });

    const idpToken = async (key: webcrypto.CryptoKey, issuer = 'https://idp.example') =>
      new SignJWT({ role: 'observer' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setSubject(randomUUID())
        .setAudience('slimmernetwerk')
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);

    it('accepts an ES256 token signed by the provider', async () => {
      const answer = await withIdp
        .anonymous()
        .request('GET', '/projections', undefined, { authorization: `Bearer ${await idpToken(privateKey)}` });
      expect(answer.status).toBe(200);
    });

    it('refuses one signed with another key, or from another issuer', async () => {
      const other = (await generateKeyPair('ES256')).privateKey as webcrypto.CryptoKey;
      for (const token of [await idpToken(other), await idpToken(privateKey, 'https://evil.example')]) {
        const answer = await withIdp
          .anonymous()
          .request('GET', '/projections', undefined, { authorization: `Bearer ${token}` });
        expect(answer.status).toBe(401);
      }
    });

    it('makes no secret of its own: HS256 tokens are refused', async () => {
      const hs = await sign({ role: 'coordinator' });
      const answer = await withIdp
        .anonymous()
        .request('GET', '/projections', undefined, { authorization: `Bearer ${hs}` });
      expect(answer.status).toBe(401);
    });
  });

  describe('the public side, to anonymous readers', () => {
    const open = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true', PUBLIC_READ: 'true' } });

    it('shows the timeline without names and a Doetank without its client\u2019s contact person', async () => {
      const fatima = await joinMember(open, { name: 'Fatima El Amrani' });
      const proposed = await open.post('/doetanks', {
        title: 'Open',
        problemStatement: 'P',
        proposedBy: fatima,
      });
      const doetankId = proposed.body.aggregateId as string;
      const client = await open.post(`/doetanks/${doetankId}/client`, {
        organisation: 'Gemeente Zaanstad',
        contactName: 'Jan de Wethouder',
      });
      const wait = `minPosition=${client.body.position}`;

      // Signed-in first: anonymous readers wait only briefly for a position (READ_WAIT_ANONYMOUS_MAX_MS).
      const signedInTimeline = await open.as('observer').request('GET', `/timeline?${wait}`);
      expect(signedInTimeline.headers.get('x-read-model-consistent')).toBe('true');
      const anonymousTimeline = await open.anonymous().request('GET', `/timeline?${wait}`);
      expect(JSON.stringify(anonymousTimeline.body)).not.toContain('Fatima');
      expect(JSON.stringify(signedInTimeline.body)).toContain('Fatima El Amrani');

      const signedInDoetank = await open.as('member').request('GET', `/doetanks/${doetankId}?${wait}`);
      const anonymousDoetank = await open.anonymous().request('GET', `/doetanks/${doetankId}?${wait}`);
      expect(anonymousDoetank.status).toBe(200);
      expect(anonymousDoetank.body.client).toEqual({ organisation: 'Gemeente Zaanstad' });
      expect(signedInDoetank.body.client).toEqual({
        organisation: 'Gemeente Zaanstad',
        contactName: 'Jan de Wethouder',
      });
    });
  });
});
