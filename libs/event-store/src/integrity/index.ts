export * from './event-hash';
export * from './seal';
export * from './verify';
