import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReplayServer, DEMO_CORPUS, type ReplayServer } from '../../src/replay/index.ts';
import { killAll, replayEnv, spawnMonitor, type MonitorProcess } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

// `cyber8k jobs` and `jobs --retry-dead` as an operator uses them, on the embedded database: a
// filing whose document EDGAR served broken goes dead, the command shows it with its reason, puts
// it back, and the next monitor analyzes it.

const BIN = path.resolve('bin/cyber8k.js');
const UNH = '0000731766-24-000045';
const UNH_PATH = '000073176624000045';

/** Bytes no analyzer can read as a filing: NULs and control characters throughout. */
function garbage(): Buffer {
  const bytes = Buffer.alloc(4000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 7 === 0 ? 0 : 0x41 + (i % 26);
  return bytes;
}

describe('cyber8k jobs --retry-dead', () => {
  let replay: ReplayServer;
  let replayUrl: string;
  let broken = true;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-jobs-'));
  const running: MonitorProcess[] = [];

  beforeAll(async () => {
    replay = await createReplayServer({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      faults: (req) =>
        broken && req.kind === 'document' && req.path.includes(UNH_PATH)
          ? { status: 200, body: garbage(), headers: { 'content-type': 'text/html' } }
          : undefined,
    });
    replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
    replay.release(UNH);
  });
  afterEach(async () => {
    await killAll(running);
  });
  afterAll(async () => {
    await replay?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({
    DATABASE_URL: undefined,
    CYBER8K_DATA_DIR: dataDir,
    ...replayEnv(replayUrl),
  });

  /** Runs a monitor until `until` appears in its log, then stops it with SIGTERM. */
  async function monitorUntil(until: RegExp, what: string): Promise<string> {
    const p = spawnMonitor('start', env());
    running.push(p);
    await waitFor(() => until.test(p.output()), 120_000, what);
    p.proc.kill('SIGTERM');
    expect(await p.exited, p.output()).toBe(0);
    running.splice(running.indexOf(p), 1);
    return p.output();
  }

  function jobs(args: string[] = []) {
    const merged: NodeJS.ProcessEnv = { ...process.env, ...env() };
    delete merged.DATABASE_URL;
    return spawnSync(process.execPath, [BIN, 'jobs', ...args], { env: merged, encoding: 'utf8', timeout: 60_000 });
  }

  it('shows a dead job with its reason, puts it back with fresh attempts, and the next monitor analyzes it', { timeout: 400_000 }, async () => {
    await monitorUntil(new RegExp(`job analyze-filing ${UNH} is dead`), 'the UnitedHealth job to go dead');

    const listed = jobs();
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^analyze-filing dead: 1$/m);
    expect(listed.stdout).toMatch(/^dead jobs:$/m);
    expect(listed.stdout).toMatch(new RegExp(`^  #\\d+ analyze-filing ${UNH} attempts \\d+/\\d+ — could not analyze ${UNH}: the primary document .* is binary data`, 'm'));

    const retried = jobs(['--retry-dead']);
    expect(retried.status, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(/^requeued 1 dead jobs$/m);
    expect(retried.stdout).toMatch(/^analyze-filing queued: 1$/m);
    expect(retried.stdout).not.toMatch(/dead jobs:/);

    // Nothing left to put back: a second run says so and changes nothing.
    expect(jobs(['--retry-dead']).stdout).toMatch(/^requeued 0 dead jobs$/m);

    broken = false;
    await monitorUntil(/analyzed 8-K of UNITEDHEALTH GROUP INC/, 'the requeued job to be analyzed');
    const done = jobs(['--state', 'done']);
    expect(done.stdout).toMatch(new RegExp(`^  #\\d+ analyze-filing ${UNH} attempts 1/\\d+`, 'm'));
  });
});
