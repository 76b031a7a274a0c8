import { gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError, errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { abortableSleep } from '../sleep.ts';
import { createRateLimitBreaker, describeTrip, type RateLimitBreaker } from './breaker.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

export interface EdgarResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** HTTP requests this answer took, retries included. */
  requests: number;
}

export interface EdgarRequestOptions {
  signal?: AbortSignal;
  /** Conditional GET validators from an earlier response. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface EdgarClient {
  /** GET one EDGAR URL. Resolves for 2xx and 304; throws an EdgarError otherwise. */
  get(url: string, options?: EdgarRequestOptions): Promise<EdgarResponse>;
  readonly baseUrls: EdgarBaseUrls;
  readonly breaker: RateLimitBreaker;
  close(): Promise<void>;
}

/** What the client did, for metrics and per-filing request accounting. */
export interface EdgarRequestEvent {
  url: string;
  status: number | null;
  bytes: number;
  durationMs: number;
  /** The request's outcome code when it failed. */
  error: EdgarErrorCode | null;
}

export interface EdgarBaseUrls {
  www: string;
  data: string;
  efts: string;
}

export interface EdgarClientOptions {
  userAgent: string;
  baseUrls: EdgarBaseUrls;
  requestsPerSecond: number;
  timeoutMs: number;
  /** Largest body accepted, after decompression. */
  maxBodyBytes?: number;
  bucket?: TokenBucket;
  breaker?: RateLimitBreaker;
  /** How long SEC's rate-limit page pauses all fetching (default 10 minutes). */
  rateLimitPauseMs?: number;
  /** Retries of 429/503 answers and network failures (default 3). */
  maxRetries?: number;
  /** Longest wait before a retry inside one request (default 60 s); a longer Retry-After is left to the caller. */
  maxRetryDelayMs?: number;
  dispatcher?: Dispatcher;
  log?: Logger;
  onRequest?: (event: EdgarRequestEvent) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export type EdgarErrorCode =
  | 'edgar.rate_limited'
  | 'edgar.undeclared_agent'
  | 'edgar.not_found'
  | 'edgar.http_error'
  | 'edgar.unavailable'
  | 'edgar.timeout'
  | 'edgar.network'
  | 'edgar.too_large'
  | 'edgar.paused';

export class EdgarError extends AppError {
  readonly status: number | null;
  readonly url: string;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | null;

  constructor(code: EdgarErrorCode, message: string, details: { url: string; status?: number; cause?: unknown; retryAfterMs?: number | null }) {
    super(code, message, { statusCode: 502, cause: details.cause });
    this.name = 'EdgarError';
    this.url = details.url;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }

  /** SEC's rate-limit answer, or the pause it started: nobody's fault, try again when it ends. */
  get isPause(): boolean {
    return this.code === 'edgar.rate_limited' || this.code === 'edgar.paused';
  }
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

export function createEdgarClient(options: EdgarClientOptions): EdgarClient {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const bucket = options.bucket ?? createTokenBucket({ ratePerSecond: options.requestsPerSecond });
  const ownDispatcher = !options.dispatcher;
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: 4,
      keepAliveTimeout: 10_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: Math.min(options.timeoutMs, 10_000) },
    });

  const log = options.log;
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryDelay = options.maxRetryDelayMs ?? 60_000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const breaker =
    options.breaker ??
    createRateLimitBreaker({
      pauseMs: options.rateLimitPauseMs ?? 600_000,
      onTrip: (until, reason) => log?.error(describeTrip(until, reason)),
    });

  /** One request through the bucket and the breaker, with retries of transient failures. */
  async function get(url: string, reqOptions: EdgarRequestOptions = {}): Promise<EdgarResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return { ...(await once(url, reqOptions)), requests: attempt + 1 };
      } catch (err) {
        if (!(err instanceof EdgarError)) throw err;
        if (err.code === 'edgar.rate_limited') {
          breaker.trip(err.message);
          throw err;
        }
        const retryable = err.code === 'edgar.unavailable' || err.code === 'edgar.network' || err.code === 'edgar.timeout';
        if (!retryable || attempt >= maxRetries) throw err;
        // Asked to come back later than a request should wait: the caller reschedules its work.
        if (err.retryAfterMs !== null && err.retryAfterMs > maxRetryDelay) throw err;
        const delay = retryDelay(err, attempt);
        log?.warn({ url, status: err.status, attempt: attempt + 1, delayMs: delay }, `EDGAR request failed (${err.code}); retrying`);
        await sleep(delay, reqOptions.signal);
      }
    }
  }

  // Retry-After when the server gives one; otherwise exponential backoff. Jitter keeps several
  // instances from retrying in step.
  function retryDelay(err: EdgarError, attempt: number): number {
    const base = err.retryAfterMs ?? 1000 * 2 ** attempt;
    return Math.min(maxRetryDelay, Math.round(base * (1 + random() * 0.25)));
  }

  async function once(url: string, reqOptions: EdgarRequestOptions): Promise<Omit<EdgarResponse, 'requests'>> {
    await bucket.take(reqOptions.signal);
    // The pause may have begun while this request waited for its token.
    const paused = breaker.remainingMs();
    if (paused > 0) {
      throw new EdgarError('edgar.paused', `EDGAR fetching is paused for ${Math.ceil(paused / 1000)} s after SEC's rate-limit answer`, { url });
    }
    const started = performance.now();
    const report = (status: number | null, bytes: number, error: EdgarErrorCode | null) =>
      options.onRequest?.({ url, status, bytes, durationMs: performance.now() - started, error });
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      'accept-encoding': 'gzip, deflate',
    };
    if (reqOptions.etag) headers['if-none-match'] = reqOptions.etag;
    if (reqOptions.lastModified) headers['if-modified-since'] = reqOptions.lastModified;

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = reqOptions.signal ? AbortSignal.any([reqOptions.signal, timeout]) : timeout;
    // A connection that fails, before the answer or during its body: our timeout, or the network.
    const transportFailure = (err: unknown, status: number | null): EdgarError => {
      const failure =
        err instanceof EdgarError
          ? err
          : timeout.aborted
            ? new EdgarError('edgar.timeout', `EDGAR did not answer within ${options.timeoutMs} ms: ${url}`, { url, cause: err })
            : new EdgarError('edgar.network', `${status === null ? 'could not reach EDGAR' : 'EDGAR response was cut off'} (${errorMessage(err)}): ${url}`, { url, cause: err });
      report(status, 0, failure.code as EdgarErrorCode);
      return failure;
    };
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher, signal });
    } catch (err) {
      if (reqOptions.signal?.aborted) throw err;
      throw transportFailure(err, null);
    }

    const responseHeaders = flattenHeaders(res.headers);
    let body: Buffer;
    try {
      body = await readBody(res, responseHeaders, maxBody, url);
    } catch (err) {
      if (reqOptions.signal?.aborted) throw err;
      throw transportFailure(err, res.statusCode);
    }
    log?.debug({ url, status: res.statusCode, bytes: body.length }, 'edgar request');

    const status = res.statusCode;
    if ((status >= 200 && status < 300) || status === 304) {
      report(status, body.length, null);
      return { url, status, headers: responseHeaders, body };
    }
    const failure = classifyFailure(url, status, body, responseHeaders['retry-after']);
    report(status, body.length, failure.code as EdgarErrorCode);
    throw failure;
  }

  return {
    get,
    breaker,
    baseUrls: options.baseUrls,
    async close() {
      if (ownDispatcher) await dispatcher.close();
    },
  };
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(res: Dispatcher.ResponseData, headers: Record<string, string>, max: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      res.body.destroy();
      throw new EdgarError('edgar.too_large', `EDGAR response exceeds ${max} bytes: ${url}`, { url, status: res.statusCode });
    }
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const encoding = (headers['content-encoding'] ?? '').toLowerCase();
  try {
    // maxOutputLength keeps the cap true after decompression (a small gzip can inflate to gigabytes).
    if (encoding.includes('gzip')) return gunzipSync(raw, { maxOutputLength: max });
    if (encoding.includes('deflate')) return inflateSync(raw, { maxOutputLength: max });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new EdgarError('edgar.too_large', `EDGAR response exceeds ${max} bytes once decompressed: ${url}`, { url, status: res.statusCode });
    }
    throw new EdgarError('edgar.network', `EDGAR sent a corrupt ${encoding} body (${errorMessage(err)}): ${url}`, { url, status: res.statusCode, cause: err });
  }
  return raw;
}

/** Tells SEC's rate-limit block apart from a missing Archives path: both are 403. */
export function classifyFailure(url: string, status: number, body: Buffer, retryAfter?: string): EdgarError {
  const text = body.subarray(0, 8192).toString('latin1');
  if (status === 403 && /Request Rate Threshold Exceeded/i.test(text)) {
    return new EdgarError('edgar.rate_limited', `SEC rate limit reached (403 "Request Rate Threshold Exceeded"): ${url}`, { url, status });
  }
  if (status === 403 && /Undeclared Automated Tool/i.test(text)) {
    return new EdgarError('edgar.undeclared_agent', `SEC refused the User-Agent as undeclared (403): ${url}`, { url, status });
  }
  if ((status === 403 && /<Code>AccessDenied<\/Code>/.test(text)) || status === 404) {
    return new EdgarError('edgar.not_found', `not found on EDGAR (${status}): ${url}`, { url, status });
  }
  if (status === 429 || status >= 500) {
    return new EdgarError('edgar.unavailable', `EDGAR is unavailable (${status}): ${url}`, { url, status, retryAfterMs: parseRetryAfter(retryAfter) });
  }
  return new EdgarError('edgar.http_error', `EDGAR answered ${status}: ${url}`, { url, status });
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
