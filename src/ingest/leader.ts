import { ADVISORY_LOCK_KEYS, openLockSession, type LockSession } from '../../db/advisory-lock.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { sleepUntilAborted } from '../sleep.ts';

export interface LeaderElector {
  isLeader(): boolean;
  /** Stops campaigning and gives up leadership (closing its connection releases the lock). */
  stop(): Promise<void>;
}

export interface LeaderOptions {
  /** null: the embedded database, where this process is the only one and always leads. */
  databaseUrl: string | null;
  /** False: never lead (a process that only works the queue). */
  campaign?: boolean;
  log: Logger;
  key?: number;
  /** How often a standby tries to take over, and the leader checks its connection. */
  checkEveryMs?: number;
  onElected: () => void;
  onDemoted: () => void | Promise<void>;
}

/**
 * Elects one leader among the instances sharing a PostgreSQL server, with a session advisory lock
 * held on a connection of its own. If the leader dies its connection closes, PostgreSQL releases
 * the lock, and a standby takes over at its next check.
 */
export function startLeaderElection(options: LeaderOptions): LeaderElector {
  const { log } = options;
  const key = options.key ?? ADVISORY_LOCK_KEYS.poller;
  const checkEveryMs = options.checkEveryMs ?? 5000;
  const controller = new AbortController();
  let leader = false;

  if (options.campaign === false) {
    return { isLeader: () => false, stop: async () => {} };
  }

  if (options.databaseUrl === null) {
    leader = true;
    options.onElected();
    return {
      isLeader: () => leader,
      async stop() {
        if (leader) {
          leader = false;
          await options.onDemoted();
        }
      },
    };
  }

  const url = options.databaseUrl;
  let session: LockSession | null = null;

  async function demote(reason: string) {
    if (!leader) return;
    leader = false;
    log.warn(`no longer the poller leader: ${reason}`);
    await options.onDemoted();
  }

  const done = (async () => {
    while (!controller.signal.aborted) {
      try {
        session ??= openLockSession(url, { connectTimeoutSeconds: 10 });
        if (!leader) {
          if (await session.tryLock(key)) {
            leader = true;
            log.info('elected poller leader: this instance reads the EDGAR feeds');
            options.onElected();
          }
        } else {
          // Still holding it? A dropped connection loses the lock without telling us.
          if (!(await session.holds(key))) await demote('the advisory lock was lost');
        }
      } catch (err) {
        await demote(`database connection failed (${errorMessage(err)})`);
        const old = session;
        session = null;
        await old?.close(1).catch(() => {});
      }
      await sleepUntilAborted(checkEveryMs, controller.signal);
    }
  })();

  return {
    isLeader: () => leader,
    async stop() {
      controller.abort();
      await done;
      await demote('shutting down');
      await session?.close(5).catch(() => {});
      session = null;
    },
  };
}
