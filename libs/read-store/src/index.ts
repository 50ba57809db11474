export * from './read-store.port';
export { textWords } from './read-store.validation';
