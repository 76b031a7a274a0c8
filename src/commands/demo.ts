// `cyber8k demo` (`npm run demo`): the replay server on loopback plus the monitor pointed at it.

import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startMonitor } from '../monitor.ts';
import { createReplayServer, DEMO_CORPUS } from '../replay/index.ts';
import { runUntilSignal as untilSignal } from './context.ts';

const DEMO_USER_AGENT = 'cyber8k-demo demo@cyber8k.local';

export interface DemoOptions {
  speed: number;
  env?: NodeJS.ProcessEnv;
  /** Holds the demo open and closes it (default: until SIGINT/SIGTERM). */
  runUntilSignal?: (close: () => Promise<void>) => Promise<void>;
}

/**
 * The replay server on loopback plus the monitor pointed at it: a newcomer sees real filings
 * arrive, get analyzed and served, with no internet and no set-up.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const env = { ...(options.env ?? process.env) };
  // The demo keeps its own embedded database, apart from a real monitor's data.
  env.CYBER8K_DATA_DIR ||= './data/demo';
  env.POLL_INTERVAL_SECONDS ||= '2';
  // The replay server's clock is not EDGAR's: the demo polls at the same pace day and night.
  env.POLL_OFF_HOURS_INTERVAL_SECONDS ||= env.POLL_INTERVAL_SECONDS;
  const base = loadConfig(env);
  const log = createLogger(base.logLevel);

  const replay = await createReplayServer({
    corpusDir: DEMO_CORPUS,
    speed: options.speed,
    log: (message) => log.info(`[replay] ${message}`),
  });
  const replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
  log.info(`[replay] EDGAR replay server on ${replayUrl} (${replay.filings.length} real filings on a timeline)`);

  const config = {
    ...base,
    edgarWwwUrl: replayUrl,
    edgarDataUrl: replayUrl,
    edgarEftsUrl: replayUrl,
    edgarUserAgent: base.edgarUserAgent ?? DEMO_USER_AGENT,
  };
  let monitor;
  try {
    monitor = await startMonitor({ config, log });
  } catch (err) {
    await replay.close();
    throw err;
  }
  const api = monitor.url ?? `http://${config.host}:${config.port}`;
  log.info(`demo running — filings arrive over the next minutes. Try:\n  curl '${api}/v1/filings?item=1.05'\n  curl '${api}/v1/filings'\n  open ${api}/docs`);
  await (options.runUntilSignal ?? untilSignal)(async () => {
    await monitor.close();
    await replay.close();
  });
}
