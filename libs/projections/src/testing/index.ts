export * from './projection-spec';
export * from './sample-events';
