// The EDGAR replay server: serves a corpus of real filings over sec.gov's own URL shapes and
// formats on loopback, so the monitor runs end to end with no internet. www.sec.gov, data.sec.gov
// and efts.sec.gov all map to this one server (their paths do not collide).
//
// Like sec.gov it refuses clients without a declared User-Agent, answers more than 10 requests in a
// second with the real rate-limit page and 403, answers missing Archives paths with 403 and the S3
// AccessDenied body, gzips for clients that accept it, and supports conditional GETs on Archives.
// A timeline releases filings over time; unreleased filings are invisible everywhere.
//
// `synthetic` adds as many filings as a test needs, derived from the real ones (synthetic.ts). Each
// is released at its acceptance time-of-day mapped onto the replay clock: releaseAt = start +
// (acceptedAt − first synthetic acceptance) / speed. A synthetic day's daily index appears once
// every filing of that day is released (at once after releaseAll()), and 403s until then, as
// EDGAR's is built after the day closes.
//
// node:http only, so the server stays independent of the API's framework.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { filingUrls } from '../edgar/urls.ts';
import { loadCompanyData } from './companies.ts';
import { loadCorpus, primaryDocument, type FilingParty, type LoadedCorpus, type ReplayFiling } from './corpus.ts';
import { NOT_FOUND_PAGE, RATE_EXCEEDED_PAGE, UNDECLARED_TOOL_PAGE } from './pages.ts';
import { createRateLimiter } from './rate-limit.ts';
import { classify, createResources, type ReplayResponse } from './resources.ts';
import { createStats, recordAnswer, recordArrival, type PathKind, type ReplayStats } from './stats.ts';
import { generateSyntheticCorpus, SYNTHETIC_TAG, type SyntheticCorpus, type SyntheticOptions } from './synthetic.ts';
import { createTimeline, readTimelineFile, unknownTimelineEntries } from './timeline.ts';
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
 * status, `body` and `headers` (without `status`, `headers` are added to the normal answer); `delayMs` waits first; `truncate` sends only that many body bytes
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
  /** Adds filings derived from the corpus's real ones (see synthetic.ts), on the timeline above. */
  synthetic?: SyntheticOptions;
}

/** What the synthetic option made, for tests to aim at. */
export interface SyntheticSummary {
  /** Business days filled, YYYY-MM-DD. */
  days: string[];
  /** Every synthetic accession, in acceptance order. */
  accessions: string[];
  /** Synthetic accessions by filing date. */
  byDay: ReadonlyMap<string, readonly string[]>;
  /** 8-Ks whose primary document is random bytes. */
  corrupted: string[];
  /** 8-Ks left out of the getcurrent feed (still in Archives, submissions JSON and the daily index). */
  hiddenFromFeed: string[];
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
  /** Derived by the synthetic option, not a real filing. */
  synthetic: boolean;
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
  /** Present when the server was created with the synthetic option. */
  readonly synthetic: SyntheticSummary | undefined;
}

// ---- helpers ---------------------------------------------------------------------------------

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
    synthetic: f.header.tags.some((t) => t.label === SYNTHETIC_TAG),
    source: f.source,
    releaseAt,
    primaryDocument: primaryDocument(f)?.filename,
    submissionPath: filingUrls('', f.cik, f.accession).submission,
  };
}

// ---- the server ------------------------------------------------------------------------------

export async function createReplayServer(opts: ReplayServerOptions): Promise<ReplayServer> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const requireUserAgent = opts.requireUserAgent ?? true;
  const loaded = loadCorpus(opts.corpusDir, log);
  const synthetic = opts.synthetic ? generateSyntheticCorpus(loaded.filings, opts.synthetic) : undefined;
  const corpus = synthetic ? withSynthetic(loaded, synthetic) : loaded;
  if (synthetic) {
    log(`synthetic filings: ${synthetic.filings.length} over ${synthetic.days.length} business days from ${synthetic.days[0]}` +
      `${synthetic.corrupted.length ? `; corrupted ${synthetic.corrupted.join(', ')}` : ''}${synthetic.hiddenFromFeed.length ? `; hidden from the feed ${synthetic.hiddenFromFeed.join(', ')}` : ''}`);
  }
  const accessions = corpus.filings.map((f) => f.accession);
  const entries = [...readTimelineFile(corpus.dir), ...(synthetic?.timeline ?? [])];
  for (const e of unknownTimelineEntries(entries, accessions)) log(`timeline.json names ${e.accession}, which is not in the corpus`);
  const timeline = createTimeline({ accessions, entries, startedAt: now(), speed: opts.speed ?? 1 });
  const limiter = createRateLimiter({ limit: opts.rateLimitPerSecond ?? 10, blockMs: opts.rateLimitBlockMs ?? 0 });
  const stats = createStats();
  let server: Server | undefined;
  let baseUrl: string | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let seq = 0;
  const syntheticDays = new Map([...(synthetic?.byDay ?? [])].map(([day, accs]) => [day.replace(/-/g, ''), accs]));
  const resources = createResources({
    corpus,
    companies: loadCompanyData(corpus.dir),
    timeline,
    now,
    baseUrl: () => baseUrl,
    hiddenFromFeed: new Set(synthetic?.hiddenFromFeed),
    dailyIndexState: (yyyymmdd) => {
      const accs = syntheticDays.get(yyyymmdd);
      if (!accs) return undefined;
      return accs.every((acc) => timeline.isReleased(acc, now())) ? 'complete' : 'incomplete';
    },
  });

  function send(req: IncomingMessage, res: ServerResponse, out: ReplayResponse, truncate?: number): void {
    const headers: Record<string, string | number> = {
      'content-type': out.contentType,
      vary: 'Accept-Encoding',
      server: 'cyber8k-replay',
      ...out.headers,
    };
    let body = out.body;
    let status = out.status;
    if (out.cache && status === 200) {
      headers.etag = out.cache.etag;
      headers['last-modified'] = new Date(out.cache.lastModified).toUTCString();
      const ims = Date.parse(String(req.headers['if-modified-since'] ?? ''));
      const inm = req.headers['if-none-match'];
      // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
      const notModified = inm !== undefined ? etagMatches(inm, out.cache.etag) : Number.isFinite(ims) && Math.floor(out.cache.lastModified / 1000) * 1000 <= ims;
      if (notModified) {
        status = 304;
        body = Buffer.alloc(0);
      } else if (acceptsGzip(req.headers)) {
        body = out.cache.gzipped();
        headers['content-encoding'] = 'gzip';
      }
    } else if (acceptsGzip(req.headers) && body.length > 0 && !headers['content-encoding']) {
      // A body that says it is already encoded (an injected fault) goes out as it is.
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
    const answer = resources.answer(path, url.searchParams, kind);
    send(req, res, action?.headers ? { ...answer, headers: { ...answer.headers, ...action.headers } } : answer, action?.truncate);
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
    synthetic: synthetic && {
      days: synthetic.days,
      accessions: synthetic.filings.map((f) => f.accession),
      byDay: synthetic.byDay,
      corrupted: synthetic.corrupted,
      hiddenFromFeed: synthetic.hiddenFromFeed,
    },
  };
}

/** The loaded corpus plus the synthetic filings, in acceptance order. */
function withSynthetic(loaded: LoadedCorpus, synthetic: SyntheticCorpus): LoadedCorpus {
  const byAccession = new Map(loaded.byAccession);
  for (const f of synthetic.filings) {
    if (byAccession.has(f.accession)) throw new Error(`synthetic accession ${f.accession} is also in the replay corpus`);
    byAccession.set(f.accession, f);
  }
  const filings = [...loaded.filings, ...synthetic.filings].sort((a, b) => a.acceptedAt - b.acceptedAt || a.accession.localeCompare(b.accession));
  return { dir: loaded.dir, filings, byAccession };
}
