import { loadAppConfig, type AppConfig } from '../app.config';

/** The configuration of `env` (quiet logs unless it says otherwise), as the api loads it at start-up. */
export const configOf = (env: Record<string, string> = {}): AppConfig =>
  loadAppConfig({ LOG_LEVEL: 'silent', ...env });

/** The variables a production deployment sets: EventStoreDB, MongoDB and the two secrets it then requires. */
export const PRODUCTION_ENV = {
  EVENT_STORE: 'eventstoredb',
  EVENTSTOREDB_URL: 'esdb://eventstore:2113?tls=false',
  READ_STORE: 'mongodb',
  MONGODB_URL: 'mongodb://mongo:27017/slimmernetwerk?replicaSet=rs0',
  EMAIL_HASH_KEY: 'k'.repeat(32),
  AUTH_JWT_SECRET: 's'.repeat(32),
};
