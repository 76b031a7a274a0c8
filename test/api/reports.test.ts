import { beforeAll, expect, it, describe } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { expectApiError, useApp, usePglite } from './app.ts';

const MICROSOFT = '0001193125-24-011295';
let corpus: AnalyzedReplayFiling[];

describe('REST API: weekly reports', () => {
  const db = usePglite();
  // Tuesday 2024-03-05: 2024-W09 is the newest complete week.
  const app = useApp(() => db().database, { clock: () => new Date('2024-03-05T15:00:00Z') });

  beforeAll(async () => {
    corpus = await analyzeReplay([...THREADS.prudential, MICROSOFT]);
    const repos = createRepositories(db().database.db);
    for (const f of corpus) {
      await repos.filings.recordDiscovered({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
        indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
      });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
  });

  const get = (url: string) => app().inject({ method: 'GET', url });

  it('serves a week as JSON whose counts are what /v1/incidents lists for its dates', async () => {
    const microsoft = corpus.find((f) => f.accessionNumber === MICROSOFT)!;
    const { isoWeekOf, weekRange } = await import('../../src/reports/week.ts');
    const week = isoWeekOf(microsoft.filedAt);
    const res = await get(`/v1/reports/weekly/${week}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const report = res.json();
    const { start, end } = weekRange(week);
    const incidents = (await get(`/v1/incidents?since=${start}&until=${end}`)).json().data as Array<{ id: number }>;
    expect(report.headline.incidents.new.value).toBe(incidents.length);
    expect(report.headline.incidents.new.value).toBeGreaterThan(0);
    expect(report.incidents.filter((i: { kind: string }) => i.kind === 'new').map((i: { id: number }) => i.id).sort()).toEqual(incidents.map((i) => i.id).sort());
    expect(report.headline.filingsByItem['1.05']).toBeGreaterThan(0);
  });

  it('serves the same week as HTML, Markdown and CSV with their content types, byte for byte on each request', async () => {
    const week = '2024-W03';
    const html = await get(`/v1/reports/weekly/${week}.html`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none';/);
    expect(html.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(html.body).toContain('MICROSOFT');
    expect(html.body).toContain('Item 1.05');
    expect((await get(`/v1/reports/weekly/${week}.html`)).body).toBe(html.body);
    const md = await get(`/v1/reports/weekly/${week}.md`);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# Cyber-incident disclosures, week 2024-W03/);
    const csv = await get(`/v1/reports/weekly/${week}.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="cyber8k-weekly-2024-W03.csv"');
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });

  it('lists the weeks from the first filing on record to the last complete one, newest first', async () => {
    const res = await get('/v1/reports/weekly');
    expect(res.statusCode).toBe(200);
    const { data } = res.json() as { data: Array<{ week: string; links: Record<string, string>; builtAt: string | null }> };
    expect(data[0]).toMatchObject({ week: '2024-W09', start: '2024-02-26', end: '2024-03-03', builtAt: null, links: { html: '/v1/reports/weekly/2024-W09.html' } });
    expect(data.at(-1)!.week).toBe('2024-W03');
    expect(data).toHaveLength(7);
  });

  it('refuses weeks that do not exist or have not ended, and unknown formats, in the one error shape', async () => {
    expect(expectApiError(await get('/v1/reports/weekly/2025-W53.json'), 400).code).toBe('reports.bad_week');
    expect(expectApiError(await get('/v1/reports/weekly/2024-W10.json'), 400).code).toBe('reports.week_not_ended');
    expect(expectApiError(await get('/v1/reports/weekly/2024-W08.pdf'), 400).code).toBe('request.invalid_parameter');
    expect(expectApiError(await get('/v1/reports/weekly/2024-8.json'), 400).code).toBe('request.invalid_parameter');
    expect(expectApiError(await get('/v1/reports/weekly/2024-W08.json?x=1'), 400).code).toBe('request.invalid_parameter');
    expect(expectApiError(await get('/v1/reports/weekly/..%2F2024-W08.json'), 400).code).toBe('request.invalid_parameter');
  });
});
