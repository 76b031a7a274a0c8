// SEC answers an over-rate client with a 403 page and blocks it for about ten minutes, extending
// the block if requests keep coming. So the first such answer stops all fetching, everywhere in the
// process, for the whole pause.

export interface RateLimitBreaker {
  /** Milliseconds left in the current pause, 0 when fetching is allowed. */
  remainingMs(): number;
  trip(reason: string): void;
  /** Takes on a pause started elsewhere (another instance, through the database), without tripping again. */
  adopt(untilMs: number, reason: string | null, trips: number): void;
  state(): BreakerState;
}

export interface BreakerState {
  open: boolean;
  pausedUntil: string | null;
  trips: number;
  lastReason: string | null;
}

/** The line every instance logs when the pause starts. */
export function describeTrip(until: Date, reason: string): string {
  return `SEC rate limit hit (${reason}): all EDGAR fetching paused until ${until.toISOString()}`;
}

export function createRateLimitBreaker(options: { pauseMs: number; now?: () => number; onTrip?: (until: Date, reason: string) => void }): RateLimitBreaker {
  const now = options.now ?? Date.now;
  let pausedUntil = 0;
  let trips = 0;
  let lastReason: string | null = null;
  return {
    remainingMs: () => Math.max(0, pausedUntil - now()),
    trip(reason) {
      pausedUntil = now() + options.pauseMs;
      trips += 1;
      lastReason = reason;
      options.onTrip?.(new Date(pausedUntil), reason);
    },
    adopt(untilMs, reason, seenTrips) {
      pausedUntil = Math.max(pausedUntil, untilMs);
      trips = Math.max(trips, seenTrips);
      lastReason = reason ?? lastReason;
    },
    state() {
      const open = pausedUntil > now();
      return { open, pausedUntil: open ? new Date(pausedUntil).toISOString() : null, trips, lastReason };
    },
  };
}
