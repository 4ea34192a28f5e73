import type Database from 'better-sqlite3';
import type { Migration } from './migrations.js';

/**
 * Brings a database up to the newest migration and returns the versions it applied (none when it
 * was current). Each migration runs in an immediate transaction that first re-reads the applied
 * versions, so two processes opening one file at once cannot apply the same migration twice.
 * @example const applied = migrate(db, migrations)
 */
export function migrate(db: Database.Database, list: readonly Migration[]): number[] {
  checkOrder(list);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const current = () =>
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const newest = list.at(-1)?.version ?? 0;
  if (current() > newest) {
    throw new Error(
      `SQLite store: the database is at schema version ${current()}, newer than this code knows (${newest}).`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of list) {
    const apply = db.transaction(() => {
      if (migration.version <= current()) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) applied.push(migration.version);
    } catch (cause) {
      throw new Error(`SQLite store: migration ${migration.version} (${migration.name}) failed.`, { cause });
    }
  }
  return applied;
}

function checkOrder(list: readonly Migration[]): void {
  list.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new Error(`SQLite store: migration "${migration.name}" must be version ${i + 1}.`);
    }
  });
}
