import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../src/edgar/token-bucket.ts';

/** A clock that only moves when the bucket sleeps, so pacing is checked without waiting. */
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe('token bucket', () => {
  it('spaces requests evenly at the configured rate', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 5, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    // 11 requests at 5/s: the first at once, the rest 200 ms apart — never more than 5 in any second.
    expect(times[10]).toBe(2000);
    for (let i = 5; i < times.length; i++) expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(1000);
  });

  it('serves concurrent callers one after the other', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, ...clock });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map(async (i) => {
      await bucket.take();
      order.push(i);
    }));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now()).toBe(300);
  });

  it('lets a waiting caller give up through its abort signal without blocking the others', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 1 });
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort(new Error('shutdown'));
    await expect(waiting).rejects.toThrow('shutdown');
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createTokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
