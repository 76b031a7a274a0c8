// The replay corpus's real filings, analyzed once per suite, as threading reads them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFiling } from '../../src/analysis/index.ts';
import { DEMO_CORPUS, readFiling } from '../../src/replay/corpus.ts';
import type { ThreadFiling } from '../../src/incidents/thread.ts';
import type { Analysis } from '../../src/analysis/types.ts';

/** Accession numbers of the replay corpus's threads, by company. */
export const THREADS = {
  prudential: ['0001193125-24-033753', '0001193125-24-040749'],
  riverFinancial: ['0001193125-26-282946', '0001193125-26-307288'],
  wytec: ['0001683168-25-006583', '0001683168-26-000732'],
  unfi: ['0001020859-25-000036', '0001020859-25-000054'],
  west: ['0000105770-26-000077'],
  nucor: ['0001193125-25-143135'],
} as const;

export interface AnalyzedReplayFiling extends ThreadFiling {
  companyName: string;
  analysis: Analysis;
  bytes: Buffer;
}

/** Analyzes `accessions` from the committed replay corpus (test/fixtures/replay). */
export async function analyzeReplay(accessions: readonly string[]): Promise<AnalyzedReplayFiling[]> {
  const out: AnalyzedReplayFiling[] = [];
  for (const accession of accessions) {
    const file = join(DEMO_CORPUS, `${accession}.built.txt`);
    const bytes = readFileSync(file);
    const filing = readFiling(file, bytes);
    const { analysis } = await analyzeFiling(bytes, { source: file });
    out.push({
      accessionNumber: accession,
      cik: filing.cik,
      companyName: filing.company,
      form: filing.form,
      items: filing.items,
      filedAt: filing.filedDate,
      acceptedAt: new Date(filing.acceptedAt).toISOString(),
      analysis,
      bytes,
    });
  }
  return out;
}

/**
 * Built case, marked as such: Wytec's real 8-K and Prudential's real 8-K filed under one company
 * (Wytec's CIK), re-accessioned — one company with two separate incidents.
 */
export async function oneCompanyTwoIncidents(): Promise<AnalyzedReplayFiling[]> {
  const [wytec] = await analyzeReplay([THREADS.wytec[0]]);
  const [pru] = await analyzeReplay([THREADS.prudential[0]]);
  const builtAccession = `${wytec!.accessionNumber.slice(0, 11)}24-900001`;
  return [wytec!, { ...pru!, cik: wytec!.cik, companyName: wytec!.companyName, accessionNumber: builtAccession, analysis: { ...pru!.analysis, cik: wytec!.cik, accessionNumber: builtAccession } }];
}
