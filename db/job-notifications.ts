// Workers wake the moment a job becomes runnable, in whichever process it was enqueued: the job
// repository NOTIFYs on this channel in the transaction that makes a job runnable (delivered on
// commit), and workers LISTEN on it — across processes on a PostgreSQL server, in-process on PGlite.

import type { Database } from './client.ts';

export const JOBS_CHANNEL = 'cyber8k_jobs';

/** Subscribe a worker's wake-up to runnable jobs; resolves to the unsubscribe function. */
export type JobWakeups = (onJob: () => void) => Promise<() => Promise<void>>;

export function jobWakeups(database: Database): JobWakeups {
  return (onJob) => {
    let connected = false;
    // A reconnected listener may have missed notifications while it was down: wake once to look.
    // (The first connection needs no wake: the worker claims once it listens.)
    const onListening = () => {
      if (connected) onJob();
      connected = true;
    };
    return database.listen(JOBS_CHANNEL, () => onJob(), onListening);
  };
}
