export * from './fault-injector';
export * from './adapter-suites';
