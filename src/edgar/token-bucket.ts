import { abortableSleep } from '../sleep.ts';

// One bucket for every request to sec.gov hosts: SEC's limit is per user across all hosts and
// machines, so separate buckets per host would add up past it.

export interface TokenBucket {
  /** Resolves when a request may be sent; rejects if the signal aborts first. */
  take(signal?: AbortSignal): Promise<void>;
  readonly ratePerSecond: number;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell; 1 keeps the pace strictly even. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Runs `acquire` for one caller at a time, in call order, so a burst of callers is spread evenly
 * over time; a caller that gives up (abort) does not block the ones behind it.
 */
export function oneAtATime(acquire: (signal?: AbortSignal) => Promise<void>): (signal?: AbortSignal) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (signal) => {
    const turn = queue.then(() => acquire(signal));
    queue = turn.catch(() => undefined);
    return turn;
  };
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond } = options;
  if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
  const burst = Math.max(1, options.burst ?? 1);
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const interval = 1000 / ratePerSecond;
  let tokens = burst;
  let last = now();

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + (t - last) / interval);
    last = t;
  }

  async function acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil((1 - tokens) * interval), signal);
    }
  }

  return { ratePerSecond, take: oneAtATime(acquire) };
}
