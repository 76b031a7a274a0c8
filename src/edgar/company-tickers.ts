// www.sec.gov/files/company_tickers.json: every listed company's tickers, one entry per ticker,
// `{"0":{"cik_str":1045810,"ticker":"NVDA","title":"NVIDIA CORP"},…}` (EDGAR.md §3). About 10,000
// entries, one request for all of them.

import { padCik } from './urls.ts';

export function companyTickersUrl(wwwBase: string): string {
  return `${wwwBase}/files/company_tickers.json`;
}

export class CompanyTickersFormatError extends Error {}

/** CIK (10 digits) → its tickers, upper case, in the file's order. */
export function parseCompanyTickers(body: Buffer | string): Map<string, string[]> {
  let json: unknown;
  try {
    json = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new CompanyTickersFormatError('company_tickers.json is not JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CompanyTickersFormatError('company_tickers.json is not an object of entries');
  const out = new Map<string, string[]>();
  for (const entry of Object.values(json as Record<string, unknown>)) {
    const e = (entry ?? {}) as { cik_str?: unknown; ticker?: unknown };
    const cik = typeof e.cik_str === 'number' || typeof e.cik_str === 'string' ? String(e.cik_str) : '';
    const ticker = typeof e.ticker === 'string' ? e.ticker.trim().toUpperCase() : '';
    if (!/^\d{1,10}$/.test(cik) || !/^[A-Z0-9][A-Z0-9.-]{0,9}$/.test(ticker)) continue;
    const key = padCik(cik);
    const list = out.get(key) ?? [];
    if (!list.includes(ticker)) list.push(ticker);
    out.set(key, list);
  }
  return out;
}
