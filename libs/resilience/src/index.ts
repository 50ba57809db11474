export * from './store-errors';
export * from './deadline';
export * from './backoff';
export * from './worker-thread';
