import { SignJWT } from 'jose';
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
    expect(await tokens.verify(token)).toEqual({
      sub: 'system',
      role: 'coordinator',
      issuedAt: start / 1000,
    });
  });

  it('refuses a remembered token once it has expired (30 s of clock skew allowed)', async () => {
    let now = start;
    const tokens = new TokenService(settings, () => now);
    const token = await tokens.sign({ sub: 'system', role: 'coordinator' }, 10, new Date(start));
    await expect(tokens.verify(token)).resolves.toMatchObject({ sub: 'system', role: 'coordinator' });
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

  it('refuses a token that lives longer than the maximum, or says not when it was issued', async () => {
    const now = start;
    const tokens = new TokenService({ ...settings, maxLifetimeSeconds: 3600 }, () => now);
    const key = new TextEncoder().encode(settings.secret);
    const sign = (claims: { iat?: number; exp: number }) => {
      let jwt = new SignJWT({ role: 'member' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('0b6f1c2e-5d4a-4e8b-9c3f-1a2b3c4d5e01')
        .setAudience(settings.audience)
        .setExpirationTime(claims.exp);
      if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
      return jwt.sign(key);
    };
    const s = start / 1000;
    await expect(tokens.verify(await sign({ iat: s, exp: s + 3600 }))).resolves.toMatchObject({
      issuedAt: s,
    });
    await expect(tokens.verify(await sign({ iat: s, exp: s + 3601 }))).rejects.toThrow(
      'lives longer than 3600 s',
    );
    await expect(tokens.verify(await sign({ iat: s, exp: 1e20 }))).rejects.toThrow('lives longer');
    await expect(tokens.verify(await sign({ exp: s + 60 }))).rejects.toThrow('claim iat is not valid');
    // Issued in the future (beyond the 30 s of skew), so its lifetime would start later than it says.
    await expect(tokens.verify(await sign({ iat: s + 600, exp: s + 900 }))).rejects.toThrow('iat');
    // Signing refuses what verifying would refuse.
    await expect(tokens.sign({ sub: 'system', role: 'coordinator' }, 3601)).rejects.toThrow('3600 s at most');
  });
});
