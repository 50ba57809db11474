import { loadAppConfig } from './app.config';
import { configOf as config, PRODUCTION_ENV as production } from './testing/app-config.fixture';
import { fastifyTrustProxy } from './trust-proxy';

describe('EMBEDDED_PROJECTOR_THREAD', () => {
  it('runs the embedded projector in a worker thread unless turned off', () => {
    expect(config()).toMatchObject({ embeddedProjector: true, embeddedProjectorThread: true });
    expect(config({ EMBEDDED_PROJECTOR_THREAD: 'true' }).embeddedProjectorThread).toBe(true);
    expect(config({ EMBEDDED_PROJECTOR_THREAD: 'false' }).embeddedProjectorThread).toBe(false);
    expect(config({ EMBEDDED_PROJECTOR_THREAD: '0' }).embeddedProjectorThread).toBe(false);
  });

  it('refuses anything but a boolean', () => {
    expect(() => config({ EMBEDDED_PROJECTOR_THREAD: 'yes' })).toThrow(/EMBEDDED_PROJECTOR_THREAD="yes"/);
  });
});

describe('EMBEDDED_PROJECTOR', () => {
  it('projects in the embedded mode only, unless told otherwise', () => {
    expect(config().embeddedProjector).toBe(true);
    expect(config(production).embeddedProjector).toBe(false);
    // A MongoDB read store alone is production too: replicas of the api would all project.
    expect(config({ READ_STORE: 'mongodb', MONGODB_URL: production.MONGODB_URL }).embeddedProjector).toBe(
      false,
    );
    expect(config({ ...production, EMBEDDED_PROJECTOR: 'true' }).embeddedProjector).toBe(true);
    expect(config({ ...production, EMBEDDED_PROJECTOR: '1' }).embeddedProjector).toBe(true);
    expect(config({ EMBEDDED_PROJECTOR: 'false' }).embeddedProjector).toBe(false);
    expect(() => config({ EMBEDDED_PROJECTOR: 'no' })).toThrow(/EMBEDDED_PROJECTOR="no"/);
  });
});

describe('PROJECTION_LEASE_SECONDS', () => {
  it('is 15 s unless set, and a whole number of seconds from 1 to 3600', () => {
    expect(config().projectionLeaseSeconds).toBe(15);
    expect(config({ PROJECTION_LEASE_SECONDS: '2' }).projectionLeaseSeconds).toBe(2);
    for (const bad of ['0', '1.5', '-3', 'soon', '3601']) {
      expect(() => config({ PROJECTION_LEASE_SECONDS: bad })).toThrow(/PROJECTION_LEASE_SECONDS/);
    }
  });
});

describe('health settings', () => {
  it('gates readiness on 60 s of lag, on events only when asked, with a 3 s deadline', () => {
    expect(config()).toMatchObject({ healthMaxLagSeconds: 60, healthTimeoutMs: 3000 });
    expect(config().healthMaxLagEvents).toBeUndefined();
    expect(
      config({ HEALTH_MAX_LAG_SECONDS: '5', HEALTH_MAX_LAG_EVENTS: '0', HEALTH_TIMEOUT_MS: '250' }),
    ).toMatchObject({ healthMaxLagSeconds: 5, healthMaxLagEvents: 0, healthTimeoutMs: 250 });
  });

  it('refuses values out of range', () => {
    expect(() => config({ HEALTH_TIMEOUT_MS: '10' })).toThrow(
      /HEALTH_TIMEOUT_MS=10: HEALTH_TIMEOUT_MS must not be less than 100/,
    );
    expect(() => config({ HEALTH_MAX_LAG_SECONDS: '-1' })).toThrow(/HEALTH_MAX_LAG_SECONDS/);
  });
});

describe('HTTP_TRUST_PROXY', () => {
  const trustProxy = (value?: string) => loadAppConfig({ HTTP_TRUST_PROXY: value }).httpTrustProxy;

  it('trusts no proxy unless set; true is one hop (the proxy in front), a number that many', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
    expect(trustProxy('true')).toBe(1);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
  });

  it('takes a list of proxy addresses and CIDR ranges', () => {
    expect(trustProxy('10.0.0.0/8, 192.0.2.7,fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses anything else at start-up, naming the value', () => {
    expect(() => trustProxy('yes')).toThrow(/HTTP_TRUST_PROXY="yes": not an address or CIDR range/);
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/HTTP_TRUST_PROXY/);
    expect(() => trustProxy('999')).toThrow(/at most 32 proxy hops/);
  });

  it('gives Fastify a hop count as a function of the hop index (its own numeric option trusts nothing)', () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    expect(trust('127.0.0.1', 0)).toBe(true);
    expect(trust('198.51.100.7', 1)).toBe(false);
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});

describe('AUTH_OIDC_* (sign-in from the page)', () => {
  const oidc = {
    AUTH_JWKS_URL: 'https://login.example.nl/keys',
    AUTH_OIDC_ISSUER: 'https://login.example.nl/realms/netwerk',
    AUTH_OIDC_CLIENT_ID: 'slimmernetwerk-web',
  };

  it('is off unless configured, and asks for openid unless told otherwise', () => {
    expect(config().auth.oidc).toBeUndefined();
    expect(config(oidc).auth.oidc).toEqual({
      issuer: oidc.AUTH_OIDC_ISSUER,
      clientId: 'slimmernetwerk-web',
      scopes: 'openid',
    });
    expect(config({ ...oidc, AUTH_OIDC_SCOPES: 'openid profile' }).auth.oidc?.scopes).toBe('openid profile');
  });

  it('refuses settings the sign-in cannot work with, naming the variable', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ AUTH_OIDC_ISSUER: oidc.AUTH_OIDC_ISSUER, AUTH_JWKS_URL: oidc.AUTH_JWKS_URL }, /go together/],
      [{ AUTH_OIDC_CLIENT_ID: 'web' }, /go together/],
      [
        { ...oidc, AUTH_OIDC_ISSUER: 'http://login.example.nl' },
        /must be https \(http only on a loopback host\)/,
      ],
      [{ ...oidc, AUTH_OIDC_ISSUER: 'https://login.example.nl/?tenant=1' }, /no query or fragment/],
      [{ ...oidc, AUTH_OIDC_ISSUER: 'login.example.nl' }, /AUTH_OIDC_ISSUER="login.example.nl": not a URL/],
      [{ ...oidc, AUTH_JWKS_URL: '' }, /AUTH_OIDC_ISSUER needs AUTH_JWKS_URL/],
      [{ ...oidc, AUTH_OIDC_CLIENT_ID: 'two words' }, /AUTH_OIDC_CLIENT_ID: 1 to 200 printable/],
      [{ ...oidc, AUTH_OIDC_SCOPES: 'profile email' }, /must include openid/],
      [{ ...oidc, AUTH_OIDC_SCOPES: 'openid  profile' }, /separated by single spaces/],
      [{ AUTH_OIDC_SCOPES: 'openid' }, /AUTH_OIDC_SCOPES is set without AUTH_OIDC_ISSUER/],
    ];
    for (const [env, message] of refused) expect(() => config(env)).toThrow(message);
  });

  it('allows plain http on a loopback host only (a provider on this machine)', () => {
    expect(config({ ...oidc, AUTH_OIDC_ISSUER: 'http://127.0.0.1:8080' }).auth.oidc?.issuer).toBe(
      'http://127.0.0.1:8080',
    );
    expect(config({ ...oidc, AUTH_OIDC_ISSUER: 'http://localhost:8080/realms/x' }).auth.oidc).toBeDefined();
  });
});
