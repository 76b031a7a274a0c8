import type { RateLimitRepository } from '../../db/repositories/rate-limits.ts';
import { abortableSleep } from '../sleep.ts';
import { createRateLimitBreaker, type RateLimitBreaker } from './breaker.ts';
import { oneAtATime, type TokenBucket } from './token-bucket.ts';

export interface SharedRateLimit {
  bucket: TokenBucket;
  breaker: RateLimitBreaker;
}

export interface SharedRateLimitOptions {
  rateLimits: RateLimitRepository;
  ratePerSecond: number;
  pauseMs: number;
  name?: string;
  onTrip?: (until: Date, reason: string) => void;
  /** Told when the pause could not be shared with the other instances. */
  onShareFailed?: (err: unknown) => void;
}

/**
 * One token bucket and one rate-limit pause for every instance sharing the database. A token is
 * taken atomically on the database clock (see the repository), so instances on several machines
 * never add up past the rate; a pause set by one instance stops all of them.
 */
export function createSharedRateLimit(options: SharedRateLimitOptions): SharedRateLimit {
  const { rateLimits, ratePerSecond } = options;
  const name = options.name ?? 'sec.gov';
  // This process's view of the pause; the database row is the one all instances share.
  const local = createRateLimitBreaker({ pauseMs: options.pauseMs, onTrip: options.onTrip });
  let ensured = false;

  async function ensureRow() {
    if (ensured) return;
    await rateLimits.ensure(name);
    ensured = true;
  }

  async function acquire(signal?: AbortSignal): Promise<void> {
    await ensureRow();
    for (;;) {
      signal?.throwIfAborted();
      if (await rateLimits.take(name, ratePerSecond)) return;
      const state = await rateLimits.state(name, ratePerSecond);
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
        .then(() => rateLimits.pause(name, options.pauseMs, reason))
        // This instance pauses anyway; the others may not know, so say so loudly.
        .catch((err) => options.onShareFailed?.(err));
    },
  };

  return { bucket, breaker };
}
