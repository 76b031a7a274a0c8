import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimits } from '../../db/schema.ts';
import { abortableSleep } from '../sleep.ts';
import { createRateLimitBreaker, type RateLimitBreaker } from './breaker.ts';
import { oneAtATime, type TokenBucket } from './token-bucket.ts';

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
  // This process's view of the pause; the database row is the one all instances share.
  const local = createRateLimitBreaker({ pauseMs: options.pauseMs, onTrip: options.onTrip });
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
        local.adopt(Date.now() + state.pausedMs, state.reason, state.trips);
        // The client turns this into its "paused" error without sending anything.
        return;
      }
      const missing = Math.max(0, 1 - (state?.tokens ?? 0));
      await abortableSleep(Math.max(5, Math.ceil((missing / ratePerSecond) * 1000)), signal);
    }
  }

  // One waiter at a time per process: the rest queue here instead of hammering the row.
  const bucket: TokenBucket = { ratePerSecond, take: oneAtATime(acquire) };

  const breaker: RateLimitBreaker = {
    ...local,
    trip(reason) {
      local.trip(reason);
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
  };

  return { bucket, breaker };
}
