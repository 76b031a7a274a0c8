// The demo's data for the dashboard tests: real filings of the replay corpus (the ones `npm run
// demo` serves), analyzed and recorded as ingestion records them (header facts, Item 1.05 text,
// threading), the corpus's tickers applied, and one hostile filing whose company name and text
// carry markup, quotes and ampersands.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repositories } from '../../db/repositories/index.ts';
import { analyzeFiling } from '../../src/analysis/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { DEMO_CORPUS, readFiling } from '../../src/replay/corpus.ts';
import type { BuiltCompanies } from '../../src/replay/companies.ts';
import { HOSTILE_ACCESSION, HOSTILE_COMPANY, HOSTILE_TEXT, MICROSOFT } from '../api/search-corpus.ts';
import { THREADS } from '../incidents/replay-corpus.ts';

export { HOSTILE_ACCESSION, HOSTILE_COMPANY, HOSTILE_TEXT };
export const HOSTILE_CIK = '0000000666';

/** A few threads (Prudential, Wytec, UNFI) and Microsoft: enough for the page tests. */
export const SMALL_DEMO = [...THREADS.prudential, ...THREADS.wytec, ...THREADS.unfi, MICROSOFT];

/** Every filing of the replay corpus. */
export function allDemoAccessions(): string[] {
  return readdirSync(DEMO_CORPUS)
    .filter((f) => f.endsWith('.built.txt'))
    .map((f) => f.replace('.built.txt', ''))
    .sort();
}

export async function seedDemo(repos: Repositories, accessions: readonly string[], options: { hostile?: boolean } = {}): Promise<void> {
  let base: Awaited<ReturnType<typeof analyzeFiling>>['analysis'] | undefined;
  for (const accession of accessions) {
    const file = join(DEMO_CORPUS, `${accession}.built.txt`);
    const bytes = readFileSync(file);
    const filing = readFiling(file, bytes);
    const { analysis, header, item105Text } = await analyzeFiling(bytes, { source: file });
    base ??= analysis;
    const cik = filing.cik;
    await repos.filings.recordDiscovered({
      accessionNumber: accession, cik, companyName: filing.company, form: filing.form, items: filing.items, filedAt: filing.filedDate,
      acceptedAt: new Date(filing.acceptedAt).toISOString(),
      indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(cik)}/${accession.replace(/-/g, '')}/${accession}-index.htm`,
      submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(cik)}/${accession}.txt`,
    });
    await recordAnalysis(repos, accession, { analysis, item105Text, header });
  }
  const built = JSON.parse(readFileSync(join(DEMO_CORPUS, 'companies.built.json'), 'utf8')) as BuiltCompanies;
  const tickers = new Map(built.companies.filter((c) => c.tickers.length).map((c) => [c.cik, c.tickers]));
  if (options.hostile !== false && base) {
    await repos.filings.recordDiscovered({
      accessionNumber: HOSTILE_ACCESSION, cik: HOSTILE_CIK, companyName: HOSTILE_COMPANY, form: '8-K', items: ['1.05'], filedAt: '2025-03-03', acceptedAt: '2025-03-03T21:00:00.000Z',
      indexUrl: 'https://www.sec.gov/Archives/edgar/data/666/', submissionUrl: 'https://www.sec.gov/Archives/edgar/data/666/x.txt',
    });
    const analysis = {
      ...base, accessionNumber: HOSTILE_ACCESSION, cik: HOSTILE_CIK, company: HOSTILE_COMPANY, form: '8-K', items: ['1.05'], item: '1.05', incident: true, update: false, amendment: null, references: [],
      incidentName: null, incidents: [{ name: null, dates: base.dates }], reportDate: '2025-03-01',
      flags: { ...base.flags, ransomware: true }, evidence: { incident: HOSTILE_TEXT, 'flags.ransomware': HOSTILE_TEXT }, statements: [{ kind: 'impact' as const, text: HOSTILE_TEXT }],
    };
    await recordAnalysis(repos, HOSTILE_ACCESSION, { analysis, item105Text: `Item 1.05 Material Cybersecurity Incidents.\n${HOSTILE_TEXT}\nThe "Company" & its <b>advisers</b> continue to investigate.` });
    tickers.set(HOSTILE_CIK, ['EVIL']);
  }
  await repos.companies.applyTickers(tickers);
  // The corpus's built headers carry no SIC code; the replay server's company data has them.
  for (const c of built.companies) if (c.sic) await repos.companies.applyHeader(c.cik, { sic: c.sic, state: c.stateOfIncorporation ?? null }, new Date());
}
