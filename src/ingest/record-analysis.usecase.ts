// Recording a filing's analysis: the analysis is stored, its header's facts about the company kept,
// the company's filings are rethreaded into
// incidents and the events of what changed are written, in one transaction — an incident never
// shows an analysis that is not stored, and an event is never written for a change that did not
// commit (or missed for one that did).

import type { AnalysisResult } from '../../db/repositories/filings.ts';
import { compressSource } from '../../db/repositories/filings.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { rethreadCompanies } from '../incidents/rethread.usecase.ts';

export type RecordAnalysisRepositories = Pick<Repositories, 'filings' | 'transaction'>;

export type RecordAnalysis = (accessionNumber: string, result: AnalysisResult) => Promise<void>;

export function createRecordAnalysis(repos: RecordAnalysisRepositories): RecordAnalysis {
  return async (accessionNumber, result) => {
    const source = result.source && (await compressSource(result.source));
    await repos.transaction(async (tx) => {
      const stored = await tx.filings.storeAnalysis(accessionNumber, result, source);
      // Events name the analysis that caused them: unique per incident, filing analysis and type.
      if (stored) {
        // Before rethreading: the incidents' company facts (tickers, SIC) are read from it.
        if (result.header) await tx.companies.applyHeader(stored.cik, result.header, stored.acceptedAt);
        await rethreadCompanies(tx.incidents, [stored.cik], { accessionNumber, analyzerVersion: result.analysis.analyzerVersion }, { locked: true });
      }
      await tx.filings.notifyChanged();
    });
    repos.filings.changed();
  };
}

/** One call, for callers that record a single analysis. */
export function recordAnalysis(repos: RecordAnalysisRepositories, accessionNumber: string, result: AnalysisResult): Promise<void> {
  return createRecordAnalysis(repos)(accessionNumber, result);
}
