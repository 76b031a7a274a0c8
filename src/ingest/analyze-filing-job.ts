import type { AnalysisResult, FilingRepository, FilingRow } from '../../db/repositories/filings.ts';
import { fetchFiling, type FetchedFiling } from './fetch-filing.ts';
import type { JobRow } from '../../db/repositories/jobs.ts';
import type { JobState } from '../../db/schema.ts';
import { EdgarError, type EdgarClient } from '../edgar/client.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AnalyzeSubmission } from './analyze-submission.ts';
import type { RecordAnalysis } from './record-analysis.usecase.ts';
import { ANALYZER_VERSION } from '../analysis/index.ts';
import { ANALYZE_FILING } from '../jobs/catalogue.ts';
import { DeferJobError, PermanentJobError, type JobHandler } from './worker.ts';

export interface AnalyzeFilingJobOptions {
  edgar: EdgarClient;
  filings: FilingRepository;
  /** Stores the analysis and rethreads the company's incidents (src/ingest/record-analysis.usecase.ts). */
  recordAnalysis: RecordAnalysis;
  analyzeSubmission: AnalyzeSubmission;
  log: Logger;
  onAnalyzed?: (filing: FilingRow, result: AnalysisResult) => void;
}

/**
 * Fetches a discovered filing and analyzes it. Idempotent: running it twice for one accession
 * (at-least-once delivery) rewrites the same rows.
 */
export function createAnalyzeFilingHandler(options: AnalyzeFilingJobOptions): JobHandler {
  const { edgar, filings, recordAnalysis, analyzeSubmission, log } = options;
  return async (job, signal) => {
    const filing = await filings.get(job.key);
    if (!filing) throw new PermanentJobError(`filing ${job.key} is not in the database`);
    // A run that stored its analysis but lost the job's bookkeeping (the database went away just
    // after) is taken up again: the work is done, so it is not done twice.
    if (filing.status === 'analyzed' && filing.analyzerVersion === ANALYZER_VERSION) {
      log.info({ accession: filing.accessionNumber }, `${filing.accessionNumber} is already analyzed by analyzer ${ANALYZER_VERSION}; nothing to redo`);
      return;
    }
    let fetched: FetchedFiling;
    try {
      fetched = await fetchFiling(edgar, filing, signal);
    } catch (err) {
      // SEC's pause is not this filing's fault: try again when it ends, without spending an attempt.
      if (err instanceof EdgarError && err.isPause) {
        throw new DeferJobError(err.message, Math.max(1000, edgar.breaker.remainingMs()));
      }
      // EDGAR asked to come back later than a request waits: come back then.
      if (err instanceof EdgarError && err.retryAfterMs !== null && err.retryAfterMs > 0) {
        throw new DeferJobError(err.message, err.retryAfterMs);
      }
      throw err;
    }
    let result;
    try {
      result = await analyzeSubmission(fetched.submission, filing, signal);
    } catch (err) {
      // The same bytes would fail the same way: set the filing aside with its reason.
      throw new PermanentJobError(`could not analyze ${filing.accessionNumber}: ${errorMessage(err)}`, { cause: err });
    }
    await recordAnalysis(filing.accessionNumber, {
      ...result,
      source: { submission: fetched.submission, documents: fetched.documents, requests: fetched.requests, bytes: fetched.bytes },
    });
    options.onAnalyzed?.(filing, result);
    const { analysis } = result;
    log.info(
      { accession: filing.accessionNumber, incident: analysis.incident, item: analysis.item },
      `analyzed ${filing.form} of ${filing.companyName}${analysis.incident ? ` — cybersecurity incident (Item ${analysis.item ?? 'n/a'})` : ''}`,
    );
  };
}

/** Mirrors a failed analysis job onto its filing, so the API shows why it is not analyzed. */
export function filingFailureRecorder(filings: FilingRepository) {
  return async (job: JobRow, error: string, state: JobState) => {
    if (job.kind !== ANALYZE_FILING) return;
    await filings.markFailed(job.key, error, state === 'dead' ? 'dead' : 'failed');
  };
}
