// sec.gov's fair-access rule: no more than 10 requests in a second, answered with a 403 and the
// "Request Rate Threshold Exceeded" page (EDGAR.md §6). We count every request that arrives,
// refused ones included (SEC: "continuing to exceed … will extend the time-out"), over a sliding
// one-second window — the strict reading, so a client that passes here passes any per-second
// accounting. SEC also blocks the client for 10 minutes; `blockMs` reproduces that when a test wants
// it and defaults to 0 so a replay session is not lost to one burst.

export interface RateLimiter {
  /** Records a request at `now`; false when it must be refused. */
  hit(now: number): boolean;
  /** Requests in the current one-second window. */
  inWindow(): number;
}

export function createRateLimiter(opts: { limit: number; windowMs?: number; blockMs?: number }): RateLimiter {
  const windowMs = opts.windowMs ?? 1000;
  const blockMs = opts.blockMs ?? 0;
  const times: number[] = []; // arrival times inside the window, oldest first
  let blockedUntil = -Infinity;

  return {
    hit(now) {
      while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
      times.push(now);
      if (now < blockedUntil) {
        blockedUntil = now + blockMs;
        return false;
      }
      if (times.length > opts.limit) {
        if (blockMs > 0) blockedUntil = now + blockMs;
        return false;
      }
      return true;
    },
    inWindow: () => times.length,
  };
}
