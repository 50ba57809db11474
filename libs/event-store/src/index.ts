export * from './event-store.port';
export * from './adapters/sqlite/sqlite-database';
export * from './adapters/sqlite/sqlite-event-store';
export * from './adapters/sqlite/sqlite-group-commit';
export * from './adapters/sqlite/sqlite-errors';
