import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEdgarClient, parseRetryAfter, type EdgarClientOptions } from '../../src/edgar/client.ts';
import { filingUrls } from '../../src/edgar/urls.ts';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { createReplayServer, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';

const RATE_PAGE = readFileSync(new URL('../../src/replay/pages/rate-exceeded.html', import.meta.url));
const UNH = { cik: '0000731766', accession: '0000731766-24-000045' };

describe('EDGAR client policy, against the replay server', () => {
  let replay: ReplayServer;
  let base: string;
  let fault: FaultHook = () => undefined;
  const seenHeaders: Array<Record<string, string | string[] | undefined>> = [];

  beforeAll(async () => {
    replay = await createReplayServer({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      // Each test makes a fresh client (a fresh bucket) and retries without waiting: the server's own
      // 10/s limit (tested in test/replay) would answer for them. Here the faults are set by hand.
      rateLimitPerSecond: Infinity,
      faults: (req) => {
        seenHeaders.push(req.headers);
        return fault(req);
      },
    });
    replay.release(UNH.accession);
    base = await replay.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => {
    fault = () => undefined;
    seenHeaders.length = 0;
  });
  afterAll(async () => {
    await replay?.close();
  });

  function client(overrides: Partial<EdgarClientOptions> = {}) {
    const sleeps: number[] = [];
    const edgar = createEdgarClient({
      userAgent: 'cyber8k tests tests@cyber8k.local',
      baseUrls: { www: base, data: base, efts: base },
      requestsPerSecond: 10,
      timeoutMs: 5000,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      ...overrides,
    });
    return { edgar, sleeps };
  }
  const urls = () => filingUrls(base, UNH.cik, UNH.accession);

  it('declares its User-Agent, asks for gzip and hands back the decompressed body', async () => {
    const { edgar } = client();
    const res = await edgar.get(urls().submission);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.subarray(0, 13).toString()).toBe('<SEC-DOCUMENT');
    expect(seenHeaders[0]?.['user-agent']).toBe('cyber8k tests tests@cyber8k.local');
    expect(seenHeaders[0]?.['accept-encoding']).toMatch(/gzip/);
    await edgar.close();
  });

  it("reads an Archives 403 with S3's AccessDenied body as not found, not as a rate limit", async () => {
    const { edgar } = client();
    await expect(edgar.get(filingUrls(base, '1', '0000000001-99-000001').submission)).rejects.toMatchObject({ code: 'edgar.not_found', status: 403 });
    expect(edgar.breaker.state().open).toBe(false);
    await edgar.close();
  });

  it("pauses every request after SEC's rate-limit page, without sending any during the pause", async () => {
    const { edgar } = client({ rateLimitPauseMs: 60_000 });
    fault = () => ({ status: 403, body: RATE_PAGE });
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.rate_limited' });
    fault = () => undefined;
    const sent = seenHeaders.length;
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.paused' });
    expect(seenHeaders.length).toBe(sent);
    expect(edgar.breaker.state()).toMatchObject({ open: true, trips: 1 });
    await edgar.close();
  });

  it('retries a 503 after the Retry-After the server asked for, with jitter', async () => {
    const { edgar, sleeps } = client();
    let failures = 2;
    fault = () => (failures-- > 0 ? { status: 503, body: 'busy', headers: { 'retry-after': '2' } } : undefined);
    const res = await edgar.get(urls().indexHeaders);
    expect(res.status).toBe(200);
    expect(res.requests).toBe(3);
    expect(sleeps).toEqual([2250, 2250]); // 2 s × (1 + 0.5 × 0.25)
    await edgar.close();
  });

  it('backs off exponentially on a 429 without Retry-After, and gives up after its retries', async () => {
    const { edgar, sleeps } = client({ maxRetries: 3 });
    fault = () => ({ status: 429, body: 'slow down' });
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.unavailable', status: 429 });
    expect(sleeps).toEqual([1125, 2250, 4500]);
    expect(seenHeaders.length).toBe(4);
    await edgar.close();
  });

  it('leaves a Retry-After longer than it would wait to the caller, carrying it', async () => {
    const { edgar, sleeps } = client({ maxRetryDelayMs: 60_000 });
    fault = () => ({ status: 503, body: 'maintenance', headers: { 'retry-after': '900' } });
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.unavailable', retryAfterMs: 900_000 });
    expect(sleeps).toEqual([]);
    await edgar.close();
  });

  it('retries a response cut off mid-body', async () => {
    const { edgar } = client();
    let truncated = 1;
    fault = (req) => (req.kind === 'submission' && truncated-- > 0 ? { truncate: 500 } : undefined);
    const res = await edgar.get(urls().submission);
    expect(res.body.length).toBeGreaterThan(100_000);
    expect(seenHeaders.length).toBe(2);
    await edgar.close();
  });

  it('times out a server that does not answer', async () => {
    const { edgar } = client({ timeoutMs: 300, maxRetries: 0 });
    fault = () => ({ delayMs: 2000 });
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.timeout' });
    await edgar.close();
  });

  it('caps the size of a response, also once decompressed (a small gzip can inflate to gigabytes)', async () => {
    const { edgar } = client({ maxBodyBytes: 100_000 });
    await expect(edgar.get(urls().submission)).rejects.toMatchObject({ code: 'edgar.too_large' });
    const bomb = gzipSync(Buffer.alloc(5_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    fault = () => ({ status: 200, body: bomb, headers: { 'content-encoding': 'gzip', 'content-type': 'text/plain' } });
    await expect(edgar.get(urls().indexHeaders)).rejects.toMatchObject({ code: 'edgar.too_large' });
    await edgar.close();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
