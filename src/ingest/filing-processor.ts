import type { AnalysisResult, FilingRepository, FilingRow } from '../../db/repositories/filings.ts';
import { EdgarError, type EdgarClient } from '../edgar/client.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Turns the bytes of a complete submission into what is stored for the filing. */
export type AnalyzeSubmission = (bytes: Buffer, filing: FilingRow) => Promise<AnalysisResult>;

export interface FilingProcessorOptions {
  edgar: EdgarClient;
  filings: FilingRepository;
  analyzeSubmission: AnalyzeSubmission;
  log: Logger;
  /** Attempts before a filing is set aside as dead (it keeps its error). */
  maxAttempts?: number;
  /** Delay before the first retry; doubles with each attempt, up to an hour. */
  retryBaseMs?: number;
  now?: () => number;
}

export interface ProcessResult {
  analyzed: number;
  failed: number;
}

/**
 * Fetches and analyzes discovered filings. A filing that cannot be fetched or parsed is recorded
 * as failed with its reason and retried later; it never stops the others.
 */
export function createFilingProcessor(options: FilingProcessorOptions) {
  const { edgar, filings, analyzeSubmission, log } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const now = options.now ?? Date.now;

  async function processOne(filing: FilingRow, signal?: AbortSignal): Promise<boolean> {
    try {
      const res = await edgar.get(filing.submissionUrl, { signal });
      const result = await analyzeSubmission(res.body, filing);
      await filings.markAnalyzed(filing.accessionNumber, result);
      const { analysis } = result;
      log.info(
        { accession: filing.accessionNumber, incident: analysis.incident, item: analysis.item },
        `analyzed ${filing.form} of ${filing.companyName}${analysis.incident ? ' — cybersecurity incident' : ''}`,
      );
      return true;
    } catch (err) {
      // SEC's block applies to every request: stop this round instead of failing every filing.
      if (signal?.aborted || (err instanceof EdgarError && err.code === 'edgar.rate_limited')) throw err;
      const attempt = filing.attempts + 1;
      const dead = attempt >= maxAttempts;
      const retryAt = new Date(now() + Math.min(retryBaseMs * 2 ** (attempt - 1), 3_600_000));
      await filings.markFailed(filing.accessionNumber, errorMessage(err), dead ? 'dead' : { at: retryAt });
      log.warn(
        { accession: filing.accessionNumber, attempt, err: errorMessage(err) },
        dead ? `gave up on ${filing.accessionNumber} after ${attempt} attempts` : `could not analyze ${filing.accessionNumber}; will retry`,
      );
      return false;
    }
  }

  async function processDue(limit = 50, signal?: AbortSignal): Promise<ProcessResult> {
    const due = await filings.listDue(limit, new Date(now()));
    const result: ProcessResult = { analyzed: 0, failed: 0 };
    for (const filing of due) {
      signal?.throwIfAborted();
      if (await processOne(filing, signal)) result.analyzed += 1;
      else result.failed += 1;
    }
    return result;
  }

  return { processDue, processOne };
}

export type FilingProcessor = ReturnType<typeof createFilingProcessor>;
