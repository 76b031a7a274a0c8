// Real filings of the replay corpus, and one hostile filing, for the search, export and feed tests.

import type { Repositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

export const MICROSOFT = '0001193125-24-011295';
export const HOSTILE_ACCESSION = '0000000666-25-000001';

export function searchCorpus(): Promise<AnalyzedReplayFiling[]> {
  return analyzeReplay([...THREADS.prudential, ...THREADS.wytec, ...THREADS.unfi, MICROSOFT]);
}

/** A filing whose company name and text carry markup, quotes and ampersands. */
export const HOSTILE_COMPANY = '<script>alert(1)</script> "Evil" & Co';
export const HOSTILE_TEXT = 'A ransomware attack <script>alert("x")</script> encrypted "files" & <img src=x onerror=alert(2)> more.';

export async function storeCorpus(repos: Repositories, filings: AnalyzedReplayFiling[], hostile = true) {
  for (const f of filings) {
    await repos.filings.recordDiscovered({
      accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
      indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
    });
    await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
  }
  if (!hostile) return;
  const base = filings.find((f) => f.accessionNumber === MICROSOFT)!;
  const accessionNumber = HOSTILE_ACCESSION;
  await repos.filings.recordDiscovered({
    accessionNumber, cik: '0000000666', companyName: HOSTILE_COMPANY, form: '8-K', items: ['1.05'], filedAt: '2025-03-03', acceptedAt: '2025-03-03T21:00:00.000Z',
    indexUrl: 'https://www.sec.gov/Archives/edgar/data/666/', submissionUrl: 'https://www.sec.gov/Archives/edgar/data/666/x.txt',
  });
  const analysis = { ...base.analysis, accessionNumber, cik: '0000000666', company: HOSTILE_COMPANY, flags: { ...base.analysis.flags, ransomware: true }, evidence: { incident: HOSTILE_TEXT, 'flags.ransomware': HOSTILE_TEXT }, statements: [{ kind: 'impact' as const, text: HOSTILE_TEXT }] };
  await recordAnalysis(repos, accessionNumber, { analysis, item105Text: HOSTILE_TEXT });
}

