import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startPollLoop, type PollLoop } from '../../src/ingest/poll-loop.ts';

const log = pino({ level: 'silent' });

/**
 * Runs a poll loop on a fake clock: each cycle takes the next of `durations` (ms, or an Error to
 * throw after that long), and each wait moves the clock by the time it asked for. Resolves with
 * the cycles' start times and the waits once `durations` is used up.
 */
async function run(options: { durations: (number | { failAfter: number })[]; intervalMs: number | ((now: number) => number); retryMs?: number }) {
  let clock = 0;
  const starts: number[] = [];
  const waits: number[] = [];
  const durations = [...options.durations];
  let loop!: PollLoop;
  let finished!: () => void;
  const ended = new Promise<void>((resolve) => (finished = resolve));
  loop = startPollLoop({
    name: 'test loop',
    log,
    now: () => clock,
    intervalMs: typeof options.intervalMs === 'function' ? () => (options.intervalMs as (now: number) => number)(clock) : options.intervalMs,
    retryMs: options.retryMs,
    cycle: async () => {
      starts.push(clock);
      const next = durations.shift()!;
      if (typeof next === 'number') clock += next;
      else {
        clock += next.failAfter;
        throw new Error('EDGAR is down');
      }
    },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
      if (durations.length === 0) {
        void loop.stop().then(finished);
      }
    },
  });
  await ended;
  return { starts, waits };
}

describe('startPollLoop', () => {
  it('runs start to start: the time a cycle takes comes off the wait', async () => {
    // Three feeds read through the rate limit take ~0.5 s: 1 s polling still starts a cycle every second.
    const { starts, waits } = await run({ durations: [500, 300, 450], intervalMs: 1000 });
    expect(starts).toEqual([0, 1000, 2000]);
    expect(waits).toEqual([500, 700, 550]);
  });

  it('starts the next cycle at once after one longer than the interval, never waiting a negative time', async () => {
    const { starts, waits } = await run({ durations: [1800, 200], intervalMs: 1000 });
    expect(waits).toEqual([0, 800]);
    expect(starts).toEqual([0, 1800]);
  });

  it('keeps an interval given as "time until the next run" exact (the nightly reconciliation)', async () => {
    // Next runs at 10,000 and 20,000 ms whatever the cycles take.
    const nextRun = (now: number) => Math.ceil((now + 1) / 10_000) * 10_000 - now;
    const { starts } = await run({ durations: [3000, 4000, 100], intervalMs: nextRun });
    expect(starts).toEqual([0, 10_000, 20_000]);
  });

  it('heeds a shorter interval that began while the cycle ran (filing hours opened)', async () => {
    // 900 s off hours until 2 s, then 1 s polling.
    const interval = (now: number) => (now < 2000 ? 900_000 : 1000);
    const { starts, waits } = await run({ durations: [2500, 100], intervalMs: interval });
    expect(waits[0]).toBe(1000);
    expect(starts).toEqual([0, 3500]);
  });

  it('retries a failed cycle after retryMs counted from the failure, when that is sooner', async () => {
    const { starts, waits } = await run({ durations: [{ failAfter: 2000 }, 100], intervalMs: 60_000, retryMs: 5000 });
    expect(waits[0]).toBe(5000);
    expect(starts).toEqual([0, 7000]);
  });

  it('retries a failed cycle at the next interval without retryMs, and keeps going', async () => {
    const { starts } = await run({ durations: [{ failAfter: 300 }, 200, 100], intervalMs: 1000 });
    expect(starts).toEqual([0, 1000, 2000]);
  });

  it('resolves firstCycle after the first cycle, even a failed one, and stops while waiting', async () => {
    const loop = startPollLoop({ name: 'test loop', log, intervalMs: 3_600_000, cycle: async () => { throw new Error('down'); } });
    await loop.firstCycle;
    // The real sleep would last an hour: stop() ends it.
    await loop.stop();
  });
});
