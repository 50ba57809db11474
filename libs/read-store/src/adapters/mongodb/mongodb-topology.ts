/**
 * Throws unless the server described by a `hello` reply supports multi-document transactions: a replica set member
 * (`setName`) or a mongos (`msg: 'isdbgrid'`). A standalone mongod would accept every write but fail the first
 * transaction with "Transaction numbers are only allowed on a replica set member or mongos"; failing at start-up
 * says what to do instead.
 */
export function assertTransactionCapable(hello: Record<string, unknown>): void {
  if (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') return;
  throw new Error(
    'MongoDB must be a replica set (a single node is enough: mongod --replSet rs0, then rs.initiate()) or a sharded ' +
      'cluster: the read store writes each batch in a transaction. Add ?replicaSet=<name> to MONGODB_URL.',
  );
}
