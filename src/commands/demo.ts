// `cyber8k demo` (`npm run demo`): the replay server on loopback plus the monitor pointed at it.

import { createRepositories } from '../../db/repositories/index.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startMonitor, type Monitor } from '../monitor.ts';
import { createReplayServer, DEMO_CORPUS, type ReplayServer } from '../replay/index.ts';
import { runUntilSignal as untilSignal } from './context.ts';
import { startDemoAlerts, type DemoAlerts } from './demo-alerts.ts';

const DEMO_USER_AGENT = 'cyber8k-demo demo@cyber8k.local';

/** What runs while the demo does (for tests: the replay server to release filings from). */
export interface RunningDemo {
  replay: ReplayServer;
  monitor: Monitor;
  alerts: DemoAlerts | null;
}

export interface DemoOptions {
  speed: number;
  /** Start the webhook receiver and the demo's subscriptions, and print each alert (default true). */
  alerts?: boolean;
  /** Where alert lines are printed (default: stdout). */
  print?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Holds the demo open and closes it (default: until SIGINT/SIGTERM). */
  runUntilSignal?: (close: () => Promise<void>, demo: RunningDemo) => Promise<void>;
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

  const withAlerts = options.alerts ?? true;
  const config = {
    ...base,
    edgarWwwUrl: replayUrl,
    edgarDataUrl: replayUrl,
    edgarEftsUrl: replayUrl,
    edgarUserAgent: base.edgarUserAgent ?? DEMO_USER_AGENT,
    // The demo's receiver is on loopback, which alert URLs may not be anywhere else.
    alertsAllowPrivateUrls: base.alertsAllowPrivateUrls || withAlerts,
  };
  let monitor: Monitor | undefined;
  let alerts: DemoAlerts | null = null;
  try {
    monitor = await startMonitor({ config, log });
    if (withAlerts) {
      const print = options.print ?? ((text: string) => void process.stdout.write(`${text}\n`));
      alerts = await startDemoAlerts({
        repositories: createRepositories(monitor.database.db),
        log,
        print,
        feedAppearedAt: (accession) => replay.filings.find((f) => f.accession === accession)?.releaseAt,
      });
    }
  } catch (err) {
    await monitor?.close();
    await replay.close();
    throw err;
  }
  const running = { replay, monitor, alerts };
  const api = monitor.url ?? `http://${config.host}:${config.port}`;
  const alertHint = alerts ? `\n  alerts print here as they arrive (telecom watchlist and every Item 1.05; --no-alerts turns them off)` : '';
  log.info(`demo running — filings arrive over the next minutes. Try:\n  curl '${api}/v1/filings?item=1.05'\n  curl '${api}/v1/filings'\n  open ${api}/docs${alertHint}`);
  await (options.runUntilSignal ?? untilSignal)(async () => {
    await running.monitor.close();
    await running.alerts?.close();
    await replay.close();
  }, running);
}
