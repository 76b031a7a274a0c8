import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { REQUIRE_POSTGRES, TEST_POSTGRES_URL } from './postgres-url.ts';

export type Backend = 'pglite' | 'postgres';

export interface TestDatabase {
  backend: Backend;
  database: Database;
  /** postgres:// URL of this suite's own database (null on PGlite). */
  url: string | null;
  /** Empties every table, between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = ['deliveries', 'subscriptions', 'api_keys', 'events', 'reports', 'reconciliations', 'incident_corrections', 'incident_filings', 'incidents', 'analyses', 'filing_sources', 'filings', 'companies', 'poll_state', 'jobs', 'rate_limits', 'http_cache'];

export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const pglite = await PGlite.create({ loadDataDir: template });
    const database = await openDatabase({ databaseUrl: null, dataDir: '', pglite, migrate: false });
    return {
      backend,
      database,
      url: null,
      reset: () => truncateAll(database),
      async close() {
        await database.close();
        await pglite.close();
      },
    };
  }
  if (!inject('postgresAvailable')) {
    throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but not reachable at ${TEST_POSTGRES_URL}: ${inject('postgresProblem')}`);
  }
  // A database of its own per suite, so suites running in parallel never see each other's rows.
  const name = `cyber8k_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', maxConnections: 4 });
  return {
    backend,
    database,
    url: url.toString(),
    reset: () => truncateAll(database),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A new, empty PostgreSQL database (no migrations applied); drop it with the returned function. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cyber8k_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function truncateAll(database: Database): Promise<void> {
  await database.query(sql.raw(`truncate ${TABLES.join(', ')} restart identity cascade`));
}

export function backends(): Backend[] {
  return ['pglite', 'postgres'];
}

/** Whether the PostgreSQL variant runs; says so visibly when it does not. */
function postgresRuns(title: string): boolean {
  if (inject('postgresAvailable') || REQUIRE_POSTGRES) return true;
  console.warn(
    `[skipped] "${title}" on PostgreSQL: no server at ${TEST_POSTGRES_URL} (${inject('postgresProblem')}). ` +
      'Set DATABASE_URL, or REQUIRE_POSTGRES=1 to make this a failure.',
  );
  return false;
}

/**
 * Declares the same suite once per backend (PGlite and a real PostgreSQL server). The body gets a
 * getter for the suite's database; tables are emptied before each test.
 */
export function describeEachDatabase(title: string, body: (db: () => TestDatabase) => void): void {
  for (const backend of backends()) {
    const runs = backend === 'pglite' || postgresRuns(title);
    describe.skipIf(!runs)(`${title} [${backend}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(backend);
      });
      afterAll(async () => {
        await current?.close();
      });
      beforeEach(async () => {
        await current?.reset();
      });
      body(() => {
        if (!current) throw new Error('test database not open');
        return current;
      });
    });
  }
}
