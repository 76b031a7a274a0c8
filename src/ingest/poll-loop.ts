import { errorMessage } from '../errors.ts';
import { sleepUntilAborted } from '../sleep.ts';
import type { Logger } from '../logger.ts';

export interface PollLoop {
  stop(): Promise<void>;
  /** Resolves once the first cycle has finished (start-up checks, tests). */
  firstCycle: Promise<void>;
}

/**
 * Runs `cycle` now and then every `intervalMs`. A failed cycle (EDGAR down, a malformed feed page)
 * is logged and retried at the next interval; it never ends the loop.
 */
export function startPollLoop(options: {
  name: string;
  cycle: (signal: AbortSignal) => Promise<unknown>;
  intervalMs: number | (() => number);
  /** Wait after a failed cycle, when it should come sooner than the next interval. */
  retryMs?: number;
  log: Logger;
}): PollLoop {
  const controller = new AbortController();
  const { signal } = controller;
  const interval = typeof options.intervalMs === 'function' ? options.intervalMs : () => options.intervalMs as number;
  let resolveFirst!: () => void;
  const firstCycle = new Promise<void>((resolve) => (resolveFirst = resolve));

  const done = (async () => {
    while (!signal.aborted) {
      let wait = interval();
      try {
        await options.cycle(signal);
      } catch (err) {
        wait = Math.min(wait, options.retryMs ?? wait);
        if (!signal.aborted) options.log.error({ err: errorMessage(err) }, `${options.name} failed; retrying in ${formatSeconds(wait)}`);
      }
      resolveFirst();
      await sleepUntilAborted(Math.min(wait, interval()), signal);
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
