import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import { createReplayServer, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type Backend, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { waitFor } from '../helpers/wait.ts';
import { reanalyzeStored } from '../../src/ingest/reanalyze.ts';
import { ANALYZER_VERSION } from '../../src/analysis/index.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { analysisRuns, expectIngestedExactly, readIngested } from '../helpers/ingested.ts';
import { replayMonitorConfig } from '../helpers/monitor-config.ts';

const UNH = '0000731766-24-000045'; // UnitedHealth, Feb 22 2024, Item 1.05 (Change Healthcare)
const COSTCO = '0000909832-25-000105'; // Costco, Oct 15 2025, a routine Item 8.01

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] end-to-end monitor on PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

for (const backend of ['pglite', 'postgres'] as Backend[]) {
  describe.skipIf(backend === 'postgres' && !postgresRuns)(`monitor end to end: replayed EDGAR → ${backend} → REST API`, () => {
    const records: Array<{ msg: string; accession?: string }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void records.push(JSON.parse(line)) });
    let replay: ReplayServer;
    let config: Config;
    let monitor: Monitor | null = null;
    let feedFaults = 0;
    let dataDir: string;
    let serverDb: TestDatabase | null = null;

    beforeAll(async () => {
      // A timeline slowed a millionfold: nothing is released unless the test says so, while the
      // replay server's rate limit still runs on real time.
      replay = await createReplayServer({
        corpusDir: DEMO_CORPUS,
        speed: 1e-6,
        faults: (req) => {
          if (req.kind === 'feed' && feedFaults > 0) {
            feedFaults -= 1;
            return { status: 200, body: '<?xml version="1.0"?><feed><entry><title>truncated', headers: { 'content-type': 'application/atom+xml' } };
          }
          return undefined;
        },
      });
      const replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-e2e-'));
      if (backend === 'postgres') serverDb = await openTestDatabase('postgres');
      config = replayMonitorConfig(replayUrl, { databaseUrl: serverDb?.url ?? null, dataDir, pollIntervalSeconds: 0.2, pollOffHoursIntervalSeconds: 1 });
    });

    afterAll(async () => {
      await monitor?.close();
      await replay?.close();
      await serverDb?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    async function filings(query = '') {
      const res = await monitor!.app!.inject({ method: 'GET', url: `/v1/filings?limit=100${query}` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { data: Array<{ accessionNumber: string; status: string; incident: boolean | null; item: string | null; dates: { detected: string | null } | null }> }).data;
    }

    it('serves UnitedHealth under item=1.05 and a non-cyber 8-K only in the full list', async () => {
      monitor = await startMonitor({ config, log });
      replay.release(UNH);
      replay.release(COSTCO);
      await waitFor(async () => (await filings()).filter((f) => [UNH, COSTCO].includes(f.accessionNumber) && f.status === 'analyzed').length === 2, 30_000, 'both filings analyzed');

      const cyber = await filings('&item=1.05');
      expect(cyber.map((f) => f.accessionNumber)).toContain(UNH);
      expect(cyber.map((f) => f.accessionNumber)).not.toContain(COSTCO);
      const unh = cyber.find((f) => f.accessionNumber === UNH)!;
      expect(unh).toMatchObject({ incident: true, item: '1.05' });
      expect(unh.dates?.detected).toBe('2024-02-21');

      const all = await filings();
      expect(all.find((f) => f.accessionNumber === COSTCO)).toMatchObject({ incident: false, status: 'analyzed' });

      const detail = await monitor!.app!.inject({ method: 'GET', url: `/v1/filings/${UNH}` });
      expect(detail.json().acceptedAt).toBe('2024-02-22T21:08:47.000Z');
      expect(detail.json().item105Text).toMatch(/Change Healthcare/);
    });

    it('duplicates nothing when restarted, and picks up what was filed while it was down', async () => {
      await monitor!.close();
      const nvidia = replay.filings.find((f) => f.form === '8-K' && f.company.includes('NVIDIA'))!;
      const vf = '0000950123-23-011228';
      replay.release(vf);
      monitor = await startMonitor({ config, log });
      await waitFor(async () => (await filings()).some((f) => f.accessionNumber === vf && f.status === 'analyzed'), 30_000, 'the filing made while down');

      // Every filing public on the replayed EDGAR, of the forms polled, is stored once, analyzed
      // once on its first attempt, across both runs: the restart neither lost nor repeated any.
      const forms = new Set(['8-K', '8-K/A', '10-Q', '10-Q/A', '10-K', '10-K/A']);
      const published = replay.filings.filter((f) => forms.has(f.form) && replay.isReleased(f.accession)).map((f) => f.accession);
      expect(published).toEqual(expect.arrayContaining([UNH, COSTCO, vf, nvidia.accession]));
      const ingested = await waitFor(async () => {
        const now = await readIngested(monitor!.database);
        return now.jobs.length === published.length && now.jobs.every((j) => j.state === 'done') && now;
      }, 30_000, 'every published filing analyzed');
      expectIngestedExactly(ingested, published, { state: 'done', attempts: 1 });
      expect(analysisRuns(records)).toEqual([...published].sort());
    });

    it('reads the 10-K feed too and finds an incident told in a periodic report, with no 8-K item', async () => {
      const unfi10k = '0001020859-25-000054'; // UNFI's 10-K, Item 1C describing its 2025 incident
      const mgld10k = '0001493152-25-014286'; // Marygold's 10-K, Item 1C with no incident
      replay.release(unfi10k);
      replay.release(mgld10k);
      await waitFor(async () => (await filings('&form=10-K')).filter((f) => f.status === 'analyzed').length === 2, 30_000, 'both 10-Ks analyzed');
      const periodic = await filings('&form=10-K&incident=true');
      expect(periodic.map((f) => f.accessionNumber)).toEqual([unfi10k]);
      expect(periodic[0]).toMatchObject({ incident: true, item: null });
    });

    it('fetches only the index and the documents the analysis reads, and keeps them for reanalysis', async () => {
      const [source] = await monitor!.database.query<{ requests: number; bytes: number; documents: string[] }>(
        sql`select requests, bytes, documents from filing_sources where accession_number = ${UNH}`,
      );
      // -index-headers.html plus the primary document, instead of the 182 KB complete submission
      // with its XBRL archive and spreadsheet.
      expect(source).toMatchObject({ requests: 2, documents: ['unh-20240221.htm'] });
      expect(source!.bytes).toBeLessThan(182_532 / 2);
    });

    it('re-analyzes stored filings without EDGAR and keeps the earlier analysis in the history', async () => {
      await monitor!.database.query(sql`update filings set analyzer_version = 'old', incident = null where accession_number = ${UNH}`);
      await monitor!.database.query(
        sql`insert into analyses (accession_number, analyzer_version, analysis) select accession_number, 'old', analysis from filings where accession_number = ${UNH}`,
      );
      const archiveRequests = () => Object.entries(replay.stats.byKind).filter(([kind]) => kind !== 'feed').reduce((n, [, c]) => n + c, 0);
      const archiveBefore = archiveRequests();
      const result = await reanalyzeStored({ repositories: createRepositories(monitor!.database.db) });
      expect(result.reanalyzed).toBe(1);
      expect(result.changed).toEqual([{ accessionNumber: UNH, before: expect.stringContaining('incident=null'), after: expect.stringContaining('incident=true') }]);
      const [history] = await monitor!.database.query<{ versions: string[] }>(
        sql`select array_agg(analyzer_version order by created_at) as versions from analyses where accession_number = ${UNH}`,
      );
      expect(history!.versions).toContain('old');
      expect(history!.versions).toContain(ANALYZER_VERSION);
      expect(archiveRequests()).toBe(archiveBefore);
    });

    it('reports its state on /ready and in Prometheus /metrics', async () => {
      const ready = await monitor!.app!.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      const body = ready.json();
      expect(body).toMatchObject({ ready: true, database: { ok: true }, poller: { enabled: true, leader: true }, rateLimit: { paused: false } });
      const feed = body.poller.sources.find((s: { source: string }) => s.source === 'getcurrent:8-K');
      expect(feed.lagSeconds).toBeLessThan(60);
      const [jobCounts] = await monitor!.database.query<{ done: number }>(sql`select count(*) filter (where state = 'done')::int as done from jobs where kind = 'analyze-filing'`);
      expect(body.jobs.queued + body.jobs.running).toBe(0);

      const metrics = (await monitor!.app!.inject({ method: 'GET', url: '/metrics' })).body;
      const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"=,.]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
      expect(value('cyber8k_jobs{kind="analyze-filing",state="done"}')).toBe(jobCounts!.done);
      // Empty states are reported as zero, not left at their last count.
      expect(value('cyber8k_jobs{kind="analyze-filing",state="queued"}')).toBe(0);
      expect(value('cyber8k_jobs{kind="analyze-filing",state="dead"}')).toBe(0);
      expect(value('cyber8k_filings_analyzed_total{form="8-K",incident="true"}')).toBeGreaterThanOrEqual(1);
      expect(value('cyber8k_edgar_requests_total{status="200"}')).toBeGreaterThan(0);
      expect(value('cyber8k_analysis_lag_seconds_count')).toBeGreaterThan(0);
      expect(value('cyber8k_poller_leader')).toBe(1);
      expect(value('cyber8k_edgar_rate_limit_paused')).toBe(0);
    });

    it('logs a malformed feed page and retries it without stopping', async () => {
      const before = records.length;
      feedFaults = 3;
      const wst = '0000105770-26-000077';
      replay.release(wst);
      await waitFor(async () => (await filings()).some((f) => f.accessionNumber === wst && f.status === 'analyzed'), 30_000, 'the filing after the bad pages');
      expect(feedFaults).toBe(0);
      expect(records.slice(before).some(({ msg }) => /reading the EDGAR feed failed \(getcurrent:8-K\); retrying/.test(msg))).toBe(true);
    });
  });
}
