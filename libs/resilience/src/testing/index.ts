export * from './fault-injector';
export * from './server-suite';
