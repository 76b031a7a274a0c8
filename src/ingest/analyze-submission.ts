import type { AnalysisResult, FilingRow } from '../../db/repositories/filings.ts';
import { analyzeFiling } from '../analysis/index.ts';

/** Turns the bytes of a (complete or assembled) submission into what is stored for the filing. */
export type AnalyzeSubmission = (bytes: Buffer, filing: FilingRow) => Promise<AnalysisResult>;

/** One analysis pass gives the analysis and what the database keeps beside it. */
export const analyzeSubmission: AnalyzeSubmission = async (bytes, filing) => {
  const { analysis, header, item105Text } = await analyzeFiling(bytes, {
    source: filing.submissionUrl,
    form: filing.form,
    filedAt: filing.filedAt,
    items: filing.items,
    accessionNumber: filing.accessionNumber,
    cik: filing.cik,
    company: filing.companyName,
  });
  return { analysis, item105Text, header };
};
