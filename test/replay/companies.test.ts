import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CORPUS } from '../../src/replay/corpus.ts';
import { BUILT_COMPANIES_FILE, type BuiltCompanies } from '../../src/replay/companies.ts';
import { hasShared, SHARED_CORPUS } from '../analysis/corpus.ts';
import { startReplayWithClient, type ReplayWithClient } from '../helpers/replay-client.ts';

describe('replay server: company_tickers.json and submissions JSON', () => {
  let env: ReplayWithClient;
  beforeAll(async () => {
    env = await startReplayWithClient({ corpusDir: DEMO_CORPUS, releaseAll: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  const json = async (url: string) => JSON.parse((await env.edgar.get(`${env.base}${url}`)).body.toString('utf8'));

  it('serves company_tickers.json in EDGAR’s shape, one entry per ticker, from the built company data', async () => {
    const entries = Object.values(await json('/files/company_tickers.json')) as Array<{ cik_str: number; ticker: string; title: string }>;
    expect(entries).toContainEqual({ cik_str: 731766, ticker: 'UNH', title: 'UNITEDHEALTH GROUP INC' });
    expect(entries.filter((e) => e.cik_str === 1137774).map((e) => e.ticker).sort()).toEqual(['PFH', 'PRH', 'PRS', 'PRU']);
    expect(Object.keys(await json('/files/company_tickers.json'))[0]).toBe('0');
  });

  it('completes a submissions JSON built from filing headers with the built tickers, SIC code and states', async () => {
    const f5 = await json('/submissions/CIK0001048695.json');
    expect(f5).toMatchObject({ cik: '0001048695', name: 'F5, INC.', tickers: ['FFIV'], sic: '3576', stateOfIncorporation: 'WA' });
    expect(f5.addresses.business.stateOrCountry).toBe('WA');
    // An original header's own facts come first.
    const unh = await json('/submissions/CIK0000731766.json');
    expect(unh).toMatchObject({ tickers: ['UNH'], sic: '6324', sicDescription: 'HOSPITAL & MEDICAL SERVICE PLANS', ownerOrg: '02 Finance', stateOfIncorporation: 'DE' });
    expect(unh.addresses.business).toMatchObject({ city: 'MINNEAPOLIS', stateOrCountry: 'MN' });
  });

  it('marks the company data as built and says where each value came from', () => {
    const built = JSON.parse(readFileSync(path.join(DEMO_CORPUS, BUILT_COMPANIES_FILE), 'utf8')) as BuiltCompanies;
    expect(built.built).toMatch(/^Built by cyber8k/);
    for (const c of built.companies) {
      expect(c.cik).toMatch(/^\d{10}$/);
      expect(c.sources.length, c.name).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!hasShared('raw/formats/submissions-CIK0001045810.json'))('replay server on the shared corpus', () => {
  let env: ReplayWithClient;
  beforeAll(async () => {
    env = await startReplayWithClient({ corpusDir: SHARED_CORPUS, releaseAll: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('serves a real submissions JSON saved in the corpus as it is', async () => {
    const body = (await env.edgar.get(`${env.base}/submissions/CIK0001045810.json`)).body;
    expect(body.equals(readFileSync(path.join(SHARED_CORPUS, 'raw/formats/submissions-CIK0001045810.json')))).toBe(true);
    const entries = Object.values(JSON.parse((await env.edgar.get(`${env.base}/files/company_tickers.json`)).body.toString('utf8'))) as Array<{ ticker: string }>;
    expect(entries.map((e) => e.ticker)).toContain('NVDA');
  });
});

describe('replay company data build', () => {
  it('is exactly what scripts/build-replay-companies.ts builds from the committed corpus', async () => {
    const { buildReplayCompanies } = await import('../../scripts/build-replay-companies.ts');
    const committed = readFileSync(path.join(DEMO_CORPUS, BUILT_COMPANIES_FILE), 'utf8');
    expect(buildReplayCompanies() === committed, 'test/fixtures/replay/companies.built.json is stale: run `npx tsx scripts/build-replay-companies.ts`').toBe(true);
  });
});
