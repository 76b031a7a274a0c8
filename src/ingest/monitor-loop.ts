import { errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { FeedPoller } from './feed-poller.ts';
import type { FilingProcessor } from './filing-processor.ts';

export interface MonitorLoopOptions {
  poller: FeedPoller;
  processor: FilingProcessor;
  log: Logger;
  intervalMs: number;
}

export interface MonitorLoop {
  /** Resolves when the loop has stopped after `stop()`. */
  done: Promise<void>;
  stop(): Promise<void>;
  /** Runs one cycle now (tests, and start-up). */
  cycle(): Promise<void>;
}

/**
 * Poll the feed, analyze what is due, sleep, repeat. A failed cycle (EDGAR down, a malformed feed
 * page) is logged and retried at the next interval; it never ends the loop.
 */
export function startMonitorLoop(options: MonitorLoopOptions): MonitorLoop {
  const { poller, processor, log, intervalMs } = options;
  const controller = new AbortController();
  const { signal } = controller;

  async function cycle(): Promise<void> {
    try {
      const polled = await poller.pollOnce(signal);
      if (polled.discovered > 0) log.debug(polled, 'feed polled');
    } catch (err) {
      if (signal.aborted) return;
      log.error({ err: errorMessage(err) }, 'reading the EDGAR feed failed; retrying at the next interval');
    }
    try {
      await processor.processDue(50, signal);
    } catch (err) {
      if (signal.aborted) return;
      log.error({ err: errorMessage(err) }, 'analyzing filings failed; retrying at the next interval');
    }
  }

  const done = (async () => {
    while (!signal.aborted) {
      await cycle();
      await sleep(intervalMs, signal);
    }
  })();

  return {
    done,
    cycle,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
