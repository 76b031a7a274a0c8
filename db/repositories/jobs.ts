import { and, asc, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { JOBS_CHANNEL } from '../job-notifications.ts';
import { jobs, type JobState } from '../schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  key: string;
  payload?: Record<string, unknown>;
  /** Delay before the first run, in milliseconds. */
  delayMs?: number;
  /** Higher runs first (default 0). */
  priority?: number;
  maxAttempts?: number;
}

type Executor = Pick<Db, 'insert' | 'execute'>;

// Times are the database's (`now()`), never a process clock: instances on several machines
// must agree on when a lease has run out.
const secondsFromNow = (ms: number): SQL => sql`now() + make_interval(secs => ${ms / 1000})`;

/** Tells the workers of every instance that a job of `kind` was queued (on commit, when in a transaction). */
async function notifyQueued(executor: Pick<Db, 'execute'>, kind: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${kind})`);
}

export function createJobRepository({ db }: { db: Db }) {
  return {
    /** Enqueues a job unless one of the same kind and key exists; returns true if it was new. */
    async enqueue(job: NewJob, executor: Executor = db): Promise<boolean> {
      const rows = await executor
        .insert(jobs)
        .values({
          kind: job.kind,
          key: job.key,
          payload: job.payload ?? {},
          runAt: job.delayMs ? secondsFromNow(job.delayMs) : sql`now()`,
          ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
          ...(job.priority ? { priority: job.priority } : {}),
        })
        .onConflictDoNothing({ target: [jobs.kind, jobs.key] })
        .returning({ id: jobs.id });
      if (rows.length === 0) return false;
      await notifyQueued(executor, job.kind);
      return true;
    },

    /**
     * Queues a job again from its first attempt (a replayed alert): inserted if it never existed,
     * reset if it finished or died; one queued or running already is left as it is.
     */
    async enqueueAgain(job: NewJob, executor: Executor = db): Promise<boolean> {
      const rows = await executor
        .insert(jobs)
        .values({ kind: job.kind, key: job.key, payload: job.payload ?? {}, runAt: sql`now()`, ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}), ...(job.priority ? { priority: job.priority } : {}) })
        .onConflictDoUpdate({
          target: [jobs.kind, jobs.key],
          set: { state: 'queued', attempts: 0, runAt: sql`now()`, lastError: null, finishedAt: null, lockedBy: null, lockedUntil: null, updatedAt: sql`now()` },
          setWhere: sql`${jobs.state} in ('done', 'dead')`,
        })
        .returning({ id: jobs.id });
      if (rows.length === 0) return false;
      await notifyQueued(executor, job.kind);
      return true;
    },

    /**
     * Claims up to `limit` runnable jobs for `workerId`: queued ones that are due, and running
     * ones whose lease ran out (their worker died). SKIP LOCKED lets other workers claim the rest
     * at the same moment without waiting or double-claiming.
     */
    async claim(workerId: string, options: { limit: number; leaseMs: number; kinds?: string[] }): Promise<JobRow[]> {
      const runnable = or(
        and(eq(jobs.state, 'queued'), lte(jobs.runAt, sql`now()`)),
        and(eq(jobs.state, 'running'), lte(jobs.lockedUntil, sql`now()`)),
      ) as SQL;
      const candidates = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(options.kinds ? and(runnable, inArray(jobs.kind, options.kinds)) : runnable)
        .orderBy(desc(jobs.priority), asc(jobs.runAt), asc(jobs.id))
        .limit(options.limit)
        .for('update', { skipLocked: true });
      return db
        .update(jobs)
        .set({
          state: 'running',
          lockedBy: workerId,
          lockedUntil: secondsFromNow(options.leaseMs),
          attempts: sql`${jobs.attempts} + 1`,
          updatedAt: sql`now()`,
        })
        .where(inArray(jobs.id, candidates))
        .returning();
    },

    /**
     * Sets aside as dead the running jobs whose lease ran out on their last allowed attempt: a
     * filing that kills its worker (out of memory, a hang) must not be claimed again forever.
     */
    async reapExhausted(): Promise<JobRow[]> {
      return db
        .update(jobs)
        .set({
          state: 'dead',
          lastError: sql`coalesce(${jobs.lastError} || '; ', '') || 'the worker stopped answering during attempt ' || ${jobs.attempts} || ' of ' || ${jobs.maxAttempts} || ' (lease expired)'`,
          lockedBy: null,
          lockedUntil: null,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(jobs.state, 'running'), lte(jobs.lockedUntil, sql`now()`), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
        .returning();
    },

    /**
     * Milliseconds until the next job of `kinds` becomes claimable (a delayed or retried job comes
     * due, or a running job's lease runs out); 0 if one is now, null if none ever will by itself.
     */
    async nextDueInMs(kinds?: string[]): Promise<number | null> {
      const [row] = await db
        .select({
          ms: sql<number | string | null>`extract(epoch from least(
            min(${jobs.runAt}) filter (where ${jobs.state} = 'queued'),
            min(${jobs.lockedUntil}) filter (where ${jobs.state} = 'running')
          ) - now())::float8 * 1000`,
        })
        .from(jobs)
        .where(kinds ? inArray(jobs.kind, kinds) : undefined);
      return row?.ms === null || row?.ms === undefined ? null : Math.max(0, Math.ceil(Number(row.ms)));
    },

    /** Extends the lease of a job still being worked on. False if the job is no longer ours. */
    async heartbeat(id: number, workerId: string, leaseMs: number): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set({ lockedUntil: secondsFromNow(leaseMs) })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async complete(id: number, workerId: string): Promise<void> {
      await db
        .update(jobs)
        .set({ state: 'done', lockedBy: null, lockedUntil: null, lastError: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
    },

    /** Marks several of `workerId`'s jobs done in one statement (a batch of finished alert sends). */
    async completeMany(ids: number[], workerId: string): Promise<void> {
      if (ids.length === 0) return;
      await db
        .update(jobs)
        .set({ state: 'done', lockedBy: null, lockedUntil: null, lastError: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(inArray(jobs.id, ids), eq(jobs.lockedBy, workerId)));
    },

    /** Records a failed attempt: queued again after `retryInMs`, or dead (keeping its error) when out of attempts. */
    async fail(job: JobRow, workerId: string, error: string, retryInMs: number): Promise<JobState> {
      const dead = job.attempts >= job.maxAttempts;
      await db
        .update(jobs)
        .set({
          state: dead ? 'dead' : 'queued',
          lastError: error,
          lockedBy: null,
          lockedUntil: null,
          runAt: dead ? sql`${jobs.runAt}` : secondsFromNow(retryInMs),
          finishedAt: dead ? sql`now()` : null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
      if (!dead) await notifyQueued(db, job.kind);
      return dead ? 'dead' : 'queued';
    },

    /** Gives a claimed job back (shutdown, or a pause), to run again after `delayMs`: the attempt does not count. */
    async release(id: number, workerId: string, delayMs = 0): Promise<void> {
      const rows = await db
        .update(jobs)
        .set({
          state: 'queued',
          lockedBy: null,
          lockedUntil: null,
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
          runAt: delayMs > 0 ? secondsFromNow(delayMs) : sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
        .returning({ kind: jobs.kind });
      // Given back at shutdown: a worker of another instance takes it at once.
      for (const kind of new Set(rows.map((r) => r.kind))) await notifyQueued(db, kind);
    },

    /** Puts dead jobs back in the queue with fresh attempts. */
    async retryDead(filter: { kind?: string; key?: string } = {}): Promise<number> {
      const conditions: SQL[] = [eq(jobs.state, 'dead')];
      if (filter.kind) conditions.push(eq(jobs.kind, filter.kind));
      if (filter.key) conditions.push(eq(jobs.key, filter.key));
      const rows = await db
        .update(jobs)
        .set({ state: 'queued', attempts: 0, runAt: sql`now()`, finishedAt: null, updatedAt: sql`now()` })
        .where(and(...conditions))
        .returning({ kind: jobs.kind });
      for (const kind of new Set(rows.map((r) => r.kind))) await notifyQueued(db, kind);
      return rows.length;
    },

    async list(filter: { state?: JobState; kind?: string; limit?: number } = {}): Promise<JobRow[]> {
      const conditions: SQL[] = [];
      if (filter.state) conditions.push(eq(jobs.state, filter.state));
      if (filter.kind) conditions.push(eq(jobs.kind, filter.kind));
      return db
        .select()
        .from(jobs)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(jobs.id))
        .limit(filter.limit ?? 100);
    },

    async counts(): Promise<Array<{ kind: string; state: JobState; count: number }>> {
      const rows = await db
        .select({ kind: jobs.kind, state: jobs.state, count: sql<number>`count(*)::int` })
        .from(jobs)
        .groupBy(jobs.kind, jobs.state);
      return rows.map((r) => ({ ...r, count: Number(r.count) }));
    },
  };
}

export type JobRepository = ReturnType<typeof createJobRepository>;
