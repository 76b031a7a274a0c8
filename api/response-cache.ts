/**
 * Serialized responses of the filing endpoints, kept until the filings change. Every change
 * signal (see db/filing-changes.ts) empties the cache and starts a new generation; a response
 * computed while a change arrived is not kept, since it may have been read before the change.
 * Entries also expire after `maxAgeMs`, a bound on staleness should a change signal from another
 * process be lost (a listener connection that dropped).
 */
export interface ResponseCache {
  get(key: string): string | undefined;
  /** Take before reading the database; hand to `set` with what was read. */
  generation(): number;
  /** Keeps `body` unless the filings changed since `generation` was taken. */
  set(key: string, body: string, generation: number): void;
  /** The filings changed: forget everything. */
  invalidate(): void;
}

export interface ResponseCacheOptions {
  maxEntries: number;
  maxAgeMs: number;
  now?: () => number;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { body: string; at: number }>();
  let generation = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.at >= options.maxAgeMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.body;
    },
    generation: () => generation,
    set(key, body, taken) {
      if (taken !== generation) return;
      entries.delete(key);
      entries.set(key, { body, at: now() });
      // Map keeps insertion order: the first key is the oldest entry.
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
    },
    invalidate() {
      generation++;
      entries.clear();
    },
  };
}
