// What the replay server knows of its corpus's companies beyond their filings' headers: the built
// `companies.built.json` (tickers, SIC codes and states from committable real data; see
// scripts/build-replay-companies.ts) and any real data.sec.gov submissions JSON saved in the corpus
// folder (`submissions-CIK##########.json`, as in ../shared/corpus/raw/formats), which is served
// as it is. From them it writes www.sec.gov/files/company_tickers.json.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuiltCompany {
  /** 10 digits */
  cik: string;
  name: string;
  tickers: string[];
  sic?: string;
  stateOfIncorporation?: string;
  businessState?: string;
  /** Where each value came from. */
  sources: string[];
}

export interface BuiltCompanies {
  /** Says that the file was built, and from what. */
  built: string;
  companies: BuiltCompany[];
}

export interface CompanyData {
  built: ReadonlyMap<string, BuiltCompany>;
  /** CIK (10 digits) → a real submissions JSON file found in the corpus folder. */
  realSubmissions: ReadonlyMap<string, string>;
}

export const BUILT_COMPANIES_FILE = 'companies.built.json';
const REAL_SUBMISSIONS = /^submissions-CIK(\d{10})\.json$/;

function findRealSubmissions(dir: string, out: Map<string, string>, depth = 0): void {
  // The shared corpus keeps them two folders down (raw/formats); no need to walk further.
  if (depth > 3) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findRealSubmissions(full, out, depth + 1);
    else {
      const m = REAL_SUBMISSIONS.exec(entry.name);
      if (m && !out.has(m[1]!)) out.set(m[1]!, full);
    }
  }
}

export function loadCompanyData(dir: string): CompanyData {
  const built = new Map<string, BuiltCompany>();
  const file = path.join(dir, BUILT_COMPANIES_FILE);
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as BuiltCompanies;
    for (const c of parsed.companies) built.set(c.cik, c);
  }
  const realSubmissions = new Map<string, string>();
  if (existsSync(dir) && statSync(dir).isDirectory()) findRealSubmissions(dir, realSubmissions);
  return { built, realSubmissions };
}

/** The tickers a real submissions JSON lists, with its name; null when it cannot be read. */
export function realTickers(file: string): { name: string; tickers: string[] } | null {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; tickers?: unknown };
    const tickers = Array.isArray(json.tickers) ? json.tickers.filter((t): t is string => typeof t === 'string') : [];
    return { name: typeof json.name === 'string' ? json.name : '', tickers };
  } catch {
    return null;
  }
}

/**
 * `company_tickers.json` as www.sec.gov/files/ serves it: `{"0":{"cik_str":731766,"ticker":"UNH",
 * "title":"UNITEDHEALTH GROUP INC"},…}`, one entry per ticker (a company with several is listed
 * several times). Ordered by CIK; EDGAR orders by size, which nothing may rely on.
 */
export function writeCompanyTickers(data: CompanyData): string {
  const rows = new Map<string, { name: string; tickers: string[] }>();
  for (const c of data.built.values()) if (c.tickers.length > 0) rows.set(c.cik, { name: c.name, tickers: c.tickers });
  for (const [cik, file] of data.realSubmissions) {
    const real = realTickers(file);
    if (real && real.tickers.length > 0) rows.set(cik, real);
  }
  const out: Record<string, { cik_str: number; ticker: string; title: string }> = {};
  let i = 0;
  for (const [cik, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    for (const ticker of row.tickers) out[String(i++)] = { cik_str: Number(cik), ticker, title: row.name };
  }
  return JSON.stringify(out);
}
