import type { Checkpoint, CheckpointWrite } from '../../read-store.port';
import type { SqlParam } from './sqlite-query';
import type { SqliteStatements } from './sqlite-statements';

export const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS rs__checkpoints (name TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL,
     updated_at TEXT NOT NULL, state TEXT, error TEXT, failed_position INTEGER, details TEXT) WITHOUT ROWID`;

interface CheckpointRow {
  name: string;
  position: number;
  updated_at: string;
  state: string | null;
  error: string | null;
  failed_position: number | null;
  details: string | null;
}

/** Inside the batch's write transaction: each checkpoint replaces the stored one whole. */
export function saveCheckpoints(
  statements: SqliteStatements,
  checkpoints: readonly (CheckpointWrite & { updatedAt: string })[],
): void {
  if (!checkpoints.length) return;
  const save = statements.get(
    `INSERT INTO rs__checkpoints (name, position, updated_at, state, error, failed_position, details)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position,
           updated_at = excluded.updated_at, state = excluded.state, error = excluded.error,
           failed_position = excluded.failed_position, details = excluded.details`,
  );
  for (const c of checkpoints) {
    save.run(
      ...([
        c.name,
        c.position,
        c.updatedAt,
        c.state ?? null,
        c.error ?? null,
        c.failedPosition ?? null,
        c.details === undefined ? null : JSON.stringify(c.details),
      ] as SqlParam[]),
    );
  }
}

export function readCheckpoint(statements: SqliteStatements, name: string): Checkpoint | undefined {
  const row = statements.get('SELECT * FROM rs__checkpoints WHERE name = ?').get(name) as
    CheckpointRow | undefined;
  return row && toCheckpoint(row);
}

export function readCheckpoints(statements: SqliteStatements): Checkpoint[] {
  return (statements.get('SELECT * FROM rs__checkpoints ORDER BY name').all() as CheckpointRow[]).map(
    toCheckpoint,
  );
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => {
  const checkpoint: Checkpoint = { name: row.name, position: row.position, updatedAt: row.updated_at };
  if (row.state !== null) checkpoint.state = row.state as Checkpoint['state'];
  if (row.error !== null) checkpoint.error = row.error;
  if (row.failed_position !== null) checkpoint.failedPosition = row.failed_position;
  if (row.details !== null) checkpoint.details = JSON.parse(row.details) as Record<string, unknown>;
  return checkpoint;
};
