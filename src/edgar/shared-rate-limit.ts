import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimits } from '../../db/schema.ts';
import { abortableSleep } from '../sleep.ts';
import type { BreakerState, RateLimitBreaker } from './breaker.ts';
import type { TokenBucket } from './token-bucket.ts';

export interface SharedRateLimit {
  bucket: TokenBucket;
  breaker: RateLimitBreaker;
}

export interface SharedRateLimitOptions {
  db: Db;
  ratePerSecond: number;
  pauseMs: number;
  name?: string;
  onTrip?: (until: Date, reason: string) => void;
  /** Told when the pause could not be shared with the other instances. */
  onShareFailed?: (err: unknown) => void;
}

/**
 * One token bucket and one rate-limit pause for every instance sharing the database. A token is
 * taken with a single atomic UPDATE on the database clock, so instances on several machines never
 * add up past the rate; a pause set by one instance stops all of them.
 */
export function createSharedRateLimit(options: SharedRateLimitOptions): SharedRateLimit {
  const { db, ratePerSecond } = options;
  const name = options.name ?? 'sec.gov';
  const t = rateLimits;
  // One waiter at a time per process: the rest queue here instead of hammering the row.
  let queue: Promise<void> = Promise.resolve();
  let pausedUntil = 0;
  let trips = 0;
  let lastReason: string | null = null;
  let ensured = false;

  async function ensureRow() {
    if (ensured) return;
    await db.insert(t).values({ name, tokens: 1 }).onConflictDoNothing({ target: t.name });
    ensured = true;
  }

  async function acquire(signal?: AbortSignal): Promise<void> {
    await ensureRow();
    for (;;) {
      signal?.throwIfAborted();
      const refilled = sql`least(1, ${t.tokens} + extract(epoch from clock_timestamp() - ${t.refilledAt}) * ${ratePerSecond})`;
      const [granted] = await db
        .update(t)
        .set({ tokens: sql`${refilled} - 1`, refilledAt: sql`clock_timestamp()` })
        .where(sql`${t.name} = ${name} and ${refilled} >= 1 and (${t.pausedUntil} is null or ${t.pausedUntil} <= clock_timestamp())`)
        .returning({ tokens: t.tokens });
      if (granted) return;
      const [state] = await db
        .select({
          tokens: refilled.mapWith(Number),
          pausedMs: sql<number>`greatest(0, extract(epoch from ${t.pausedUntil} - clock_timestamp()) * 1000)`.mapWith(Number),
          reason: t.pauseReason,
          trips: t.trips,
        })
        .from(t)
        .where(eq(t.name, name));
      if (state && state.pausedMs > 0) {
        pausedUntil = Date.now() + state.pausedMs;
        trips = state.trips;
        lastReason = state.reason;
        // The client turns this into its "paused" error without sending anything.
        return;
      }
      const missing = Math.max(0, 1 - (state?.tokens ?? 0));
      await abortableSleep(Math.max(5, Math.ceil((missing / ratePerSecond) * 1000)), signal);
    }
  }

  const bucket: TokenBucket = {
    ratePerSecond,
    take(signal) {
      const turn = queue.then(() => acquire(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };

  const breaker: RateLimitBreaker = {
    remainingMs: () => Math.max(0, pausedUntil - Date.now()),
    trip(reason) {
      pausedUntil = Date.now() + options.pauseMs;
      trips += 1;
      lastReason = reason;
      options.onTrip?.(new Date(pausedUntil), reason);
      void ensureRow()
        .then(() =>
          db
            .update(t)
            .set({
              pausedUntil: sql`clock_timestamp() + make_interval(secs => ${options.pauseMs / 1000})`,
              pauseReason: reason,
              trips: sql`${t.trips} + 1`,
            })
            .where(eq(t.name, name)),
        )
        // This instance pauses anyway; the others may not know, so say so loudly.
        .catch((err) => options.onShareFailed?.(err));
    },
    state(): BreakerState {
      const open = pausedUntil > Date.now();
      return { open, pausedUntil: open ? new Date(pausedUntil).toISOString() : null, trips, lastReason };
    },
  };

  return { bucket, breaker };
}
