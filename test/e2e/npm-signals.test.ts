import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.ts';

// `npm start` and `npm run demo` as a user (or a process manager) runs them: npm, the script's
// shell, and cyber8k's node process. A signal sent to npm must stop cyber8k, and npm must not
// return before it has: the port and the data-directory lock are free once npm has exited.

const NPM: [string, string[]] = process.env.npm_execpath?.endsWith('.js')
  ? [process.execPath, [process.env.npm_execpath]]
  : ['npm', []];

interface NpmRun {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** cyber8k's own pid, from its first JSON log line. */
  nodePid: () => Promise<number>;
  apiUrl: () => Promise<string>;
}

const running: NpmRun[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-npm-'));
  dirs.push(dir);
  return dir;
}

function npmRun(script: string[], dataDir: string): NpmRun {
  const env: NodeJS.ProcessEnv = { ...process.env, CYBER8K_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.EDGAR_USER_AGENT;
  const npm = spawn(NPM[0], [...NPM[1], ...script], { cwd: path.resolve('.'), env });
  let out = '';
  npm.stdout?.on('data', (d) => (out += d));
  npm.stderr?.on('data', (d) => (out += d));
  const run: NpmRun = {
    npm,
    output: () => out,
    exited: new Promise((resolve) => npm.on('exit', (code, signal) => resolve({ code, signal }))),
    nodePid: () => waitFor(() => Number(/"pid":(\d+)/.exec(out)?.[1]) || undefined, 120_000, `${script.join(' ')} to log`),
    apiUrl: () => waitFor(() => /(?:API on |curl ')(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1], 120_000, `${script.join(' ')} to listen`),
  };
  running.push(run);
  return run;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function refused(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(
    () => false,
    () => true,
  );
}

const lockFile = (dataDir: string) => path.join(dataDir, 'cyber8k.lock');

describe('npm start and npm run demo stop with the signal sent to npm', () => {
  afterEach(async () => {
    for (const run of running.splice(0)) {
      // A test that failed may leave cyber8k behind, orphaned: never let it outlive the suite.
      const pid = Number(/"pid":(\d+)/.exec(run.output())?.[1]);
      run.npm.kill('SIGKILL');
      if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = tempDir();

  it('SIGTERM to `npm start`: cyber8k shuts down cleanly before npm returns, freeing the port and the data directory', { timeout: 180_000 }, async () => {
    const run = npmRun(['start'], dataDir);
    const url = await run.apiUrl();
    const pid = await run.nodePid();
    expect(pid).not.toBe(run.npm.pid);
    expect(existsSync(lockFile(dataDir))).toBe(true);

    run.npm.kill('SIGTERM');
    const { code } = await run.exited;
    // Checked the moment npm has returned, not after a wait: npm waited for cyber8k.
    expect(isRunning(pid), run.output()).toBe(false);
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/SIGTERM received, shutting down/);
    expect(existsSync(lockFile(dataDir))).toBe(false);
    expect(await refused(url)).toBe(true);
  });

  it('SIGKILL to `npm start` (npm cannot forward anything): cyber8k notices its parent is gone and shuts down', { timeout: 180_000 }, async () => {
    const run = npmRun(['start'], dataDir);
    const url = await run.apiUrl();
    const pid = await run.nodePid();
    run.npm.kill('SIGKILL');
    await run.exited;
    await waitFor(() => !isRunning(pid), 60_000, 'cyber8k to exit after npm was killed');
    expect(existsSync(lockFile(dataDir))).toBe(false);
    expect(await refused(url)).toBe(true);
  });

  it('SIGINT to `npm run demo`: the demo (monitor and replay server) stops before npm returns', { timeout: 240_000 }, async () => {
    const demoDir = tempDir();
    const run = npmRun(['run', 'demo', '--', '--speed', '1'], demoDir);
    const url = await run.apiUrl();
    const pid = await run.nodePid();
    run.npm.kill('SIGINT');
    const { code } = await run.exited;
    expect(isRunning(pid), run.output()).toBe(false);
    expect(code, run.output()).toBe(0);
    expect(existsSync(lockFile(demoDir))).toBe(false);
    expect(await refused(url)).toBe(true);
  });
});
