// Workers hear of new jobs at once (LISTEN/NOTIFY), whichever instance queued them, instead of
// finding them at their next look. The idle pause is a minute here, so a job claimed within the
// test's time can only have been claimed because of the notification (or, for a delayed job,
// because the worker slept exactly until it was due).
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { jobWakeups } from '../../db/job-notifications.ts';
import { createJobRepository, type JobRepository } from '../../db/repositories/jobs.ts';
import { createWorker, type Worker } from '../../src/ingest/worker.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { waitFor } from '../helpers/wait.ts';

const log = pino({ level: 'silent' });
const IDLE_MS = 60_000;

describeEachDatabase('waking workers when a job is queued', (getDb) => {
  const opened: Database[] = [];
  const workers: Worker[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop(1000)));
    await Promise.all(opened.splice(0).map((d) => d.close()));
  });

  const jobs = () => createJobRepository({ db: getDb().database.db });

  /** A second instance's database: its own connections on a server, the same PGlite in-process. */
  async function otherInstance(): Promise<Database> {
    const { url, database } = getDb();
    if (!url) return database;
    const other = await openDatabase({ databaseUrl: url, dataDir: '', migrate: false, maxConnections: 2 });
    opened.push(other);
    return other;
  }

  /**
   * One job at a time, so the worker looks ahead for the next due job only when it is about to
   * sleep with nothing to do: `sleeps()` counts those moments.
   */
  function startWorker(database: Database, options: { wakeups: boolean }) {
    const real = createJobRepository({ db: database.db });
    let sleeps = 0;
    const repo: JobRepository = {
      ...real,
      async nextDueInMs(kinds) {
        const due = await real.nextDueInMs(kinds);
        sleeps += 1;
        return due;
      },
    };
    const handled: string[] = [];
    const worker = createWorker({
      jobs: repo,
      log,
      concurrency: 1,
      idleMs: IDLE_MS,
      ...(options.wakeups ? { wakeups: jobWakeups(database) } : {}),
      handlers: { note: async (job) => void handled.push(job.key) },
    });
    workers.push(worker);
    worker.start();
    return { handled, sleeps: () => sleeps };
  }

  it('claims a job queued by another instance at once, long before its idle pause ends', { timeout: 30_000 }, async () => {
    const worker = startWorker(await otherInstance(), { wakeups: true });
    await waitFor(() => worker.sleeps() >= 1, 10_000, 'the worker to find the queue empty and sleep');

    await jobs().enqueue({ kind: 'note', key: 'from-the-other-instance' });
    await waitFor(() => worker.handled.length === 1, 20_000, 'the worker to claim the job');
    expect(worker.handled).toEqual(['from-the-other-instance']);
    const [job] = await waitFor(async () => {
      const done = await jobs().list({ state: 'done' });
      return done.length === 1 && done;
    }, 10_000, 'the job to be done');
    expect(job).toMatchObject({ key: 'from-the-other-instance', attempts: 1, lockedBy: null });
  });

  it('wakes for a job given back at shutdown and for a dead job put back in the queue', { timeout: 30_000 }, async () => {
    const repo = jobs();
    // Held by an instance that was stopped before finishing it.
    await repo.enqueue({ kind: 'note', key: 'given-back' });
    const [held] = await repo.claim('stopped-instance', { limit: 1, leaseMs: IDLE_MS * 10 });
    // Used its only attempt elsewhere.
    await repo.enqueue({ kind: 'note', key: 'was-dead', maxAttempts: 1 });
    const [dying] = await repo.claim('another-instance', { limit: 1, leaseMs: IDLE_MS * 10 });
    expect(await repo.fail(dying!, 'another-instance', 'boom', 0)).toBe('dead');

    const worker = startWorker(await otherInstance(), { wakeups: true });
    await waitFor(() => worker.sleeps() >= 1, 10_000, 'the worker to sleep');
    await repo.release(held!.id, 'stopped-instance');
    await waitFor(() => worker.handled.length === 1, 20_000, 'the given-back job');
    // Done with it, the worker goes back to sleep for a minute, until `cyber8k jobs --retry-dead`.
    await waitFor(() => worker.sleeps() === 2, 10_000, 'the worker to sleep again');
    expect(await repo.retryDead()).toBe(1);
    await waitFor(() => worker.handled.length === 2, 20_000, 'the job put back');
    expect(worker.handled).toEqual(['given-back', 'was-dead']);
  });

  it('without notifications, sleeps only until a delayed job is due', { timeout: 30_000 }, async () => {
    await jobs().enqueue({ kind: 'note', key: 'in-two-seconds', delayMs: 2000 });
    const worker = startWorker(getDb().database, { wakeups: false });
    await waitFor(() => worker.handled.length === 1, 20_000, 'the delayed job');
    expect(worker.handled).toEqual(['in-two-seconds']);
  });
});
