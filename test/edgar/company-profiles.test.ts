import { describe, expect, it } from 'vitest';
import { parseCompanyTickers } from '../../src/edgar/company-tickers.ts';
import { parseSubmissionsProfile, SubmissionsFormatError } from '../../src/edgar/submissions.ts';
import { hasShared, shared } from '../analysis/corpus.ts';

const NVIDIA = 'raw/formats/submissions-CIK0001045810.json';
const MICROSOFT = 'raw/formats/submissions-CIK0000789019.json';

describe('submissions JSON (data.sec.gov): the company profile', () => {
  // Real responses, which may not be committed: read from ../shared, skipped visibly without it.
  it.skipIf(!hasShared(NVIDIA))('reads NVIDIA’s real profile: tickers with exchanges, SIC, SEC office, location, former names with dates', () => {
    expect(parseSubmissionsProfile(shared(NVIDIA)!)).toEqual({
      cik: '0001045810',
      name: 'NVIDIA CORP',
      tickers: ['NVDA'],
      exchanges: ['Nasdaq'],
      sic: '3674',
      sicDescription: 'Semiconductors & Related Devices',
      state: 'DE',
      businessCity: 'SANTA CLARA',
      businessState: 'CA',
      secOffice: '04 Manufacturing',
      fiscalYearEnd: '0131',
      formerNames: [{ name: 'NVIDIA CORP/CA', from: '1998-05-07', to: '2002-06-04' }],
    });
  });

  it.skipIf(!hasShared(MICROSOFT))('reads Microsoft’s real profile, which lists no former name', () => {
    expect(parseSubmissionsProfile(shared(MICROSOFT)!)).toMatchObject({ cik: '0000789019', tickers: ['MSFT'], exchanges: ['Nasdaq'], sic: '7372', secOffice: '06 Technology', formerNames: [] });
  });

  it('keeps each ticker with its own exchange and drops empty ones; treats every field as optional', () => {
    const profile = parseSubmissionsProfile(JSON.stringify({ cik: '0001137774', tickers: ['PRU', '', 'prh'], exchanges: ['NYSE', 'NYSE', null], addresses: null, formerNames: [{ name: '' }, { name: 'OLD', from: 'x' }] }));
    expect(profile).toMatchObject({ tickers: ['PRU', 'PRH'], exchanges: ['NYSE', ''], sic: null, businessCity: null, formerNames: [{ name: 'OLD', from: null, to: null }] });
    expect(parseSubmissionsProfile(JSON.stringify({ cik: '1', tickers: ['A'] })).exchanges).toEqual([]);
  });

  it('refuses what is not a submissions JSON: an HTML page, an array, no CIK', () => {
    for (const body of ['<html>', '[]', '{"name":"X"}', '{"cik":"12a"}']) expect(() => parseSubmissionsProfile(body), body).toThrow(SubmissionsFormatError);
  });
});

describe('company_tickers.json (www.sec.gov/files)', () => {
  it('gives each CIK its tickers, once each, whatever order and spelling the entries come in', () => {
    const body = JSON.stringify({
      0: { cik_str: 1137774, ticker: 'PRU', title: 'PRUDENTIAL FINANCIAL INC' },
      1: { cik_str: 1045810, ticker: 'NVDA', title: 'NVIDIA CORP' },
      2: { cik_str: '1137774', ticker: 'pfh', title: 'PRUDENTIAL FINANCIAL INC' },
      3: { cik_str: 1137774, ticker: 'PRU', title: 'PRUDENTIAL FINANCIAL INC' },
      4: { cik_str: 'x', ticker: 'BAD' },
      5: { cik_str: 5, ticker: 'NOT A TICKER' },
    });
    expect(parseCompanyTickers(body)).toEqual(new Map([['0001137774', ['PRU', 'PFH']], ['0001045810', ['NVDA']]]));
  });

  it('refuses a body that is not the entries object', () => {
    expect(() => parseCompanyTickers('<html>maintenance</html>')).toThrow(/not JSON/);
    expect(() => parseCompanyTickers('[1,2]')).toThrow(/not an object/);
  });
});
