import type { AnalysisResult, FilingRow } from '../../db/repositories/filings.ts';

/** Turns the bytes of a complete submission into what is stored for the filing. */
export type AnalyzeSubmission = (bytes: Buffer, filing: FilingRow) => Promise<AnalysisResult>;
