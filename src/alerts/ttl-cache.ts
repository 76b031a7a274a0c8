// A small cache of loads in flight or done, for reads many sends of one event share: each key is
// loaded once per `ttlMs`, a failed load is forgotten so the next caller tries again, and past
// `entries` keys the oldest written goes (a fan-out's keys come in order, so that is the one done).

export interface TtlCacheOptions {
  entries: number;
  ttlMs: number;
  now: () => Date;
}

export interface TtlCache<K, V> {
  /** The cached load of `key`, or `load(key)`'s, kept for the next callers. */
  get(key: K, load: (key: K) => Promise<V>): Promise<V>;
}

export function ttlCache<K, V>({ entries, ttlMs, now }: TtlCacheOptions): TtlCache<K, V> {
  const cached = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const at = now().getTime();
      const hit = cached.get(key);
      if (hit && at - hit.at < ttlMs) return hit.value;
      const value = load(key);
      cached.set(key, { at, value });
      value.catch(() => cached.delete(key));
      if (cached.size > entries) cached.delete(cached.keys().next().value!);
      return value;
    },
  };
}
