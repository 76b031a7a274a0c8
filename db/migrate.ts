import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { Database } from './client.ts';
import { AppError, errorMessage } from '../src/errors.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Arbitrary but fixed: every cyber8k instance must agree on it.
const MIGRATION_LOCK_KEY = 0x63386b01;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several instances starting
 * at once on one server migrate one after the other (drizzle's migrator is not safe to run
 * concurrently on its own).
 */
export async function migrateDatabase(database: Database, databaseUrl: string | null): Promise<void> {
  try {
    await applyMigrations(database, databaseUrl);
  } catch (err) {
    // drizzle reports the whole SQL text; the database's own reason is what a user can act on.
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : errorMessage(err);
    throw new AppError('database.migration_failed', `applying database migrations failed: ${reason}`, { cause: err });
  }
}

async function applyMigrations(database: Database, databaseUrl: string | null): Promise<void> {
  if (database.kind === 'postgres' && databaseUrl) {
    // One connection, so the lock and the migration share a session.
    const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      try {
        await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      }
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  // PGlite has a single connection: the lock is held on it for the duration of the migration.
  await database.query(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    await migratePglite(database.db as unknown as PgliteDatabase<Record<string, never>>, {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  } finally {
    await database.query(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}
