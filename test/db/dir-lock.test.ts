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

describe('data directory lock under contention', () => {
  it('lets exactly one of several processes starting at once take the same stale lock', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-lock-race-'));
    try {
      const gone = spawn(process.execPath, ['-e', '0']);
      await new Promise((resolve) => gone.on('exit', resolve));
      writeFileSync(path.join(dir, 'cyber8k.lock'), String(gone.pid));
      // Each contender tries to take the lock and reports; a winner holds it until every contender
      // has reported (its stdin closes), so no one can win merely by starting after it let go.
      const script = `
        const { register } = await import('tsx/esm/api'); register();
        const { acquireDirectoryLock } = await import(${JSON.stringify(new URL('../../db/dir-lock.ts', import.meta.url).href)});
        try { acquireDirectoryLock(${JSON.stringify(dir)}); console.log('won'); process.stdin.resume(); await new Promise((r) => process.stdin.once('end', r)); }
        catch (err) { console.log(err.code); }`;
      const contenders = Array.from({ length: 4 }, () => spawn(process.execPath, ['--input-type=module', '-e', script]));
      const outcomes = await Promise.all(
        contenders.map((p) => new Promise<string>((resolve, reject) => {
          let out = '';
          p.stdout.on('data', (d) => {
            out += d;
            if (out.includes('\n')) resolve(out.trim());
          });
          p.on('exit', (code) => reject(new Error(`a contender exited (${code}) without reporting: ${out}`)));
        })),
      );
      for (const p of contenders) p.stdin.end();
      await Promise.all(contenders.map((p) => (p.exitCode === null ? new Promise((r) => p.on('exit', r)) : undefined)));
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'database.data_dir_locked')).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
