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
  log: Logger;
}): PollLoop {
  const controller = new AbortController();
  const { signal } = controller;
  const interval = typeof options.intervalMs === 'function' ? options.intervalMs : () => options.intervalMs as number;
  let resolveFirst!: () => void;
  const firstCycle = new Promise<void>((resolve) => (resolveFirst = resolve));

  const done = (async () => {
    while (!signal.aborted) {
      try {
        await options.cycle(signal);
      } catch (err) {
        if (!signal.aborted) options.log.error({ err: errorMessage(err) }, `${options.name} failed; retrying in ${Math.round(interval() / 1000)} s`);
      }
      resolveFirst();
      await sleepUntilAborted(interval(), signal);
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
