export * from './events';
export * from './events/upcasters';
export * from './streams';
export * from './vocabulary';
