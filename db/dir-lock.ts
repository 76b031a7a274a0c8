import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../src/errors.ts';

export interface DirectoryLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'cyber8k.lock';

const inUse = (dir: string, pid: number) =>
  new AppError(
    'database.data_dir_locked',
    `the data directory ${path.resolve(dir)} is in use by another cyber8k process (pid ${pid}); ` +
      'stop it, choose another CYBER8K_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between instances',
  );

/**
 * Claims a data directory for this process with a lock file holding our pid. A lock left by a
 * process that no longer runs (a crash, a SIGKILL) is taken over.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const lockPath = path.join(dir, LOCK_FILE);
  const unique = () => `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written in full under a private name, then linked into place: another process never reads a
    // lock that exists but has no pid yet.
    const mine = unique();
    writeFileSync(mine, String(process.pid));
    try {
      linkSync(mine, lockPath);
      return ownLock(lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(mine);
    }

    const holder = Number.parseInt(readQuietly(lockPath), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) throw inUse(dir, holder);
    // Stale. Move that very file aside: of several processes taking over at once, one succeeds.
    const aside = unique();
    try {
      renameSync(lockPath, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readQuietly(aside);
    if (moved.trim() !== String(holder)) {
      // Between our read and our move another process took the lock: give it back.
      try {
        linkSync(aside, lockPath);
      } catch {
        // It took it again already.
      }
    }
    unlinkSync(aside);
  }
  const holder = Number.parseInt(readQuietly(lockPath), 10);
  throw Number.isInteger(holder) ? inUse(dir, holder) : new AppError('database.data_dir_locked', `could not lock the data directory ${path.resolve(dir)}`);
}

function ownLock(lockPath: string): DirectoryLock {
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      if (readQuietly(lockPath).trim() === String(process.pid)) {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      }
    },
  };
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
