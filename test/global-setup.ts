import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { TEST_POSTGRES_URL } from './helpers/postgres-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAvailable: boolean;
    postgresProblem: string;
  }
}

/**
 * Migrates one PGlite database and dumps it, so each suite loads a ready database in well under a
 * second instead of running initdb and the migrations again (≈3 s each).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-test-'));
  const pglite = await PGlite.create();
  const database = await openDatabase({ databaseUrl: null, dataDir: dir, pglite });
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  await pglite.close();
  const templatePath = path.join(dir, 'template.tar');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templatePath);

  let problem = '';
  const sql = postgres(TEST_POSTGRES_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  let sharedHadTables = false;
  try {
    sharedHadTables = await hasCyber8kTables(sql);
  } catch (err) {
    problem = (err as Error).message;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
  project.provide('postgresAvailable', problem === '');
  project.provide('postgresProblem', problem);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (problem !== '' || sharedHadTables) return;
    // Suites work in databases of their own; the server's database is only where they create them.
    // A test that wrote into it would leave state behind for the next run (it happened once).
    const check = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
    try {
      if (await hasCyber8kTables(check)) {
        // vitest reports an error thrown here but still exits 0: fail the run explicitly.
        process.exitCode = 1;
        console.error(`FAIL: a test wrote cyber8k tables into the shared database ${TEST_POSTGRES_URL}; tests must use their own database (see test/helpers/databases.ts)`);
      }
    } finally {
      await check.end({ timeout: 1 }).catch(() => {});
    }
  };
}

async function hasCyber8kTables(sql: postgres.Sql): Promise<boolean> {
  const [row] = await sql`select to_regclass('public.filings') is not null as present`;
  return Boolean(row?.present);
}
