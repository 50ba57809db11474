// Import from '@app/event-store/adapters/eventstoredb' (not the lib root), so that the embedded mode never loads
// the gRPC client.
export * from './eventstoredb-event-store';
export { SYSTEM_STREAM_PREFIXES } from './esdb-filter';
