import { describe, expect, it } from 'vitest';
import { ttlCache } from '../../src/alerts/ttl-cache.ts';

function setup(entries = 2, ttlMs = 1000) {
  let clock = Date.parse('2026-01-05T12:00:00Z');
  const loads: string[] = [];
  const cache = ttlCache<string, string>({ entries, ttlMs, now: () => new Date(clock) });
  const load = (key: string) => {
    loads.push(key);
    return Promise.resolve(`${key}#${loads.length}`);
  };
  return { cache, load, loads, advance: (ms: number) => (clock += ms) };
}

describe('ttlCache', () => {
  it('loads a key once while its entry is younger than the TTL, and again once it is that old', async () => {
    const { cache, load, loads, advance } = setup();
    expect(await cache.get('a', load)).toBe('a#1');
    advance(999);
    expect(await cache.get('a', load)).toBe('a#1');
    advance(1);
    expect(await cache.get('a', load)).toBe('a#2');
    expect(loads).toEqual(['a', 'a']);
  });

  it('shares a load still in flight with the callers that come meanwhile', async () => {
    const { cache } = setup();
    let calls = 0;
    let resolve!: (v: string) => void;
    const slow = () => (calls++, new Promise<string>((r) => (resolve = r)));
    const first = cache.get('a', slow);
    const second = cache.get('a', slow);
    resolve('value');
    expect(await Promise.all([first, second])).toEqual(['value', 'value']);
    expect(calls).toBe(1);
  });

  it('past its number of entries drops the oldest written key and keeps the newer ones', async () => {
    const { cache, load, loads } = setup(2);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(loads).toEqual(['a', 'b', 'c']);
    await cache.get('a', load);
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('forgets a failed load, so the next caller loads the key again', async () => {
    const { cache, load, loads } = setup();
    await expect(cache.get('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.get('a', load)).toBe('a#1');
    expect(loads).toEqual(['a']);
  });
});
