// `cyber8k start | serve | poll | work`: the monitor, whole or in parts, until SIGINT/SIGTERM.

import { createLogger } from '../logger.ts';
import { commandConfig, requireUserAgent, startUntilSignal } from './context.ts';

export interface MonitorParts {
  api: boolean;
  poll: boolean;
  /** False: work the queue without taking part in discovery. */
  discover?: boolean;
}

export async function monitorCommand(parts: MonitorParts): Promise<void> {
  const cfg = commandConfig();
  // Without the API, a monitor that may not poll would do nothing at all.
  if (!parts.api) requireUserAgent(cfg);
  const log = createLogger(cfg.logLevel);
  // The alert worker sends before the API listens: a stop in between must close it, not kill it.
  await startUntilSignal(async () => {
    const { startMonitor } = await import('../monitor.ts');
    const monitor = await startMonitor({ config: cfg, log, ...parts });
    if (monitor.url) log.info(`API on ${monitor.url} — try ${monitor.url}/v1/filings, docs at ${monitor.url}/docs`);
    return monitor;
  });
}
