// The EDGAR replay server: serves a corpus of real filings over sec.gov's own URL shapes and
// formats on loopback, so the monitor runs end to end with no internet. www.sec.gov, data.sec.gov
// and efts.sec.gov all map to this one server (their paths do not collide).
//
// Like sec.gov it refuses clients without a declared User-Agent, answers more than 10 requests in a
// second with the real rate-limit page and 403, answers missing Archives paths with 403 and the S3
// AccessDenied body, gzips for clients that accept it, and supports conditional GETs on Archives.
// A timeline releases filings over time; unreleased filings are invisible everywhere.
//
// node:http only, so the server stays independent of the API's framework.

import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { loadCorpus, type FilingParty, type ReplayFiling } from './corpus.ts';
import {
  encodeLatin1Xml,
  escapeXml,
  FEED_MAX_START,
  matchesType,
  parseFeedQuery,
  writeFeed,
  type FeedEntryData,
} from './feed.ts';
import { parseDailyIndexPath, writeDailyIndex, type DailyIndexRow } from './daily-index.ts';
import { toEastern } from './eastern-time.ts';
import { createEftsIndex, parseEftsQuery } from './efts.ts';
import { writeIndexJson, writeIndexPage, type DocumentEntry } from './filing-index.ts';
import { writeIndexHeadersPage } from './index-headers.ts';
import { itemTitle } from './items.ts';
import {
  ACCESS_DENIED_XML,
  FILE_UNAVAILABLE_PAGE,
  noSuchKeyXml,
  NOT_FOUND_PAGE,
  RATE_EXCEEDED_PAGE,
  UNDECLARED_TOOL_PAGE,
} from './pages.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createStats, recordAnswer, recordArrival, type PathKind, type ReplayStats } from './stats.ts';
import { extractDocument } from './submission.ts';
import { createTimeline, readTimelineFile, unknownTimelineEntries } from './timeline.ts';
import { writeSubmissionsJson } from './submissions-json.ts';
import { isDeclaredUserAgent } from './user-agent.ts';

// ---- public types ----------------------------------------------------------------------------

export interface FaultRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  kind: PathKind;
  /** 1-based number of this request since the server started. */
  seq: number;
  headers: IncomingHttpHeaders;
}

/**
 * What to do instead of (or on top of) the normal answer. `status` replaces the answer with that
 * status, `body` and `headers`; `delayMs` waits first; `truncate` sends only that many body bytes
 * and then drops the connection; `reset` drops it without answering.
 */
export type FaultAction =
  | 'ok'
  | { status?: number; body?: string | Buffer; headers?: Record<string, string>; delayMs?: number; truncate?: number; reset?: boolean };

export type FaultHook = (req: FaultRequest) => FaultAction | undefined;

export interface ReplayServerOptions {
  /** Folder of complete submissions, with optional corpus.json and timeline.json. */
  corpusDir: string;
  /** Divides the timeline's offsets (default 1). */
  speed?: number;
  /** Clock in epoch ms (default Date.now); drives releases, the feed time and the rate limit. */
  now?: () => number;
  /** Requests allowed in any one-second window (default 10, as sec.gov); Infinity disables. */
  rateLimitPerSecond?: number;
  /** How long a client that exceeded the rate stays refused (sec.gov: 10 minutes; default 0). */
  rateLimitBlockMs?: number;
  /** Refuse requests without a declared User-Agent (default true). */
  requireUserAgent?: boolean;
  faults?: FaultHook;
  log?: (msg: string) => void;
  /** Called once per filing when it becomes public (while the server is listening). */
  onRelease?: (filing: ReplayFilingInfo) => void;
}

export interface ReplayFilingInfo {
  accession: string;
  form: string;
  /** First party's CIK, 10 digits. */
  cik: string;
  company: string;
  parties: FilingParty[];
  items: string[];
  filedDate: string;
  /** ISO 8601 UTC. */
  acceptedAt: string;
  size: number;
  built: boolean;
  source: string;
  /** Epoch ms when the filing is or was released. */
  releaseAt: number;
  primaryDocument: string | undefined;
  /** Archives URL path of the complete submission. */
  submissionPath: string;
}

export interface ReplayServer {
  listen(opts?: { port?: number; host?: string }): Promise<string>;
  close(): Promise<void>;
  releaseAll(): void;
  release(accession: string): void;
  isReleased(accession: string): boolean;
  readonly stats: ReplayStats;
  readonly filings: readonly ReplayFilingInfo[];
  /** `http://127.0.0.1:PORT` once listening. */
  readonly baseUrl: string | undefined;
}

// ---- helpers ---------------------------------------------------------------------------------

interface Body {
  status: number;
  kind: PathKind;
  body: Buffer;
  contentType: string;
  headers?: Record<string, string>;
  /** Archives resources are immutable: ETag, Last-Modified and 304 apply; `key` names the resource. */
  cache?: { key: string; lastModified: number };
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const value = headers['accept-encoding'];
  return typeof value === 'string' && /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\b)/i.test(value);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function filingInfo(f: ReplayFiling, releaseAt: number): ReplayFilingInfo {
  const primary = f.documents.find((d) => d.type === f.form) ?? f.documents[0];
  return {
    accession: f.accession,
    form: f.form,
    cik: f.cik,
    company: f.company,
    parties: f.parties,
    items: f.items,
    filedDate: f.filedDate,
    acceptedAt: new Date(f.acceptedAt).toISOString(),
    size: f.size,
    built: f.built,
    source: f.source,
    releaseAt,
    primaryDocument: primary?.filename,
    submissionPath: `/Archives/edgar/data/${Number(f.cik)}/${f.folder}/${f.accession}.txt`,
  };
}

const ARCHIVES_FOLDER = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{18})\/([^/]+)$/;
const ARCHIVES_SHORT = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{10}-\d{2}-\d{6})(\.txt|-index\.html?)$/;

function classify(path: string): PathKind {
  if (path === '/cgi-bin/browse-edgar') return 'feed';
  if (/^\/submissions\//.test(path)) return 'submissions-json';
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

// ---- the server ------------------------------------------------------------------------------

export async function createReplayServer(opts: ReplayServerOptions): Promise<ReplayServer> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const requireUserAgent = opts.requireUserAgent ?? true;
  const corpus = loadCorpus(opts.corpusDir, log);
  const accessions = corpus.filings.map((f) => f.accession);
  const entries = readTimelineFile(corpus.dir);
  for (const e of unknownTimelineEntries(entries, accessions)) log(`timeline.json names ${e.accession}, which is not in the corpus`);
  const timeline = createTimeline({ accessions, entries, startedAt: now(), speed: opts.speed ?? 1 });
  const limiter = createRateLimiter({ limit: opts.rateLimitPerSecond ?? 10, blockMs: opts.rateLimitBlockMs ?? 0 });
  const stats = createStats();
  // Archives files never change once written, so each is built once and keeps its ETag and gzip.
  const archiveFiles = new Map<string, { body: Buffer; type: string; etag: string; gz?: Buffer } | null>();
  let server: Server | undefined;
  let baseUrl: string | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let seq = 0;
  const efts = createEftsIndex();

  const released = (f: ReplayFiling): boolean => timeline.isReleased(f.accession, now());

  /** Released filings, newest release first (then newest acceptance): what the feed shows. */
  function feedOrder(): ReplayFiling[] {
    return corpus.filings
      .filter(released)
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

  function serveFeed(query: URLSearchParams): Body {
    if ((query.get('action') ?? '').toLowerCase() !== 'getcurrent') {
      return { status: 404, kind: 'feed', body: NOT_FOUND_PAGE, contentType: 'text/html' };
    }
    const q = parseFeedQuery(query);
    if (q.start > FEED_MAX_START) {
      return { status: 503, kind: 'feed', body: FILE_UNAVAILABLE_PAGE, contentType: 'text/html' };
    }
    const all = feedOrder().filter((f) => matchesType(f.form, q.type)).flatMap(feedEntries);
    const page = all.slice(q.start, q.start + q.count);
    const base = baseUrl ?? 'https://www.sec.gov';
    if (q.atom) {
      return {
        status: 200,
        kind: 'feed',
        body: encodeLatin1Xml(writeFeed(now(), page, base)),
        contentType: 'application/atom+xml',
        headers: { 'cache-control': 'no-cache' },
      };
    }
    // Without output=atom EDGAR answers an HTML page; a plain listing of the same entries will do.
    const rows = page.map((e) => `<tr><td>${escapeXml(e.form)}</td><td><a href="/Archives/edgar/data/${Number(e.cik)}/${e.accession.replace(/-/g, '')}/${e.accession}-index.htm">${escapeXml(e.name)} (${e.cik}) (${e.role})</a></td><td>${e.accession}</td><td>${e.filedDate}</td></tr>`);
    const html = `<!DOCTYPE html>\n<html><head><title>EDGAR Latest Filings</title></head><body>\n<!-- Written by the cyber8k replay server. -->\n<table>\n${rows.join('\n')}\n</table>\n</body></html>\n`;
    return { status: 200, kind: 'feed', body: encodeLatin1Xml(html), contentType: 'text/html', headers: { 'cache-control': 'no-cache' } };
  }

  function documentEntries(filing: ReplayFiling): DocumentEntry[] {
    return filing.documents.map((doc) => ({ doc, size: extractDocument(filing.bytes, doc).length }));
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

  function serveArchives(path: string, kind: PathKind): Body {
    const denied: Body = { status: 403, kind, body: ACCESS_DENIED_XML, contentType: 'application/xml' };
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
    const folderPath = `/Archives/edgar/data/${Number(cik)}/${filing.folder}`;
    const file = archiveFile(filing, name, folderPath);
    if (!file) return denied;
    return { status: 200, kind, body: file.body, contentType: file.type, cache: { key: `${folderPath}/${name}`, lastModified: filing.acceptedAt } };
  }

  function serveSubmissionsJson(path: string): Body {
    const key = path.replace(/^\//, '');
    const m = /^\/submissions\/CIK(\d{10})\.json$/.exec(path);
    const mine = m ? corpus.filings.filter((f) => released(f) && f.parties.some((p) => p.cik === m[1])) : [];
    if (!m || mine.length === 0) return { status: 404, kind: 'submissions-json', body: noSuchKeyXml(key), contentType: 'application/xml' };
    return { status: 200, kind: 'submissions-json', body: Buffer.from(writeSubmissionsJson(m[1] ?? '', mine), 'utf8'), contentType: 'application/json' };
  }

  /** A daily index exists for every weekday up to today (by the server's clock, Eastern). */
  function serveDailyIndex(path: string): Body {
    const parsed = parseDailyIndexPath(path);
    const today = toEastern(now());
    const todayKey = `${today.year}${String(today.month).padStart(2, '0')}${String(today.day).padStart(2, '0')}`;
    const weekday = parsed ? new Date(`${parsed.date.slice(0, 4)}-${parsed.date.slice(4, 6)}-${parsed.date.slice(6, 8)}T12:00:00Z`).getUTCDay() : 0;
    if (!parsed || weekday === 0 || weekday === 6 || parsed.date > todayKey) {
      return { status: 403, kind: 'daily-index', body: ACCESS_DENIED_XML, contentType: 'application/xml' };
    }
    const rows: DailyIndexRow[] = corpus.filings
      .filter((f) => released(f) && f.filedDate.replace(/-/g, '') === parsed.date)
      .flatMap((f) => f.parties.map((p) => {
        const cik = String(Number(p.cik));
        return { form: f.form, company: p.name, cik, dateFiled: parsed.date, file: `edgar/data/${cik}/${f.accession}.txt` };
      }));
    return { status: 200, kind: 'daily-index', body: Buffer.from(writeDailyIndex(parsed.kind, parsed.date, rows), 'latin1'), contentType: 'text/plain' };
  }

  function answer(path: string, query: URLSearchParams, kind: PathKind): Body {
    if (kind === 'feed') return serveFeed(query);
    if (kind === 'daily-index') return serveDailyIndex(path);
    if (kind === 'full-text-search') {
      const body = efts.search(parseEftsQuery(query), corpus.filings.filter(released));
      return { status: 200, kind, body: Buffer.from(body, 'utf8'), contentType: 'application/json' };
    }
    if (path.startsWith('/Archives/')) return serveArchives(path, kind);
    if (kind === 'submissions-json') return serveSubmissionsJson(path);
    if (path.startsWith('/api/')) return { status: 404, kind, body: noSuchKeyXml(path.slice(1)), contentType: 'application/xml' };
    return { status: 404, kind, body: NOT_FOUND_PAGE, contentType: 'text/html' };
  }

  function send(req: IncomingMessage, res: ServerResponse, out: Body, truncate?: number): void {
    const headers: Record<string, string | number> = {
      'content-type': out.contentType,
      vary: 'Accept-Encoding',
      server: 'cyber8k-replay',
      ...out.headers,
    };
    let body = out.body;
    let status = out.status;
    const entry = out.cache && status === 200 ? archiveFiles.get(out.cache.key) : undefined;
    if (out.cache && entry) {
      headers.etag = entry.etag;
      headers['last-modified'] = new Date(out.cache.lastModified).toUTCString();
      const ims = Date.parse(String(req.headers['if-modified-since'] ?? ''));
      const inm = req.headers['if-none-match'];
      const notModified = inm !== undefined ? etagMatches(inm, entry.etag) : Number.isFinite(ims) && Math.floor(out.cache.lastModified / 1000) * 1000 <= ims;
      if (notModified) {
        status = 304;
        body = Buffer.alloc(0);
      } else if (acceptsGzip(req.headers)) {
        entry.gz ??= gzipSync(entry.body);
        body = entry.gz;
        headers['content-encoding'] = 'gzip';
      }
    } else if (acceptsGzip(req.headers) && body.length > 0) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    recordAnswer(stats, out.kind, status);
    if (status !== 304) headers['content-length'] = body.length;
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || status === 304) {
      res.end();
      return;
    }
    if (truncate !== undefined && truncate < body.length) {
      res.write(body.subarray(0, truncate), () => res.destroy());
      return;
    }
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t = now();
    const allowedByRate = limiter.hit(t);
    recordArrival(stats, t, limiter.inWindow());
    seq++;
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    const path = url.pathname;
    const kind = classify(path);

    if (requireUserAgent && !isDeclaredUserAgent(req.headers['user-agent'])) {
      stats.undeclaredUserAgent++;
      log(`403 undeclared User-Agent ${JSON.stringify(req.headers['user-agent'] ?? '')} for ${req.url}`);
      send(req, res, { status: 403, kind, body: UNDECLARED_TOOL_PAGE, contentType: 'text/html' });
      return;
    }
    if (!allowedByRate) {
      stats.rateLimited++;
      log(`403 rate limit (${limiter.inWindow()} requests in the last second) for ${req.url}`);
      send(req, res, { status: 403, kind, body: RATE_EXCEEDED_PAGE, contentType: 'text/html' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, { status: 405, kind, body: NOT_FOUND_PAGE, contentType: 'text/html' });
      return;
    }

    const fault = opts.faults?.({ method: req.method, path, query: url.searchParams, kind, seq, headers: req.headers });
    const action = fault === undefined || fault === 'ok' ? undefined : fault;
    if (action?.delayMs) await sleep(action.delayMs);
    if (action?.reset) {
      recordAnswer(stats, kind, 0);
      req.socket.destroy();
      return;
    }
    if (action?.status !== undefined) {
      const body = typeof action.body === 'string' ? Buffer.from(action.body) : (action.body ?? Buffer.alloc(0));
      const { 'content-type': type = 'text/html', ...rest } = action.headers ?? {};
      send(req, res, { status: action.status, kind, body, contentType: type, headers: rest }, action.truncate);
      return;
    }
    send(req, res, answer(path, url.searchParams, kind), action?.truncate);
  }

  function announceReleases(): void {
    for (const acc of timeline.takeNewlyReleased(now())) {
      const filing = corpus.byAccession.get(acc);
      if (!filing) continue;
      const offset = (timeline.releaseTime(acc) - timeline.startedAt) / 1000;
      const items = filing.items.length ? ` items ${filing.items.join(',')}` : '';
      log(`released +${offset.toFixed(1)}s ${acc} ${filing.form} ${filing.company}${items}${filing.built ? ' (built envelope)' : ''}`);
      opts.onRelease?.(filingInfo(filing, timeline.releaseTime(acc)));
    }
  }

  return {
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      if (server) throw new Error('replay server is already listening');
      const s = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          log(`500 ${req.url}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error in the replay server\n');
        });
      });
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve());
      });
      const address = s.address() as AddressInfo;
      baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      announceReleases();
      ticker = setInterval(announceReleases, 250);
      ticker.unref();
      return baseUrl;
    },
    async close() {
      if (ticker) clearInterval(ticker);
      const s = server;
      server = undefined;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
    releaseAll() {
      timeline.releaseAll(now());
      if (server) announceReleases();
    },
    release(accession) {
      if (!corpus.byAccession.has(accession)) throw new Error(`release: ${accession} is not in the replay corpus`);
      timeline.release(accession, now());
      if (server) announceReleases();
    },
    isReleased: (accession) => timeline.isReleased(accession, now()),
    stats,
    get filings() {
      return corpus.filings.map((f) => filingInfo(f, timeline.releaseTime(f.accession)));
    },
    get baseUrl() {
      return baseUrl;
    },
  };
}
