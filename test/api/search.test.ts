import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { parseSearch, searchDocument, SEARCH_TEXT_MAX } from '../../db/search.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import type { AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { expectApiError, useApp } from './app.ts';
import { HOSTILE_COMPANY, searchCorpus, storeCorpus } from './search-corpus.ts';

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await searchCorpus();
});

/** Markup in a snippet other than the <mark> markers. */
const markupBesidesMarks = (snippet: string) => snippet.replace(/<\/?mark>/g, '').match(/[<>"]/g) ?? [];

describe('search query parsing', () => {
  it('takes the last plain word as a prefix, but not inside an open quote, after a minus, or "or" itself', () => {
    expect(parseSearch('material ransom')).toEqual({ rest: 'material', prefix: 'ransom', or: false });
    expect(parseSearch('ransom')).toEqual({ rest: '', prefix: 'ransom', or: false });
    expect(parseSearch('data or ransom ')).toEqual({ rest: 'data', prefix: 'ransom', or: true });
    expect(parseSearch('"threat actor')).toMatchObject({ prefix: null });
    expect(parseSearch('"threat actor" gained')).toMatchObject({ rest: '"threat actor"', prefix: 'gained' });
    expect(parseSearch('cyber -ransom')).toMatchObject({ prefix: null });
    expect(parseSearch('follow-up')).toMatchObject({ prefix: null });
    expect(parseSearch('ransom or')).toMatchObject({ prefix: null });
    expect(parseSearch('AT&T:*')).toMatchObject({ prefix: null });
  });

  it('keeps each sentence once, drops control characters and stops at the size a tsvector can hold', () => {
    expect(searchDocument(['a\u0000b', 'a\u0000b', null, ' ', 'c'])).toBe('a b\nc');
    expect(searchDocument([null, ''])).toBeNull();
    expect(searchDocument(['x'.repeat(SEARCH_TEXT_MAX + 10)])!.length).toBe(SEARCH_TEXT_MAX);
  });
});

describeEachDatabase('REST API: full-text search', (getDb) => {
  const app = useApp(() => getDb().database);

  beforeEach(async () => {
    await storeCorpus(createRepositories(getDb().database.db), corpus);
  });

  async function get(url: string) {
    const res = await app().inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, any>, res };
  }

  it('finds filings by a word of their text, best match first, with the word marked in a snippet', async () => {
    const { status, body } = await get('/v1/filings?q=defaced');
    expect(status).toBe(200);
    expect(body.data.map((f: any) => f.company)).toEqual(['WYTEC INTERNATIONAL INC', 'WYTEC INTERNATIONAL INC']);
    for (const f of body.data) {
      expect(f.search.snippet).toContain('<mark>defaced</mark>');
      expect(f.search.rank).toBeGreaterThan(0);
    }
    expect(body.data[0].search.rank).toBeGreaterThanOrEqual(body.data[1].search.rank);
  });

  it('matches the last word as a prefix: "defac" and "ransom" find "defaced" and "ransomware"', async () => {
    expect((await get('/v1/filings?q=defac')).body.data).toHaveLength(2);
    expect((await get('/v1/filings?q=defa')).body.data).toHaveLength(2);
    const ransom = (await get('/v1/filings?q=ransom')).body.data;
    expect(ransom.map((f: any) => f.cik)).toEqual(['0000000666']);
    expect(ransom[0].search.snippet).toContain('<mark>ransomware</mark>');
    // Not a prefix elsewhere: an earlier word must match whole.
    expect((await get('/v1/filings?q=defa website')).body.data).toHaveLength(0);
  });

  it('reads web-search syntax: phrases, "or", and minus excludes', async () => {
    const actor = (await get('/v1/filings?q="threat actor"')).body.data.map((f: any) => f.company);
    expect(actor).toContain('MICROSOFT CORP');
    expect(actor).toContain('PRUDENTIAL FINANCIAL INC');
    const notMicrosoft = (await get('/v1/filings?q="threat actor" -microsoft')).body.data.map((f: any) => f.company);
    expect(notMicrosoft).toContain('PRUDENTIAL FINANCIAL INC');
    expect(notMicrosoft).not.toContain('MICROSOFT CORP');
    const either = (await get('/v1/filings?q=defaced or nation-state')).body.data.map((f: any) => f.company);
    expect(new Set(either)).toEqual(new Set(['WYTEC INTERNATIONAL INC', 'MICROSOFT CORP']));
  });

  it('combines with the other filters, and a blank q is no search', async () => {
    expect((await get('/v1/filings?q=defaced&form=8-K%2FA')).body.data.map((f: any) => f.form)).toEqual(['8-K/A']);
    const blank = (await get('/v1/filings?q=%20%20')).body.data;
    expect(blank).toHaveLength(corpus.length + 1);
    expect(blank[0].search).toBeUndefined();
  });

  it('pages a search by rank with cursors bound to its q, each result once', async () => {
    const all = (await get('/v1/filings?q=threat&limit=100')).body.data.map((f: any) => f.accessionNumber);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    const ranks: number[] = [];
    let url = '/v1/filings?q=threat&limit=1';
    let cursor = '';
    for (let guard = 0; guard < 20; guard++) {
      const { body } = await get(url);
      seen.push(...body.data.map((f: any) => f.accessionNumber));
      ranks.push(...body.data.map((f: any) => f.search.rank));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
      url = `/v1/filings?q=threat&limit=1&cursor=${cursor}`;
    }
    expect(seen).toEqual(all);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(expectApiError((await get(`/v1/filings?q=actor&limit=1&cursor=${cursor}`)).res, 400).parameter).toBe('cursor');
    expectApiError((await get(`/v1/filings?limit=1&cursor=${cursor}`)).res, 400);
    const listCursor = (await get('/v1/filings?limit=1')).body.nextCursor;
    expectApiError((await get(`/v1/filings?q=threat&cursor=${listCursor}`)).res, 400);
    expectApiError((await get(`/v1/filings?q=${'x'.repeat(201)}`)).res, 400);
  });

  it('searches incidents by their filings’ sentences and company, and pages them by rank', async () => {
    const { body } = await get('/v1/incidents?q=defac');
    expect(body.data.map((i: any) => i.company)).toEqual(['WYTEC INTERNATIONAL INC']);
    expect(body.data[0].search.snippet).toContain('<mark>defaced</mark>');
    expect(body.data[0].filings).toHaveLength(2);
    expect((await get('/v1/incidents?q=prudential')).body.data.map((i: any) => i.company)).toEqual(['PRUDENTIAL FINANCIAL INC']);
    expect((await get('/v1/incidents?q=unauthorized&materialImpact=material')).body.data.every((i: any) => i.materialImpact === 'material')).toBe(true);

    const all = (await get('/v1/incidents?q=threat actor')).body.data.map((i: any) => i.id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: number[] = [];
    let url = '/v1/incidents?q=threat%20actor&limit=1';
    for (let guard = 0; guard < 10; guard++) {
      const page = (await get(url)).body;
      seen.push(...page.data.map((i: any) => i.id));
      if (!page.nextCursor) break;
      url = `/v1/incidents?q=threat%20actor&limit=1&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all);
  });

  it('quotes filing text and company names in snippets inert: escaped, with <mark> the only markup', async () => {
    for (const url of ['/v1/filings?q=ransomware', '/v1/filings?q=alert encrypted', '/v1/incidents?q=ransomware', '/v1/filings?q=evil']) {
      const { body } = await get(url);
      expect(body.data.length, url).toBeGreaterThan(0);
      for (const row of body.data) {
        expect(markupBesidesMarks(row.search.snippet), url).toEqual([]);
        expect(row.search.snippet).not.toMatch(/<script|<img/i);
      }
    }
    const [hit] = (await get('/v1/filings?q=encrypted')).body.data;
    expect(hit.search.snippet).toContain('&lt;script&gt;');
    expect(hit.search.snippet).toContain('&quot;files&quot; &amp;');
    // The company name is data in JSON, as filed.
    expect(hit.company).toBe(HOSTILE_COMPANY);
  });

  it('the migration gives rows stored before it their search text (the backfill)', async () => {
    const { database } = getDb();
    await database.query(sql`update filings set search_text = null`);
    await database.query(sql`update incidents set search_text = null`);
    expect((await get('/v1/incidents?q=defaced')).body.data).toHaveLength(0);
    const statements = readFileSync(join(MIGRATIONS_FOLDER, '0009_search.sql'), 'utf8').split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n)*\s*UPDATE/i.test(s));
    expect(statements).toHaveLength(2);
    for (const statement of statements) await database.query(sql.raw(statement));
    expect((await get('/v1/incidents?q=defaced')).body.data.map((i: any) => i.company)).toEqual(['WYTEC INTERNATIONAL INC']);
    expect((await get('/v1/filings?q=defaced')).body.data).toHaveLength(2);
    expect((await get('/v1/filings?q=encrypted')).body.data[0].search.snippet).toContain('&lt;script&gt;');
  });
});
