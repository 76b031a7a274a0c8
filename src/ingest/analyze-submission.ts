import type { AnalysisResult, FilingRow } from '../../db/repositories/filings.ts';
import { analyzeFiling, type AnalysisContext, type FilingAnalysis } from '../analysis/index.ts';
import type { AnalysisPool } from './analysis-pool.ts';

/** Turns the bytes of a (complete or assembled) submission into what is stored for the filing. */
export type AnalyzeSubmission = (bytes: Buffer, filing: FilingRow, signal?: AbortSignal) => Promise<AnalysisResult>;

/** What the database knows of the filing, handed to the analyzer. */
function contextOf(filing: FilingRow): AnalysisContext {
  return {
    source: filing.submissionUrl,
    form: filing.form,
    filedAt: filing.filedAt,
    items: filing.items,
    accessionNumber: filing.accessionNumber,
    cik: filing.cik,
    company: filing.companyName,
  };
}

/** One analysis pass gives the analysis and what the database keeps beside it. */
const stored = ({ analysis, header, item105Text }: FilingAnalysis): AnalysisResult => ({ analysis, item105Text, header });

/** In this thread: for commands that serve no API (reanalyze). */
export const analyzeSubmission: AnalyzeSubmission = async (bytes, filing) => stored(await analyzeFiling(bytes, contextOf(filing)));

/** In a thread of the pool, within its time budget: for ingestion beside the API. */
export function pooledAnalyzeSubmission(pool: AnalysisPool): AnalyzeSubmission {
  return async (bytes, filing, signal) => stored(await pool.analyze(bytes, contextOf(filing), signal));
}
