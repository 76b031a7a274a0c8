import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { xmlEscape } from '../../src/feed/atom.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import type { AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { expectApiError, useApp, usePglite } from './app.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { HOSTILE_COMPANY, MICROSOFT, searchCorpus, storeCorpus } from './search-corpus.ts';

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await searchCorpus();
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name), parseTagValue: false });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface Link { '@rel': string; '@href': string; '@type'?: string }
interface Entry { id: string; title: { '#text': string; '@type': string }; updated: string; link: Link[]; summary: { '#text': string }; category: Array<{ '@term': string }> }

/** Parses the feed and checks what RFC 4287 requires of it and of each entry. */
function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml) as { feed: Record<string, any> };
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^urn:cyber8k:feed:incidents:[0-9a-f]{32}$/);
  expect(feed.title['#text']).toBeTruthy();
  expect(feed.updated).toMatch(ISO);
  expect(feed.author.name).toBe('cyber8k');
  const self = (feed.link as Link[]).find((l) => l['@rel'] === 'self');
  expect(self?.['@href']).toMatch(/^http:\/\/localhost(:\d+)?\/v1\/feed\.atom/);
  const entries = (feed.entry ?? []) as Entry[];
  for (const e of entries) {
    expect(e.id).toMatch(/^urn:cyber8k:event:\d+$/);
    expect(e.title['@type']).toBe('text');
    expect(e.title['#text'].length).toBeGreaterThan(0);
    expect(e.updated).toMatch(ISO);
    expect(e.summary['#text'].length).toBeGreaterThan(0);
    expect(e.link.find((l) => l['@rel'] === 'alternate')?.['@href']).toMatch(/^http:\/\/localhost(:\d+)?\/v1\/incidents\/\d+$/);
    expect(e.category[0]?.['@term']).toMatch(/^incident\.(created|updated|escalated|retracted)$/);
  }
  return { feed, entries };
}

describeEachDatabase('REST API: Atom feed', (getDb) => {
  const app = useApp(() => getDb().database);

  beforeEach(async () => {
    await storeCorpus(createRepositories(getDb().database.db), corpus);
  });

  const get = (url: string, headers: Record<string, string> = {}) => app().inject({ method: 'GET', url, headers });

  it('is an Atom feed with one entry per incident event, newest first, each linking to its incident', async () => {
    const res = await get('/v1/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const { feed, entries } = parseAtom(res.body);
    const events = (await get('/v1/events?limit=500')).json().data as Array<{ id: number; type: string; incidentId: number; createdAt: string }>;
    expect(entries.map((e) => e.id)).toEqual([...events].reverse().map((e) => `urn:cyber8k:event:${e.id}`));
    expect(entries.map((e) => e.category[0]!['@term'])).toEqual([...events].reverse().map((e) => e.type));
    // New incidents and updates (an 8-K/A, a 10-K passage) are entries of their own.
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['incident.created', 'incident.updated']));
    expect(feed.updated).toBe(entries[0]!.updated);
    const wytecUpdate = entries.find((e) => e.title['#text'].startsWith('Incident updated: WYTEC'))!;
    expect(wytecUpdate.summary['#text']).toContain('status: open → updated.');
    const incidentId = Number(wytecUpdate.link[0]!['@href'].split('/').pop());
    expect((await get(`/v1/incidents/${incidentId}`)).json().company).toBe('WYTEC INTERNATIONAL INC');
  });

  it('takes the incident filters and a watchlist of CIKs, and says which in its subtitle', async () => {
    const cikOf = (name: string) => corpus.find((f) => f.companyName === name)!.cik;
    const watch = [cikOf('MICROSOFT CORP'), cikOf('WYTEC INTERNATIONAL INC')];
    const { feed, entries } = parseAtom((await get(`/v1/feed.atom?cik=${Number(watch[0])}&cik=${watch[1]}`)).body);
    expect(new Set(entries.map((e) => e.title['#text'].replace(/^[^:]+: /, '').split(':')[0]))).toEqual(new Set(['MICROSOFT CORP', 'WYTEC INTERNATIONAL INC']));
    expect(feed.subtitle['#text']).toContain(watch[0]);
    const nationState = parseAtom((await get('/v1/feed.atom?flag=nationState')).body).entries.map((e) => e.title['#text']);
    expect(nationState.some((t) => t.includes('MICROSOFT CORP'))).toBe(true);
    expect(nationState.some((t) => t.includes('WYTEC'))).toBe(false);
    expect(parseAtom((await get('/v1/feed.atom?event=updated')).body).entries.every((e) => e.category[0]!['@term'] === 'incident.updated')).toBe(true);
    expect(parseAtom((await get('/v1/feed.atom?limit=2')).body).entries).toHaveLength(2);
    expect(parseAtom((await get('/v1/feed.atom?cik=42')).body).entries).toHaveLength(0);
    expectApiError(await get('/v1/feed.atom?event=deleted'), 400);
    expectApiError(await get('/v1/feed.atom?cik=abc'), 400);
    expectApiError(await get('/v1/feed.atom?limit=201'), 400);
  });

  it('answers 304 to If-None-Match with its ETag until an event changes it', async () => {
    const first = await get('/v1/feed.atom');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await get('/v1/feed.atom', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get('/v1/feed.atom', { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    // Another filter is another feed.
    expect((await get('/v1/feed.atom?limit=1', { 'if-none-match': etag })).statusCode).toBe(200);

    // A new analysis of Microsoft's filing (another analyzer version) that changes what it states.
    const repos = createRepositories(getDb().database.db);
    const microsoft = corpus.find((f) => f.accessionNumber === MICROSOFT)!;
    await recordAnalysis(repos, MICROSOFT, { analysis: { ...microsoft.analysis, analyzerVersion: '99.0.0', flags: { ...microsoft.analysis.flags, ransomware: true } }, item105Text: null });
    const changed = await get('/v1/feed.atom', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(parseAtom(changed.body).entries[0]!.summary['#text']).toContain('flags: +ransomware.');
  });

  it('writes company names and titles with markup, quotes and ampersands as text, never markup', async () => {
    const res = await get('/v1/feed.atom');
    expect(res.body).not.toMatch(/<script|<img/i);
    const { entries } = parseAtom(res.body);
    const hostile = entries.find((e) => e.title['#text'].includes('Evil'))!;
    // Escaped once in the XML; read back, the title is the company's name as filed, as text.
    expect(res.body).toContain(xmlEscape(HOSTILE_COMPANY));
    expect(hostile.title['#text']).toContain(HOSTILE_COMPANY);
    expect(xmlEscape('a\u0000b\u000c<"&\'>')).toBe('a\ufffdb\ufffd&lt;&quot;&amp;&apos;&gt;');
  });
});

describe('Atom feed tokens (API_READ_AUTH=key)', () => {
  const db = usePglite();
  const app = useApp(() => db().database, { apiReadAuth: 'key' });
  const get = (url: string, headers: Record<string, string> = {}) => app().inject({ method: 'GET', url, headers });

  it('serves the feed to a feed token in the URL, which reads nothing else, leaves the token out of the feed, and stops when revoked', async () => {
    await db().reset();
    const repos = createRepositories(db().database.db);
    await storeCorpus(repos, corpus);
    const feedKey = generateApiKey();
    const feedRow = await repos.apiKeys.create(feedKey, { name: 'reader', scope: 'feed' });
    const readKey = generateApiKey();
    await repos.apiKeys.create(readKey, { name: 'script', scope: 'read' });

    expectApiError(await get('/v1/feed.atom'), 401);
    const ok = await get(`/v1/feed.atom?token=${feedKey.key}&cik=789019`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('private, no-cache');
    expect(ok.body).not.toContain(feedKey.key);
    const { feed, entries } = parseAtom(ok.body);
    expect(entries.length).toBeGreaterThan(0);
    expect((feed.link as Link[]).find((l) => l['@rel'] === 'self')!['@href']).toMatch(/\/v1\/feed\.atom\?cik=789019&limit=50$/);
    // The same key in the header works too; a feed token reads nothing else.
    expect((await get('/v1/feed.atom', { authorization: `Bearer ${feedKey.key}` })).statusCode).toBe(200);
    expect(expectApiError(await get('/v1/incidents', { authorization: `Bearer ${feedKey.key}` }), 403).code).toBe('auth.insufficient_scope');
    // ?token= is the feed's alone (elsewhere it is no key), and takes feed tokens only: a read key in a URL is refused.
    expect(expectApiError(await get(`/v1/incidents?token=${feedKey.key}`), 401).code).toBe('auth.key_required');
    expect(expectApiError(await get(`/v1/feed.atom?token=${readKey.key}`), 401).message).toMatch(/only a feed token/);
    expect((await get('/v1/feed.atom', { authorization: `Bearer ${readKey.key}` })).statusCode).toBe(200);
    expectApiError(await get('/v1/feed.atom?token=c8k_nonsense'), 401);

    await repos.apiKeys.revoke(feedRow.id);
    expect(expectApiError(await get(`/v1/feed.atom?token=${feedKey.key}`), 401).code).toBe('auth.invalid_key');
  });
});
