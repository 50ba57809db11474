export * from './projection-runner';
export * from './rebuild';
export * from './lag';
