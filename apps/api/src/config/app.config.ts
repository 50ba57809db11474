import { registerAs } from '@nestjs/config';
import { readStoresConfig, type StoresConfig } from '@app/stores';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
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
  @IsOptional() @IsString() @MinLength(32) EMAIL_HASH_KEY?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() EMBEDDED_PROJECTOR?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000) PROJECTOR_BATCH_SIZE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) HEALTH_MAX_LAG_EVENTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30_000) READ_WAIT_MAX_MS?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() LOG_PRETTY?: boolean;

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
    emailHashKey: env.EMAIL_HASH_KEY,
    embeddedProjector: env.EMBEDDED_PROJECTOR !== 'false' && env.EMBEDDED_PROJECTOR !== '0',
    projectorBatchSize: env.PROJECTOR_BATCH_SIZE !== undefined ? Number(env.PROJECTOR_BATCH_SIZE) : 1000,
    healthMaxLagEvents: env.HEALTH_MAX_LAG_EVENTS !== undefined ? Number(env.HEALTH_MAX_LAG_EVENTS) : 10_000,
    /** Longest a query waits for the read models to reach a position (read-your-writes). */
    readWaitMaxMs: env.READ_WAIT_MAX_MS !== undefined ? Number(env.READ_WAIT_MAX_MS) : 5000,
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

/** Injection token of the typed {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The same object for ConfigService users (`config.get('app')`). */
export const appConfigNamespace = (config: AppConfig) => registerAs('app', () => config);
