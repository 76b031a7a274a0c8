import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../src/errors.ts';

export interface DirectoryLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'cyber8k.lock';

/**
 * Claims a data directory for this process with an exclusive lock file holding our pid. A lock
 * left by a process that no longer runs (a crash, a SIGKILL) is taken over.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readLockHolder(lockPath), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new AppError(
          'database.data_dir_locked',
          `the data directory ${path.resolve(dir)} is in use by another cyber8k process (pid ${holder}); ` +
            'stop it, choose another CYBER8K_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between instances',
        );
      }
      // Stale lock: its owner is gone.
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process took it over first; the next attempt tells.
      }
    }
  }
  throw new AppError('database.data_dir_locked', `could not lock the data directory ${path.resolve(dir)}`);
}

function readLockHolder(lockPath: string): string {
  try {
    return readFileSync(lockPath, 'utf8');
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
