// What pruning a version's indexes drops in SQLite (ReadStore.pruneIndexes): the indexes its stored declaration
// has and the new one lacks or declares otherwise, and any index or side table left in the schema under the
// table's prefix that the declaration does not account for (a scalar index whose field has become an array field
// leaves its SQL index behind when its side table is built).
import type BetterSqlite3 from 'better-sqlite3';
import type { PrunedIndex } from '../../read-store.port';
import { undeclaredIndexes } from '../../read-store.declarations';
import type { NormalizedDeclaration } from '../../read-store.validation';
import { dropIndexSql, q, sideTableName, sqlIndexName } from './sqlite-layout';

export interface SqliteIndexPrune {
  index: string;
  reason: PrunedIndex['reason'];
  /** The statements that drop it. */
  drop: string[];
}

export function indexesToPrune(
  db: BetterSqlite3.Database,
  table: string,
  stored: NormalizedDeclaration,
  declared: NormalizedDeclaration,
): SqliteIndexPrune[] {
  const prune: SqliteIndexPrune[] = undeclaredIndexes(stored, declared).map(({ index, reason }) => ({
    index: index.name,
    reason,
    drop: dropIndexSql(table, index),
  }));
  const wanted = new Map(declared.indexes.map((i) => [i.name, i]));
  const reported = new Set(prune.map((p) => p.index));
  const ixPrefix = sqlIndexName(table, '');
  const mkPrefix = sideTableName(table, '');
  const schema = db
    .prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'table')")
    .all() as { type: string; name: string }[];
  for (const { type, name } of schema) {
    const scalar = type === 'index' && name.startsWith(ixPrefix);
    const multikey = type === 'table' && name.startsWith(mkPrefix);
    if (!scalar && !multikey) continue;
    const index = name.slice((scalar ? ixPrefix : mkPrefix).length);
    const declaredAs = wanted.get(index);
    if (reported.has(index) || (declaredAs && Boolean(declaredAs.arrayField) === multikey)) continue;
    reported.add(index);
    prune.push({
      index,
      reason: declaredAs ? 'changed' : 'undeclared',
      drop: scalar
        ? [`DROP INDEX IF EXISTS ${q(name)}`]
        : [
            ...['ai', 'au', 'ad'].map((t) => `DROP TRIGGER IF EXISTS ${q(`${name}__${t}`)}`),
            `DROP TABLE IF EXISTS ${q(name)}`,
          ],
    });
  }
  return prune;
}
