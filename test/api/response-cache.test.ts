import { describe, expect, it } from 'vitest';
import { createResponseCache } from '../../api/response-cache.ts';

describe('response cache', () => {
  it('keeps a response until the filings change', () => {
    const cache = createResponseCache({ maxEntries: 10, maxAgeMs: 60_000, now: () => 0 });
    cache.set('a', '{"a":1}', cache.generation());
    expect(cache.get('a')).toBe('{"a":1}');
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not keep a response computed while the filings changed', () => {
    const cache = createResponseCache({ maxEntries: 10, maxAgeMs: 60_000, now: () => 0 });
    const taken = cache.generation();
    cache.invalidate();
    cache.set('a', 'read before the change', taken);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets a response after its maximum age', () => {
    let clock = 1_000;
    const cache = createResponseCache({ maxEntries: 10, maxAgeMs: 5_000, now: () => clock });
    cache.set('a', 'x', cache.generation());
    clock += 4_999;
    expect(cache.get('a')).toBe('x');
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = createResponseCache({ maxEntries: 2, maxAgeMs: 60_000, now: () => 0 });
    for (const key of ['a', 'b', 'c']) cache.set(key, key, cache.generation());
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});
