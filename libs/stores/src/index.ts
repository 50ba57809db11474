export * from './stores.config';
export * from './stores.module';
