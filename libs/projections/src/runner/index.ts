export * from './projection-runner';
export * from './rebuild';
export * from './projection-lease';
export * from './lag';
export * from './seal-scheduler';
export * from './shared-event-reader';
