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
  try {
    await sql`select 1`;
  } catch (err) {
    problem = (err as Error).message;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
  project.provide('postgresAvailable', problem === '');
  project.provide('postgresProblem', problem);

  return () => rmSync(dir, { recursive: true, force: true });
}
