import { createHmac } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { ENTITY_ID_PATTERN } from '@app/contracts';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import type { AppConfig } from '../config/app.config';
import { parseCliArgs } from '../shared/cli-args';
import { tokenSecretOf } from './auth.module';
import { ROLES, SERVICE_SUBJECT, type Role } from './principal';
import { parseTtl, TokenService } from './tokens';

export const TOKEN_USAGE = `Usage: npm run token -- <coordinator|member|observer> [--member <uuid>] [--ttl 8h]

Prints a bearer token for this API, signed with its secret: AUTH_JWT_SECRET when configured, else (embedded
mode) the secret kept in the database (SQLITE_FILE), made on first use. Use it as
  curl -H "Authorization: Bearer $TOKEN" ...

  --member <uuid>  the token's subject: the member who acts (required for a member; a coordinator or observer
                   without one gets this API's own id for that role, the same every time, printed on stderr;
                   "system" for a coordinator service token)
  --ttl <time>     how long it is valid: seconds or 30m, 8h, 7d (default 8h)`;

export interface IssuedToken {
  token: string;
  role: Role;
  sub: string;
  expiresAt: string;
}

/** Parses the CLI's arguments and signs a token. Throws with a message for the user on bad input. */
export async function issueToken(
  args: readonly string[],
  config: AppConfig,
  now = new Date(),
): Promise<IssuedToken> {
  const { values, positionals } = parseCliArgs(args, {
    member: { type: 'string' },
    ttl: { type: 'string' },
  });
  const [role, ...extra] = positionals;
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new Error(`The first argument is the role: ${ROLES.join(', ')}`);
  }
  if (extra.length > 0) throw new Error(`Unknown argument ${extra[0]}`);
  const { member } = values;
  const ttl =
    values.ttl === undefined ? Math.min(8 * 3600, config.auth.maxLifetimeSeconds) : parseTtl(values.ttl);
  if (role === 'member' && member === undefined) throw new Error('A member token needs --member <member id>');
  if (
    member !== undefined &&
    !ENTITY_ID_PATTERN.test(member) &&
    !(member === SERVICE_SUBJECT && role === 'coordinator')
  ) {
    throw new Error('--member must be a lowercase UUID (or "system" for a coordinator)');
  }
  const db =
    !config.auth.jwtSecret && !config.auth.jwksUrl && config.stores.eventStore === 'sqlite'
      ? openSqliteDatabase(config.stores.sqliteFile, { synchronous: config.stores.sqliteSynchronous })
      : null;
  try {
    const secret = tokenSecretOf(config, db);
    const tokens = new TokenService({ ...config.auth, secret });
    if (!tokens.canSign || !secret) {
      throw new Error('No AUTH_JWT_SECRET here: tokens come from your identity provider (AUTH_JWKS_URL)');
    }
    const sub = member ?? defaultSubject(role as Role, secret);
    const token = await tokens.sign({ role: role as Role, sub }, ttl, now);
    return { token, role: role as Role, sub, expiresAt: new Date(now.getTime() + ttl * 1000).toISOString() };
  } finally {
    db?.close();
  }
}

/** Namespace of the default subjects below (a fixed, random UUID: only its stability matters). */
const DEFAULT_SUBJECT_NAMESPACE = '8f0d3c52-6a41-4b7e-9d2c-5e1f0a7b3c94';

/**
 * The subject of a coordinator or observer token signed without `--member`: one id per role and signing secret, so
 * every such token of this API names the same sender. A request repeated with the same Idempotency-Key under a new
 * token is then recognised as the same request (the idempotency fingerprint includes the sender), and the README's
 * tour can be run twice. Derived by a keyed hash, so the id says nothing about the secret.
 */
function defaultSubject(role: Role, secret: string): string {
  return uuidv5(
    createHmac('sha256', secret).update(`token-subject:${role}`).digest('hex'),
    DEFAULT_SUBJECT_NAMESPACE,
  );
}
