export * from './events';
export * from './events/upcasters';
export * from './http';
export * from './streams';
export * from './vocabulary';
export * from './read-models';
