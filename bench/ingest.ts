// `npm run bench:ingest`: how fast a filing goes from appearing in the (replayed) EDGAR feed to
// its analysis being served by the API, at poll intervals of 1 s and 10 s, and what each filing
// costs in requests and bytes. Real client at 5 requests/s against the replay server, embedded
// PGlite (or DATABASE_URL). Figures are printed, never asserted. Backfill throughput is measured by
// bench/ingest-backfill.ts, which the npm script runs next.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { DEMO_CORPUS } from '../src/replay/index.ts';
import { startMonitor } from '../src/monitor.ts';
import { createReplayServer } from '../src/replay/index.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
// One filing every 3 s or so: about EDGAR's pace around 16:00-16:30 Eastern, its busiest stretch.
const FILINGS = Number(args.get('filings') ?? 40);
const WINDOW_S = Number(args.get('window') ?? 120);
const INTERVALS = (args.get('intervals') ?? '1,10').split(',').map(Number);

// The replay corpus's real filings (about 35) are all released at the start; synthetic filings released
// while that backlog drains measure the backlog, not the steady state, and are left out.
const WARM_UP_MS = 20_000;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function run(intervalSeconds: number) {
  const released = new Map<string, number>();
  const day = 16 * 3600; // EDGAR's 06:00-22:00 window, replayed in WINDOW_S seconds
  const replay = await createReplayServer({
    corpusDir: DEMO_CORPUS,
    speed: day / WINDOW_S,
    synthetic: { from: '2025-03-04', businessDays: 1, perDay: FILINGS, seed: 7 },
    onRelease: (f) => released.set(f.accession, Date.now()),
  });
  const url = await replay.listen({ port: 0, host: '127.0.0.1' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-'));
  const config = loadConfig({}, {
    dataDir,
    port: 0,
    edgarUserAgent: 'cyber8k bench bench@cyber8k.local',
    edgarWwwUrl: url,
    edgarDataUrl: url,
    edgarEftsUrl: url,
    edgarRequestsPerSecond: 5,
    pollIntervalSeconds: intervalSeconds,
    pollOffHoursIntervalSeconds: intervalSeconds,
    pollForms: ['8-K'],
  });
  const monitor = await startMonitor({ config, log: pino({ level: 'silent' }) });
  const served = new Map<string, number>();
  const synthetic = new Set(replay.filings.filter((f) => f.synthetic && f.form.startsWith('8-K')).map((f) => f.accession));
  try {
    // Watch the API the way a client would.
    const deadline = Date.now() + (WINDOW_S + 120) * 1000;
    while (served.size < synthetic.size && Date.now() < deadline) {
      const res = await fetch(`${monitor.url}/v1/filings?limit=100`);
      const body = (await res.json()) as { data: Array<{ accessionNumber: string; status: string }> };
      const now = Date.now();
      for (const f of body.data) if (f.status === 'analyzed' && synthetic.has(f.accessionNumber) && !served.has(f.accessionNumber)) served.set(f.accessionNumber, now);
      await new Promise((r) => setTimeout(r, 100));
    }
    const startedAt = Math.min(...released.values());
    const steady = [...served].filter(([a]) => (released.get(a) ?? 0) - startedAt >= WARM_UP_MS);
    const latencies = steady.map(([a, t]) => t - (released.get(a) ?? t)).sort((a, b) => a - b);
    const [cost] = await monitor.database.query<{ n: number; requests: number; bytes: number; max_requests: number }>(
      sql`select count(*)::int as n, avg(requests)::float8 as requests, avg(bytes)::float8 as bytes, max(requests)::int as max_requests from filing_sources`,
    );
    const submissionBytes = replay.filings.filter((f) => synthetic.has(f.accession)).reduce((n, f) => n + f.size, 0) / synthetic.size;
    return { intervalSeconds, count: served.size, measured: latencies.length, expected: synthetic.size, p50: quantile(latencies, 0.5), p90: quantile(latencies, 0.9), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? NaN, cost: cost!, submissionBytes, peak: replay.stats.peakPerSlidingSecond };
  } finally {
    await monitor.close();
    await replay.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`cyber8k ingest bench — a replayed day of ${FILINGS} filings released over ${WINDOW_S} s, client at 5 requests/s, Node ${process.version}`);
for (const interval of INTERVALS) {
  const r = await run(interval);
  console.log(`\npoll interval ${interval} s: ${r.count}/${r.expected} filings served (${r.measured} after the ${WARM_UP_MS / 1000} s warm-up measured)`);
  console.log(`  feed appearance → analysis served by the API: p50 ${fmt(r.p50)}, p90 ${fmt(r.p90)}, p99 ${fmt(r.p99)}`);
  console.log(`  per filing: ${r.cost.requests.toFixed(2)} requests (max ${r.cost.max_requests}), ${Math.round(r.cost.bytes / 1024)} KB fetched vs ${Math.round(r.submissionBytes / 1024)} KB for the complete submission`);
  console.log(`  busiest second at the replay server: ${r.peak} requests`);
}
