import { errorMessage } from '../errors.ts';
import { sleepUntilAborted } from '../sleep.ts';
import type { Logger } from '../logger.ts';

export interface PollLoop {
  stop(): Promise<void>;
  /** Resolves once the first cycle has finished (start-up checks, tests). */
  firstCycle: Promise<void>;
}

/**
 * Runs `cycle` now and then every `intervalMs`, start to start: the time a cycle takes comes off
 * the wait before the next one (a cycle longer than the interval is followed at once), so 1 s
 * polling reads the feed every second, not every second plus however long the reading took.
 * `intervalMs` is read before each cycle (the time from its start to the next one) and again
 * after it, and the sooner of the two wins: a schedule given as "time until the next run" (the
 * nightly reconciliation) stays exact, and a change while the cycle ran (filing hours began) is
 * heeded. A failed cycle (EDGAR down, a malformed feed page) is logged and retried after at most
 * `retryMs`, counted from the failure; it never ends the loop.
 */
export function startPollLoop(options: {
  name: string;
  cycle: (signal: AbortSignal) => Promise<unknown>;
  intervalMs: number | (() => number);
  /** Wait after a failed cycle, when it should come sooner than the next interval. */
  retryMs?: number;
  log: Logger;
  /** Monotonic clock in ms, for the time a cycle took (default performance.now). */
  now?: () => number;
  /** Waits between cycles; ends early when the signal aborts and never rejects (default sleepUntilAborted). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}): PollLoop {
  const controller = new AbortController();
  const { signal } = controller;
  const interval = typeof options.intervalMs === 'function' ? options.intervalMs : () => options.intervalMs as number;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? sleepUntilAborted;
  let resolveFirst!: () => void;
  const firstCycle = new Promise<void>((resolve) => (resolveFirst = resolve));

  const done = (async () => {
    while (!signal.aborted) {
      const startedAt = now();
      const due = interval();
      let failure: { err: unknown } | null = null;
      try {
        await options.cycle(signal);
      } catch (err) {
        failure = { err };
      }
      let wait = Math.max(0, Math.min(due - (now() - startedAt), interval()));
      if (failure) {
        wait = Math.min(wait, options.retryMs ?? wait);
        if (!signal.aborted) options.log.error({ err: errorMessage(failure.err) }, `${options.name} failed; retrying in ${formatSeconds(wait)}`);
      }
      resolveFirst();
      await sleep(wait, signal);
    }
  })();

  return {
    firstCycle,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
