// The monitor's database goes away under it: every connection to it (the query pool, the leader's
// lock session, the job listener) is terminated by the server in the middle of an ingest, as a
// failover or an operator's pg_terminate_backend would. The monitor must reconnect by itself, take
// the poller leadership back, and end with every filing analyzed exactly once.
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import { createReplayServer, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { analysisRuns, expectIngestedExactly, readIngested } from '../helpers/ingested.ts';
import { replayMonitorConfig } from '../helpers/monitor-config.ts';
import { REQUIRE_POSTGRES, TEST_POSTGRES_URL } from '../helpers/postgres-url.ts';
import { waitFor } from '../helpers/wait.ts';
import { REPLAY_CORPUS } from '../replay/helpers.ts';

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] database connections terminated mid-ingest: no PostgreSQL server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

const FORMS = /^(8-K|10-Q|10-K)(\/A)?$/;

describe.skipIf(!postgresRuns)('a monitor whose database connections are all terminated mid-ingest [postgres]', () => {
  let db: TestDatabase;
  let replay: ReplayServer;
  let monitor: Monitor;
  let admin: postgres.Sql;
  const records: Array<{ msg: string; accession?: string }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void records.push(JSON.parse(line)) });
  const messages = () => records.map((r) => r.msg);

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
    // Documents answer slowly, so the workers are inside jobs (and transactions) when the connections drop.
    replay = await createReplayServer({
      corpusDir: REPLAY_CORPUS,
      speed: 1e-6,
      synthetic: { from: '2025-03-04', businessDays: 2, perDay: 20, seed: 57 },
      faults: (req) => (req.kind === 'document' ? { delayMs: 300 } : undefined),
    });
    const url = await replay.listen({ port: 0, host: '127.0.0.1' });
    const config = replayMonitorConfig(url, {
      databaseUrl: db.url,
      pollIntervalSeconds: 0.5,
      pollOffHoursIntervalSeconds: 0.5,
      jobLeaseSeconds: 5,
    });
    monitor = await startMonitor({ config, log, api: false });
  });
  afterAll(async () => {
    await monitor?.close();
    await replay?.close();
    await admin?.end({ timeout: 5 });
    await db?.close();
  });

  const published = () => replay.filings.filter((f) => FORMS.test(f.form) && replay.isReleased(f.accession)).map((f) => f.accession);
  const allDone = async (expected: string[]) => {
    // The test's own connections to the database are terminated too; the next query reconnects.
    const now = await readIngested(db.database).catch(() => undefined);
    return now !== undefined && now.jobs.length === expected.length && now.jobs.every((j) => j.state === 'done') && now;
  };

  it('reconnects, leads again, and analyzes every filing once', { timeout: 180_000 }, async () => {
    await waitFor(() => monitor.leader?.isLeader(), 30_000, 'the monitor to lead');
    const [first, second] = replay.synthetic!.days;
    for (const acc of replay.synthetic!.byDay.get(first!)!) replay.release(acc);
    const firstBatch = published();
    await waitFor(async () => (await readIngested(db.database)).analyses.length >= 3, 60_000, 'the ingest to be under way');
    expect((await readIngested(db.database)).analyses.length).toBeLessThan(firstBatch.length);

    // Hold the analyses table so the next analysis write waits inside its transaction: the
    // connections then drop in the middle of one, not merely between queries.
    const name = new URL(db.url!).pathname.slice(1);
    const blocker = postgres(db.url!, { max: 1, onnotice: () => {} });
    const holding = blocker
      .begin(async (tx) => {
        await tx`lock table analyses in exclusive mode`;
        await new Promise(() => {}); // until its connection is terminated with the others
      })
      .catch(() => undefined);
    await waitFor(async () => {
      const [row] = await admin`select count(*)::int as n from pg_stat_activity where datname = ${name} and wait_event_type = 'Lock'`;
      return row!.n > 0;
    }, 60_000, 'an analysis write waiting inside its transaction');
    const terminated = await admin`select pg_terminate_backend(pid) as gone from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    // The query pool, the leader's lock session, the job listener and the blocker at least.
    expect(terminated.filter((r) => r.gone).length).toBeGreaterThanOrEqual(4);
    await holding;
    await blocker.end({ timeout: 1 });

    await waitFor(() => allDone(firstBatch), 120_000, 'the first batch analyzed after the connections dropped');
    expect(messages()).toContainEqual(expect.stringMatching(/^no longer the poller leader/));
    await waitFor(() => messages().filter((m) => /^elected poller leader/.test(m)).length === 2 && monitor.leader?.isLeader(), 30_000, 'the leadership back');

    // Discovery works again under the new lock: filings published now are found and analyzed too.
    for (const acc of replay.synthetic!.byDay.get(second!)!) replay.release(acc);
    const everything = published();
    expect(everything.length).toBeGreaterThan(firstBatch.length);
    const ingested = await waitFor(() => allDone(everything), 120_000, 'the second batch analyzed');

    // Nothing lost, nothing twice: each filing stored once with one job, done, one analysis, one
    // analysis run in the log. The jobs the dropped connections interrupted were taken up again
    // without being charged an attempt: a database outage must not push filings towards `dead`.
    expect(messages()).toContainEqual(expect.stringMatching(/lost its database connection; it runs again/));
    expectIngestedExactly(ingested, everything, { state: 'done', attempts: 1 });
    expect(analysisRuns(records)).toEqual([...everything].sort());
  });
});
