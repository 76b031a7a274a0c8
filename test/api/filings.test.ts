import { sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { filing, useApp } from './app.ts';

describeEachDatabase('REST API: filings', (getDb) => {
  const app = useApp(() => getDb().database);

  beforeEach(async () => {
    const repos = createRepositories(getDb().database.db);
    const repo = repos.filings;
    for (let n = 1; n <= 7; n++) await repo.recordDiscovered(filing(n));
    await repo.recordDiscovered(filing(8, { items: ['1.05'], cik: '0000731766', companyName: 'UNITEDHEALTH GROUP INC' }));
    await repo.recordDiscovered(filing(9, { form: '8-K/A', items: ['1.05', '9.01'] }));
  });

  async function get(url: string) {
    const res = await app().inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, any> };
  }

  it('lists filings newest first by acceptance time', async () => {
    const { status, body } = await get('/v1/filings');
    expect(status).toBe(200);
    const filed = body.data.map((f: { filedAt: string }) => f.filedAt);
    expect(filed).toEqual([...filed].sort().reverse());
    expect(body.data).toHaveLength(9);
    expect(body.nextCursor).toBeNull();
  });

  it('pages with a cursor without skipping or repeating a filing', async () => {
    const seen: string[] = [];
    let url = '/v1/filings?limit=4';
    for (let guard = 0; guard < 10; guard++) {
      const { body } = await get(url);
      seen.push(...body.data.map((f: { accessionNumber: string }) => f.accessionNumber));
      if (!body.nextCursor) break;
      url = `/v1/filings?limit=4&cursor=${body.nextCursor}`;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('filters by item, company, form and filing dates', async () => {
    const byItem = await get('/v1/filings?item=1.05');
    expect(byItem.body.data.map((f: { accessionNumber: string }) => f.accessionNumber).sort()).toEqual([
      '0000000001-24-000008',
      '0000000001-24-000009',
    ]);
    const byCik = await get('/v1/filings?cik=731766');
    expect(byCik.body.data).toHaveLength(1);
    expect(byCik.body.data[0].company).toBe('UNITEDHEALTH GROUP INC');
    const byForm = await get('/v1/filings?form=8-K/A');
    expect(byForm.body.data.map((f: { form: string }) => f.form)).toEqual(['8-K/A']);
    const byDates = await get('/v1/filings?since=2024-03-03&until=2024-03-05');
    expect(byDates.body.data.map((f: { filedAt: string }) => f.filedAt)).toEqual(['2024-03-05', '2024-03-04', '2024-03-03']);
  });

  it('filters by what the analysis found: incidents, and what they say about materiality', async () => {
    const repos = createRepositories(getDb().database.db);
    const repo = repos.filings;
    const analysis = (incident: boolean, materialImpact: Analysis['materialImpact']): Analysis => ({
      source: 'test', accessionNumber: null, form: '8-K', cik: null, company: null, filedAt: null, acceptedAt: null, items: [],
      incident, item: incident ? '1.05' : null, update: false, materialImpact,
      dates: { began: null, detected: incident ? '2024-03-01' : null, determinedMaterial: null, contained: null },
      flags: { ransomware: false, dataAccessed: incident, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false },
      reportDate: null, amendment: null, references: [], incidentName: null, incidents: [],
      statements: [], evidence: {}, confidence: 0.9, review: false, analyzerVersion: 'test',
    });
    await recordAnalysis(repos, '0000000001-24-000008', { analysis: analysis(true, 'material'), item105Text: null });
    await recordAnalysis(repos, '0000000001-24-000009', { analysis: analysis(true, 'not-determined'), item105Text: null });
    await recordAnalysis(repos, '0000000001-24-000001', { analysis: analysis(false, null), item105Text: null });

    const incidents = await get('/v1/filings?incident=true');
    expect(incidents.body.data.map((f: { accessionNumber: string }) => f.accessionNumber).sort()).toEqual(['0000000001-24-000008', '0000000001-24-000009']);
    expect(incidents.body.data[0]).toMatchObject({ status: 'analyzed', incident: true, item: '1.05', dates: { detected: '2024-03-01' }, flags: { dataAccessed: true } });
    const notIncidents = await get('/v1/filings?incident=false');
    expect(notIncidents.body.data.map((f: { accessionNumber: string }) => f.accessionNumber)).toEqual(['0000000001-24-000001']);
    const material = await get('/v1/filings?incident=true&materialImpact=material');
    expect(material.body.data.map((f: { accessionNumber: string }) => f.accessionNumber)).toEqual(['0000000001-24-000008']);
  });

  it('lists each filing lean, and serves its statements, evidence and Item 1.05 text on the detail only', async () => {
    const repos = createRepositories(getDb().database.db);
    const repo = repos.filings;
    const analysis: Analysis = {
      source: 'test', accessionNumber: null, form: '8-K', cik: null, company: null, filedAt: null, acceptedAt: null, items: ['1.05'],
      incident: true, item: '1.05', update: true, materialImpact: 'not-determined',
      dates: { began: '2024-02', detected: '2024-02-21', determinedMaterial: null, contained: null },
      flags: { ransomware: true, dataAccessed: false, operationalDisruption: true, nationState: false, thirdParty: false, lawEnforcementNotified: true, disclosureDelayed: false },
      statements: [{ kind: 'operations', text: 'The Company is working diligently to restore those systems.' }],
      reportDate: '2024-02-21', amendment: null, references: [], incidentName: null, incidents: [],
      evidence: { 'dates.detected': 'On February 21, 2024, the Company identified a cyber threat actor.' },
      confidence: 0.97, review: false, analyzerVersion: 'test',
    };
    await recordAnalysis(repos, '0000000001-24-000008', { analysis, item105Text: 'Item 1.05 Material Cybersecurity Incidents. On February 21, 2024…' });

    const listed = (await get('/v1/filings?item=1.05')).body.data.find((f: { accessionNumber: string }) => f.accessionNumber === '0000000001-24-000008');
    expect(listed).toMatchObject({ status: 'analyzed', incident: true, item: '1.05', update: true, materialImpact: 'not-determined', dates: analysis.dates, flags: analysis.flags });
    for (const heavy of ['statements', 'evidence', 'item105Text', 'confidence']) expect(listed).not.toHaveProperty(heavy);

    const detail = (await get('/v1/filings/0000000001-24-000008')).body;
    expect(detail).toMatchObject({ update: true, dates: analysis.dates, flags: analysis.flags, statements: analysis.statements, evidence: analysis.evidence, confidence: 0.97 });
    expect(detail.item105Text).toMatch(/^Item 1\.05/);
    const pending = (await get('/v1/filings?form=8-K/A')).body.data[0];
    expect(pending).toMatchObject({ status: 'pending', incident: null, update: null, dates: null, flags: null });

    // The list reads the summary stored beside the analysis; a filing analyzed before it existed
    // (its summary column empty) is listed from its analysis.
    const [stored] = await getDb().database.query<{ summary: unknown }>(sql`select analysis_summary as summary from filings where accession_number = '0000000001-24-000008'`);
    expect(stored?.summary).toEqual({ update: true, dates: analysis.dates, flags: analysis.flags });
    await getDb().database.query(sql`update filings set analysis_summary = null`);
    await repo.recordDiscovered(filing(20));
    const older = (await get('/v1/filings?item=1.05')).body.data.find((f: { accessionNumber: string }) => f.accessionNumber === '0000000001-24-000008');
    expect(older).toMatchObject({ update: true, dates: analysis.dates, flags: analysis.flags });
  });

  it('serves one filing by accession number and 404s an unknown one', async () => {
    const found = await get('/v1/filings/0000000001-24-000008');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ accessionNumber: '0000000001-24-000008', items: ['1.05'], status: 'pending', incident: null });
    const missing = await get('/v1/filings/0000000001-24-999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('filings.not_found');
  });
});
