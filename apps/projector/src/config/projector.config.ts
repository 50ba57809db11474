import {
  DEFAULT_PROJECTION_LEASE_SECONDS,
  DEFAULT_SEAL_EVERY_EVENTS,
  DEFAULT_SEAL_INTERVAL_SECONDS,
} from '@app/projections/runner';
import { readStoresConfig, type StoresConfig } from '@app/stores';

/**
 * The projector's configuration, validated at start-up. The projector has no business routes; it listens only
 * for health checks and metrics.
 */
/** Injection token of the typed {@link ProjectorConfig}. */
export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');

export interface ProjectorConfig {
  host: string;
  port: number;
  batchSize: number;
  logLevel: string;
  /** Readiness fails when the oldest event a projection has not applied has waited longer than this. */
  maxLagSeconds: number;
  /** Readiness fails when a projection is more events behind than this, where the count is certain; unset: none. */
  maxLagEvents?: number;
  /** Deadline of each store call of /health: a store that hangs is reported down by then. */
  healthTimeoutMs: number;
  /**
   * How long a projection's lease lasts without renewal (PROJECTION_LEASE_SECONDS): a second projector takes over
   * about this long after the active one died; the active one renews every third of it.
   */
  leaseSeconds: number;
  /** The store's seals: after `intervalMs` with new events or after `everyEvents` (SEAL_*); 0 turns either off. */
  seal: { intervalMs: number; everyEvents: number };
  stores: StoresConfig;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadProjectorConfig(env: Record<string, string | undefined>): ProjectorConfig {
  const { config: stores, problems } = readStoresConfig(env);
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: must be an integer from ${min} to ${max}`);
    }
    return value;
  };
  const config: ProjectorConfig = {
    host: env.HOST ?? '127.0.0.1',
    port: int('PROJECTOR_PORT', 3001, 0, 65535),
    batchSize: int('PROJECTOR_BATCH_SIZE', 1000, 1, 100_000),
    maxLagSeconds: int('HEALTH_MAX_LAG_SECONDS', 60, 0, 86_400),
    maxLagEvents:
      env.HEALTH_MAX_LAG_EVENTS === undefined
        ? undefined
        : int('HEALTH_MAX_LAG_EVENTS', 0, 0, Number.MAX_SAFE_INTEGER),
    healthTimeoutMs: int('HEALTH_TIMEOUT_MS', 3000, 100, 60_000),
    leaseSeconds: int('PROJECTION_LEASE_SECONDS', DEFAULT_PROJECTION_LEASE_SECONDS, 1, 3600),
    seal: {
      intervalMs: int('SEAL_INTERVAL_SECONDS', DEFAULT_SEAL_INTERVAL_SECONDS, 0, 604_800) * 1000,
      everyEvents: int('SEAL_EVERY_EVENTS', DEFAULT_SEAL_EVERY_EVENTS, 0, 100_000_000),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    stores,
  };
  if (!LOG_LEVELS.includes(config.logLevel))
    problems.push(`LOG_LEVEL=${JSON.stringify(config.logLevel)}: must be one of ${LOG_LEVELS.join(', ')}`);
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return config;
}
