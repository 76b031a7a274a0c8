import type { FilingRepository, NewFiling } from '../../db/repositories/filings.ts';
import { filingUrls } from '../edgar/urls.ts';
import { ANALYZE_FILING } from '../jobs/catalogue.ts';

export type DiscoveredFiling = Omit<NewFiling, 'indexUrl' | 'submissionUrl'> & { indexUrl?: string };

/**
 * Stores a filing found on EDGAR (feed or daily index) together with the job that will analyze
 * it; false when it was already known. Every discovery path goes through here.
 */
export function recordDiscovery(filings: FilingRepository, wwwBase: string, filing: DiscoveredFiling, priority: number): Promise<boolean> {
  const urls = filingUrls(wwwBase, filing.cik, filing.accessionNumber);
  return filings.recordDiscovered(
    { ...filing, indexUrl: filing.indexUrl || urls.index, submissionUrl: urls.submission },
    { kind: ANALYZE_FILING, priority },
  );
}
