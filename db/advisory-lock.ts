// PostgreSQL session-level advisory locks, the one way cyber8k instances sharing a server agree
// on who does something: migrations run one instance at a time, and one instance leads discovery.
// A session lock belongs to its connection, so it is taken on a connection of its own (a pooled
// connection could be handed to someone else), and PostgreSQL releases it when that connection
// closes — a crashed holder never keeps it.

import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

// Arbitrary but fixed: every cyber8k instance must agree on them.
export const ADVISORY_LOCK_KEYS = { migration: 0x63386b01, poller: 0x63386b02 } as const;

/**
 * A company's incidents: held (transaction-scoped, with the CIK's hash as second key) by whoever
 * stores one of its analyses or rethreads it, so that rethreads of one company run one at a time
 * across instances, each reading what the one before it committed.
 */
export const COMPANY_INCIDENTS_LOCK = 0x63386b03;

/**
 * A week's weekly report: held (transaction-scoped, with the week's hash as second key) while one
 * is published, so two analyzer versions publishing the same week at once (a failover during a
 * rolling deploy) see each other and only the first one's is sent to subscribers.
 */
export const WEEKLY_REPORT_LOCK = 0x63386b04;

type RunSql = (query: SQL) => Promise<Array<Record<string, unknown>>>;

export interface AdvisoryLocks {
  /** Waits until the lock is free, then holds it. */
  lock(key: number): Promise<void>;
  /** Takes the lock if it is free; false if another session holds it. */
  tryLock(key: number): Promise<boolean>;
  /** Whether this session still holds the lock (a dropped connection loses it without a word). */
  holds(key: number): Promise<boolean>;
  unlock(key: number): Promise<void>;
  /** Runs `fn` holding the lock, waiting for it first. */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
}

/** Advisory locks over one session's SQL (PGlite's single connection, or a dedicated one). */
export function advisoryLocks(run: RunSql): AdvisoryLocks {
  const locks: AdvisoryLocks = {
    async lock(key) {
      await run(sql`select pg_advisory_lock(${key})`);
    },
    async tryLock(key) {
      const [row] = await run(sql`select pg_try_advisory_lock(${key}) as acquired`);
      return row?.acquired === true;
    },
    async holds(key) {
      const [row] = await run(
        sql`select count(*)::int as held from pg_locks where locktype = 'advisory' and objid = ${key} and pid = pg_backend_pid() and granted`,
      );
      return Number(row?.held ?? 0) > 0;
    },
    async unlock(key) {
      await run(sql`select pg_advisory_unlock(${key})`);
    },
    async withLock(key, fn) {
      await locks.lock(key);
      try {
        return await fn();
      } finally {
        await locks.unlock(key);
      }
    },
  };
  return locks;
}

export interface LockSession extends AdvisoryLocks {
  /** The session's one connection, for work that must run while the lock is held. */
  readonly client: postgres.Sql;
  close(timeoutSeconds?: number): Promise<void>;
}

/** A connection of its own to a PostgreSQL server, to hold advisory locks on. */
export function openLockSession(databaseUrl: string, options: { connectTimeoutSeconds?: number } = {}): LockSession {
  const client = postgres(databaseUrl, {
    max: 1,
    idle_timeout: 0,
    ...(options.connectTimeoutSeconds ? { connect_timeout: options.connectTimeoutSeconds } : {}),
    onnotice: () => {},
  });
  const db = drizzle({ client });
  return {
    ...advisoryLocks(async (query) => (await db.execute(query)) as unknown as Array<Record<string, unknown>>),
    client,
    async close(timeoutSeconds = 5) {
      await client.end({ timeout: timeoutSeconds });
    },
  };
}
