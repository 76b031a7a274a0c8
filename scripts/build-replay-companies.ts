// Builds test/fixtures/replay/companies.built.json: what the replay server needs to answer
// www.sec.gov/files/company_tickers.json and to complete data.sec.gov submissions JSON for the
// companies of the replay corpus. Run: npx tsx scripts/build-replay-companies.ts
//
// The corpus holds no captured company_tickers.json, and its real submissions JSON files may not be
// committed, so this is built from real data that may be, and says so in the file:
// - tickers: the `(TICKER, …)` EDGAR full-text search prints after a company name (kept in the
//   company column of SOURCES.tsv), else the ticker the source repository named the file by
//   (`unh-2024-02-22-….txt`); a file named otherwise gives none;
// - SIC code, state of incorporation and business state: the filing row of the SEC Financial
//   Statement & Notes data sets (`*-cyd-facts.ndjson`: `sic`, `stprinc`, `stprba`; read by
//   data-set-companies.ts, which build-replay-corpus.ts also writes into its built headers);
// - names and CIKs: the replay corpus's SGML headers.
// Exchanges, SIC titles and the rest are not stated anywhere committable and are left out: the
// replay server takes them from a filing's header where it has one, else serves them empty.
//
// Output is deterministic: running the script twice leaves the file unchanged.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/replay/corpus.ts';
import type { BuiltCompanies, BuiltCompany } from '../src/replay/companies.ts';
import { readDataSetCompanyRows } from './data-set-companies.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIR = path.join(ROOT, 'test/fixtures/corpus');
const REPLAY_DIR = path.join(ROOT, 'test/fixtures/replay');
const OUT = path.join(REPLAY_DIR, 'companies.built.json');

/** A file name that starts with its ticker: `unh-2024-…`, `heps-20-f-…`, `pfh-8ka-…`, `cost-8-k-…`. */
const TICKER_FILE = /^([a-z]{1,5})-(?:\d{4}-\d{2}-\d{2}|10-k|10-q|20-f|8-k|8ka)-/;

interface Row {
  file: string;
  company: string;
  accession: string;
  cik: string | null;
}

function readSources(sourceDir: string): Row[] {
  const lines = readFileSync(path.join(sourceDir, 'SOURCES.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t');
    const note = f[col('note')] ?? '';
    const cik = /cik=(\d{10})/.exec(note)?.[1] ?? /edgar\/data\/(\d{10})\//.exec(note)?.[1] ?? null;
    return { file: f[col('file')] ?? '', company: f[col('company')] ?? '', accession: f[col('accession')] ?? '', cik };
  });
}

function tickersOf(row: Row): { tickers: string[]; from: string } | null {
  const listed = /\(([A-Z0-9.-]+(?:, [A-Z0-9.-]+)*)\)\s*$/.exec(row.company)?.[1];
  if (listed) return { tickers: listed.split(', '), from: 'EDGAR full-text search display name in SOURCES.tsv' };
  const named = TICKER_FILE.exec(path.basename(row.file))?.[1];
  if (named) return { tickers: [named.toUpperCase()], from: `file name ${path.basename(row.file)}` };
  return null;
}

/** The text of companies.built.json for the replay corpus in `replayDir`, built from `sourceDir`. */
export function buildReplayCompanies(options: { sourceDir?: string; replayDir?: string } = {}): string {
  const sourceDir = options.sourceDir ?? SOURCE_DIR;
  const corpus = loadCorpus(options.replayDir ?? REPLAY_DIR);
  const names = new Map<string, string>();
  for (const f of corpus.filings) for (const p of f.parties) if (!names.has(p.cik)) names.set(p.cik, p.name);
  const byAccession = new Map(corpus.filings.map((f) => [f.accession, f.cik]));

  const companies = new Map<string, BuiltCompany>();
  const entry = (cik: string): BuiltCompany => {
    let c = companies.get(cik);
    if (!c) {
      c = { cik, name: names.get(cik) ?? '', tickers: [], sources: [] };
      companies.set(cik, c);
    }
    return c;
  };

  for (const row of readSources(sourceDir)) {
    const cik = (row.accession && byAccession.get(row.accession)) || row.cik;
    if (!cik || !names.has(cik)) continue;
    const found = tickersOf(row);
    if (found) {
      const c = entry(cik);
      const fresh = found.tickers.filter((t) => !c.tickers.includes(t));
      if (fresh.length > 0) {
        c.tickers.push(...fresh);
        c.sources.push(`tickers ${fresh.join(', ')}: ${found.from}`);
      }
    }
  }

  for (const row of readDataSetCompanyRows(sourceDir)) {
    if (!names.has(row.cik)) continue;
    const c = entry(row.cik);
    if (row.sic && !c.sic) c.sic = row.sic;
    if (row.stprinc && !c.stateOfIncorporation) c.stateOfIncorporation = row.stprinc;
    if (row.stprba && !c.businessState) c.businessState = row.stprba;
    c.sources.push(`SIC ${row.sic ?? '-'}, states ${row.stprinc ?? '-'}/${row.stprba ?? '-'}: SEC Financial Statement data-set row in ${row.file}`);
  }

  const out: BuiltCompanies = {
    built:
      'Built by cyber8k scripts/build-replay-companies.ts, not captured from EDGAR: tickers from EDGAR full-text search display names and source file names, SIC codes and states from SEC Financial Statement data-set rows, names and CIKs from the replay corpus headers (see each company\'s sources).',
    companies: [...companies.values()].sort((a, b) => a.cik.localeCompare(b.cik)),
  };
  return `${JSON.stringify(out, null, 1)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = buildReplayCompanies();
  writeFileSync(OUT, text);
  const companies = (JSON.parse(text) as BuiltCompanies).companies;
  console.log(`${OUT}: ${companies.length} companies, ${companies.filter((c) => c.tickers.length > 0).length} with tickers`);
}
