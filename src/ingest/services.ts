import type { JobWakeups } from '../../db/job-notifications.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { Config } from '../config.ts';
import { createEdgarClient } from '../edgar/client.ts';
import { createSharedRateLimit } from '../edgar/shared-rate-limit.ts';
import { describeTrip } from '../edgar/breaker.ts';
import type { Logger } from '../logger.ts';
import { errorMessage } from '../errors.ts';
import { createMonitorMetrics, type MonitorMetrics } from '../metrics.ts';
import { ANALYZE_FILING, REFRESH_COMPANY, REFRESH_COMPANY_TICKERS } from '../jobs/catalogue.ts';
import { createRefreshCompanyHandler, createRefreshCompanyTickersHandler } from '../companies/refresh.ts';
import { createAnalyzeFilingHandler, filingFailureRecorder } from './analyze-filing-job.ts';
import { createAnalysisPool } from './analysis-pool.ts';
import { createRecordAnalysis } from './record-analysis.usecase.ts';
import { pooledAnalyzeSubmission } from './analyze-submission.ts';
import { createWorker } from './worker.ts';

const NOTIFIED_IDLE_MS = 30_000;

/** The forms kept for the configured feed types: each form and its amendment. */
export function formsWithAmendments(forms: readonly string[]): string[] {
  return forms.flatMap((f) => [f, `${f}/A`]);
}

/**
 * What every ingesting command needs, built one way: the EDGAR client behind the rate limit and
 * pause shared through the database, the analysis thread pool, and an analysis worker factory, over
 * the process's repositories. Close `analysisPool` and `edgar` when done.
 */
export function createIngestionServices(options: {
  repositories: Repositories;
  config: Config;
  log: Logger;
  userAgent: string;
  metrics?: MonitorMetrics;
  /** News of jobs queued by any instance; without it, workers look for work every second. */
  wakeups?: JobWakeups;
}) {
  const { repositories, config, log } = options;
  const { filings, jobs } = repositories;
  const metrics = options.metrics ?? createMonitorMetrics();
  const shared = createSharedRateLimit({
    rateLimits: repositories.rateLimits,
    ratePerSecond: config.edgarRequestsPerSecond,
    pauseMs: config.edgarRateLimitPauseSeconds * 1000,
    onTrip: (until, reason) => log.error(describeTrip(until, reason)),
    onShareFailed: (err) => log.error({ err: errorMessage(err) }, 'could not record the rate-limit pause in the database: other instances may keep calling EDGAR'),
  });
  const edgar = createEdgarClient({
    userAgent: options.userAgent,
    baseUrls: { www: config.edgarWwwUrl, data: config.edgarDataUrl, efts: config.edgarEftsUrl },
    requestsPerSecond: config.edgarRequestsPerSecond,
    timeoutMs: config.edgarTimeoutMs,
    bucket: shared.bucket,
    breaker: shared.breaker,
    log,
    onRequest: (event) => {
      metrics.edgarRequests.inc({ status: event.status === null ? (event.error ?? 'error') : String(event.status) });
      metrics.edgarBytes.inc({}, event.bytes);
    },
  });
  // Off the main thread, so a heavy document never stalls the API; threads start on first use.
  const analysisPool = createAnalysisPool({ size: config.workerConcurrency, timeoutMs: config.analysisTimeoutSeconds * 1000 });
  const analyzeSubmission = pooledAnalyzeSubmission(analysisPool);
  function createAnalysisWorker(overrides: { idleMs?: number } = {}) {
    return createWorker({
      jobs,
      handlers: {
        [ANALYZE_FILING]: createAnalyzeFilingHandler({
          edgar,
          filings,
          recordAnalysis: createRecordAnalysis(repositories),
          analyzeSubmission,
          log,
          onAnalyzed: (filing, result) => {
            metrics.analyzed.inc({ form: filing.form, incident: String(result.analysis.incident) });
            const accepted = Date.parse(result.header?.acceptedAt ?? filing.acceptedAt.toISOString());
            if (!Number.isNaN(accepted)) metrics.analysisLag.observe(Math.max(0, (Date.now() - accepted) / 1000));
          },
        }),
        // Background upkeep, below every filing in priority (the leader schedules it, monitor.ts).
        [REFRESH_COMPANY]: createRefreshCompanyHandler({ edgar, companies: repositories.companies, log, refreshMs: config.companyRefreshHours * 3600_000 }),
        [REFRESH_COMPANY_TICKERS]: createRefreshCompanyTickersHandler({ edgar, companies: repositories.companies, log }),
      },
      onFailure: filingFailureRecorder(filings),
      log,
      concurrency: config.workerConcurrency,
      leaseMs: config.jobLeaseSeconds * 1000,
      wakeups: options.wakeups,
      // Woken when a job is queued, and sleeping only until a delayed one is due, a worker needs
      // the idle pause only as a safety net.
      idleMs: overrides.idleMs ?? (options.wakeups ? NOTIFIED_IDLE_MS : Math.min(1000, config.pollIntervalSeconds * 1000)),
    });
  }

  return { edgar, metrics, analysisPool, createAnalysisWorker };
}

export type IngestionServices = ReturnType<typeof createIngestionServices>;
