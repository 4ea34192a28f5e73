import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/sqlite/database.js';
import { migrate } from '../../src/storage/sqlite/migrate.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';
import { openSqliteStores } from '../../src/storage/sqlite/openSqliteStores.js';
import type { Stores } from '../../src/storage/stores.js';
import { tempDir } from '../helpers/tempContent.js';
import { buildHandoffRequest, buildMessage, buildReport } from './contracts/records.js';

describe('SQLite schema and migrations', () => {
  const cleanup: (() => unknown)[] = [];
  const newDir = () => {
    const dir = tempDir('anxin-migrate-');
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const keep = <T extends { close(): unknown }>(opened: T) => {
    cleanup.unshift(() => opened.close());
    return opened;
  };
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });
  const applied = (db: Database.Database) =>
    db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  const allVersions = migrations.map((m) => m.version);

  it('When a new database is opened, then it is in WAL mode with foreign keys, NORMAL sync and a busy timeout', () => {
    const db = keep(openDatabase(newDir()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(applied(db)).toEqual(allVersions);
  });

  it('When a database is opened again, then no migration is applied twice', () => {
    const dir = newDir();
    openDatabase(dir).close();
    const db = keep(openDatabase(dir));
    expect(migrate(db, migrations)).toEqual([]);
    expect(applied(db)).toEqual(allVersions);
  });

  it('When a database made by an older version is opened, then the newer migrations run and its data is kept', async () => {
    const dir = newDir();
    const old = openDatabase(dir, migrations.slice(0, 1));
    expect(applied(old)).toEqual([1]);
    old
      .prepare('INSERT INTO storage_items (key, value, etag) VALUES (?, ?, ?)')
      .run('state', '{"turns":2}', 'e1');
    old.close();

    const stores: Stores = keep(openSqliteStores(dir));
    expect((await stores.storage.read(['state'])).state).toEqual({ turns: 2, eTag: 'e1' });
    const report = buildReport();
    await stores.reports.save(report);
    expect(await stores.reports.get(report.reference)).toEqual(report);
    const db = keep(new Database(path.join(dir, 'anxin.db'), { readonly: true }));
    expect(applied(db)).toEqual(allVersions);
  });

  it('When a database from before the queue holds a handoff request, then it opens as a waiting entry', async () => {
    const dir = newDir();
    const old = openDatabase(dir, migrations.slice(0, 2));
    const request = buildHandoffRequest();
    old
      .prepare(
        `INSERT INTO handoff_requests (channel, conversation_id, locale, reason, priority, intent, risk,
           red_flags, topics, requested_at, transcript) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.channel,
        request.conversationId,
        request.locale,
        request.reason,
        request.intent,
        request.risk,
        JSON.stringify(request.redFlags),
        JSON.stringify(request.topics),
        request.requestedAt,
        JSON.stringify(request.transcript),
      );
    old.close();

    const stores: Stores = keep(openSqliteStores(dir));
    expect(await stores.handoffs.waiting()).toEqual([{ ...request, state: 'queued' }]);
    expect(await stores.handoffs.position(request.channel, request.conversationId)).toBe(1);
  });

  it('When a database from before display names holds an agent account, then the account opens unchanged, enabled and unnamed', async () => {
    const dir = newDir();
    const old = openDatabase(dir, migrations.slice(0, 4));
    old
      .prepare('INSERT INTO agents (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run('wang', 'agent', 'scrypt$h', '2026-01-01T00:00:00.000Z');
    old.close();

    const stores: Stores = keep(openSqliteStores(dir));
    expect(await stores.agents.get('wang')).toEqual({
      username: 'wang',
      role: 'agent',
      passwordHash: 'scrypt$h',
      createdAt: '2026-01-01T00:00:00.000Z',
      failures: 0,
    });
  });

  it('When a migration fails, then nothing of it is kept and the error names it', () => {
    const db = keep(openDatabase(newDir()));
    const broken = {
      version: migrations.length + 1,
      name: 'half done',
      sql: 'CREATE TABLE extra (x); SELEC oops;',
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow(
      `migration ${broken.version} (half done) failed`,
    );
    expect(applied(db)).toEqual(allVersions);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('When the database is newer than the code, then opening it is refused with a clear error', () => {
    const dir = newDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', 'now')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow('schema version 99, newer than this code knows');
  });

  it('When migrations are out of order, then they are refused before anything runs', () => {
    const db = keep(new Database(':memory:'));
    expect(() => migrate(db, [{ version: 2, name: 'skips one', sql: '' }])).toThrow('must be version 1');
  });

  it('When a transcript row is read by hand, then its lists are JSON columns', async () => {
    const dir = newDir();
    const stores = keep(openSqliteStores(dir));
    const citations = [{ articleId: 'a', title: '标题', reviewed: '2025-10-01' }];
    await stores.transcripts.append('c1', [buildMessage('c1', { citations })]);
    const db = keep(new Database(path.join(dir, 'anxin.db'), { readonly: true }));
    const row = db.prepare('SELECT citations, handoff FROM messages').get() as {
      citations: string;
      handoff: null;
    };
    expect(JSON.parse(row.citations)).toEqual(citations);
    expect(row.handoff).toBeNull();
  });
});
