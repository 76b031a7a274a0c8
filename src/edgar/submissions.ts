// data.sec.gov `/submissions/CIK##########.json`: a company's EDGAR profile (name, tickers and
// exchanges, SIC code, state of incorporation, addresses, SEC office, former names) beside its
// recent filings. Only the profile is read here; every field is treated as optional (EDGAR.md §3).

import type { CompanyProfile } from '../../db/repositories/companies.ts';
import { padCik } from './urls.ts';

export function submissionsUrl(dataBase: string, cik: string): string {
  return `${dataBase}/submissions/CIK${padCik(cik)}.json`;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const day = (v: unknown): string | null => {
  const s = text(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

export class SubmissionsFormatError extends Error {}

/** The profile part of a submissions JSON body; throws SubmissionsFormatError when it is not one. */
export function parseSubmissionsProfile(body: Buffer | string): CompanyProfile & { cik: string } {
  let json: unknown;
  try {
    json = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new SubmissionsFormatError('the submissions JSON is not JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new SubmissionsFormatError('the submissions JSON is not an object');
  const j = json as Record<string, unknown>;
  const cik = text(j.cik);
  if (!cik || !/^\d{1,10}$/.test(cik)) throw new SubmissionsFormatError('the submissions JSON names no CIK');
  const tickers = Array.isArray(j.tickers) ? j.tickers.map(text) : [];
  const exchanges = Array.isArray(j.exchanges) ? j.exchanges.map((e) => text(e) ?? '') : [];
  // Keep each ticker with its own exchange: drop the tickers EDGAR leaves empty, and their exchange.
  const kept = tickers.flatMap((t, i) => (t ? [{ ticker: t.toUpperCase(), exchange: exchanges[i] ?? '' }] : []));
  const addresses = (j.addresses && typeof j.addresses === 'object' ? j.addresses : {}) as Record<string, Record<string, unknown> | undefined>;
  const business = addresses.business ?? {};
  const former = Array.isArray(j.formerNames) ? j.formerNames : [];
  return {
    cik: padCik(cik),
    name: text(j.name),
    tickers: kept.map((k) => k.ticker),
    exchanges: kept.some((k) => k.exchange) ? kept.map((k) => k.exchange) : [],
    sic: text(j.sic) && /^\d{3,4}$/.test(text(j.sic)!) ? text(j.sic) : null,
    sicDescription: text(j.sicDescription),
    state: text(j.stateOfIncorporation),
    businessCity: text(business.city),
    businessState: text(business.stateOrCountry),
    secOffice: text(j.ownerOrg),
    fiscalYearEnd: text(j.fiscalYearEnd),
    formerNames: former.flatMap((f) => {
      const r = (f ?? {}) as Record<string, unknown>;
      const name = text(r.name);
      return name ? [{ name, from: day(r.from), to: day(r.to) }] : [];
    }),
  };
}
