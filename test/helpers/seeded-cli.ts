// A `cyber8k` command run as a user runs it (the real binary) on a database seeded for the test:
// embedded PGlite in a folder (seeded, then closed, as a monitor would leave it) or a PostgreSQL
// server database. Call inside a describe: it registers the set-up and clean-up.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

const BIN = path.resolve('bin/cyber8k.js');

export function seededCli(
  backend: 'pglite' | 'postgres',
  seed: (database: Database) => Promise<void>,
  command: string,
): (...args: string[]) => SpawnSyncReturns<string> {
  let dataDir = '';
  let server: TestDatabase | null = null;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `cyber8k-${command}-cli-`));
    if (backend === 'postgres') {
      server = await openTestDatabase('postgres');
      await seed(server.database);
    } else {
      const database = await openDatabase({ databaseUrl: null, dataDir });
      await seed(database);
      await database.close();
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return (...args) =>
    spawnSync(process.execPath, [BIN, command, ...args], {
      env: { ...process.env, DATABASE_URL: server?.url ?? '', CYBER8K_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
}
