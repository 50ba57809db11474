export * from './read-store.contract';
export * from './lease.contract';
