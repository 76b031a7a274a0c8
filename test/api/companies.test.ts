import { beforeAll, beforeEach, expect, it } from 'vitest';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { analyzeFiling, type FilingAnalysis } from '../../src/analysis/index.ts';
import { fixture } from '../analysis/corpus.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { expectApiError, filing, useApp } from './app.ts';

const UNH_ACCESSION = '0000731766-24-000045';
let unh: FilingAnalysis;
let nvidia: FilingAnalysis;
beforeAll(async () => {
  unh = await analyzeFiling(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));
  nvidia = await analyzeFiling(fixture('raw/formats/8k-nvidia-0001045810-26-000024.txt'));
});

describeEachDatabase('REST API: companies and sectors', (getDb) => {
  const app = useApp(() => getDb().database);

  beforeEach(async () => {
    const repos = createRepositories(getDb().database.db);
    await repos.filings.recordDiscovered(filing(1, { accessionNumber: UNH_ACCESSION, cik: '0000731766', companyName: 'UNITEDHEALTH GROUP INC', form: '8-K', items: ['1.05'], filedAt: '2024-02-22', acceptedAt: '2024-02-22T21:08:47Z' }));
    await recordAnalysis(repos, UNH_ACCESSION, { analysis: unh.analysis, item105Text: null, header: unh.header });
    await repos.filings.recordDiscovered(filing(2, { accessionNumber: '0001045810-26-000024', cik: '0001045810', companyName: 'NVIDIA CORP', form: '8-K', items: ['5.02', '9.01'], filedAt: '2026-03-06', acceptedAt: '2026-03-06T21:11:25Z' }));
    await recordAnalysis(repos, '0001045810-26-000024', { analysis: nvidia.analysis, item105Text: null, header: nvidia.header });
    await repos.companies.applyTickers(new Map([['0000731766', ['UNH']], ['0001045810', ['NVDA']]]));
  });

  async function get(url: string) {
    const res = await app().inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, any>, res };
  }

  it('lists the sectors with the SIC code ranges each holds', async () => {
    const { status, body } = await get('/v1/sectors');
    expect(status).toBe(200);
    const telecom = body.data.find((s: any) => s.name === 'telecom');
    expect(telecom.description).toMatch(/carriers/i);
    expect(telecom.sicRanges).toContainEqual({ from: '4812', to: '4813' });
    expect(body.data.map((s: any) => s.name)).toEqual(expect.arrayContaining(['banking', 'insurance', 'healthcare', 'software', 'semiconductors', 'retail', 'energy', 'utilities', 'manufacturing']));
  });

  it('lists companies, most recently active first, with tickers, SIC, sectors, state, location and SEC office', async () => {
    const { status, body } = await get('/v1/companies');
    expect(status).toBe(200);
    expect(body.data.map((c: any) => c.cik)).toEqual(['0001045810', '0000731766']);
    expect(body.data[1]).toMatchObject({
      name: 'UNITEDHEALTH GROUP INC',
      tickers: ['UNH'],
      sic: '6324',
      sicDescription: 'HOSPITAL & MEDICAL SERVICE PLANS',
      sectors: ['insurance', 'healthcare'],
      stateOfIncorporation: 'DE',
      location: { city: 'MINNEAPOLIS', state: 'MN' },
      secOffice: '02 Finance',
      profileFetchedAt: null,
    });
    expect(body.data[0].formerNames).toContainEqual({ name: 'NVIDIA CORP/DE', from: null, to: '2002-06-12' });
    expect(body.nextCursor).toBeNull();
  });

  it('filters companies by ticker, sector, SIC code and name, and pages with signed cursors', async () => {
    const ciks = async (query: string) => (await get(`/v1/companies?${query}`)).body.data.map((c: any) => c.cik);
    expect(await ciks('ticker=unh')).toEqual(['0000731766']);
    expect(await ciks('sector=semiconductors')).toEqual(['0001045810']);
    expect(await ciks('sector=telecom')).toEqual([]);
    expect(await ciks('sic=6324')).toEqual(['0000731766']);
    expect(await ciks('q=united')).toEqual(['0000731766']);
    const first = await get('/v1/companies?limit=1');
    expect(first.body.data.map((c: any) => c.cik)).toEqual(['0001045810']);
    const second = await get(`/v1/companies?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((c: any) => c.cik)).toEqual(['0000731766']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows one company by CIK or ticker, with its incidents', async () => {
    const byCik = await get('/v1/companies/731766');
    expect(byCik.status).toBe(200);
    expect(byCik.body).toMatchObject({ cik: '0000731766', tickers: ['UNH'] });
    expect(byCik.body.incidents).toHaveLength(1);
    expect(byCik.body.incidents[0]).toMatchObject({ cik: '0000731766', filings: [{ accessionNumber: UNH_ACCESSION, role: 'original' }] });
    const byTicker = await get('/v1/companies/unh');
    expect(byTicker.body).toEqual(byCik.body);
    expect((await get('/v1/companies/0001045810')).body.incidents).toEqual([]);
  });

  it('filters incidents by ticker, sector, SIC code and latest change, and gives each its company’s tickers, SIC and sectors', async () => {
    const byTicker = await get('/v1/incidents?ticker=unh');
    expect(byTicker.status).toBe(200);
    expect(byTicker.body.data).toHaveLength(1);
    expect(byTicker.body.data[0]).toMatchObject({ cik: '0000731766', tickers: ['UNH'], sic: '6324', sectors: ['insurance', 'healthcare'] });
    const count = async (query: string) => (await get(`/v1/incidents?${query}`)).body.data.length;
    expect(await count('sector=healthcare')).toBe(1);
    expect(await count('sector=semiconductors')).toBe(0);
    expect(await count('sic=6324')).toBe(1);
    expect(await count('sic=3674')).toBe(0);
    expect(await count('ticker=NVDA')).toBe(0);
    expect(await count('ticker=UNH&sector=telecom')).toBe(0);
    expect(await count('updatedSince=1993-01-01')).toBe(1);
    expect(await count('updatedSince=2999-01-01T00:00:00Z')).toBe(0);
    expect(await count('updatedSince=2024-02-22T21:08:47%2B05:00')).toBe(1);
    // The detail carries them too.
    const id = byTicker.body.data[0].id;
    expect((await get(`/v1/incidents/${id}`)).body).toMatchObject({ tickers: ['UNH'], sic: '6324', sectors: ['insurance', 'healthcare'] });
  });

  it('refuses incident filters that cannot be right, naming the parameter', async () => {
    for (const [query, parameter] of [
      ['ticker=%24UNH', 'ticker'],
      ['sector=aerospace', 'sector'],
      ['sic=12345', 'sic'],
      ['updatedSince=2024-02-30', 'updatedSince'],
      ['updatedSince=2024-01-01T10:00', 'updatedSince'],
      ['updatedSince=yesterday', 'updatedSince'],
      ['updatedSince=0001-01-01', 'updatedSince'],
    ] as const) {
      expect(expectApiError((await get(`/v1/incidents?${query}`)).res, 400).parameter, query).toBe(parameter);
    }
  });

  it('documents the company routes and the incident filters in the OpenAPI description', async () => {
    const spec = (await get('/docs/json')).body;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/companies', '/v1/companies/{cik}', '/v1/sectors']));
    const params = (path: string) => spec.paths[path].get.parameters.map((p: any) => p.name);
    expect(params('/v1/companies')).toEqual(expect.arrayContaining(['ticker', 'sector', 'sic', 'q', 'limit', 'cursor']));
    expect(params('/v1/incidents')).toEqual(expect.arrayContaining(['ticker', 'sector', 'sic', 'updatedSince']));
  });

  it('answers an unknown company with 404 and bad parameters with 400, in the one error shape', async () => {
    expect(expectApiError((await get('/v1/companies/ZZZZ')).res, 404)).toMatchObject({ code: 'companies.not_found' });
    expect(expectApiError((await get('/v1/companies/320193')).res, 404).message).toContain('0000320193');
    expect(expectApiError((await get('/v1/companies/12345678901')).res, 400).parameter).toBe('cik');
    expect(expectApiError((await get('/v1/companies?sector=aerospace')).res, 400).parameter).toBe('sector');
    expect(expectApiError((await get('/v1/companies?sic=73')).res, 400).parameter).toBe('sic');
    expect(expectApiError((await get('/v1/companies?ticker=U%20H')).res, 400).parameter).toBe('ticker');
    expect(expectApiError((await get('/v1/companies?tickr=UNH')).res, 400)).toMatchObject({ code: 'request.invalid_parameter', parameter: 'tickr' });
    expect(expectApiError((await get('/v1/companies?cursor=abc')).res, 400).parameter).toBe('cursor');
    expect(expectApiError((await get('/v1/sectors?name=telecom')).res, 400).parameter).toBe('name');
  });
});
