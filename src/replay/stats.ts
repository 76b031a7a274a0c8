// What the replay server saw, for tests and the demo to assert on: "no second with more than 10
// requests", "the submission was fetched once", "the 403 page was served". Seconds are those of the
// server's (injectable) clock.

export type PathKind =
  | 'feed'
  | 'submission'
  | 'index-headers'
  | 'index-page'
  | 'index-json'
  | 'header-sgml'
  | 'document'
  | 'submissions-json'
  | 'company-tickers'
  | 'daily-index'
  | 'full-text-search'
  | 'other';

export interface ReplayStats {
  /** Every request received, refused ones included. */
  requests: number;
  /** Epoch second → requests received in it. */
  perSecond: Map<number, number>;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  /** `"<kind> <status>"` → count, e.g. `"document 304"`. */
  byKindAndStatus: Record<string, number>;
  /** Refusals for a missing or undeclared User-Agent. */
  undeclaredUserAgent: number;
  /** Refusals by the rate limit. */
  rateLimited: number;
  /** Most requests in one calendar second. */
  peakPerSecond(): number;
  /** Most requests seen in any sliding one-second window. */
  peakPerSlidingSecond: number;
  reset(): void;
}

export function createStats(): ReplayStats {
  const stats: ReplayStats = {
    requests: 0,
    perSecond: new Map(),
    byKind: {},
    byStatus: {},
    byKindAndStatus: {},
    undeclaredUserAgent: 0,
    rateLimited: 0,
    peakPerSecond: () => Math.max(0, ...stats.perSecond.values()),
    peakPerSlidingSecond: 0,
    reset() {
      stats.requests = 0;
      stats.perSecond.clear();
      stats.byKind = {};
      stats.byStatus = {};
      stats.byKindAndStatus = {};
      stats.undeclaredUserAgent = 0;
      stats.rateLimited = 0;
      stats.peakPerSlidingSecond = 0;
    },
  };
  return stats;
}

export function recordArrival(stats: ReplayStats, now: number, inSlidingWindow: number): void {
  stats.requests++;
  const second = Math.floor(now / 1000);
  stats.perSecond.set(second, (stats.perSecond.get(second) ?? 0) + 1);
  stats.peakPerSlidingSecond = Math.max(stats.peakPerSlidingSecond, inSlidingWindow);
}

export function recordAnswer(stats: ReplayStats, kind: PathKind, status: number): void {
  stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  const key = `${kind} ${status}`;
  stats.byKindAndStatus[key] = (stats.byKindAndStatus[key] ?? 0) + 1;
}
