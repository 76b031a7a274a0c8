import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { ADVISORY_LOCK_KEYS, advisoryLocks, openLockSession } from './advisory-lock.ts';
import type { Database } from './client.ts';
import { AppError, errorMessage } from '../src/errors.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

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
  const key = ADVISORY_LOCK_KEYS.migration;
  if (database.kind === 'postgres' && databaseUrl) {
    // One connection, so the lock and the migration share a session.
    const session = openLockSession(databaseUrl);
    try {
      await session.withLock(key, () => migratePostgres(drizzlePostgres({ client: session.client }), { migrationsFolder: MIGRATIONS_FOLDER }));
    } finally {
      await session.close();
    }
    return;
  }
  // PGlite has a single connection: the lock is held on it for the duration of the migration.
  await advisoryLocks((query) => database.query(query)).withLock(key, () =>
    migratePglite(database.db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: MIGRATIONS_FOLDER }),
  );
}
