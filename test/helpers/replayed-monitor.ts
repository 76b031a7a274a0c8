// An in-process monitor against a replay server of the demo corpus whose timeline stands still
// (nothing is released unless a test says so), for end-to-end tests of ingestion.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import { createReplayServer, DEMO_CORPUS, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';
import { replayMonitorConfig } from './monitor-config.ts';

export async function startStillReplay(faults?: FaultHook): Promise<{ replay: ReplayServer; url: string }> {
  const replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6, ...(faults ? { faults } : {}) });
  return { replay, url: await replay.listen({ port: 0, host: '127.0.0.1' }) };
}

/** A monitor reading `replayUrl` every 0.2 s at any hour, on an embedded database in a new folder. */
export function pacedMonitorConfig(replayUrl: string, overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-e2e-'));
  return replayMonitorConfig(replayUrl, { dataDir, pollIntervalSeconds: 0.2, pollOffHoursIntervalSeconds: 0.2, ...overrides });
}
