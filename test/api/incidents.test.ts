import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { discover, record } from '../incidents/helpers.ts';
import { expectApiError, useApp } from './app.ts';

const MICROSOFT = '0001193125-24-011295';
let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await analyzeReplay([...THREADS.prudential, ...THREADS.wytec, ...THREADS.unfi, MICROSOFT]);
});

describeEachDatabase('REST API: incidents and events', (getDb) => {
  const app = useApp(() => getDb().database);

  beforeEach(async () => {
    const repos = createRepositories(getDb().database.db);
    for (const f of corpus) {
      await repos.filings.recordDiscovered({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
        indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
      });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
  });

  async function get(url: string) {
    const res = await app().inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, any>, res };
  }

  it('lists incidents by most recent activity, each with its filings, roles and reasons', async () => {
    const { status, body } = await get('/v1/incidents');
    expect(status).toBe(200);
    expect(body.data.map((i: any) => i.company)).toEqual(['WYTEC INTERNATIONAL INC', 'UNITED NATURAL FOODS INC', 'PRUDENTIAL FINANCIAL INC', 'MICROSOFT CORP']);
    const wytec = body.data[0];
    expect(wytec.filings.map((f: any) => [f.form, f.role])).toEqual([['8-K', 'original'], ['8-K/A', 'amendment']]);
    expect(wytec.status).toBe('updated');
    expect(wytec.firstDisclosedAt).toBe('2025-08-29');
    expect(body.nextCursor).toBeNull();
  });

  it('filters by cik, status, item, materialImpact, flag and first disclosure, and pages with signed cursors', async () => {
    expect((await get('/v1/incidents?cik=789019')).body.data.map((i: any) => i.company)).toEqual(['MICROSOFT CORP']);
    expect((await get('/v1/incidents?status=open')).body.data.map((i: any) => i.company)).toEqual(['MICROSOFT CORP']);
    expect((await get('/v1/incidents?since=2025-01-01&until=2025-12-31')).body.data).toHaveLength(2);
    expect((await get('/v1/incidents?item=1.05')).body.data).toHaveLength(4);
    const material = (await get('/v1/incidents?materialImpact=material')).body.data.map((i: any) => i.company);
    expect(material).toContain('UNITED NATURAL FOODS INC');
    expect(material).not.toContain('MICROSOFT CORP');
    const nation = (await get('/v1/incidents?flag=nationState')).body.data;
    expect(nation.every((i: any) => i.flags.nationState)).toBe(true);
    expect(nation.map((i: any) => i.company)).toContain('MICROSOFT CORP');
    const both = (await get('/v1/incidents?flag=nationState&flag=ransomware')).body.data;
    expect(both.every((i: any) => i.flags.nationState && i.flags.ransomware)).toBe(true);

    const seen: string[] = [];
    let url = '/v1/incidents?limit=1';
    for (let guard = 0; guard < 10; guard++) {
      const { body } = await get(url);
      seen.push(...body.data.map((i: any) => i.company));
      if (!body.nextCursor) break;
      url = `/v1/incidents?limit=1&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(['WYTEC INTERNATIONAL INC', 'UNITED NATURAL FOODS INC', 'PRUDENTIAL FINANCIAL INC', 'MICROSOFT CORP']);
  });

  it('rejects bad filters with the one error shape', async () => {
    expectApiError((await get('/v1/incidents?flag=sharks')).res, 400);
    expectApiError((await get('/v1/incidents?status=closed')).res, 400);
    expectApiError((await get('/v1/incidents?since=2025-02-01&until=2025-01-01')).res, 400);
    expectApiError((await get('/v1/incidents?cursor=AAAA')).res, 400);
    expectApiError((await get('/v1/incidents?colour=red')).res, 400);
    expectApiError((await get('/v1/incidents/0')).res, 400);
    expectApiError((await get('/v1/incidents/999999')).res, 404);
    expectApiError((await get('/v1/events?after=-1')).res, 400);
  });

  it('serves one incident with its timeline and the evidence of each date', async () => {
    const { body: page } = await get('/v1/incidents?cik=789019');
    const { status, body } = await get(`/v1/incidents/${page.data[0].id}`);
    expect(status).toBe(200);
    expect(body.dates.detected).toMatchObject({ date: '2024-01-12', accessionNumber: MICROSOFT });
    expect(body.dates.detected.evidence).toMatch(/January 12, 2024/);
    expect(body.timeliness.detectionToDisclosureBusinessDays).toBe(4);
    expect(body.timeline).toHaveLength(1);
    expect(body.timeline[0].evidence['dates.detected']).toBe(body.dates.detected.evidence);
  });

  it('says on a filing which incident it belongs to', async () => {
    const { body } = await get(`/v1/filings/${THREADS.prudential[1]}`);
    expect(body.thread.role).toBe('amendment');
    const { body: incident } = await get(`/v1/incidents/${body.thread.incidentId}`);
    expect(incident.filings.map((f: any) => f.accessionNumber)).toEqual([...THREADS.prudential]);
  });

  it('says on a filing that reports two incidents every incident it is in, one per incident it reports', async () => {
    // Built case, marked as such: Prudential's and Wytec's real 8-Ks and UNFI's real 10-K, copied
    // under one made-up company; the 10-K's analysis is made to report both incidents by their
    // dates (as a periodic report naming two incidents does).
    const [pru, wytec, unfi10k] = await analyzeReplay([THREADS.prudential[0], THREADS.wytec[0], THREADS.unfi[1]]);
    const cik = '0000999901';
    const built = (f: AnalyzedReplayFiling, n: number, analysis: Partial<AnalyzedReplayFiling['analysis']> = {}) => {
      const accessionNumber = `${cik}-25-${String(n).padStart(6, '0')}`;
      return { ...f, cik, companyName: 'BUILT TWO-INCIDENT CO', accessionNumber, analysis: { ...f.analysis, cik, accessionNumber, ...analysis } };
    };
    const both = [pru!.analysis.incidents[0]!, wytec!.analysis.incidents[0]!];
    const filings = [built(pru!, 1), built(wytec!, 2), built(unfi10k!, 3, { incidentName: null, incidents: both, dates: both[0]!.dates })];
    const repos = createRepositories(getDb().database.db);
    await discover(repos, filings);
    for (const f of filings) await record(repos, f);

    const { status, body } = await get(`/v1/filings/${filings[2]!.accessionNumber}`);
    expect(status).toBe(200);
    expect(body.incidents).toHaveLength(2);
    expect(body.threads).toHaveLength(2);
    expect(body.threads.map((t: any) => [t.facet, t.role])).toEqual([[0, 'periodic'], [1, 'periodic']]);
    expect(body.thread).toEqual({ incidentId: body.threads[0].incidentId, role: body.threads[0].role });
    // Each is the incident of the 8-K it reports.
    for (const [facet, original] of [[0, filings[0]!], [1, filings[1]!]] as const) {
      const { body: incident } = await get(`/v1/incidents/${body.threads[facet].incidentId}`);
      expect(incident.filings.map((f: any) => f.accessionNumber)).toEqual([original.accessionNumber, filings[2]!.accessionNumber]);
    }
    // A filing in one incident has that one.
    const { body: one } = await get(`/v1/filings/${filings[0]!.accessionNumber}`);
    expect(one.threads).toEqual([{ incidentId: one.thread.incidentId, role: 'original', facet: 0 }]);
  });

  it('streams events oldest first from after=ID', async () => {
    const { body } = await get('/v1/events');
    const types = body.data.map((e: any) => e.type);
    expect(types.filter((t: string) => t === 'incident.created')).toHaveLength(4);
    expect(types.filter((t: string) => t === 'incident.updated')).toHaveLength(3);
    const ids = body.data.map((e: any) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    const update = body.data.find((e: any) => e.type === 'incident.updated');
    expect(update.changes.some((c: any) => c.field === 'status' && c.from === 'open' && c.to === 'updated')).toBe(true);
    const { body: rest } = await get(`/v1/events?after=${ids[2]}`);
    expect(rest.data.map((e: any) => e.id)).toEqual(ids.slice(3));
    expect((await get(`/v1/events?after=${body.nextAfter}`)).body.data).toEqual([]);
  });
});
