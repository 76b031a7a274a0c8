import type { FastifyInstance } from 'fastify';
import { startApiServer, type ApiServer } from '../api/server.ts';
import type { RuntimeStatus } from '../api/routes/operations.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { jobWakeups } from '../db/job-notifications.ts';
import { createRepositories, type Repositories } from '../db/repositories/index.ts';
import type { Config } from './config.ts';
import type { EdgarClient } from './edgar/client.ts';
import { errorMessage } from './errors.ts';
import { createFeedPoller } from './ingest/feed-poller.ts';
import { startLeaderElection, type LeaderElector } from './ingest/leader.ts';
import { startPollLoop, type PollLoop } from './ingest/poll-loop.ts';
import { feedReadOrder, pollIntervalMs } from './ingest/schedule.ts';
import { startReportSchedule } from './reports/schedule.ts';
import { nextReconcileAt, reconcilePending } from './ingest/reconcile.ts';
import { createIngestionServices, formsWithAmendments } from './ingest/services.ts';
import type { Worker } from './ingest/worker.ts';
import { redactUrl, type Logger } from './logger.ts';
import { scheduleCompanyRefresh } from './companies/refresh.ts';
import { createMonitorMetrics, type MonitorMetrics } from './metrics.ts';
import { createAlertWorker } from './alerts/worker.ts';

export interface Monitor {
  database: Database;
  app: FastifyInstance | null;
  worker: Worker | null;
  /** The worker of the alert jobs (fan-out, deliveries, digests), when this process works jobs. */
  alerts: Worker | null;
  leader: LeaderElector | null;
  metrics: MonitorMetrics;
  /** Base URL the API listens on, when it does. */
  url: string | null;
  close(): Promise<void>;
}

export interface StartMonitorOptions {
  config: Config;
  log: Logger;
  /** Serve the REST API (default true). */
  api?: boolean;
  /** Discover and analyze filings (default true; needs EDGAR_USER_AGENT). */
  poll?: boolean;
  /** Take part in the leader election for discovery (default true); false only works the queue. */
  discover?: boolean;
  /** Grace period for running jobs at shutdown before they are given back to the queue. */
  shutdownGraceMs?: number;
  /** Wall clock of the schedules: filing hours, the nightly reconciliation, the weekly report (default now). */
  now?: () => Date;
}

/** How often the leader enqueues the company profile reads that are due (at most REFRESH_BATCH each time). */
const COMPANY_SCHEDULE_MS = 5 * 60_000;

export const USER_AGENT_HINT =
  'EDGAR_USER_AGENT is not set, so cyber8k serves the API but does not poll EDGAR. ' +
  'SEC requires every client to declare who it is: set EDGAR_USER_AGENT="Your Company you@your-company.com" and restart ' +
  '(or run `npm run demo` to watch it work offline against the replay server).';

interface Ingestion {
  edgar: EdgarClient;
  worker: Worker;
  leader: LeaderElector;
  runtime: RuntimeStatus;
  stop(graceMs: number): Promise<void>;
}

/**
 * Discovery (the feeds, and the nightly reconciliation against the daily index) runs on one
 * instance at a time, the leader; every instance works the job queue. All of them share one
 * EDGAR rate limit through the database.
 */
function startIngestion(database: Database, repositories: Repositories, config: Config, log: Logger, metrics: MonitorMetrics, userAgent: string, discover: boolean, now: () => Date): Ingestion {
  const { filings, pollState, httpCache } = repositories;
  const { edgar, analysisPool, createAnalysisWorker } = createIngestionServices({ repositories, config, log, userAgent, metrics, wakeups: jobWakeups(database) });
  const worker = createAnalysisWorker();
  worker.start();

  const feeds = feedReadOrder(config.pollForms).map((feedType) =>
    createFeedPoller({ edgar, filings, pollState, httpCache, log, feedType, maxPages: config.pollMaxPages }),
  );
  const intervals = { filingHoursMs: config.pollIntervalSeconds * 1000, offHoursMs: config.pollOffHoursIntervalSeconds * 1000 };
  let loops: PollLoop[] = [];

  // Enqueues the company profile reads that are due; the jobs (background priority) do the reading,
  // through the rate limit. A failure here is retried at the next run and never stops discovery.
  async function scheduleCompanyProfiles(): Promise<void> {
    if (config.companyRefreshHours === 0) return;
    try {
      await scheduleCompanyRefresh({ companies: repositories.companies, jobs: repositories.jobs, refreshMs: config.companyRefreshHours * 3600_000 });
    } catch (err) {
      log.warn({ err: errorMessage(err) }, 'scheduling company profile reads failed; trying again at the next run');
    }
  }

  const leader = startLeaderElection({
    databaseUrl: config.databaseUrl,
    campaign: discover,
    log,
    onElected: () => {
      // Start to start: the feed is read every POLL_INTERVAL_SECONDS, however long a reading takes.
      const feedLoop = startPollLoop({
        name: 'reading the EDGAR feed',
        intervalMs: () => pollIntervalMs(now(), intervals),
        log,
        cycle: async (signal) => {
          // While SEC's pause lasts, skip quietly: the breaker said so loudly when it tripped.
          if (edgar.breaker.remainingMs() > 0) return;
          let discovered = 0;
          for (const feed of feeds) {
            try {
              const result = await feed.pollOnce(signal);
              // The workers hear of the new jobs from the database (db/job-notifications.ts).
              metrics.discovered.inc({ source: feed.source }, result.discovered);
              discovered += result.discovered;
            } catch (err) {
              if (signal.aborted) return;
              log.error({ err: errorMessage(err), source: feed.source }, `reading the EDGAR feed failed (${feed.source}); retrying at the next interval`);
            }
          }
          // A company seen for the first time gets its profile read now, not at the next scheduled run.
          if (discovered > 0) await scheduleCompanyProfiles();
        },
      });
      // At start-up (catching up on nights missed while down), then each night at 02:00 Eastern;
      // a failed run is tried again within the hour, not a day late.
      const reconcileLoop = startPollLoop({
        name: 'reconciling with the daily index',
        intervalMs: () => {
          const at = now();
          return Math.max(60_000, nextReconcileAt(at).getTime() - at.getTime());
        },
        retryMs: 15 * 60_000,
        log,
        cycle: async (signal) => {
          if (edgar.breaker.remainingMs() > 0) return;
          const results = await reconcilePending({ repositories, edgar, log, signal, forms: formsWithAmendments(config.pollForms) });
          for (const r of results) metrics.reconciledMissing.inc({}, r.missing.length);
        },
      });
      // Every Monday 07:00 New York time, and now to catch up on Mondays no instance led.
      const reportSchedule = startReportSchedule({ reports: repositories.reports, log, publicUrl: config.publicUrl, clock: now });
      loops = [feedLoop, reconcileLoop, reportSchedule];
      if (config.companyRefreshHours > 0) {
        loops.push(startPollLoop({ name: 'scheduling company profile refreshes', intervalMs: () => COMPANY_SCHEDULE_MS, log, cycle: () => scheduleCompanyProfiles() }));
      }
      log.info(`polling ${config.edgarWwwUrl} for ${config.pollForms.join(', ')} every ${config.pollIntervalSeconds} s (start to start) in filing hours`);
    },
    onDemoted: async () => {
      const running = loops;
      loops = [];
      await Promise.all(running.map((l) => l.stop()));
    },
  });

  return {
    edgar,
    worker,
    leader,
    runtime: { polling: true, breaker: () => edgar.breaker.state(), isLeader: () => leader.isLeader() },
    async stop(graceMs) {
      await leader.stop();
      await worker.stop(graceMs);
      await analysisPool.close();
      await edgar.close();
    },
  };
}

/** Opens the database, then starts ingestion (discovery + analysis) and the API as asked. */
export async function startMonitor(options: StartMonitorOptions): Promise<Monitor> {
  const { config, log } = options;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  log.info(
    database.kind === 'postgres'
      ? `database: PostgreSQL at ${redactUrl(config.databaseUrl ?? '')}`
      : `database: embedded PGlite in ${config.dataDir}`,
  );
  const metrics = createMonitorMetrics();
  const repositories = createRepositories(database.db);
  let ingestion: Ingestion | null = null;
  let api: ApiServer | null = null;
  // Alerts need no EDGAR access: every process that works jobs sends them.
  const alerts = options.poll ?? true ? createAlertWorker({ repositories, config, log, metrics, wakeups: jobWakeups(database) }) : null;
  alerts?.start();
  try {
    if (options.poll ?? true) {
      if (config.edgarUserAgent) ingestion = startIngestion(database, repositories, config, log, metrics, config.edgarUserAgent, options.discover ?? true, options.now ?? (() => new Date()));
      else log.warn(USER_AGENT_HINT);
    }
    if (options.api ?? true) {
      api = await startApiServer({ database, repositories, logger: log, metrics, runtime: ingestion?.runtime ?? { polling: false }, apiReadAuth: config.apiReadAuth, publicUrl: config.publicUrl, alerts: { allowPrivateUrls: config.alertsAllowPrivateUrls, emailEnabled: Boolean(config.smtpUrl && config.alertsFrom) }, port: config.port, host: config.host });
    }
  } catch (err) {
    await ingestion?.stop(0);
    await alerts?.stop(0);
    await alerts?.close();
    await database.close();
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    database,
    app: api?.app ?? null,
    worker: ingestion?.worker ?? null,
    alerts,
    leader: ingestion?.leader ?? null,
    metrics,
    url: api?.url ?? null,
    close() {
      closing ??= (async () => {
        // Stop taking work first, then let running jobs finish (or hand them back), then the API.
        await Promise.all([ingestion?.stop(options.shutdownGraceMs ?? 10_000), alerts?.stop(options.shutdownGraceMs ?? 10_000)]);
        await alerts?.close();
        await api?.close();
        await database.close();
      })();
      return closing;
    },
  };
}
