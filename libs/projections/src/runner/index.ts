export * from './projection-runner';
export * from './rebuild';
export * from './projection-lease';
export * from './lag';
export * from './shared-event-reader';
