export * from './read-store.port';
export * from './adapters/sqlite/sqlite-read-store';
