// Test fixtures for the EventStoreDB adapter and for anything that runs on it: a node that never answers (or
// answers with a chosen gRPC status) for hang and fault tests with the real client, and an in-memory imitation of
// the client for the adapter's unit tests. Import from '@app/event-store/adapters/eventstoredb/testing'.
export * from './grpc-fault-server';
export { FakeEsdbClient, FakeSubscription } from './fake-esdb-client';
