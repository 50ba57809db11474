import type BetterSqlite3 from 'better-sqlite3';
import type { SqlParam } from './sqlite-query';

export type Statement = BetterSqlite3.Statement<SqlParam[]>;

/** Distinct SQL texts kept prepared; query shapes are few, so this is a guard rather than a working limit. */
const STATEMENT_CACHE_LIMIT = 1_000;

/** The read store's prepared statements, kept by SQL text and shared by its parts. */
export class SqliteStatements {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  /** A cached prepared statement; `pluck` ones return the first column only. */
  get(sql: string, pluck = false): Statement {
    const key = `${pluck ? 'pluck' : 'rows'}:${sql}`;
    let statement = this.cache.get(key);
    if (!statement) {
      if (this.cache.size >= STATEMENT_CACHE_LIMIT) this.cache.clear();
      statement = this.db.prepare<SqlParam[]>(sql);
      if (pluck) statement.pluck();
      this.cache.set(key, statement);
    }
    return statement;
  }

  /** Forgets the statements that name a table (and its side tables), once they are dropped. */
  forgetTable(table: string): void {
    for (const key of this.cache.keys()) if (key.includes(`"${table}`)) this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
