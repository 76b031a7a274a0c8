// What the replay server answers for each path: the getcurrent feed, the Archives folder of each
// released filing (submission, index pages, index.json, documents), daily index files,
// data.sec.gov submissions JSON and efts.sec.gov full-text search — and the 403/404 bodies EDGAR
// uses for what does not exist. HTTP policy (User-Agent, rate limit, faults, gzip, 304) is the
// server's job (server.ts); this module only decides the answer.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { filingFolderUrl, filingUrls } from '../edgar/urls.ts';
import type { LoadedCorpus, ReplayFiling } from './corpus.ts';
import { parseDailyIndexPath, writeDailyIndex, type DailyIndexRow } from './daily-index.ts';
import { easternIsoDate, isBusinessDay } from '../calendar/index.ts';
import { createEftsIndex, parseEftsQuery } from './efts.ts';
import { encodeLatin1Xml, escapeXml, FEED_MAX_START, matchesType, parseFeedQuery, writeFeed, type FeedEntryData } from './feed.ts';
import { writeIndexJson, writeIndexPage, type DocumentEntry } from './filing-index.ts';
import { writeIndexHeadersPage } from './index-headers.ts';
import { itemTitle } from './items.ts';
import { ACCESS_DENIED_XML, FILE_UNAVAILABLE_PAGE, noSuchKeyXml, NOT_FOUND_PAGE } from './pages.ts';
import type { PathKind } from './stats.ts';
import { extractDocument } from './submission.ts';
import { writeSubmissionsJson } from './submissions-json.ts';
import { writeCompanyTickers, type CompanyData } from './companies.ts';
import type { Timeline } from './timeline.ts';

export interface ReplayResponse {
  status: number;
  kind: PathKind;
  body: Buffer;
  contentType: string;
  headers?: Record<string, string>;
  /** Archives files are immutable: ETag, Last-Modified and 304 apply, and the gzip is kept. */
  cache?: { etag: string; lastModified: number; gzipped: () => Buffer };
}

const CONTENT_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.html?$/i, 'text/html'],
  [/\.txt$/i, 'text/plain'],
  [/\.(xml|xsd)$/i, 'application/xml'],
  [/\.json$/i, 'application/json'],
  [/\.js$/i, 'application/javascript'],
  [/\.css$/i, 'text/css'],
  [/\.jpe?g$/i, 'image/jpeg'],
  [/\.gif$/i, 'image/gif'],
  [/\.png$/i, 'image/png'],
  [/\.pdf$/i, 'application/pdf'],
  [/\.zip$/i, 'application/zip'],
  [/\.xlsx$/i, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

function contentTypeFor(name: string): string {
  return CONTENT_TYPES.find(([re]) => re.test(name))?.[1] ?? 'application/octet-stream';
}


const ARCHIVES_FOLDER = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{18})\/([^/]+)$/;
const ARCHIVES_SHORT = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{10}-\d{2}-\d{6})(\.txt|-index\.html?)$/;

export function classify(path: string): PathKind {
  if (path === '/cgi-bin/browse-edgar') return 'feed';
  if (/^\/submissions\//.test(path)) return 'submissions-json';
  if (path === '/files/company_tickers.json') return 'company-tickers';
  if (path.startsWith('/Archives/edgar/daily-index/')) return 'daily-index';
  if (path === '/LATEST/search-index') return 'full-text-search';
  const m = ARCHIVES_FOLDER.exec(path) ?? ARCHIVES_SHORT.exec(path);
  if (!m) return 'other';
  const name = m[3] ?? '';
  if (name === 'index.json') return 'index-json';
  if (/-index-headers\.html$/.test(name)) return 'index-headers';
  if (/-index\.html?$/.test(name)) return 'index-page';
  if (/^\d{10}-\d{2}-\d{6}\.txt$/.test(name) || name === '.txt') return 'submission';
  if (/\.hdr\.sgml$/.test(name)) return 'header-sgml';
  return 'document';
}

export interface Resources {
  answer(path: string, query: URLSearchParams, kind: PathKind): ReplayResponse;
}

export interface ResourcesOptions {
  corpus: LoadedCorpus;
  timeline: Timeline;
  now: () => number;
  baseUrl: () => string | undefined;
  /** Accessions the getcurrent feed leaves out (they stay everywhere else). */
  hiddenFromFeed?: ReadonlySet<string>;
  /**
   * Overrides when a day's index exists (YYYYMMDD): 'complete' serves it whatever the date,
   * 'incomplete' answers 403 as for a day not built yet; undefined keeps the business-day rule.
   */
  dailyIndexState?: (yyyymmdd: string) => 'complete' | 'incomplete' | undefined;
  /** Tickers and the rest of the companies' EDGAR profiles (companies.ts); none without. */
  companies?: CompanyData;
}

export function createResources(opts: ResourcesOptions): Resources {
  const { corpus, timeline, now } = opts;
  // Archives files never change once written, so each is built once and keeps its ETag and gzip.
  const archiveFiles = new Map<string, { body: Buffer; type: string; etag: string; gz?: Buffer } | null>();
  const efts = createEftsIndex();

  const released = (f: ReplayFiling): boolean => timeline.isReleased(f.accession, now());

  /** Released filings, newest release first (then newest acceptance): what the feed shows. */
  function feedOrder(): ReplayFiling[] {
    const hidden = opts.hiddenFromFeed;
    return corpus.filings
      .filter((f) => released(f) && !hidden?.has(f.accession))
      .sort((a, b) => timeline.newerReleaseFirst(a.accession, b.accession) || b.acceptedAt - a.acceptedAt || b.accession.localeCompare(a.accession));
  }

  function feedEntries(filing: ReplayFiling): FeedEntryData[] {
    const items = filing.items.map((code) => ({ code, title: itemTitle(code) ?? '' }));
    return filing.parties.map((p) => ({
      form: filing.form,
      name: p.name,
      cik: p.cik,
      role: p.role,
      accession: filing.accession,
      filedDate: filing.filedDate,
      sizeBytes: filing.size,
      items,
      acceptedAt: filing.acceptedAt,
    }));
  }

  function serveFeed(query: URLSearchParams): ReplayResponse {
    if ((query.get('action') ?? '').toLowerCase() !== 'getcurrent') {
      return { status: 404, kind: 'feed', body: NOT_FOUND_PAGE, contentType: 'text/html' };
    }
    const q = parseFeedQuery(query);
    if (q.start > FEED_MAX_START) {
      return { status: 503, kind: 'feed', body: FILE_UNAVAILABLE_PAGE, contentType: 'text/html' };
    }
    const all = feedOrder().filter((f) => matchesType(f.form, q.type)).flatMap(feedEntries);
    const page = all.slice(q.start, q.start + q.count);
    if (q.atom) {
      return {
        status: 200,
        kind: 'feed',
        // Links point at the replay server once it listens, else at www.sec.gov (writeFeed's default).
        body: encodeLatin1Xml(writeFeed(now(), page, opts.baseUrl())),
        contentType: 'application/atom+xml',
        headers: { 'cache-control': 'no-cache' },
      };
    }
    // Without output=atom EDGAR answers an HTML page; a plain listing of the same entries will do.
    const rows = page.map((e) => `<tr><td>${escapeXml(e.form)}</td><td><a href="${filingUrls('', e.cik, e.accession).index}">${escapeXml(e.name)} (${e.cik}) (${e.role})</a></td><td>${e.accession}</td><td>${e.filedDate}</td></tr>`);
    const html = `<!DOCTYPE html>\n<html><head><title>EDGAR Latest Filings</title></head><body>\n<!-- Written by the cyber8k replay server. -->\n<table>\n${rows.join('\n')}\n</table>\n</body></html>\n`;
    return { status: 200, kind: 'feed', body: encodeLatin1Xml(html), contentType: 'text/html', headers: { 'cache-control': 'no-cache' } };
  }

  function documentEntries(filing: ReplayFiling): DocumentEntry[] {
    // A synthetic filing assembles its bytes on every read: read them once for all documents.
    const bytes = filing.bytes;
    return filing.documents.map((doc) => ({ doc, size: extractDocument(bytes, doc).length }));
  }

  function archiveFile(filing: ReplayFiling, name: string, folderPath: string): { body: Buffer; type: string; etag: string; gz?: Buffer } | undefined {
    const key = `${folderPath}/${name}`;
    let entry = archiveFiles.get(key);
    if (entry === undefined) {
      const file = folderFile(filing, name, folderPath);
      entry = file ? { ...file, etag: `"${createHash('md5').update(file.body).digest('hex')}"` } : null;
      archiveFiles.set(key, entry);
    }
    return entry ?? undefined;
  }

  /** Body of one file in a released filing's folder, or undefined when there is no such file. */
  function folderFile(filing: ReplayFiling, name: string, folderPath: string): { body: Buffer; type: string } | undefined {
    const acc = filing.accession;
    if (name === `${acc}.txt`) return { body: filing.bytes, type: 'text/plain' };
    if (name === `${acc}-index-headers.html`) {
      return { body: Buffer.from(writeIndexHeadersPage(filing.header, filing.documents, filing.secDocumentDate), 'latin1'), type: 'text/html' };
    }
    if (name === `${acc}-index.htm` || name === `${acc}-index.html`) {
      return { body: Buffer.from(writeIndexPage(filing, documentEntries(filing), folderPath), 'utf8'), type: 'text/html' };
    }
    if (name === `${acc}.hdr.sgml`) {
      const text = filing.bytes.toString('latin1');
      const start = text.indexOf('<SEC-HEADER>');
      const end = text.indexOf('</SEC-HEADER>') + '</SEC-HEADER>'.length;
      return { body: Buffer.from(`${text.slice(start, end)}\n`, 'latin1'), type: 'text/plain' };
    }
    if (name === 'index.json') {
      const files = [
        ...documentEntries(filing).map((d) => ({ name: d.doc.filename, size: d.size })),
        { name: `${acc}.txt`, size: filing.size },
        { name: `${acc}-index-headers.html`, size: archiveFile(filing, `${acc}-index-headers.html`, folderPath)?.body.length ?? 0 },
        { name: `${acc}-index.html`, size: archiveFile(filing, `${acc}-index.html`, folderPath)?.body.length ?? 0 },
      ];
      return { body: Buffer.from(writeIndexJson(filing, files, folderPath), 'utf8'), type: 'application/json' };
    }
    const doc = filing.documents.find((d) => d.filename === name);
    if (!doc) return undefined;
    return { body: extractDocument(filing.bytes, doc), type: contentTypeFor(name) };
  }

  function serveArchives(path: string, kind: PathKind): ReplayResponse {
    const denied: ReplayResponse = { status: 403, kind, body: ACCESS_DENIED_XML, contentType: 'application/xml' };
    let cik: string | undefined;
    let filing: ReplayFiling | undefined;
    let name: string | undefined;
    const folder = ARCHIVES_FOLDER.exec(path);
    const short = ARCHIVES_SHORT.exec(path);
    if (folder) {
      cik = folder[1];
      const f = folder[2] ?? '';
      filing = corpus.byAccession.get(`${f.slice(0, 10)}-${f.slice(10, 12)}-${f.slice(12)}`);
      name = folder[3];
    } else if (short) {
      cik = short[1];
      filing = corpus.byAccession.get(short[2] ?? '');
      name = `${short[2]}${short[3] === '.txt' ? '.txt' : '-index.html'}`;
    }
    // An Archives path exists under the CIK of any party to the filing, with or without zeros.
    if (!filing || !name || !released(filing) || !filing.parties.some((p) => Number(p.cik) === Number(cik))) return denied;
    const folderPath = filingFolderUrl('', cik ?? '', filing.accession);
    const file = archiveFile(filing, name, folderPath);
    if (!file) return denied;
    return { status: 200, kind, body: file.body, contentType: file.type, cache: { etag: file.etag, lastModified: filing.acceptedAt, gzipped: () => (file.gz ??= gzipSync(file.body)) } };
  }

  function serveSubmissionsJson(path: string): ReplayResponse {
    const key = path.replace(/^\//, '');
    const m = /^\/submissions\/CIK(\d{10})\.json$/.exec(path);
    const mine = m ? corpus.filings.filter((f) => released(f) && f.parties.some((p) => p.cik === m[1])) : [];
    if (!m || mine.length === 0) return { status: 404, kind: 'submissions-json', body: noSuchKeyXml(key), contentType: 'application/xml' };
    // A real one saved in the corpus is served as it is; else one is built from the filings.
    const real = opts.companies?.realSubmissions.get(m[1] ?? '');
    if (real) return { status: 200, kind: 'submissions-json', body: readFileSync(real), contentType: 'application/json' };
    const built = writeSubmissionsJson(m[1] ?? '', mine, opts.companies?.built.get(m[1] ?? ''));
    return { status: 200, kind: 'submissions-json', body: Buffer.from(built, 'utf8'), contentType: 'application/json' };
  }

  let companyTickers: Buffer | undefined;
  function serveCompanyTickers(): ReplayResponse {
    companyTickers ??= Buffer.from(opts.companies ? writeCompanyTickers(opts.companies) : '{}', 'utf8');
    return { status: 200, kind: 'company-tickers', body: companyTickers, contentType: 'application/json' };
  }

  /**
   * A daily index exists for every EDGAR business day up to today (by the server's clock, Eastern), unless
   * `dailyIndexState` decides for that day (synthetic days: once all their filings are out).
   */
  function serveDailyIndex(path: string): ReplayResponse {
    const parsed = parseDailyIndexPath(path);
    const todayKey = easternIsoDate(now()).replace(/-/g, '');
    const businessDay = parsed ? isBusinessDay(`${parsed.date.slice(0, 4)}-${parsed.date.slice(4, 6)}-${parsed.date.slice(6, 8)}`) : false;
    const state = parsed ? opts.dailyIndexState?.(parsed.date) : undefined;
    if (!parsed || state === 'incomplete' || (state === undefined && (!businessDay || parsed.date > todayKey))) {
      return { status: 403, kind: 'daily-index', body: ACCESS_DENIED_XML, contentType: 'application/xml' };
    }
    const filings = corpus.filings.filter((f) => released(f) && f.filedDate.replace(/-/g, '') === parsed.date);
    const rows: DailyIndexRow[] = filings.flatMap((f) =>
      f.parties.map((p) => {
        const cik = String(Number(p.cik));
        return { form: f.form, company: p.name, cik, dateFiled: parsed.date, file: `edgar/data/${cik}/${f.accession}.txt` };
      }),
    );
    const body = Buffer.from(writeDailyIndex(parsed.kind, parsed.date, rows), 'latin1');
    // Archives index files carry validators and answer conditional requests with 304 (EDGAR.md §2).
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const lastModified = Math.max(0, ...filings.map((f) => f.acceptedAt));
    return { status: 200, kind: 'daily-index', body, contentType: 'text/plain', cache: { etag, lastModified, gzipped: () => gzipSync(body) } };
  }

  function answer(path: string, query: URLSearchParams, kind: PathKind): ReplayResponse {
    if (kind === 'feed') return serveFeed(query);
    if (kind === 'daily-index') return serveDailyIndex(path);
    if (kind === 'full-text-search') {
      const body = efts.search(parseEftsQuery(query), corpus.filings.filter(released));
      return { status: 200, kind, body: Buffer.from(body, 'utf8'), contentType: 'application/json' };
    }
    if (path.startsWith('/Archives/')) return serveArchives(path, kind);
    if (kind === 'submissions-json') return serveSubmissionsJson(path);
    if (kind === 'company-tickers') return serveCompanyTickers();
    if (path.startsWith('/api/')) return { status: 404, kind, body: noSuchKeyXml(path.slice(1)), contentType: 'application/xml' };
    return { status: 404, kind, body: NOT_FOUND_PAGE, contentType: 'text/html' };
  }

  return { answer };
}
