import { sql } from 'drizzle-orm';
import pino from 'pino';
import { expect, it } from 'vitest';
import { createJobRepository } from '../../db/repositories/jobs.ts';
import { createWorker, DeferJobError, PermanentJobError } from '../../src/ingest/worker.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

const log = pino({ level: 'silent' });

describeEachDatabase('durable jobs', (getDb) => {
  const repo = () => createJobRepository({ db: getDb().database.db });
  // Leases run on the database clock. Rather than sleeping past a short lease (which a loaded
  // machine can also overrun before the test looks), a lease is ended by moving its deadline past.
  const leaseRunsOut = (id: number) => getDb().database.query(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`);
  const LEASE = 60_000;

  it('enqueues a (kind, key) once, however often it is discovered', async () => {
    const jobs = repo();
    expect(await jobs.enqueue({ kind: 'k', key: 'a' })).toBe(true);
    expect(await jobs.enqueue({ kind: 'k', key: 'a' })).toBe(false);
    expect(await jobs.enqueue({ kind: 'other', key: 'a' })).toBe(true);
    expect(await jobs.list()).toHaveLength(2);
  });

  it('never hands the same job to two workers claiming at the same moment', async () => {
    const jobs = repo();
    for (let i = 0; i < 20; i++) await jobs.enqueue({ kind: 'k', key: String(i) });
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => jobs.claim(w, { limit: 8, leaseMs: 60_000 })));
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(20);
  });

  it('claims again a job whose worker stopped renewing its lease', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'k', key: 'x' });
    const [first] = await jobs.claim('dead-worker', { limit: 1, leaseMs: LEASE });
    expect(first?.attempts).toBe(1);
    expect(await jobs.claim('w2', { limit: 1, leaseMs: 60_000 })).toHaveLength(0);
    await leaseRunsOut(first!.id);
    const [again] = await jobs.claim('w2', { limit: 1, leaseMs: 60_000 });
    expect(again?.id).toBe(first?.id);
    expect(again?.lockedBy).toBe('w2');
    // The dead worker's late completion must not count.
    await jobs.complete(first!.id, 'dead-worker');
    expect((await jobs.list({ state: 'running' }))).toHaveLength(1);
  });

  it('sets aside as dead a job whose worker died on its last attempt, instead of claiming it forever', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'k', key: 'killer', maxAttempts: 2 });
    const [first] = await jobs.claim('w1', { limit: 1, leaseMs: LEASE });
    expect(await jobs.reapExhausted()).toEqual([]);
    await leaseRunsOut(first!.id);
    expect(await jobs.reapExhausted()).toEqual([]);
    const [second] = await jobs.claim('w2', { limit: 1, leaseMs: LEASE });
    expect(second?.attempts).toBe(2);
    expect(await jobs.reapExhausted()).toEqual([]);
    await leaseRunsOut(second!.id);
    const reaped = await jobs.reapExhausted();
    expect(reaped.map((j) => j.key)).toEqual(['killer']);
    expect(reaped[0]!.lastError).toMatch(/stopped answering during attempt 2 of 2/);
    expect(await jobs.claim('w3', { limit: 1, leaseMs: LEASE })).toEqual([]);
  });

  it('retries a failed job later and sets it aside as dead, with its error, after the last attempt', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'k', key: 'x', maxAttempts: 2 });
    const [a1] = await jobs.claim('w', { limit: 1, leaseMs: 60_000 });
    expect(await jobs.fail(a1!, 'w', 'boom 1', 0)).toBe('queued');
    const [a2] = await jobs.claim('w', { limit: 1, leaseMs: 60_000 });
    expect(await jobs.fail(a2!, 'w', 'boom 2', 0)).toBe('dead');
    const [dead] = await jobs.list({ state: 'dead' });
    expect(dead).toMatchObject({ key: 'x', attempts: 2, lastError: 'boom 2' });
    expect(await jobs.retryDead()).toBe(1);
    expect(await jobs.list({ state: 'queued' })).toHaveLength(1);
  });

  it('claims live work before a backlog of history, whatever was queued first', async () => {
    const jobs = repo();
    for (let i = 0; i < 5; i++) await jobs.enqueue({ kind: 'k', key: `old-${i}`, priority: 0 });
    await jobs.enqueue({ kind: 'k', key: 'live', priority: 10 });
    const [first] = await jobs.claim('w', { limit: 1, leaseMs: 60_000 });
    expect(first?.key).toBe('live');
  });

  it('does not run a retry before its time', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'k', key: 'x' });
    const [a1] = await jobs.claim('w', { limit: 1, leaseMs: 60_000 });
    await jobs.fail(a1!, 'w', 'later', 60_000);
    expect(await jobs.claim('w', { limit: 1, leaseMs: 60_000 })).toHaveLength(0);
  });

  it('works the queue with handlers: done, dead at once on a permanent error, deferred without spending an attempt', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'ok', key: '1' });
    await jobs.enqueue({ kind: 'corrupt', key: '2' });
    await jobs.enqueue({ kind: 'later', key: '3' });
    const failures: string[] = [];
    let deferred = 0;
    const worker = createWorker({
      jobs,
      log,
      handlers: {
        ok: async () => {},
        corrupt: async () => {
          throw new PermanentJobError('document is not a filing');
        },
        later: async () => {
          deferred += 1;
          if (deferred === 1) throw new DeferJobError('rate limited', 0);
        },
      },
      onFailure: async (job, error, state) => {
        failures.push(`${job.key}:${state}:${error}`);
      },
    });
    await worker.drain();
    const all = await jobs.list();
    expect(Object.fromEntries(all.map((j) => [j.key, j.state]))).toEqual({ '1': 'done', '2': 'dead', '3': 'done' });
    expect(all.find((j) => j.key === '3')?.attempts).toBe(1);
    expect(failures).toEqual(['2:dead:document is not a filing']);
  });

  it('works many short jobs with one claim per batch of free slots and their completions written together, each done once', async () => {
    const jobs = repo();
    for (let i = 0; i < 40; i++) await jobs.enqueue({ kind: 'send', key: String(i) });
    let claims = 0;
    let completeWrites = 0;
    const counted = { ...jobs, claim: (...a: Parameters<typeof jobs.claim>) => (claims++, jobs.claim(...a)), completeMany: (...a: Parameters<typeof jobs.completeMany>) => (completeWrites++, jobs.completeMany(...a)) };
    const ran: string[] = [];
    const batches: number[] = [];
    const worker = createWorker({
      jobs: counted,
      log,
      concurrency: 8,
      claimBatch: 4,
      groupCompletes: true,
      onClaimed: (claimed) => batches.push(claimed.length),
      handlers: { send: async (job) => void ran.push(job.key) },
    });
    expect(await worker.drain()).toBe(40);
    expect(ran.sort()).toEqual(Array.from({ length: 40 }, (_, i) => String(i)).sort());
    expect((await jobs.list()).every((j) => j.state === 'done' && j.attempts === 1 && j.lockedBy === null)).toBe(true);
    // No claim for fewer free slots than the batch while jobs ran (only the queue's last jobs come fewer), each claim's jobs handed over together.
    expect(batches.slice(0, -1).every((n) => n >= 4)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(40);
    // 40 jobs one claim each would be 40, and more for the claims that find nothing.
    expect(claims).toBeLessThan(20);
    expect(completeWrites).toBeLessThan(40);
  });

  it('gives back a job that lost its database connection once the database answers again, without spending an attempt', async () => {
    const real = repo();
    await real.enqueue({ kind: 'k', key: 'outage' });
    const connectionLost = () => Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' });
    // Fault injection: the database is still away when the worker first tries to give the job back.
    let releaseCalls = 0;
    const jobs = {
      ...real,
      release: async (...args: Parameters<typeof real.release>) => {
        releaseCalls += 1;
        if (releaseCalls === 1) throw connectionLost();
        return real.release(...args);
      },
    };
    const worker = createWorker({
      jobs,
      log,
      handlers: {
        k: async () => {
          throw connectionLost();
        },
      },
    });
    await worker.drain();
    expect(releaseCalls).toBe(2);
    // Queued again with its attempt given back, not left running until its lease runs out.
    const [job] = await real.list();
    expect(job).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });

  it('gives running jobs back to the queue when stopped before they finish', async () => {
    const jobs = repo();
    await jobs.enqueue({ kind: 'slow', key: 's' });
    let started!: () => void;
    const isRunning = new Promise<void>((r) => (started = r));
    const worker = createWorker({
      jobs,
      log,
      idleMs: 20,
      handlers: {
        slow: (_job, signal) =>
          new Promise<void>((_resolve, reject) => {
            started();
            signal.addEventListener('abort', () => reject(new Error('aborted')));
          }),
      },
    });
    worker.start();
    await isRunning;
    await worker.stop(50);
    const [job] = await jobs.list();
    expect(job).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });
});
