export * from './events';
export * from './events/upcasters';
export * from './limits';
export * from './patterns';
export * from './streams';
export * from './vocabulary';
export * from './read-models';
