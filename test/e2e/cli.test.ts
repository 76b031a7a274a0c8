import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.ts';
import { spawnMonitor } from '../helpers/processes.ts';
import { loadConfig } from '../../src/config.ts';
import { formsWithAmendments } from '../../src/ingest/services.ts';
import { createReplayServer } from '../../src/replay/index.ts';
import { DEMO_CORPUS } from '../../src/replay/index.ts';

const BIN = path.resolve('bin/cyber8k.js');

/** The embedded database in `dataDir`, whatever server the test run may have configured. */
function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CYBER8K_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.EDGAR_USER_AGENT;
  return env;
}

describe('cyber8k command line', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-cli-'));
  let first: ChildProcess | null = null;
  afterAll(() => {
    first?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts without EDGAR_USER_AGENT, serving the API and saying once how to enable polling', { timeout: 120_000 }, async () => {
    let output = '';
    first = spawn(process.execPath, [BIN, 'start'], { env: baseEnv(dataDir) });
    first.stdout?.on('data', (d) => (output += d));
    first.stderr?.on('data', (d) => (output += d));
    await waitFor(() => /API on http/.test(output), 60_000, 'the API to listen');
    expect(output.match(/EDGAR_USER_AGENT is not set/g)).toHaveLength(1);
    expect(output).toMatch(/EDGAR_USER_AGENT=\\?"Your Company you@your-company.com\\?"/);
  });

  it('refuses a second monitor on the same data directory with a message that says why', { timeout: 120_000 }, () => {
    const second = spawnSync(process.execPath, [BIN, 'start'], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another cyber8k process \(pid \d+\)/);
    expect(second.stderr).toMatch(/DATABASE_URL/);
  });

  it('shuts down cleanly on SIGTERM and frees the data directory', { timeout: 120_000 }, async () => {
    const exited = new Promise<number | null>((resolve) => first!.on('exit', (code) => resolve(code)));
    first!.kill('SIGTERM');
    expect(await exited).toBe(0);
    first = null;
    const again = spawnSync(process.execPath, [BIN, 'migrate'], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 60_000 });
    expect(again.status).toBe(0);
  });

  it('backfills days of history from the daily index and analyzes what it found', { timeout: 180_000 }, async () => {
    const replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6, synthetic: { from: '2025-03-03', businessDays: 3, perDay: 8, seed: 3 } });
    replay.releaseAll();
    const url = await replay.listen({ port: 0, host: '127.0.0.1' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-backfill-'));
    try {
      const env = { ...baseEnv(dir), DATABASE_URL: undefined, EDGAR_USER_AGENT: 'cyber8k tests tests@cyber8k.local', EDGAR_WWW_URL: url, EDGAR_DATA_URL: url, EDGAR_EFTS_URL: url };
      const run = spawnMonitor('backfill', env, ['--from', '2025-03-03', '--to', '2025-03-05']);
      expect(await run.exited, run.output()).toBe(0);
      // What the daily indexes of those days list in the forms backfill reads by default (POLL_FORMS
      // with their amendments): the synthetic filings and any real corpus filing of those days.
      const forms = formsWithAmendments(loadConfig({}).pollForms);
      const listed = replay.filings.filter((f) => f.filedDate >= '2025-03-03' && f.filedDate <= '2025-03-05' && forms.includes(f.form));
      expect(run.output()).toMatch(new RegExp(`3 days read, 0 already done, ${listed.length} filings listed, ${listed.length} new`));
      expect(run.output()).toMatch(new RegExp(`analyzed ${listed.length} filings`));
      const again = spawnMonitor('backfill', env, ['--from', '2025-03-03', '--to', '2025-03-05']);
      expect(await again.exited).toBe(0);
      expect(again.output()).toMatch(/0 days read, 3 already done/);
    } finally {
      await replay.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to backfill without a declared User-Agent, with exit code 2', () => {
    const res = spawnSync(process.execPath, [BIN, 'backfill', '--from', '2025-03-03'], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/EDGAR_USER_AGENT/);
  });

  it('refuses to run the poller alone without a declared User-Agent, with exit code 2', () => {
    const res = spawnSync(process.execPath, [BIN, 'poll'], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/EDGAR_USER_AGENT/);
  });

  it('answers an unknown command with usage and exit code 2', () => {
    const res = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/unknown command/);
  });
});
