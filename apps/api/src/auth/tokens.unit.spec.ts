import { TokenService } from './tokens';

describe('TokenService: verified tokens are remembered, never past their expiry', () => {
  const settings = {
    secret: 'a-test-secret-of-enough-length-000000',
    audience: 'slimmernetwerk-api',
    roleClaim: 'role',
  };
  const start = Date.parse('2026-03-01T09:00:00Z');

  it('answers a repeated token from memory, with a copy of the principal', async () => {
    let now = start;
    const tokens = new TokenService(settings, () => now);
    const token = await tokens.sign({ sub: 'system', role: 'coordinator' }, 3600, new Date(start));
    const first = await tokens.verify(token);
    first.role = 'observer';
    now += 1_000;
    expect(await tokens.verify(token)).toEqual({ sub: 'system', role: 'coordinator' });
  });

  it('refuses a remembered token once it has expired (30 s of clock skew allowed)', async () => {
    let now = start;
    const tokens = new TokenService(settings, () => now);
    const token = await tokens.sign({ sub: 'system', role: 'coordinator' }, 10, new Date(start));
    await expect(tokens.verify(token)).resolves.toEqual({ sub: 'system', role: 'coordinator' });
    now = start + 39_000;
    await expect(tokens.verify(token)).resolves.toMatchObject({ role: 'coordinator' });
    now = start + 41_000;
    await expect(tokens.verify(token)).rejects.toThrow('the token has expired');
  });

  it('checks the signature again after a minute', async () => {
    let now = start;
    const tokens = new TokenService(settings, () => now);
    const token = await tokens.sign({ sub: 'system', role: 'coordinator' }, 7200, new Date(start));
    await tokens.verify(token);
    const other = new TokenService(
      { ...settings, secret: 'another-secret-of-enough-length-11111' },
      () => now,
    );
    // The same cache would not help another service: it verifies and refuses.
    await expect(other.verify(token)).rejects.toThrow('the signature does not verify');
    now += 61_000;
    await expect(tokens.verify(token)).resolves.toMatchObject({ sub: 'system' });
  });
});
