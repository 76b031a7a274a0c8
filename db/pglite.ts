// Opens the embedded PostgreSQL (PGlite) in a data directory, with the memory it needs and no more.
//
// Where the memory goes (bench/memory.ts measures it): PGlite's WebAssembly heap starts at 128 MB
// and PostgreSQL's shared buffers are placed in it (160 MB by PGlite's default configuration). The
// first open of a new directory runs initdb inside a second, temporary PGlite plus a copy of its
// heap; PGlite does not give that memory back, so a process that created its database kept
// ~900 MB for the rest of its life. Here initdb runs in a short-lived child process instead, and
// the shared buffers are sized for one process serving a small database.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { AppError } from '../src/errors.ts';

/**
 * 32 MB of shared buffers: the working set of the API's queries and the workers' writes on a
 * database of tens of thousands of filings; PostgreSQL reads the rest through the OS page cache.
 */
export const SHARED_BUFFERS = '32MB';

// Run with `node --input-type=module -e`: creates the database in the directory given, then exits,
// which hands initdb's memory back to the system.
const INITDB_SCRIPT = `
const [moduleUrl, dataDir, sharedBuffers] = process.argv.slice(1);
const { PGlite } = await import(moduleUrl);
const pg = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=' + sharedBuffers] });
await pg.close();
`;

/** Whether the directory holds a PostgreSQL database (initdb writes PG_VERSION). */
function hasDatabase(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

/**
 * Creates the database in `dir` if there is none yet, in a child process, then opens it. The new
 * database is built beside `dir` and moved into place when complete, so a first start that is
 * interrupted leaves no half-made database behind. The caller holds the data-directory lock.
 */
export async function openEmbeddedPglite(dir: string): Promise<PGlite> {
  if (!hasDatabase(dir)) await initializeDatabase(dir);
  // Imported only now, so this process stays small while the child runs initdb.
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create({ dataDir: dir, startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] });
}

async function initializeDatabase(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  // Left by a first start that was killed: the lock we hold says no one else is building it now.
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${base}.init-`)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new AppError(
      'database.data_dir_incomplete',
      `${path.resolve(dir)} holds files but no database (no PG_VERSION): move it away and start again to create a new database`,
    );
  }
  const building = mkdtempSync(path.join(parent, `${base}.init-`));
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', INITDB_SCRIPT, import.meta.resolve('@electric-sql/pglite'), building, SHARED_BUFFERS], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n').slice(-3).join(' ');
    throw new AppError('database.init_failed', `creating the embedded database in ${path.resolve(dir)} failed: ${stderr || (err as Error).message}`);
  }
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true }); // empty, checked above
  renameSync(building, dir);
}
