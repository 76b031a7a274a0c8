import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FILING_CSV_COLUMNS, INCIDENT_CSV_COLUMNS } from '../../api/routes/exports.ts';
import { toIncidentDto } from '../../api/routes/incidents.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { csvCell, jsonLine } from '../../src/exports/csv.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import type { AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { expectApiError, filing, useApp } from './app.ts';
import { HOSTILE_COMPANY, HOSTILE_TEXT, searchCorpus, storeCorpus } from './search-corpus.ts';

/** RFC 4180 read back: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return rows;
}

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and make formula starts text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).startsWith(`'${start}`) || csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('JSON lines escape markup and line separators and parse back to the same value', () => {
    const value = { company: HOSTILE_COMPANY, text: 'a\u2028b' };
    const line = jsonLine(value);
    expect(line).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(line)).toEqual(value);
  });
});

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await searchCorpus();
});

const NOW = Date.parse('2026-11-21T15:00:00Z');

describeEachDatabase('REST API: exports', (getDb) => {
  // Three rows a query, so every export here crosses several batches.
  const app = useApp(() => getDb().database, { now: () => NOW, exportBatch: 3 });

  beforeEach(async () => {
    const repos = createRepositories(getDb().database.db);
    await storeCorpus(repos, corpus);
    // Company names a spreadsheet would run as formulas.
    for (const [n, name] of ['=HYPERLINK("http://evil.example","x")', '@SUM(A1)', '+1+1', '-2+3', '\tTabbed', '\rReturned'].entries()) {
      const f = filing(n + 1, { companyName: name, cik: `00000001${n}0` });
      await repos.filings.recordDiscovered(f);
      await recordAnalysis(repos, f.accessionNumber, { analysis: { ...corpus[0]!.analysis, accessionNumber: f.accessionNumber, cik: f.cik, company: name }, item105Text: null });
    }
  });

  async function get(url: string) {
    return app().inject({ method: 'GET', url });
  }

  it('exports every incident as CSV: BOM, the documented columns in order, one row each, attachment named by the day', async () => {
    const res = await get('/v1/incidents/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="cyber8k-incidents-2026-11-21.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseCsv(res.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual(INCIDENT_CSV_COLUMNS.map(([name]) => name));
    expect(header!.slice(0, 5)).toEqual(['id', 'cik', 'company', 'status', 'title']);

    const list = (await get('/v1/incidents?limit=100')).json().data as any[];
    expect(rows.map((r) => Number(r[0]))).toEqual(list.map((i) => i.id));
    const col = (name: string) => header!.indexOf(name);
    const wytec = rows.find((r) => r[col('company')] === 'WYTEC INTERNATIONAL INC')!;
    expect(wytec[col('firstDisclosedAt')]).toBe('2025-08-29');
    expect(wytec[col('filingCount')]).toBe('2');
    expect(wytec[col('roles')]).toBe('original;amendment');
    expect(wytec[col('status')]).toBe('updated');
    const microsoft = rows.find((r) => r[col('company')] === 'MICROSOFT CORP')!;
    expect(microsoft[col('flags')]!.split(';')).toContain('nationState');
  });

  it('writes the incidents CSV byte for byte as the list’s incidents give it, with and without q', async () => {
    // The cells from list() rows, as the export wrote them before reading them in SQL (csvRows).
    const flagNames = (flags: Record<string, boolean>) => Object.keys(flags).filter((name) => flags[name]).join(';');
    const cells = (i: ReturnType<typeof toIncidentDto>) => [
      i.id, i.cik, i.company, i.status, i.title, i.itemPath, i.materialImpact, i.firstDisclosedAt, i.lastFiledAt,
      i.dates.began?.date, i.dates.detected?.date, i.dates.determinedMaterial?.date, i.dates.contained?.date, flagNames(i.flags),
      i.timeliness.businessDaysToItem105, i.timeliness.withinFourBusinessDays, i.timeliness.detectionToDisclosureDays,
      i.filings.length, i.filings.map((f) => f.accessionNumber).join(';'), i.filings.map((f) => f.role).join(';'),
    ];
    const row = (values: unknown[]) => `${values.map((v) => csvCell(v as never)).join(',')}\r\n`;
    const { incidents } = createRepositories(getDb().database.db);
    for (const q of [undefined, 'ransomware', 'unauthorized access']) {
      const { rows } = await incidents.list(q ? { q } : {}, { limit: 100 });
      expect(rows.length).toBeGreaterThan(q ? 0 : 3 * 3);
      const expected = `\uFEFF${row(INCIDENT_CSV_COLUMNS.map(([name]) => name))}${rows.map((i) => row(cells(toIncidentDto(i)))).join('')}`;
      expect((await get(`/v1/incidents/export.csv${q ? `?q=${encodeURIComponent(q)}` : ''}`)).body).toBe(expected);
    }
  });

  it('applies the list filters and q to an export', async () => {
    const rows = parseCsv((await get(`/v1/incidents/export.csv?cik=${corpus.find((f) => f.companyName === 'WYTEC INTERNATIONAL INC')!.cik}`)).body.replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => r[2])).toEqual(['WYTEC INTERNATIONAL INC']);
    const filings = parseCsv((await get('/v1/filings/export.csv?q=defaced')).body.replace(/^\uFEFF/, ''));
    expect(new Set(filings.slice(1).map((r) => r[3]))).toEqual(new Set(['8-K', '8-K/A']));
    expect(filings.slice(1)).toHaveLength(2);
    const lines = (await get('/v1/filings/export.jsonl?q=defaced')).body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.search.snippet)).toEqual((await get('/v1/filings?q=defaced')).json().data.map((f: any) => f.search.snippet));
    expectApiError(await get('/v1/incidents/export.csv?since=2025-02-01&until=2025-01-01'), 400);
    expectApiError(await get('/v1/filings/export.csv?limit=5'), 400);
    expectApiError(await get('/v1/incidents/export.xlsx'), 400);
  });

  it('exports every filing as JSON lines equal to the list, across batches, in list order', async () => {
    const res = await get('/v1/filings/export.jsonl');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="cyber8k-filings-2026-11-21.jsonl"');
    const lines = res.body.split('\n');
    expect(lines.pop()).toBe('');
    const list = (await get('/v1/filings?limit=100')).json().data;
    expect(lines.map((l) => JSON.parse(l))).toEqual(list);
    expect(list.length).toBeGreaterThan(3 * 3);
    const csv = parseCsv((await get('/v1/filings/export.csv')).body.replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(FILING_CSV_COLUMNS.map(([name]) => name));
    expect(csv.slice(1).map((r) => r[0])).toEqual(list.map((f: any) => f.accessionNumber));
  });

  it('keeps company names and text inert: formulas made text, markup and quotes as data in CSV, escaped in JSON lines', async () => {
    const csv = parseCsv((await get('/v1/filings/export.csv')).body.replace(/^\uFEFF/, ''));
    const companies = csv.slice(1).map((r) => r[2]!);
    expect(companies).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(companies).toContain("'@SUM(A1)");
    expect(companies).toContain("'+1+1");
    expect(companies).toContain("'-2+3");
    expect(companies).toContain("'\tTabbed");
    expect(companies).toContain("'\rReturned");
    expect(companies).toContain(HOSTILE_COMPANY);
    expect(companies.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);

    const jsonl = (await get('/v1/incidents/export.jsonl?q=ransomware')).body;
    expect(jsonl).not.toMatch(/<script|[<>]/);
    const [hostile] = jsonl.trim().split('\n').map((l) => JSON.parse(l));
    expect(hostile.company).toBe(HOSTILE_COMPANY);
    expect(hostile.search.snippet).toContain('&lt;script&gt;');
    expect(HOSTILE_TEXT).toContain('<script>');
  });
});
