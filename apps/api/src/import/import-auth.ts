import type { INestApplicationContext } from '@nestjs/common';
import { SERVICE_SUBJECT } from '../auth/principal';
import { TokenService } from '../auth/tokens';
import type { AppConfig } from '../config/app.config';

/** Longer than any import takes; the token never leaves the process. */
const IMPORT_TOKEN_TTL_SECONDS = 24 * 3600;

/**
 * The `Authorization` header of an import: a coordinator service token (`sub: system`). A coordinator may record
 * what others did (each line's `actor` goes in as `X-Actor-Id`), and service tokens are not rate limited. Signed
 * here when the API holds the HS256 secret (always in the embedded mode); with only an identity provider
 * (AUTH_JWKS_URL), AUTH_SERVICE_TOKEN must hold a coordinator token it issued.
 */
export async function importAuthorization(app: INestApplicationContext, config: AppConfig): Promise<string> {
  const tokens = app.get(TokenService);
  if (tokens.canSign) {
    const token = await tokens.sign({ sub: SERVICE_SUBJECT, role: 'coordinator' }, IMPORT_TOKEN_TTL_SECONDS);
    return `Bearer ${token}`;
  }
  if (config.auth.serviceToken) return `Bearer ${config.auth.serviceToken}`;
  throw new Error(
    'An import needs a coordinator token: set AUTH_JWT_SECRET, or AUTH_SERVICE_TOKEN to a coordinator token of ' +
      'your identity provider',
  );
}
