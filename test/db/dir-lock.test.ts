import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock } from '../../db/dir-lock.ts';

describe('data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a directory held by another running process, naming it and the way out', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(dir, 'cyber8k.lock'), String(holder.pid));
      expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`in use by another cyber8k process \\(pid ${holder.pid}\\).*DATABASE_URL`));
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(path.join(dir, 'cyber8k.lock'), String(gone.pid));
    const lock = acquireDirectoryLock(dir);
    expect(readFileSync(lock.path, 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('can be taken again once released', () => {
    const dir = tempDir();
    acquireDirectoryLock(dir).release();
    const again = acquireDirectoryLock(dir);
    again.release();
  });
});
