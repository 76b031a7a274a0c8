import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimits } from '../schema.ts';

export interface RateLimitState {
  /** Tokens in the bucket now (refilled up to 1). */
  tokens: number;
  /** How long the shared pause still lasts; 0 when there is none. */
  pausedMs: number;
  reason: string | null;
  trips: number;
}

/**
 * Token buckets and pauses shared by every instance on the database. Every time is the
 * database's clock (`clock_timestamp()`), so instances on several machines agree on it.
 */
export function createRateLimitRepository({ db }: { db: Db }) {
  const t = rateLimits;
  const refilled = (ratePerSecond: number) => sql`least(1, ${t.tokens} + extract(epoch from clock_timestamp() - ${t.refilledAt}) * ${ratePerSecond})`;

  return {
    /** Creates the bucket, full, unless it exists. */
    async ensure(name: string): Promise<void> {
      await db.insert(t).values({ name, tokens: 1 }).onConflictDoNothing({ target: t.name });
    },

    /** Takes one token with a single atomic UPDATE; false when none is left or a pause runs. */
    async take(name: string, ratePerSecond: number): Promise<boolean> {
      const tokens = refilled(ratePerSecond);
      const granted = await db
        .update(t)
        .set({ tokens: sql`${tokens} - 1`, refilledAt: sql`clock_timestamp()` })
        .where(sql`${t.name} = ${name} and ${tokens} >= 1 and (${t.pausedUntil} is null or ${t.pausedUntil} <= clock_timestamp())`)
        .returning({ tokens: t.tokens });
      return granted.length > 0;
    },

    /**
     * Takes one token from a bucket of `capacity` tokens refilled at `ratePerSecond`, creating it
     * full on first use (one statement either way). When none is left, says how long until one is.
     */
    async takeFrom(name: string, ratePerSecond: number, capacity: number): Promise<{ granted: true } | { granted: false; retryAfterMs: number }> {
      const level = sql`least(${capacity}::float8, ${t.tokens} + extract(epoch from clock_timestamp() - ${t.refilledAt}) * ${ratePerSecond}::float8)`;
      const granted = await db
        .insert(t)
        .values({ name, tokens: capacity - 1, refilledAt: sql`clock_timestamp()` })
        .onConflictDoUpdate({ target: t.name, set: { tokens: sql`${level} - 1`, refilledAt: sql`clock_timestamp()` }, setWhere: sql`${level} >= 1` })
        .returning({ tokens: t.tokens });
      if (granted.length > 0) return { granted: true };
      const [row] = await db.select({ tokens: level.mapWith(Number) }).from(t).where(eq(t.name, name));
      return { granted: false, retryAfterMs: Math.max(1, Math.ceil(((1 - (row?.tokens ?? 0)) / ratePerSecond) * 1000)) };
    },

    async state(name: string, ratePerSecond: number): Promise<RateLimitState | undefined> {
      const [row] = await db
        .select({
          tokens: refilled(ratePerSecond).mapWith(Number),
          pausedMs: sql<number>`greatest(0, extract(epoch from ${t.pausedUntil} - clock_timestamp()) * 1000)`.mapWith(Number),
          reason: t.pauseReason,
          trips: t.trips,
        })
        .from(t)
        .where(eq(t.name, name));
      return row;
    },

    /** Pauses the bucket for every instance, counting the trip. */
    async pause(name: string, pauseMs: number, reason: string): Promise<void> {
      await db
        .update(t)
        .set({
          pausedUntil: sql`clock_timestamp() + make_interval(secs => ${pauseMs / 1000})`,
          pauseReason: reason,
          trips: sql`${t.trips} + 1`,
        })
        .where(eq(t.name, name));
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
