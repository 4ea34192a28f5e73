import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';
import { type Migration, migrations } from './migrations.js';

/** The database file inside DATA_DIR. */
const databaseFile = 'anxin.db';

/**
 * Opens (creating when needed) `<dataDir>/anxin.db` in WAL mode and applies pending migrations.
 * `synchronous = NORMAL` is the WAL setting SQLite recommends: a commit survives a process crash
 * (the SIGKILL test relies on this); only a power cut may lose the last commits.
 * @example const db = openDatabase(config.dataDir)
 */
export function openDatabase(dataDir: string, list: readonly Migration[] = migrations): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, databaseFile));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 is synchronous: waiting for another process's lock blocks the event loop,
    // so keep the wait short. One process never waits on itself.
    db.pragma('busy_timeout = 5000');
    migrate(db, list);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
