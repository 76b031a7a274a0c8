import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { createReplayServer, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { createEmptyPostgresDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { killAll, replayEnv, spawnMonitor, type MonitorProcess } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { analysisRuns, expectIngestedExactly, readIngested } from '../helpers/ingested.ts';

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] several cyber8k processes on one PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

const UNH = '0000731766-24-000045';

describe.skipIf(!postgresRuns)('several cyber8k processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let replay: ReplayServer;
  let replayUrl: string;
  let fault: FaultHook = () => undefined;
  const processes: MonitorProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6, faults: (req) => fault(req) });
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

  function start(extra: NodeJS.ProcessEnv = {}): MonitorProcess {
    const p = spawnMonitor('start', {
      DATABASE_URL: db.url!,
      ...replayEnv(replayUrl),
      ...extra,
    });
    processes.push(p);
    return p;
  }

  const query = <T>(q: ReturnType<typeof sql>) => db.database.query<T>(q);

  // Child processes on a loaded 2-core machine: generous limits; the waits inside say what was awaited.
  it('migrates a new database safely when three instances start at once', { timeout: 180_000 }, async () => {
    const empty = await createEmptyPostgresDatabase();
    try {
      const runs = [0, 1, 2].map(() => spawnMonitor('migrate', { DATABASE_URL: empty.url }));
      const codes = await Promise.all(runs.map((r) => r.exited));
      expect(codes, runs.map((r) => r.output()).join('\n')).toEqual([0, 0, 0]);
      const check = postgres(empty.url, { max: 1, onnotice: () => {} });
      const [applied] = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const journal = JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
      expect(applied!.n).toBe(journal.entries.length);
      await check.end();
    } finally {
      await empty.drop();
    }
  });

  it('claims again and finishes a job whose worker was killed with SIGKILL mid-job, with no duplicate rows', { timeout: 300_000 }, async () => {
    await db.reset();
    // The UnitedHealth document answers slowly, so the worker is surely inside the job when killed.
    let slow = true;
    fault = (req) => (slow && req.kind === 'document' && req.path.includes('000073176624000045') ? { delayMs: 8000 } : undefined);
    replay.release(UNH);
    const first = start({ JOB_LEASE_SECONDS: '3' });
    await waitFor(async () => (await query<{ state: string }>(sql`select state from jobs where key = ${UNH}`))[0]?.state === 'running', 60_000, 'the job to be running');
    first.proc.kill('SIGKILL');
    await first.exited;
    slow = false;

    const second = start({ JOB_LEASE_SECONDS: '3' });
    await waitFor(async () => (await query<{ state: string }>(sql`select state from jobs where key = ${UNH}`))[0]?.state === 'done', 60_000, 'the job to be finished by the second process');
    // UnitedHealth: its one job on its second attempt (the first died with its process), one
    // analysis by the current analyzer, run once: by the second process, never by the killed one.
    // The filings public from the start, worked by either process, are checked with it.
    const published = replay.filings.filter((f) => /^(8-K|10-Q|10-K)(\/A)?$/.test(f.form) && replay.isReleased(f.accession)).map((f) => f.accession).sort();
    const all = await waitFor(async () => {
      const now = await readIngested(db.database);
      return now.jobs.length === published.length && now.jobs.every((j) => j.state === 'done') && now;
    }, 60_000, 'every published filing done');
    const unh = { filings: all.filings.filter((a) => a === UNH), jobs: all.jobs.filter((j) => j.key === UNH), analyses: all.analyses.filter((a) => a.accession === UNH) };
    expectIngestedExactly(unh, [UNH], { state: 'done', attempts: 2 });
    const [sources] = await query<{ n: number }>(sql`select count(*)::int as n from filing_sources where accession_number = ${UNH}`);
    expect(sources!.n).toBe(1);
    expect(analysisRuns(first.records)).not.toContain(UNH);
    expect(analysisRuns(second.records).filter((a) => a === UNH)).toEqual([UNH]);
    // The others: each stored, its job done, its analysis kept.
    expect(all.filings).toEqual(published);
    expect(all.jobs.map((j) => [j.key, j.state])).toEqual(published.map((a) => [a, 'done']));
    expect(all.analyses.map((a) => a.accession)).toEqual(published);
  });

  it('runs three instances over one timeline: each filing analyzed exactly once, one poller at a time, failover when the leader is killed', { timeout: 400_000 }, async () => {
    await db.reset();
    const instances = [start(), start(), start()];
    const urls = await Promise.all(instances.map((p) => p.url()));

    const isLeader = (url: string) =>
      fetch(`${url}/ready`)
        .then((r) => r.json() as Promise<{ poller: { leader: boolean } }>)
        .then((b) => b.poller.leader)
        .catch(() => false);
    // Sample every instance's /ready: at no moment may two of them lead.
    const leadersSeen: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const flags = await Promise.all(
          urls.map((u, i) =>
            instances[i]!.proc.exitCode === null && !instances[i]!.proc.killed ? isLeader(u) : false,
          ),
        );
        leadersSeen.push(flags.filter(Boolean).length);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const accessions = replay.filings.filter((f) => f.form.startsWith('8-K')).map((f) => f.accession);
    const firstHalf = accessions.slice(0, Math.ceil(accessions.length / 2));
    const secondHalf = accessions.slice(firstHalf.length);
    for (const a of firstHalf) replay.release(a);
    const analyzed = async (list: string[]) =>
      (await query<{ n: number }>(sql`select count(*)::int as n from filings where status = 'analyzed' and accession_number in ${sql.raw(`(${list.map((a) => `'${a}'`).join(',')})`)}`))[0]!.n === list.length;
    await waitFor(() => analyzed(firstHalf), 90_000, 'the first half analyzed');

    // Kill the leader: another instance must take over the feed within 30 s.
    const leaderIndex = await waitFor(async () => {
      const i = (await Promise.all(urls.map(isLeader))).indexOf(true);
      return i >= 0 ? i : undefined;
    }, 30_000, 'a leader');
    instances[leaderIndex]!.proc.kill('SIGKILL');
    await instances[leaderIndex]!.exited;
    const survivorUrls = urls.filter((_, i) => i !== leaderIndex);
    await waitFor(async () => (await Promise.all(survivorUrls.map(isLeader))).includes(true), 30_000, 'a new leader');
    // (waitFor above fails the test if no standby took over within 30 s of the kill.)

    for (const a of secondHalf) replay.release(a);
    await waitFor(() => analyzed(accessions), 90_000, 'every filing analyzed');
    sampling = false;
    await sampler;

    expect(Math.max(...leadersSeen)).toBe(1);
    // Exactly once: each filing stored once, its one job done on its first attempt (none was lost
    // by the killed leader while queued), one analysis by the current analyzer, and one analysis
    // run among all three processes.
    expectIngestedExactly(await readIngested(db.database), accessions, { state: 'done', attempts: 1 });
    expect(analysisRuns(instances.flatMap((p) => p.records))).toEqual([...accessions].sort());
    // Together they stayed within SEC's fair-access limit.
    expect(replay.stats.peakPerSlidingSecond).toBeLessThanOrEqual(10);
    expect(replay.stats.rateLimited).toBe(0);
  });
});
