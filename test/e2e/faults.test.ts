import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import { createReplayServer, type FaultAction, type FaultRequest, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { replayMonitorConfig } from '../helpers/monitor-config.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { waitFor } from '../helpers/wait.ts';

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] a replayed day under faults: no PostgreSQL server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

// SEC's real rate-limit page, as the replay server serves it.
const RATE_PAGE = readFileSync(new URL('../../src/replay/pages/rate-exceeded.html', import.meta.url));
const PAUSE_MS = 6000;

describe.skipIf(!postgresRuns)('a replayed day of 300+ filings under faults [postgres]', () => {
  let db: TestDatabase;
  let replay: ReplayServer;
  let monitor: Monitor;
  const seen: Array<{ at: number; kind: string }> = [];
  const injected = { rateLimit: 0, unavailable: 0, slow: 0, truncated: 0 };
  let pauseStartedAt = 0;

  // Deterministic faults by request number, on top of the real answers.
  function fault(req: FaultRequest): FaultAction | undefined {
    seen.push({ at: Date.now(), kind: req.kind });
    if (req.seq === 120) {
      injected.rateLimit += 1;
      pauseStartedAt = Date.now();
      return { status: 403, body: RATE_PAGE, headers: { 'content-type': 'text/html' } };
    }
    if (req.seq % 29 === 0) {
      injected.unavailable += 1;
      return { status: 503, body: 'Service Unavailable', headers: { 'retry-after': '1' } };
    }
    if (req.seq % 31 === 0) {
      injected.slow += 1;
      return { delayMs: 1500 };
    }
    if (req.kind === 'document' && req.seq % 37 === 0) {
      injected.truncated += 1;
      return { truncate: 200 };
    }
    return undefined;
  }

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    replay = await createReplayServer({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      synthetic: { from: '2025-03-04', businessDays: 1, perDay: 300, corrupt: 1, seed: 1105 },
      faults: fault,
    });
    const url = await replay.listen({ port: 0, host: '127.0.0.1' });
    const config = replayMonitorConfig(url, {
      databaseUrl: db.url,
      edgarRequestsPerSecond: 8,
      edgarTimeoutMs: 5000,
      edgarRateLimitPauseSeconds: PAUSE_MS / 1000,
      pollForms: ['8-K', '6-K'],
      pollIntervalSeconds: 2,
      pollOffHoursIntervalSeconds: 2,
      workerConcurrency: 4,
    });
    monitor = await startMonitor({ config, log: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    await monitor?.close();
    await replay?.close();
    await db?.close();
  });

  it('analyzes every filing but the corrupt one, which is dead with its reason, within SEC fair-access limits', async () => {
    const synthetic = replay.synthetic!;
    expect(synthetic.accessions.length).toBeGreaterThanOrEqual(300);
    const corrupt = synthetic.corrupted[0]!;
    // While the pause lasts, it shows on /ready and in the metrics: watch them throughout.
    const pauseSeen = { ready: false, metrics: false };
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const ready = (await monitor.app!.inject({ method: 'GET', url: '/ready' })).json();
        if (ready.rateLimit.paused && ready.rateLimit.trips === 1) pauseSeen.ready = true;
        if (/^cyber8k_edgar_rate_limit_paused 1$/m.test((await monitor.app!.inject({ method: 'GET', url: '/metrics' })).body)) pauseSeen.metrics = true;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    // The day's filings appear in the feed over about twenty seconds, in acceptance order.
    const releases = (async () => {
      for (let i = 0; i < synthetic.accessions.length; i += 25) {
        for (const accession of synthetic.accessions.slice(i, i + 25)) replay.release(accession);
        await new Promise((r) => setTimeout(r, 1500));
      }
    })();
    await releases;

    const wanted = replay.filings.filter((f) => replay.isReleased(f.accession)).map((f) => f.accession);
    expect(wanted.length).toBeGreaterThanOrEqual(300);
    const finished = async () => {
      const [row] = await db.database.query<{ n: number }>(sql`select count(*)::int as n from filings where status in ('analyzed', 'dead')`);
      return row!.n >= wanted.length ? true : undefined;
    };
    await waitFor(finished, 560_000, `${wanted.length} filings analyzed or set aside`);
    watching = false;
    await watcher;
    expect(pauseSeen).toEqual({ ready: true, metrics: true });

    const statuses = await db.database.query<{ accession_number: string; status: string; error: string | null }>(
      sql`select accession_number, status, error from filings`,
    );
    expect(statuses.map((s) => s.accession_number).sort()).toEqual([...wanted].sort());
    const notAnalyzed = statuses.filter((s) => s.status !== 'analyzed');
    expect(notAnalyzed).toEqual([{ accession_number: corrupt, status: 'dead', error: expect.stringMatching(/binary data, not a readable filing/) }]);
    const [jobs] = await db.database.query<{ done: number; dead: number; other: number }>(sql`
      select count(*) filter (where state = 'done')::int as done, count(*) filter (where state = 'dead')::int as dead,
             count(*) filter (where state not in ('done', 'dead'))::int as other from jobs where kind = 'analyze-filing'`);
    expect(jobs).toEqual({ done: wanted.length - 1, dead: 1, other: 0 });

    // Every kind of fault really happened.
    expect(injected.rateLimit).toBe(1);
    expect(injected.unavailable).toBeGreaterThan(5);
    expect(injected.slow).toBeGreaterThan(5);
    expect(injected.truncated).toBeGreaterThan(0);

    // Fair access: never more than 10 requests in any second, and silence during the pause. A
    // request already on the wire when the 403 arrived may be handled a moment later: the replay
    // server shares this process's event loop with the analysis.
    expect(replay.stats.peakPerSlidingSecond).toBeLessThanOrEqual(10);
    expect(replay.stats.rateLimited).toBe(0);
    const duringPause = seen.filter((r) => r.at > pauseStartedAt + 1000 && r.at < pauseStartedAt + PAUSE_MS);
    expect(duringPause).toEqual([]);
    expect(seen.some((r) => r.at >= pauseStartedAt + PAUSE_MS)).toBe(true);
  }, 600_000);
});
