import type { Database } from '../../db/client.ts';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { createJobRepository } from '../../db/repositories/jobs.ts';
import { createPollStateRepository } from '../../db/repositories/poll-state.ts';
import { createHttpCacheRepository } from '../../db/repositories/http-cache.ts';
import type { Config } from '../config.ts';
import { createEdgarClient } from '../edgar/client.ts';
import { createSharedRateLimit } from '../edgar/shared-rate-limit.ts';
import { describeTrip } from '../edgar/breaker.ts';
import type { Logger } from '../logger.ts';
import { errorMessage } from '../errors.ts';
import { createMonitorMetrics, type MonitorMetrics } from '../metrics.ts';
import { ANALYZE_FILING, createAnalyzeFilingHandler, filingFailureRecorder } from './analyze-filing-job.ts';
import { analyzeSubmission } from './analyze-submission.ts';
import { createWorker } from './worker.ts';

/** The forms kept for the configured feed types: each form and its amendment. */
export function formsWithAmendments(forms: readonly string[]): string[] {
  return forms.flatMap((f) => [f, `${f}/A`]);
}

/**
 * What every ingesting command needs, built one way: the EDGAR client behind the rate limit and
 * pause shared through the database, the repositories, and an analysis worker factory.
 */
export function createIngestionServices(options: { database: Database; config: Config; log: Logger; userAgent: string; metrics?: MonitorMetrics }) {
  const { database, config, log } = options;
  const metrics = options.metrics ?? createMonitorMetrics();
  const shared = createSharedRateLimit({
    db: database.db,
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
  const filings = createFilingRepository({ db: database.db });
  const jobs = createJobRepository({ db: database.db });
  const pollState = createPollStateRepository({ db: database.db });
  const httpCache = createHttpCacheRepository({ db: database.db });

  function createAnalysisWorker(overrides: { idleMs?: number } = {}) {
    return createWorker({
      jobs,
      handlers: {
        [ANALYZE_FILING]: createAnalyzeFilingHandler({
          edgar,
          filings,
          analyzeSubmission,
          log,
          onAnalyzed: (filing, result) => {
            metrics.analyzed.inc({ form: filing.form, incident: String(result.analysis.incident) });
            const accepted = Date.parse(result.header?.acceptedAt ?? filing.acceptedAt.toISOString());
            if (!Number.isNaN(accepted)) metrics.analysisLag.observe(Math.max(0, (Date.now() - accepted) / 1000));
          },
        }),
      },
      onFailure: filingFailureRecorder(filings),
      log,
      concurrency: config.workerConcurrency,
      leaseMs: config.jobLeaseSeconds * 1000,
      idleMs: overrides.idleMs ?? Math.min(1000, config.pollIntervalSeconds * 1000),
    });
  }

  return { edgar, filings, jobs, pollState, httpCache, metrics, createAnalysisWorker };
}

export type IngestionServices = ReturnType<typeof createIngestionServices>;
