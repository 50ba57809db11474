export * from './projection-runner';
export * from './rebuild';
