import type { CheckedBatch } from '../../read-store.batch';
import { saveCheckpoints } from './sqlite-checkpoints';
import { type SqliteLayout, q } from './sqlite-layout';
import type { SqliteLeases } from './sqlite-leases';
import type { SqliteStatements } from './sqlite-statements';

/**
 * Inside the batch's IMMEDIATE transaction: the lease's fence, then the documents and checkpoints. Collections are
 * resolved here, inside the transaction: one dropped by another process meanwhile is unknown
 * (UnknownCollectionError, nothing written) rather than a missing table.
 */
export function writeBatch(
  { changes, checkpoints, lease }: CheckedBatch,
  parts: {
    statements: SqliteStatements;
    leases: SqliteLeases;
    resolve: (name: string, version?: number) => SqliteLayout;
  },
): void {
  const { statements } = parts;
  if (lease) parts.leases.fence(lease);
  const layouts = changes.map(({ name, version }) => parts.resolve(name, version));
  changes.forEach(({ upserts, deletes }, i) => {
    const table = q(layouts[i].table);
    if (deletes.length) {
      const remove = statements.get(`DELETE FROM ${table} WHERE id = ?`);
      for (const id of deletes) remove.run(id);
    }
    if (upserts.length) {
      // Unchanged documents are left alone: redelivered events then cost a comparison, not index rewrites.
      const upsert = statements.get(
        `INSERT INTO ${table} (id, doc) VALUES (?, ?) ` +
          'ON CONFLICT (id) DO UPDATE SET doc = excluded.doc WHERE doc IS NOT excluded.doc',
      );
      for (const [id, json] of upserts) upsert.run(id, json);
    }
  });
  saveCheckpoints(statements, checkpoints);
}
