import { loadAppConfig } from './app.config';

describe('EMBEDDED_PROJECTOR_THREAD', () => {
  const config = (env: Record<string, string> = {}) => loadAppConfig({ LOG_LEVEL: 'silent', ...env });

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

describe('health settings', () => {
  const config = (env: Record<string, string> = {}) => loadAppConfig({ LOG_LEVEL: 'silent', ...env });

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
