// Storing replay-corpus filings as ingestion would: discovered, then recorded through the use case.

import type { Repositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import type { AnalyzedReplayFiling } from './replay-corpus.ts';

export async function discover(repos: Repositories, filings: readonly AnalyzedReplayFiling[]): Promise<void> {
  for (const f of filings) {
    await repos.filings.recordDiscovered({
      accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
      indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
    });
  }
}

export const record = (repos: Repositories, f: AnalyzedReplayFiling, analysis = f.analysis) => recordAnalysis(repos, f.accessionNumber, { analysis, item105Text: null });

/** Every incident as its filings (`accession:role`, `+user` where a person linked it) and status, in a stable order. */
export async function shapes(repos: Repositories): Promise<Array<{ id: number; cik: string; status: string; filings: string[] }>> {
  const { rows } = await repos.incidents.list({}, { limit: 100 });
  return rows
    .map((r) => ({ id: r.id, cik: r.cik, status: r.status, filings: r.filings.map((f) => `${f.accessionNumber}:${f.role}${f.linkedBy === 'user' ? '+user' : ''}`) }))
    .sort((a, b) => a.id - b.id);
}
