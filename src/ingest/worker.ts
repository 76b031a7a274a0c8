import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isConnectionLost } from '../../db/connection-errors.ts';
import type { JobWakeups } from '../../db/job-notifications.ts';
import type { JobRepository, JobRow } from '../../db/repositories/jobs.ts';
import type { JobState } from '../../db/schema.ts';
import { AppError, errorMessage } from '../errors.ts';
import { groupCommit } from '../jobs/group-commit.ts';
import type { Logger } from '../logger.ts';

export type JobHandler = (job: JobRow, signal: AbortSignal) => Promise<void>;

/** A failure that retrying cannot fix (a corrupt document): the job goes dead at once. */
export class PermanentJobError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('jobs.permanent_failure', message, options);
  }
}

/** Not a failure of the job: try again after `delayMs` without spending an attempt (e.g. SEC's rate-limit pause). */
export class DeferJobError extends AppError {
  readonly delayMs: number;
  constructor(message: string, delayMs: number) {
    super('jobs.deferred', message);
    this.delayMs = delayMs;
  }
}

/** A failed attempt to retry after `delayMs` rather than the worker's schedule (a job with its own, e.g. an alert honouring Retry-After). */
export class RetryJobError extends AppError {
  readonly delayMs: number;
  constructor(message: string, delayMs: number) {
    super('jobs.retry', message);
    this.delayMs = delayMs;
  }
}

export interface WorkerOptions {
  jobs: JobRepository;
  handlers: Record<string, JobHandler>;
  log: Logger;
  /** Called after a failed attempt, with the state the job went to. */
  onFailure?: (job: JobRow, error: string, state: JobState) => Promise<void>;
  workerId?: string;
  concurrency?: number;
  /**
   * Longest pause between claims when nothing is runnable. The worker sleeps less when a delayed
   * job comes due sooner, and is woken at once by `wakeups` when a job is queued anywhere.
   */
  idleMs?: number;
  /** Where the news of a newly queued job comes from (LISTEN/NOTIFY: db/job-notifications.ts). */
  wakeups?: JobWakeups;
  /** A claim not renewed for this long is taken over by another worker. */
  leaseMs?: number;
  /** Delay before retry number `attempt` (1-based). */
  retryDelayMs?: (attempt: number) => number;
  /**
   * While jobs run, claim again only once this many slots are free (default 1): many short jobs
   * (alert sends) then share one claim query instead of paying one each.
   */
  claimBatch?: number;
  /** Called with every batch of claimed jobs before they run (a handler reads their rows at once). */
  onClaimed?: (jobs: JobRow[]) => void;
  /** Jobs finishing while one is being marked done are marked together, in one statement (many short jobs). */
  groupCompletes?: boolean;
}

export interface Worker {
  readonly id: string;
  start(): void;
  /** Stops claiming, waits up to `graceMs` for running jobs, then gives the rest back to the queue. */
  stop(graceMs?: number): Promise<void>;
  /** Works until nothing is runnable (tests, one-shot commands). Returns the number of jobs run. */
  drain(): Promise<number>;
  /** New work was just enqueued in this process: claim now instead of at the end of the idle pause. */
  wake(): void;
}

const MIN_PAUSE_MS = 100;
const DATABASE_RETRY_MS = 1000;

const defaultRetryDelay = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function createWorker(options: WorkerOptions): Worker {
  const { jobs, handlers, log } = options;
  const id = options.workerId ?? newWorkerId();
  const concurrency = options.concurrency ?? 2;
  const idleMs = options.idleMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const claimBatch = Math.max(1, Math.min(options.claimBatch ?? 1, concurrency));
  const complete = options.groupCompletes ? groupCommit<number>((ids) => jobs.completeMany(ids, id)) : (jobId: number) => jobs.complete(jobId, id);
  const kinds = Object.keys(handlers);
  const running = new Map<number, { promise: Promise<void>; controller: AbortController }>();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let unsubscribe: Promise<(() => Promise<void>) | null> | null = null;
  let wake: (() => void) | null = null;
  // A wake that comes while the loop is busy (not asleep) is kept for its next sleep.
  let wakePending = false;
  const wakeUp = () => {
    if (wake) wake();
    else wakePending = true;
  };

  async function run(job: JobRow, controller: AbortController): Promise<void> {
    const handler = handlers[job.kind];
    // Renew the lease while the handler works, so a slow job is not taken over by another worker.
    const heartbeat = setInterval(() => {
      jobs
        .heartbeat(job.id, id, leaseMs)
        .then((stillOurs) => {
          // Another worker took it over (this one stalled past its lease): stop duplicating the work.
          if (!stillOurs) {
            log.warn({ job: job.id, key: job.key }, `lost the lease on job ${job.kind} ${job.key}; leaving it to the worker that took it over`);
            controller.abort();
          }
        })
        .catch((err) => log.warn({ err: errorMessage(err), job: job.id }, 'job heartbeat failed'));
    }, Math.max(1000, leaseMs / 3));
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      await handler(job, controller.signal);
      await complete(job.id);
    } catch (err) {
      if (controller.signal.aborted) {
        await jobs.release(job.id, id);
        return;
      }
      if (err instanceof DeferJobError) {
        await jobs.release(job.id, id, err.delayMs);
        return;
      }
      // The database dropped the connection (a restart, a failover): not the job's fault. Run it
      // again on a new connection, without spending an attempt. Should the database still be
      // away, this fails too and the lease brings the job back later.
      if (isConnectionLost(err)) {
        log.warn({ job: job.id, key: job.key, err: errorMessage(err) }, `job ${job.kind} ${job.key} lost its database connection; it runs again`);
        await releaseOnceReachable(job);
        return;
      }
      const message = errorMessage(err);
      const final = err instanceof PermanentJobError ? { ...job, attempts: job.maxAttempts } : job;
      const state = await jobs.fail(final, id, message, err instanceof RetryJobError ? err.delayMs : retryDelay(job.attempts));
      log.warn({ job: job.id, kind: job.kind, key: job.key, attempt: job.attempts, err: message }, state === 'dead' ? `job ${job.kind} ${job.key} is dead: ${message}` : `job ${job.kind} ${job.key} failed; will retry`);
      await options.onFailure?.(job, message, state);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Gives a job back after its connection was lost. The database may still be away when the handler
   * fails, so the release is retried until it is back or the lease runs out; otherwise the job would
   * sit `running` until its lease expired and be charged a second attempt for the outage.
   */
  async function releaseOnceReachable(job: JobRow): Promise<void> {
    // Counted in retries rather than read off a clock: about one lease's worth of them.
    for (let retriesLeft = Math.max(1, Math.floor(leaseMs / DATABASE_RETRY_MS)); ; retriesLeft--) {
      try {
        await jobs.release(job.id, id, DATABASE_RETRY_MS);
        return;
      } catch (err) {
        if (!isConnectionLost(err) || retriesLeft <= 1 || stopping) throw err;
        await new Promise((resolve) => setTimeout(resolve, DATABASE_RETRY_MS));
      }
    }
  }

  async function claimAndRun(): Promise<number> {
    const free = concurrency - running.size;
    if (free <= 0 || stopping || (free < claimBatch && running.size > 0)) return 0;
    for (const job of await jobs.reapExhausted()) {
      log.warn({ job: job.id, kind: job.kind, key: job.key }, `job ${job.kind} ${job.key} is dead: ${job.lastError}`);
      await options.onFailure?.(job, job.lastError ?? 'lease expired', 'dead');
    }
    const claimed = await jobs.claim(id, { limit: free, leaseMs, kinds });
    if (claimed.length > 0) options.onClaimed?.(claimed);
    for (const job of claimed) {
      const controller = new AbortController();
      const promise = run(job, controller)
        .catch((err) => log.error({ err: errorMessage(err), job: job.id }, 'job bookkeeping failed'))
        .finally(() => {
          running.delete(job.id);
          wakeUp();
        });
      running.set(job.id, { promise, controller });
    }
    return claimed.length;
  }

  /** How long to sleep when nothing was claimed: until the next delayed job is due, at most idleMs. */
  async function idlePause(): Promise<number> {
    // A finishing job wakes the loop.
    if (running.size >= concurrency || (running.size > 0 && concurrency - running.size < claimBatch)) return idleMs;
    try {
      const due = await jobs.nextDueInMs(kinds);
      // A floor, so a job another worker is claiming right now does not make this one spin.
      return due === null ? idleMs : Math.min(idleMs, Math.max(MIN_PAUSE_MS, due));
    } catch {
      return idleMs;
    }
  }

  async function mainLoop(): Promise<void> {
    // Listen before the first claim: a job queued in between is found by that claim, not lost.
    await unsubscribe;
    while (!stopping) {
      let claimed = 0;
      let failed = false;
      try {
        claimed = await claimAndRun();
      } catch (err) {
        failed = true;
        log.error({ err: errorMessage(err) }, 'claiming jobs failed; retrying');
      }
      if (stopping) break;
      // After a failed claim (the database away), look again soon rather than after the idle pause.
      const pause = claimed > 0 && concurrency - running.size >= claimBatch ? 0 : failed ? Math.min(idleMs, DATABASE_RETRY_MS) : await idlePause();
      if (stopping) break;
      // Sleep until a slot frees up, new work is announced, or the pause ends.
      await new Promise<void>((resolve) => {
        const wokenMeanwhile = wakePending;
        wakePending = false;
        const timer = setTimeout(resolve, wokenMeanwhile ? 0 : pause);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    id,
    start() {
      stopping = false;
      unsubscribe ??= options.wakeups
        ? options.wakeups(wakeUp).catch((err) => {
            log.warn({ err: errorMessage(err) }, `cannot listen for new jobs; claiming every ${Math.round(idleMs / 1000)} s instead`);
            return null;
          })
        : null;
      loop ??= mainLoop();
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      wakeUp();
      await loop;
      loop = null;
      const unlisten = await unsubscribe;
      unsubscribe = null;
      await unlisten?.().catch(() => {});
      const inFlight = [...running.values()];
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
      const finished = await Promise.race([Promise.all(inFlight.map((r) => r.promise)).then(() => 'done' as const), timeout]);
      if (finished === 'timeout') {
        for (const r of running.values()) r.controller.abort();
        await Promise.all([...running.values()].map((r) => r.promise));
      }
    },
    wake: wakeUp,
    async drain() {
      let total = 0;
      for (;;) {
        const claimed = await claimAndRun();
        total += claimed;
        if (claimed === 0 && running.size === 0) return total;
        await Promise.race([...running.values()].map((r) => r.promise));
      }
    },
  };
}
