import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANALYZE_FILING } from '../../src/jobs/catalogue.ts';
import { createReplayServer, DEMO_CORPUS, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES, TEST_POSTGRES_URL } from '../helpers/postgres-url.ts';
import { killAll, replayEnv, spawnMonitor, type MonitorProcess } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

// What the README's Operations and "Several instances" sections promise, checked on real cyber8k
// processes sharing one real PostgreSQL database (of this suite's own) and the replay server.

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] operations of cyber8k processes on PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

const UNH = '0000731766-24-000045';
const UNH_PATH = '000073176624000045';
// Released only by the priority test, so no other test has put it in the feed already.
const COSTCO = '0000909832-25-000105';
const COSTCO_PATH = '000090983225000105';
const SYNTHETIC_DAYS = { from: '2025-03-03', to: '2025-03-04' };

describe.skipIf(!postgresRuns)('operations of cyber8k processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let replay: ReplayServer;
  let replayUrl: string;
  let fault: FaultHook = () => undefined;
  /** Paths the replay server was asked for, in arrival order. */
  const requested: string[] = [];
  const processes: MonitorProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    // Two weekdays of synthetic 8-Ks (re-accessioned real filings) for backlogs; nothing is released
    // unless a test says so.
    replay = await createReplayServer({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      synthetic: { from: SYNTHETIC_DAYS.from, businessDays: 2, perDay: 12, seed: 11 },
      faults: (req) => {
        requested.push(req.path);
        return fault(req);
      },
    });
    replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await killAll(processes);
    fault = () => undefined;
  });
  afterAll(async () => {
    await replay?.close();
    await db?.close();
  });

  function run(command: string, extra: NodeJS.ProcessEnv = {}, args: string[] = []): MonitorProcess {
    const p = spawnMonitor(
      command,
      {
        DATABASE_URL: db.url!,
        ...replayEnv(replayUrl),
        ...extra,
      },
      args,
    );
    processes.push(p);
    return p;
  }

  const query = <T>(q: ReturnType<typeof sql>) => db.database.query<T>(q);
  const jobOf = async (key: string) =>
    (await query<{ state: string; attempts: number; locked_by: string | null }>(sql`select state, attempts, locked_by from jobs where key = ${key}`))[0];
  const syntheticEightKs = () => replay.synthetic!.accessions.filter((a) => replay.filings.find((f) => f.accession === a)!.form.startsWith('8-K'));

  /** Queues the synthetic days as history, the way `backfill --no-analyze` leaves them for running monitors. */
  async function queueBacklog(): Promise<string[]> {
    for (const a of replay.synthetic!.accessions) replay.release(a);
    const backfill = run('backfill', {}, ['--from', SYNTHETIC_DAYS.from, '--to', SYNTHETIC_DAYS.to, '--no-analyze']);
    expect(await backfill.exited, backfill.output()).toBe(0);
    const queued = await query<{ key: string }>(sql`select key from jobs where state = 'queued' and priority = 0`);
    const expected = syntheticEightKs();
    expect(queued.map((j) => j.key).sort()).toEqual([...expected].sort());
    return expected;
  }

  it('answers /ready with 503 while its database refuses connections, and 200 again once it is back', { timeout: 180_000 }, async () => {
    await db.reset();
    const serve = run('serve', { EDGAR_USER_AGENT: undefined });
    const url = await serve.url();
    expect((await fetch(`${url}/ready`)).status).toBe(200);

    const name = new URL(db.url!).pathname.slice(1);
    const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`alter database ${name} allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
      const down = await waitFor(async () => {
        const res = await fetch(`${url}/ready`);
        return res.status === 503 ? ((await res.json()) as { ready: boolean; database: { ok: boolean; error?: string } }) : undefined;
      }, 30_000, '/ready to answer 503');
      expect(down).toMatchObject({ ready: false, database: { ok: false } });
      expect(down.database.error).toBeTruthy();
      // The API itself stays up: liveness is not readiness.
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await admin.unsafe(`alter database ${name} allow_connections true`);
      await admin.end({ timeout: 5 });
    }
    await waitFor(async () => (await fetch(`${url}/ready`)).status === 200, 30_000, '/ready to answer 200 again');
  });

  it('on SIGTERM lets a running job finish within the grace period, then exits 0', { timeout: 180_000 }, async () => {
    await db.reset();
    fault = (req) => (req.kind === 'document' && req.path.includes(UNH_PATH) ? { delayMs: 3000 } : undefined);
    replay.release(UNH);
    const monitor = run('start');
    await waitFor(async () => (await jobOf(UNH))?.state === 'running', 90_000, 'the UnitedHealth job to be running');
    monitor.proc.kill('SIGTERM');
    expect(await monitor.exited, monitor.output()).toBe(0);
    expect(await jobOf(UNH)).toMatchObject({ state: 'done', attempts: 1, locked_by: null });
    expect(monitor.output()).toMatch(/analyzed 8-K of UNITEDHEALTH GROUP INC/);
  });

  it('on SIGTERM gives a job that outlasts the grace period back to the queue, without spending an attempt, for the next process', { timeout: 240_000 }, async () => {
    await db.reset();
    let stuck = true;
    fault = (req) => (stuck && req.kind === 'document' && req.path.includes(UNH_PATH) ? { delayMs: 120_000 } : undefined);
    replay.release(UNH);
    const first = run('start');
    await waitFor(async () => (await jobOf(UNH))?.state === 'running', 90_000, 'the UnitedHealth job to be running');
    first.proc.kill('SIGTERM');
    // Well before the 120 s the document takes: the 10 s grace, then the job is given back.
    expect(await first.exited, first.output()).toBe(0);
    expect(await jobOf(UNH)).toMatchObject({ state: 'queued', attempts: 0, locked_by: null });
    expect(first.output()).not.toMatch(/analyzed 8-K of UNITEDHEALTH/);

    stuck = false;
    const second = run('start');
    await waitFor(async () => (await jobOf(UNH))?.state === 'done', 90_000, 'the next process to finish the job');
    expect(await jobOf(UNH)).toMatchObject({ state: 'done', attempts: 1 });
    expect(second.output()).toMatch(/analyzed 8-K of UNITEDHEALTH GROUP INC/);
  });

  it('keeps two instances together within EDGAR_REQUESTS_PER_SECOND, one token bucket shared through the database', { timeout: 300_000 }, async () => {
    await db.reset();
    const backlog = await queueBacklog();
    replay.stats.reset();
    // Each instance alone could use the whole rate (four filings at once): only a shared bucket
    // keeps the two of them at it.
    const env = { EDGAR_REQUESTS_PER_SECOND: '3', WORKER_CONCURRENCY: '4' };
    const workers = [run('work', env), run('work', env)];
    await waitFor(
      async () => (await query<{ n: number }>(sql`select count(*)::int as n from jobs where kind = ${ANALYZE_FILING} and state in ('done', 'dead')`))[0]!.n === backlog.length,
      240_000,
      'the backlog to be worked off',
    );
    const analyzedBy = workers.map((w) => w.messages.filter((m) => /^analyzed /.test(m)).length);
    expect(analyzedBy.every((n) => n > 0), `filings analyzed by each instance: ${analyzedBy.join(', ')}`).toBe(true);
    expect(replay.stats.requests).toBeGreaterThan(backlog.length * 2);
    // One token at a time at 3 a second: at most 3 in any second, plus one for a request that
    // reaches the server a moment late (the token is taken on the database's clock).
    expect(replay.stats.peakPerSlidingSecond).toBeLessThanOrEqual(4);
    expect(replay.stats.rateLimited).toBe(0);
  });

  it('analyzes a filing that appears in the live feed before the backfill backlog queued ahead of it', { timeout: 300_000 }, async () => {
    await db.reset();
    const backlog = await queueBacklog();
    // A backlog that drains slowly: each synthetic document takes two seconds to arrive.
    const synthetic = new Set(backlog.map((a) => a.replace(/-/g, '')));
    fault = (req) => (req.kind === 'document' && [...synthetic].some((a) => req.path.includes(a)) ? { delayMs: 2000 } : undefined);
    const monitor = run('start', { WORKER_CONCURRENCY: '2' });
    await waitFor(async () => (await query<{ n: number }>(sql`select count(*)::int as n from jobs where kind = ${ANALYZE_FILING} and priority = 0 and state = 'done'`))[0]!.n >= 2, 120_000, 'the backlog to be under way');

    const mark = requested.length;
    replay.release(COSTCO);
    await waitFor(async () => (await jobOf(COSTCO))?.state === 'done', 120_000, 'the live filing to be analyzed');
    const [live] = await query<{ priority: number }>(sql`select priority from jobs where key = ${COSTCO}`);
    const [history] = await query<{ waiting: number }>(sql`select count(*) filter (where state = 'queued')::int as waiting from jobs where kind = ${ANALYZE_FILING} and priority = 0`);
    expect(live!.priority).toBeGreaterThan(0);
    expect(history!.waiting).toBeGreaterThan(0);

    // Which backlog filings were started (first requested) after the live one was released and
    // before it was: at most one per worker slot, claimed while the poller had not yet seen it —
    // not the rest of the backlog queued ahead of it.
    const filingOf = (p: string) => [...synthetic].find((a) => p.includes(a));
    const inFlight = new Set(requested.slice(0, mark).map(filingOf).filter(Boolean));
    const after = requested.slice(mark);
    const liveFirst = after.findIndex((p) => p.includes(COSTCO_PATH));
    expect(liveFirst, after.join('\n')).toBeGreaterThanOrEqual(0);
    const startedBeforeIt = new Set(after.slice(0, liveFirst).map(filingOf).filter((a) => a && !inFlight.has(a)));
    expect(startedBeforeIt.size, [...startedBeforeIt].join(', ')).toBeLessThanOrEqual(2 * 2);
    expect(monitor.output()).toMatch(/analyzed 8-K of COSTCO/);
  });
});
