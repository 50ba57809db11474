import {
  DEFAULT_PROJECTION_LEASE_SECONDS,
  DEFAULT_SEAL_EVERY_EVENTS,
  DEFAULT_SEAL_INTERVAL_SECONDS,
} from '@app/projections/runner';
import { loadReportTemplate } from '../report/report-template';
import { readStoresConfig, type StoresConfig } from '@app/stores';
import { plainToInstance, Transform } from 'class-transformer';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import { DEFAULT_MAX_TOKEN_LIFETIME_S, parseTtl } from '../auth/tokens';
import { oidcProblems, oidcSettingsOf } from '../auth/oidc/oidc-settings';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * The api's configuration: read from the environment once, validated at start-up, typed everywhere else.
 * Nothing else in the app reads `process.env`.
 */
class Environment {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;

  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(10 * 1024 * 1024) HTTP_BODY_LIMIT_BYTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50) COMMAND_MAX_ATTEMPTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) COMMAND_STATE_CACHE_STREAMS?: number;
  @IsOptional() @IsString() @MinLength(32) EMAIL_HASH_KEY?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(86_400) EMAIL_CLAIM_LEASE_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8_760) IDEMPOTENCY_RETENTION_HOURS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() EMBEDDED_PROJECTOR?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() EMBEDDED_PROJECTOR_THREAD?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000) PROJECTOR_BATCH_SIZE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600) PROJECTION_LEASE_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(604_800) SEAL_INTERVAL_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100_000_000) SEAL_EVERY_EVENTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) HEALTH_MAX_LAG_EVENTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86_400) HEALTH_MAX_LAG_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000) HEALTH_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30_000) READ_WAIT_MAX_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30_000) READ_WAIT_ANONYMOUS_MAX_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8) REPORT_PDF_CONCURRENCY?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10_000) TIMELINE_LIVE_MAX_CONNECTIONS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(300) TIMELINE_LIVE_HEARTBEAT_SECONDS?: number;
  @IsOptional() @IsString() @MinLength(1) CHROMIUM_PATH?: string;
  @IsOptional() @IsString() REPORT_TEMPLATE_FILE?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() LOG_PRETTY?: boolean;

  @IsOptional() @IsString() @MinLength(32) AUTH_JWT_SECRET?: string;
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  AUTH_JWKS_URL?: string;
  @IsOptional() @IsString() @MinLength(1) AUTH_ISSUER?: string;
  @IsOptional() @IsString() @MinLength(1) AUTH_AUDIENCE?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9_.:/-]{1,100}$/) AUTH_ROLE_CLAIM?: string;
  @IsOptional() @IsString() @MinLength(20) AUTH_SERVICE_TOKEN?: string;
  @IsOptional() @IsString() AUTH_MAX_TOKEN_LIFETIME?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(300) AUTH_MEMBERSHIP_CACHE_SECONDS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() PUBLIC_READ?: boolean;

  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) RATE_LIMIT_MAX?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86_400) RATE_LIMIT_WINDOW_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(256) @Max(65_536) HTTP_MAX_URL_LENGTH?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000) HTTP_SHUTDOWN_GRACE_MS?: number;
  @IsOptional() @IsString() HTTP_TRUST_PROXY?: string;

  @IsOptional() @Transform(toBool) @IsBoolean() DEMO_DATA?: boolean;
  @IsOptional() @IsString() @MinLength(1) DEMO_DATA_FILE?: string;
}

function toInt({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}
function toBool({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** Validates the raw environment; a bad value stops start-up with every problem listed. */
function validateEnvironment(raw: Record<string, string | undefined>): StoresConfig {
  const env = plainToInstance(Environment, raw, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const lines = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `  ${e.property}=${JSON.stringify(e.value)}: ${m}`),
  );
  const stores = readStoresConfig(raw);
  lines.push(...stores.problems.map((p) => `  ${p}`));
  if (stores.config.eventStore !== 'sqlite' && !raw.EMAIL_HASH_KEY) {
    lines.push('  EMAIL_HASH_KEY is required with EVENT_STORE=eventstoredb (at least 32 characters)');
  }
  if (stores.config.eventStore !== 'sqlite' && !raw.AUTH_JWT_SECRET && !raw.AUTH_JWKS_URL) {
    lines.push(
      '  AUTH_JWT_SECRET (at least 32 characters) or AUTH_JWKS_URL is required with EVENT_STORE=eventstoredb: ' +
        'bearer tokens are verified with one of them',
    );
  }
  if (raw.AUTH_MAX_TOKEN_LIFETIME !== undefined) {
    try {
      parseTtl(raw.AUTH_MAX_TOKEN_LIFETIME);
    } catch {
      lines.push(
        `  AUTH_MAX_TOKEN_LIFETIME=${JSON.stringify(raw.AUTH_MAX_TOKEN_LIFETIME)}: seconds or e.g. 30m, 8h, 7d, from 1 second to a year`,
      );
    }
  }
  lines.push(...oidcProblems(raw).map((p) => `  ${p}`));
  const trustProxy = parseTrustProxy(raw.HTTP_TRUST_PROXY);
  if ('problem' in trustProxy) {
    lines.push(`  HTTP_TRUST_PROXY=${JSON.stringify(raw.HTTP_TRUST_PROXY)}: ${trustProxy.problem}`);
  }
  if (stores.config.eventStore !== 'sqlite' && stores.config.readStore === 'sqlite') {
    lines.push('  READ_STORE=sqlite with EVENT_STORE=eventstoredb is not supported: use READ_STORE=mongodb');
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return stores.config;
}

/**
 * Builds the typed configuration from an environment (process.env in main.ts, an explicit object in tests).
 * Throws with every problem listed when a value is invalid.
 */
export function loadAppConfig(raw: Record<string, string | undefined>) {
  const stores = validateEnvironment(raw);
  const env = raw;
  return {
    environment: (env.NODE_ENV ?? 'development') as 'development' | 'production' | 'test',
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT !== undefined ? Number(env.PORT) : 3000,
    stores,
    httpBodyLimitBytes:
      env.HTTP_BODY_LIMIT_BYTES !== undefined ? Number(env.HTTP_BODY_LIMIT_BYTES) : 64 * 1024,
    commandMaxAttempts: env.COMMAND_MAX_ATTEMPTS !== undefined ? Number(env.COMMAND_MAX_ATTEMPTS) : 10,
    /** Folded streams the command side keeps (0: none; see CommandRunner). */
    commandStateCacheStreams:
      env.COMMAND_STATE_CACHE_STREAMS !== undefined ? Number(env.COMMAND_STATE_CACHE_STREAMS) : 1_000,
    emailHashKey: env.EMAIL_HASH_KEY,
    /**
     * How long an e-mail claim whose member does not exist yet stays its claimant's (the join is being written,
     * or crashed between claim and member); afterwards another member may take the address.
     */
    emailClaimLeaseMs:
      (env.EMAIL_CLAIM_LEASE_SECONDS !== undefined ? Number(env.EMAIL_CLAIM_LEASE_SECONDS) : 60) * 1000,
    /** How long an idempotency record answers a repeated request; older ones are deleted. */
    idempotencyRetentionMs:
      (env.IDEMPOTENCY_RETENTION_HOURS !== undefined ? Number(env.IDEMPOTENCY_RETENTION_HOURS) : 24) *
      3_600_000,
    /**
     * Run the projections in this process. On by default in the embedded mode only: with a production store the
     * projector app builds the read models, and api replicas do not project unless told to (they would then take
     * the projections' leases like any projector).
     */
    embeddedProjector:
      env.EMBEDDED_PROJECTOR !== undefined
        ? env.EMBEDDED_PROJECTOR === 'true' || env.EMBEDDED_PROJECTOR === '1'
        : stores.eventStore === 'sqlite' && stores.readStore === 'sqlite',
    /**
     * The embedded projector in a worker thread of its own (its own SQLite connections, the second core), so the
     * thread that serves HTTP and commands has the main thread to itself; `false` runs it on the main thread.
     */
    embeddedProjectorThread:
      env.EMBEDDED_PROJECTOR_THREAD !== 'false' && env.EMBEDDED_PROJECTOR_THREAD !== '0',
    projectorBatchSize: env.PROJECTOR_BATCH_SIZE !== undefined ? Number(env.PROJECTOR_BATCH_SIZE) : 1000,
    /** The embedded projector's lease per projection (one active projector per projection; see the projector). */
    projectionLeaseSeconds:
      env.PROJECTION_LEASE_SECONDS !== undefined
        ? Number(env.PROJECTION_LEASE_SECONDS)
        : DEFAULT_PROJECTION_LEASE_SECONDS,
    /**
     * Where the projections run (EMBEDDED_PROJECTOR), the store is sealed (a Merkle root over every stream head,
     * see docs/architecture.md) after this many seconds with new events, or after this many new events; 0 turns
     * either off.
     */
    seal: {
      intervalMs:
        (env.SEAL_INTERVAL_SECONDS !== undefined
          ? Number(env.SEAL_INTERVAL_SECONDS)
          : DEFAULT_SEAL_INTERVAL_SECONDS) * 1000,
      everyEvents:
        env.SEAL_EVERY_EVENTS !== undefined ? Number(env.SEAL_EVERY_EVENTS) : DEFAULT_SEAL_EVERY_EVENTS,
    },
    /**
     * Readiness (`/health`) fails when the oldest event a projection has not applied has waited longer than this:
     * the lag that means the same with every event store.
     */
    healthMaxLagSeconds: env.HEALTH_MAX_LAG_SECONDS !== undefined ? Number(env.HEALTH_MAX_LAG_SECONDS) : 60,
    /**
     * Readiness also fails when a projection is more events behind than this, where the count is certain (the
     * embedded store counts exactly; EventStoreDB's lag is counted by reading, up to a cap). Unset: no limit.
     */
    healthMaxLagEvents:
      env.HEALTH_MAX_LAG_EVENTS !== undefined
        ? Number(env.HEALTH_MAX_LAG_EVENTS)
        : (undefined as number | undefined),
    /** Deadline of each store call of /health and /projections: a store that hangs is reported down by then. */
    healthTimeoutMs: env.HEALTH_TIMEOUT_MS !== undefined ? Number(env.HEALTH_TIMEOUT_MS) : 3000,
    /** Longest a query waits for the read models to reach a position (read-your-writes). */
    readWaitMaxMs: env.READ_WAIT_MAX_MS !== undefined ? Number(env.READ_WAIT_MAX_MS) : 5000,
    /**
     * The same for anonymous callers (never longer than readWaitMaxMs). They cannot write, so they have no write
     * of their own to wait for; a long wait only let anyone hold connections open with `?minPosition=<huge>`.
     */
    readWaitAnonymousMaxMs: Math.min(
      env.READ_WAIT_ANONYMOUS_MAX_MS !== undefined ? Number(env.READ_WAIT_ANONYMOUS_MAX_MS) : 1000,
      env.READ_WAIT_MAX_MS !== undefined ? Number(env.READ_WAIT_MAX_MS) : 5000,
    ),
    /**
     * The live timeline (`GET /timeline/live`): streams open at once in this process (each holds a connection;
     * 0 turns the stream off), and the heartbeat when nothing moved (below the idle timeout of common proxies,
     * 60 s in nginx's `proxy_read_timeout`).
     */
    timelineLive: {
      maxConnections:
        env.TIMELINE_LIVE_MAX_CONNECTIONS !== undefined ? Number(env.TIMELINE_LIVE_MAX_CONNECTIONS) : 200,
      heartbeatSeconds:
        env.TIMELINE_LIVE_HEARTBEAT_SECONDS !== undefined ? Number(env.TIMELINE_LIVE_HEARTBEAT_SECONDS) : 15,
    },
    /**
     * Report PDFs: pages printed at once in the one headless Chromium (more wait, up to four times as many; beyond
     * that a 503), and a Chromium of the machine's own instead of the one `@sparticuz/chromium` ships.
     */
    reportPdf: {
      concurrency: env.REPORT_PDF_CONCURRENCY !== undefined ? Number(env.REPORT_PDF_CONCURRENCY) : 2,
      chromiumPath: env.CHROMIUM_PATH,
    },
    /** The report's sections, lead figures and cover words (REPORT_TEMPLATE_FILE, checked here at start-up). */
    reportTemplate: loadReportTemplate(env.REPORT_TEMPLATE_FILE),
    /**
     * Bearer tokens (JWT). HS256 with `jwtSecret` (configured; in the embedded mode made once per database when
     * nothing is configured), and/or RS256/ES256 with the keys at `jwksUrl` (an organisation's identity provider).
     */
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET,
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE ?? 'slimmernetwerk',
      roleClaim: env.AUTH_ROLE_CLAIM ?? 'role',
      /** A coordinator token for in-process imports when only an identity provider signs tokens. */
      serviceToken: env.AUTH_SERVICE_TOKEN,
      /** Longest lifetime (`exp - iat`) of an accepted token, in seconds: longer ones are refused. */
      maxLifetimeSeconds:
        env.AUTH_MAX_TOKEN_LIFETIME !== undefined
          ? parseTtl(env.AUTH_MAX_TOKEN_LIFETIME)
          : DEFAULT_MAX_TOKEN_LIFETIME_S,
      /**
       * How long a member's status and token revocation, once read from their stream, are trusted for reads and
       * authentication (0: read every time). A revocation or a leave recorded by another api process takes
       * effect here at most this long after; in the process that recorded it, at once.
       */
      membershipCacheSeconds:
        env.AUTH_MEMBERSHIP_CACHE_SECONDS !== undefined ? Number(env.AUTH_MEMBERSHIP_CACHE_SECONDS) : 5,
      /** Sign-in from the web page with the identity provider (OpenID Connect, code flow with PKCE); or none. */
      oidc: oidcSettingsOf(env),
    },
    /**
     * Anonymous readers may read the public side (timeline, Doetank pages, reports, the web page). On by default
     * in the embedded mode, off with a production event store unless asked for. Writes always need a token.
     */
    publicRead:
      env.PUBLIC_READ !== undefined
        ? env.PUBLIC_READ === 'true' || env.PUBLIC_READ === '1'
        : stores.eventStore === 'sqlite',
    /** Origins allowed to call the API from a browser; none by default (the web page at `/` is same-origin). */
    corsOrigins:
      env.CORS_ORIGINS === undefined || env.CORS_ORIGINS === ''
        ? []
        : env.CORS_ORIGINS === '*'
          ? ['*']
          : env.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
    /** Requests per client (token subject, else address) per window; 0 turns rate limiting off. */
    rateLimit: {
      max: env.RATE_LIMIT_MAX !== undefined ? Number(env.RATE_LIMIT_MAX) : 600,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS !== undefined ? Number(env.RATE_LIMIT_WINDOW_SECONDS) : 60,
    },
    /** Longest accepted URL (path and query string); longer ones get 414. */
    httpMaxUrlLength: env.HTTP_MAX_URL_LENGTH !== undefined ? Number(env.HTTP_MAX_URL_LENGTH) : 4096,
    /**
     * How long a stop waits for connections still busy (a request in flight, an answer the client does not read)
     * before it cuts them; below Docker's default 10 s between SIGTERM and SIGKILL.
     */
    httpShutdownGraceMs: env.HTTP_SHUTDOWN_GRACE_MS !== undefined ? Number(env.HTTP_SHUTDOWN_GRACE_MS) : 5000,
    /**
     * Behind reverse proxies: which of them may say who the client is in X-Forwarded-For (a hop count or their
     * addresses; see trust-proxy.ts). Rate limits count per client address.
     */
    httpTrustProxy: trustProxyOf(env.HTTP_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    logPretty: env.LOG_PRETTY === 'true' || env.LOG_PRETTY === '1',
    /**
     * The demo year (2011-2012) imported when the event store is empty at start-up. On by default in the embedded
     * mode, so a first `npm start` shows a network at once; off with a production event store unless asked for.
     */
    demoData: {
      enabled:
        env.DEMO_DATA !== undefined
          ? env.DEMO_DATA === 'true' || env.DEMO_DATA === '1'
          : stores.eventStore === 'sqlite',
      file: env.DEMO_DATA_FILE ?? 'data/demo/slimmernetwerk-2012.ndjson',
    },
  };
}

export type AppConfig = ReturnType<typeof loadAppConfig>;

function trustProxyOf(value: string | undefined): TrustProxy {
  const parsed = parseTrustProxy(value);
  return 'value' in parsed ? parsed.value : false;
}

/** Injection token of the typed {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
