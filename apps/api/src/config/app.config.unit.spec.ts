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
