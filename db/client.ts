import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql as sqlTag, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';
import { acquireDirectoryLock, type DirectoryLock } from './dir-lock.ts';
import { migrateDatabase } from './migrate.ts';
import { openEmbeddedPglite } from './pglite.ts';

export type Schema = typeof schema;
/** The one database type above both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL and returns its rows, whichever the driver. */
  query<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Throws unless the database answers (readiness). */
  ping(): Promise<void>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel`, from any connection to the database, and
   * `onListening` each time the listener is (re)connected — notifications sent while it was not
   * are lost, so that is the moment to look for missed work. Resolves to the unsubscribe function.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; null for the embedded database. */
  databaseUrl: string | null;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Connections in the postgres.js pool. */
  maxConnections?: number;
  /** An already-created PGlite (tests load a migrated template); the caller keeps ownership of its directory. */
  pglite?: PGlite;
}

/** Opens the database the configuration names: a PostgreSQL server, or PGlite in the data directory. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : await openPglite(options);
  if (options.migrate ?? true) {
    try {
      await migrateDatabase(database, options.databaseUrl);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(query: SQL) {
      return (await db.execute(query)) as unknown as T[];
    },
    async ping() {
      await db.execute(sqlTag`select 1`);
    },
    async listen(channel, onNotify, onListening) {
      // postgres.js keeps one dedicated connection for its listeners and reconnects it by itself.
      const { unlisten } = await client.listen(channel, onNotify, onListening);
      return unlisten;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let lock: DirectoryLock | null = null;
  let client = options.pglite;
  if (!client) {
    mkdirSync(options.dataDir, { recursive: true });
    // PGlite itself does not stop a second process from opening (and corrupting) the same files.
    lock = acquireDirectoryLock(options.dataDir);
    try {
      client = await openEmbeddedPglite(path.join(options.dataDir, 'pglite'));
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const owned = !options.pglite;
  const pg = client;
  const db = drizzlePglite({ client: pg, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(query: SQL) {
      const result = (await db.execute(query)) as unknown as { rows: T[] };
      return result.rows;
    },
    async ping() {
      await db.execute(sqlTag`select 1`);
    },
    async listen(channel, onNotify, onListening) {
      // One process owns a PGlite, so its NOTIFYs are delivered in-process; nothing to reconnect.
      const unlisten = await pg.listen(channel, onNotify);
      onListening?.();
      return () => unlisten();
    },
    async close() {
      if (owned) await pg.close();
      lock?.release();
    },
  };
}

export { sqlTag as sql };
