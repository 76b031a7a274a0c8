import { gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError, errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

export interface EdgarResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
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
  close(): Promise<void>;
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
  dispatcher?: Dispatcher;
  log?: Logger;
}

export type EdgarErrorCode =
  | 'edgar.rate_limited'
  | 'edgar.undeclared_agent'
  | 'edgar.not_found'
  | 'edgar.http_error'
  | 'edgar.unavailable'
  | 'edgar.timeout'
  | 'edgar.network'
  | 'edgar.too_large';

export class EdgarError extends AppError {
  readonly status: number | null;
  readonly url: string;

  constructor(code: EdgarErrorCode, message: string, details: { url: string; status?: number; cause?: unknown }) {
    super(code, message, { statusCode: 502, cause: details.cause });
    this.name = 'EdgarError';
    this.url = details.url;
    this.status = details.status ?? null;
  }

  /** Worth trying again later (as opposed to a filing that does not exist). */
  get transient(): boolean {
    return this.code !== 'edgar.not_found' && this.code !== 'edgar.too_large';
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

  async function get(url: string, reqOptions: EdgarRequestOptions = {}): Promise<EdgarResponse> {
    await bucket.take(reqOptions.signal);
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      'accept-encoding': 'gzip, deflate',
    };
    if (reqOptions.etag) headers['if-none-match'] = reqOptions.etag;
    if (reqOptions.lastModified) headers['if-modified-since'] = reqOptions.lastModified;

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = reqOptions.signal ? AbortSignal.any([reqOptions.signal, timeout]) : timeout;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher, signal });
    } catch (err) {
      if (reqOptions.signal?.aborted) throw err;
      if (timeout.aborted) throw new EdgarError('edgar.timeout', `EDGAR did not answer within ${options.timeoutMs} ms: ${url}`, { url, cause: err });
      throw new EdgarError('edgar.network', `could not reach EDGAR (${errorMessage(err)}): ${url}`, { url, cause: err });
    }

    const responseHeaders = flattenHeaders(res.headers);
    let body: Buffer;
    try {
      body = await readBody(res, responseHeaders, maxBody, url);
    } catch (err) {
      if (err instanceof EdgarError) throw err;
      if (timeout.aborted) throw new EdgarError('edgar.timeout', `EDGAR response timed out after ${options.timeoutMs} ms: ${url}`, { url, cause: err });
      throw new EdgarError('edgar.network', `EDGAR response was cut off (${errorMessage(err)}): ${url}`, { url, cause: err });
    }
    options.log?.debug({ url, status: res.statusCode, bytes: body.length }, 'edgar request');

    const status = res.statusCode;
    if ((status >= 200 && status < 300) || status === 304) return { url, status, headers: responseHeaders, body };
    throw classifyFailure(url, status, body);
  }

  return {
    get,
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
export function classifyFailure(url: string, status: number, body: Buffer): EdgarError {
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
    return new EdgarError('edgar.unavailable', `EDGAR is unavailable (${status}): ${url}`, { url, status });
  }
  return new EdgarError('edgar.http_error', `EDGAR answered ${status}: ${url}`, { url, status });
}
