// The analyzer runs in worker threads, within a time budget, so a heavy filing never freezes the
// API. A monitor reads replayed EDGAR in which one filing's primary document is replaced (through
// the replay server's fault hook) by 8 MB of adversarial HTML that takes seconds to analyze.

import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shapeNamed } from '../../bench/adversarial-inputs.ts';
import type { Config } from '../../src/config.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import type { ReplayServer } from '../../src/replay/index.ts';
import { pacedMonitorConfig, startStillReplay } from '../helpers/replayed-monitor.ts';
import { waitFor } from '../helpers/wait.ts';

const COSTCO = '0000909832-25-000105'; // Costco, Oct 15 2025: its primary document is replaced
const HEAVY = gzipSync(shapeNamed('item-headings-html').make(8 * 1024 * 1024));

describe('analysis in worker threads', () => {
  const log = pino({ level: 'silent' });
  let replay: ReplayServer;
  let replayUrl: string;
  let heavyServedAt: number | null = null;
  let monitor: Monitor | null = null;
  let config: Config | null = null;

  beforeAll(async () => {
    ({ replay, url: replayUrl } = await startStillReplay((req) => {
      if (req.kind !== 'document' || !req.path.includes(`/${COSTCO.replace(/-/g, '')}/`)) return undefined;
      heavyServedAt ??= Date.now();
      // Compressed beforehand: gzipping 8 MB here would block this process, which is also the API's.
      return { status: 200, body: HEAVY, headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' } };
    }));
    replay.release(COSTCO);
  });

  afterEach(async () => {
    await monitor?.close();
    monitor = null;
    if (config) rmSync(config.dataDir, { recursive: true, force: true });
    heavyServedAt = null;
  });

  afterAll(async () => {
    await replay?.close();
  });

  function configWith(overrides: Partial<Config>): Config {
    config = pacedMonitorConfig(replayUrl, { workerConcurrency: 1, ...overrides });
    return config;
  }

  async function costco(m: Monitor) {
    const [row] = await m.database.query<{ status: string; error: string | null; attempts: number; state: string }>(
      sql`select f.status, f.error, j.attempts, j.state from filings f join jobs j on j.key = f.accession_number where f.accession_number = ${COSTCO}`,
    );
    return row;
  }

  it('answers /health in a fraction of the time a heavy filing takes to analyze', async () => {
    monitor = await startMonitor({ config: configWith({ analysisTimeoutSeconds: 600 }), log });
    const m = monitor;
    // A probe is due 20 ms after the previous answer and timed from then: this test shares the
    // API's thread, so a busy thread delays the probe's start as much as its answer.
    const probes: Array<{ at: number; ms: number }> = [];
    let analyzedAt: number | null = null;
    let due = Date.now();
    while (analyzedAt === null) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const res = await fetch(`${m.url}/health`);
      expect(res.status).toBe(200);
      const answered = Date.now();
      probes.push({ at: due, ms: answered - due });
      if ((await costco(m))?.status === 'analyzed') analyzedAt = Date.now();
      due = Date.now() + 20;
    }
    expect(heavyServedAt).not.toBeNull();
    const analysisMs = analyzedAt - heavyServedAt!;
    const during = probes.filter((p) => p.at >= heavyServedAt!).map((p) => p.ms);
    const slowest = Math.max(...during);
    // Had the analysis run on the API's thread, one probe would have waited for all of it.
    expect(during.length, `probes answered while the filing was analyzed for ${analysisMs} ms`).toBeGreaterThanOrEqual(10);
    expect(slowest, `slowest /health of ${during.length} during an analysis of ${analysisMs} ms`).toBeLessThan(analysisMs / 10);
    console.log(`/health during a ${analysisMs} ms analysis: ${during.length} probes, median ${median(during)} ms, slowest ${slowest} ms`);
  }, 240_000); // seconds of analysis, which a busy machine stretches

  it('sets a filing aside as dead, after one attempt, when its analysis runs past the time budget', async () => {
    monitor = await startMonitor({ config: configWith({ analysisTimeoutSeconds: 0.2 }), log });
    const m = monitor;
    const row = await waitFor(async () => {
      const r = await costco(m);
      return r?.state === 'dead' ? r : undefined;
    }, 60_000, 'the heavy filing set aside');
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.error).toBe(`could not analyze ${COSTCO}: analysis took longer than its time budget of 0.2 s (ANALYSIS_TIMEOUT_SECONDS)`);
    const detail = await m.app!.inject({ method: 'GET', url: `/v1/filings/${COSTCO}` });
    expect(detail.json()).toMatchObject({ status: 'dead', error: row.error });
  });
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
