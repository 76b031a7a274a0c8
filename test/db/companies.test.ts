import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createRepositories, type CompanyProfile, type Repositories } from '../../db/repositories/index.ts';
import type { NewFiling } from '../../db/repositories/filings.ts';
import { analyzeFiling, type FilingAnalysis } from '../../src/analysis/index.ts';
import { fixture } from '../analysis/corpus.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

const UNH = '0000731766';
const NVIDIA = '0001045810';

let unh: FilingAnalysis;
let nvidia: FilingAnalysis;
beforeAll(async () => {
  unh = await analyzeFiling(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));
  nvidia = await analyzeFiling(fixture('raw/formats/8k-nvidia-0001045810-26-000024.txt'));
});

function filing(cik: string, name: string, accession: string, acceptedAt: string): NewFiling {
  const folder = `https://www.sec.gov/Archives/edgar/data/${Number(cik)}/${accession.replaceAll('-', '')}`;
  return { accessionNumber: accession, cik, companyName: name, form: '8-K', items: ['8.01'], filedAt: acceptedAt.slice(0, 10), acceptedAt, indexUrl: `${folder}/`, submissionUrl: `${folder}/${accession}.txt` };
}

const profile = (overrides: Partial<CompanyProfile> = {}): CompanyProfile => ({
  name: null,
  tickers: [],
  exchanges: [],
  sic: null,
  sicDescription: null,
  state: null,
  businessCity: null,
  businessState: null,
  secOffice: null,
  fiscalYearEnd: null,
  formerNames: [],
  ...overrides,
});

async function seed(repos: Repositories) {
  await repos.filings.recordDiscovered(filing(UNH, 'UNITEDHEALTH GROUP INC', '0000731766-24-000045', '2024-02-22T21:08:47Z'));
  await recordAnalysis(repos, '0000731766-24-000045', { analysis: unh.analysis, item105Text: null, header: unh.header });
  await repos.filings.recordDiscovered(filing(NVIDIA, 'NVIDIA CORP', '0001045810-26-000024', '2026-03-06T21:11:25Z'));
  await recordAnalysis(repos, '0001045810-26-000024', { analysis: nvidia.analysis, item105Text: null, header: nvidia.header });
  await repos.filings.recordDiscovered(filing('0000789019', 'MICROSOFT CORP', '0001193125-24-011295', '2024-01-19T21:39:35Z'));
}

describeEachDatabase('companies', (getDb) => {
  const repos = () => createRepositories(getDb().database.db);

  it('keeps what an analyzed filing’s SGML header says of its company: SIC and its title, state, location, SEC office, former names', async () => {
    await seed(repos());
    expect(await repos().companies.get(UNH)).toMatchObject({
      name: 'UNITEDHEALTH GROUP INC',
      sic: '6324',
      sicDescription: 'HOSPITAL & MEDICAL SERVICE PLANS',
      state: 'DE',
      businessCity: 'MINNEAPOLIS',
      businessState: 'MN',
      secOffice: '02 Finance',
      fiscalYearEnd: '1231',
      tickers: [],
      profileFetchedAt: null,
    });
    const nv = await repos().companies.get(NVIDIA);
    expect(nv).toMatchObject({ sic: '3674', secOffice: '04 Manufacturing', businessCity: 'SANTA CLARA', businessState: 'CA', fiscalYearEnd: '0131' });
    expect(nv?.formerNames).toEqual([
      { name: 'NVIDIA CORP/DE', from: null, to: '2002-06-12' },
      { name: 'NVIDIA CORP/CA', from: null, to: '1998-03-03' },
    ]);
    // Discovered but not analyzed: only the name and activity are known.
    expect(await repos().companies.get('0000789019')).toMatchObject({ name: 'MICROSOFT CORP', sic: null, lastFiledAt: new Date('2024-01-19T21:39:35Z') });
  });

  it('takes the name and activity from the latest filing: discovering an older one (a backfill) keeps both', async () => {
    const r = repos();
    await r.filings.recordDiscovered(filing('0000000042', 'NEW NAME INC', '0000000042-25-000002', '2025-05-01T12:00:00Z'));
    await r.filings.recordDiscovered(filing('0000000042', 'OLD NAME INC', '0000000042-20-000001', '2020-05-01T12:00:00Z'));
    expect(await r.companies.get('0000000042')).toMatchObject({ name: 'NEW NAME INC', lastFiledAt: new Date('2025-05-01T12:00:00Z') });
    await r.filings.recordDiscovered(filing('0000000042', 'NEWER NAME INC', '0000000042-26-000003', '2026-01-01T12:00:00Z'));
    expect(await r.companies.get('0000000042')).toMatchObject({ name: 'NEWER NAME INC', lastFiledAt: new Date('2026-01-01T12:00:00Z') });
  });

  it('lets a profile read after a filing win over that filing’s header when the filing is analyzed again', async () => {
    const r = repos();
    await seed(r);
    await r.companies.recordProfile(UNH, profile({ name: 'UnitedHealth Group Inc', tickers: ['UNH'], exchanges: ['NYSE'], sic: '6324', sicDescription: 'Hospital & Medical Service Plans', state: 'DE', businessCity: 'EDEN PRAIRIE', businessState: 'MN', secOffice: '02 Finance' }), new Date('2026-11-30T00:00:00Z'));
    await recordAnalysis(r, '0000731766-24-000045', { analysis: unh.analysis, item105Text: null, header: unh.header });
    expect(await r.companies.get(UNH)).toMatchObject({ name: 'UnitedHealth Group Inc', tickers: ['UNH'], exchanges: ['NYSE'], businessCity: 'EDEN PRAIRIE', sicDescription: 'Hospital & Medical Service Plans', profileFetchedAt: new Date('2026-11-30T00:00:00Z') });
  });

  it('filters by ticker (any case), SIC code, sector and name, current or former', async () => {
    const r = repos();
    await seed(r);
    await r.companies.recordProfile(UNH, profile({ tickers: ['UNH'], exchanges: ['NYSE'], sic: '6324' }), new Date('2026-11-30T00:00:00Z'));
    const ciks = async (filters: Parameters<Repositories['companies']['list']>[0]) => (await r.companies.list(filters, { limit: 10 })).rows.map((c) => c.cik);
    expect(await ciks({ ticker: 'unh' })).toEqual([UNH]);
    expect(await ciks({ ticker: 'UN' })).toEqual([]);
    expect(await ciks({ sic: '3674' })).toEqual([NVIDIA]);
    expect(await ciks({ sector: 'healthcare' })).toEqual([UNH]);
    expect(await ciks({ sector: 'insurance' })).toEqual([UNH]);
    expect(await ciks({ sector: 'semiconductors' })).toEqual([NVIDIA]);
    expect(await ciks({ sector: 'telecom' })).toEqual([]);
    expect(await ciks({ q: 'nvidia' })).toEqual([NVIDIA]);
    expect(await ciks({ q: 'CORP/CA' })).toEqual([NVIDIA]);
    // LIKE's wildcards are matched as themselves.
    expect(await ciks({ q: '%' })).toEqual([]);
    expect(await ciks({ q: 'CORP_DE' })).toEqual([]);
  });

  it('lists the most recently active first and pages through every company once', async () => {
    const r = repos();
    await seed(r);
    for (let i = 1; i <= 5; i++) await r.filings.recordDiscovered(filing(String(i).padStart(10, '0'), `Same Day ${i}`, `00000000${String(i).padStart(2, '0')}-24-000001`, '2024-01-19T21:39:35Z'));
    const seen: string[] = [];
    let after;
    for (let guard = 0; guard < 10; guard++) {
      const page = await r.companies.list({}, { limit: 3, after });
      seen.push(...page.rows.map((c) => c.cik));
      if (!page.next) break;
      after = page.next;
    }
    // NVIDIA (2026), UNH (Feb 2024), then the six of 2024-01-19 by CIK, highest first.
    expect(seen).toEqual([NVIDIA, UNH, '0000789019', '0000000005', '0000000004', '0000000003', '0000000002', '0000000001']);
  });

  it('sets the tickers of company_tickers.json on known companies only, dropping exchanges that no longer line up', async () => {
    const r = repos();
    await seed(r);
    await r.companies.recordProfile(NVIDIA, profile({ tickers: ['NVDA'], exchanges: ['Nasdaq'], sic: '3674' }), new Date('2026-11-30T00:00:00Z'));
    const changed = await r.companies.applyTickers(new Map([[UNH, ['UNH']], [NVIDIA, ['NVDA']], ['0000320193', ['AAPL']]]));
    expect(changed).toBe(1);
    expect(await r.companies.get(UNH)).toMatchObject({ tickers: ['UNH'], exchanges: [] });
    expect(await r.companies.get(NVIDIA)).toMatchObject({ tickers: ['NVDA'], exchanges: ['Nasdaq'] });
    expect(await r.companies.get('0000320193')).toBeUndefined();
    await r.companies.applyTickers(new Map([[NVIDIA, ['NVDA', 'NVDX']]]));
    expect(await r.companies.get(NVIDIA)).toMatchObject({ tickers: ['NVDA', 'NVDX'], exchanges: [] });
  });

  it('names the companies whose profile was never read or is older than the cut-off, most recently active first', async () => {
    const r = repos();
    await seed(r);
    await r.companies.recordProfile(UNH, profile(), new Date('2026-11-30T10:00:00Z'));
    await r.companies.recordProfile(NVIDIA, profile(), new Date('2026-11-29T10:00:00Z'));
    expect(await r.companies.dueForProfile(new Date('2026-11-30T00:00:00Z'), 10)).toEqual([NVIDIA, '0000789019']);
    expect(await r.companies.dueForProfile(new Date('2026-11-30T00:00:00Z'), 1)).toEqual([NVIDIA]);
  });

  it('lists as updated since a time only the incidents with a visible change since, not those merely rethreaded', async () => {
    const r = repos();
    await seed(r);
    const [row] = await getDb().database.query<{ now: Date | string }>(sql`select now() as now`);
    const since = new Date(row!.now);
    expect((await r.incidents.list({ updatedSince: new Date(since.getTime() - 60_000) }, { limit: 10 })).rows.map((i) => i.cik)).toEqual([UNH]);
    // The same analysis again: rethreaded, nothing visible changed, no event.
    await recordAnalysis(r, '0000731766-24-000045', { analysis: unh.analysis, item105Text: null, header: unh.header });
    expect((await r.incidents.list({ updatedSince: since }, { limit: 10 })).rows).toEqual([]);
  });

  it('filters incidents by their company’s ticker, sector and SIC code, and gives each the company’s tickers and SIC', async () => {
    const r = repos();
    await seed(r);
    await r.companies.applyTickers(new Map([[UNH, ['UNH']]]));
    const [incident] = (await r.incidents.list({ ticker: 'unh' }, { limit: 10 })).rows;
    expect(incident).toMatchObject({ cik: UNH, tickers: ['UNH'], sic: '6324' });
    expect((await r.incidents.list({ sector: 'healthcare', sic: '6324' }, { limit: 10 })).rows).toHaveLength(1);
    expect((await r.incidents.list({ sector: 'banking' }, { limit: 10 })).rows).toHaveLength(0);
    expect((await r.incidents.list({ ticker: 'NVDA' }, { limit: 10 })).rows).toHaveLength(0);
  });
});
