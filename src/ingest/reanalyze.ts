import type { FilingRepository } from '../../db/repositories/index.ts';
import { createRecordAnalysis, type RecordAnalysisRepositories } from './record-analysis.usecase.ts';
import { ANALYZER_VERSION } from '../analysis/index.ts';
import { errorMessage } from '../errors.ts';
import { analyzeSubmission } from './analyze-submission.ts';

export interface ReanalyzeResult {
  reanalyzed: number;
  /** Filings whose incident, item or material-impact answer changed. */
  changed: Array<{ accessionNumber: string; before: string; after: string }>;
  failed: Array<{ accessionNumber: string; error: string }>;
}

/**
 * Re-runs the current analyzer over stored filings (their kept sources: no request to EDGAR).
 * Earlier analyses stay in the `analyses` history.
 */
export async function reanalyzeStored(options: {
  /** The filings repository and a transaction over it and the incidents (the analysis is recorded as ingestion records it). */
  repositories: RecordAnalysisRepositories & { filings: FilingRepository };
  all?: boolean;
  onProgress?: (done: number) => void;
}): Promise<ReanalyzeResult> {
  const { filings } = options.repositories;
  const recordAnalysis = createRecordAnalysis(options.repositories);
  const result: ReanalyzeResult = { reanalyzed: 0, changed: [], failed: [] };
  const summary = (incident: boolean | null, item: string | null, impact: string | null) => `incident=${incident} item=${item} materialImpact=${impact}`;
  let afterId = 0;
  for (;;) {
    const batch = await filings.listForReanalysis(ANALYZER_VERSION, { all: options.all ?? false, afterId, limit: 100 });
    if (batch.length === 0) break;
    for (const filing of batch) {
      afterId = filing.id;
      try {
        const source = await filings.source(filing.accessionNumber);
        if (!source) continue;
        const analyzed = await analyzeSubmission(source.submission, filing);
        await recordAnalysis(filing.accessionNumber, analyzed);
        const before = summary(filing.incident, filing.incidentItem, filing.materialImpact);
        const after = summary(analyzed.analysis.incident, analyzed.analysis.item, analyzed.analysis.materialImpact);
        if (before !== after) result.changed.push({ accessionNumber: filing.accessionNumber, before, after });
        result.reanalyzed += 1;
      } catch (err) {
        result.failed.push({ accessionNumber: filing.accessionNumber, error: errorMessage(err) });
      }
      options.onProgress?.(result.reanalyzed + result.failed.length);
    }
  }
  return result;
}
