import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/**
 * A secret made once per embedded database and kept in it, so the embedded mode needs no set-up. Production
 * configures its secrets explicitly.
 */
export function embeddedSecret(db: Database, name: string): string {
  db.exec('CREATE TABLE IF NOT EXISTS app_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.prepare('INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
    name,
    randomBytes(32).toString('hex'),
  );
  return (db.prepare('SELECT value FROM app_secrets WHERE name = ?').get(name) as { value: string }).value;
}
