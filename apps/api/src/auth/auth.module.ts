import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Database } from 'better-sqlite3';
import { embeddedSecret, SQLITE_DATABASE } from '@app/stores';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { RateLimitGuard, RefusalCounter } from '../hardening/rate-limit.guard';
import { SlidingWindowStorage } from '../hardening/rate-limit.storage';
import { AuthGuard } from './auth.guard';
import { MemberAccess } from './member-access';
import { TokenService } from './tokens';

/** Name of the token secret kept in the embedded database (table `app_secrets`). */
export const EMBEDDED_TOKEN_SECRET = 'auth-jwt-secret';

/**
 * The HS256 secret in use: AUTH_JWT_SECRET when configured; in the embedded mode with neither a secret nor an
 * identity provider configured, one made once per database (like the e-mail hash key), so that `npm start` and
 * `npm run token` work out of the box; none when only an identity provider (AUTH_JWKS_URL) signs tokens.
 */
export function tokenSecretOf(config: AppConfig, db: Database | null): string | undefined {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  if (config.auth.jwksUrl || !db) return undefined;
  return embeddedSecret(db, EMBEDDED_TOKEN_SECRET);
}

/**
 * Authentication and authorisation (AuthGuard), then rate limiting (RateLimitGuard, per token subject, else per
 * client address, one bucket per client), for every route. Guards run in this order; requests AuthGuard refuses
 * are counted against their address by RefusalCounter.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { ttl: config.rateLimit.windowSeconds * 1000, limit: Math.max(1, config.rateLimit.max) },
        ],
        skipIf: () => config.rateLimit.max === 0,
        storage: new SlidingWindowStorage(),
      }),
      inject: [APP_CONFIG],
    }),
  ],
  providers: [
    {
      provide: TokenService,
      useFactory: (config: AppConfig, db: Database | null) =>
        new TokenService({ ...config.auth, secret: tokenSecretOf(config, db) }),
      inject: [APP_CONFIG, SQLITE_DATABASE],
    },
    RefusalCounter,
    MemberAccess,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [TokenService, MemberAccess],
})
export class AuthModule {}
