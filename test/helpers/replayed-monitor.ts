// An in-process monitor against a replay server of the demo corpus whose timeline stands still
// (nothing is released unless a test says so), for end-to-end tests of ingestion.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { createReplayServer, DEMO_CORPUS, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';
import { replayEnv } from './processes.ts';

export async function startStillReplay(faults?: FaultHook): Promise<{ replay: ReplayServer; url: string }> {
  const replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6, ...(faults ? { faults } : {}) });
  return { replay, url: await replay.listen({ port: 0, host: '127.0.0.1' }) };
}

/** The configuration of a monitor reading `replayUrl` every 0.2 s, on an embedded database in a new folder. */
export function replayMonitorConfig(replayUrl: string, overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-e2e-'));
  // Off hours too (tests run at any hour), faster than a setting may be.
  return loadConfig({ ...replayEnv(replayUrl), POLL_INTERVAL_SECONDS: '0.2' }, { dataDir, port: 0, pollOffHoursIntervalSeconds: 0.2, ...overrides });
}
