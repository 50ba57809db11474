import { loadProjectorConfig } from './projector.config';

describe('the projector configuration', () => {
  it('leases each projection for 15 s unless PROJECTION_LEASE_SECONDS says otherwise', () => {
    expect(loadProjectorConfig({}).leaseSeconds).toBe(15);
    expect(loadProjectorConfig({ PROJECTION_LEASE_SECONDS: '2' }).leaseSeconds).toBe(2);
  });

  it('refuses a lease that is not a whole number of seconds from 1 to 3600', () => {
    for (const bad of ['0', '1.5', '-3', 'soon', '3601', '']) {
      expect(() => loadProjectorConfig({ PROJECTION_LEASE_SECONDS: bad })).toThrow(
        `PROJECTION_LEASE_SECONDS=${JSON.stringify(bad)}: must be an integer from 1 to 3600`,
      );
    }
  });
});
