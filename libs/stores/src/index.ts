export * from './stores.config';
export * from './stores.module';
export * from './store-opening';
export * from './embedded-secret';
