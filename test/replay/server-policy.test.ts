// sec.gov's fair-access behaviour, fault injection, statistics and the replay command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { runReplayCommand } from '../../src/commands/replay.ts';
import { isDeclaredUserAgent } from '../../src/replay/user-agent.ts';
import { FIXTURE_CORPUS, REPLAY_CORPUS, feedPath, startReplay, type Started } from './helpers.ts';

const RATE_PAGE = readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/rate-exceeded.html'));
const NVIDIA_TXT = '/Archives/edgar/data/1045810/000104581026000024/0001045810-26-000024.txt';

let started: Started | undefined;
afterEach(async () => {
  await started?.server.close();
  started = undefined;
});

async function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await request(url, { headers });
  return { status: res.statusCode, body: await res.body.text() };
}

describe('User-Agent', () => {
  it('counts a UA as declared only when it carries a contact e-mail address', () => {
    expect(isDeclaredUserAgent('Sample Company Name AdminContact@sample.com')).toBe(true);
    expect(isDeclaredUserAgent('cyber8k/0.1 (ops@example.org)')).toBe(true);
    for (const ua of [undefined, '', 'curl/8.5.0', 'node', 'undici', 'python-requests/2.32', 'Mozilla/5.0', 'me@localhost']) {
      expect(isDeclaredUserAgent(ua), String(ua)).toBe(false);
    }
  });

  it('refuses requests without a declared User-Agent with 403 "Undeclared Automated Tool"', async () => {
    started = await startReplay();
    for (const headers of [{}, { 'user-agent': 'curl/8.5.0' }] as Record<string, string>[]) {
      const res = await rawGet(`${started.base}${feedPath()}`, headers);
      expect(res.status).toBe(403);
      expect(res.body).toContain('Undeclared Automated Tool');
    }
    expect((await started.get(feedPath())).status).toBe(200);
    expect(started.server.stats.undeclaredUserAgent).toBe(2);
  });

  it('lets any client through when requireUserAgent is off', async () => {
    started = await startReplay({ requireUserAgent: false });
    expect((await rawGet(`${started.base}${feedPath()}`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers the 11th request within a second with 403 and the real rate-limit page, and recovers a second later', async () => {
    started = await startReplay();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await started.get(NVIDIA_TXT)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 403]);
    const refused = await started.get(NVIDIA_TXT);
    expect(refused.status).toBe(403);
    expect(refused.body.equals(RATE_PAGE)).toBe(true);
    started.clock.advance(1000);
    expect((await started.get(NVIDIA_TXT)).status).toBe(200);
    const s = started.server.stats;
    expect(s.rateLimited).toBe(2);
    expect(s.peakPerSecond()).toBe(12);
    expect([...s.perSecond.values()]).toEqual([12, 1]);
  });

  it('counts over a sliding second, not calendar seconds', async () => {
    started = await startReplay();
    started.clock.advance(500); // 10 requests at x.5 s, then 1 at (x+1).2 s: 11 within 0.7 s
    for (let i = 0; i < 10; i++) expect((await started.get(NVIDIA_TXT)).status).toBe(200);
    started.clock.advance(700);
    expect((await started.get(NVIDIA_TXT)).status).toBe(403);
    expect(started.server.stats.peakPerSecond()).toBe(10);
    expect(started.server.stats.peakPerSlidingSecond).toBe(11);
  });

  it('takes the limit from the options', async () => {
    started = await startReplay({ rateLimitPerSecond: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await started.get(NVIDIA_TXT)).status);
    expect(statuses).toEqual([200, 200, 200, 403]);
  });

  it('keeps refusing for the block period once exceeded, and extends it while the client keeps going', async () => {
    started = await startReplay({ rateLimitPerSecond: 2, rateLimitBlockMs: 600_000 });
    for (let i = 0; i < 3; i++) await started.get(NVIDIA_TXT);
    started.clock.advance(5 * 60_000);
    expect((await started.get(NVIDIA_TXT)).status).toBe(403); // still blocked, and the block restarts
    started.clock.advance(9 * 60_000);
    expect((await started.get(NVIDIA_TXT)).status).toBe(403);
    started.clock.advance(10 * 60_000 + 1);
    expect((await started.get(NVIDIA_TXT)).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('replaces an answer with the status and body the hook returns, for the requests it picks', async () => {
    started = await startReplay({
      faults: (req) => (req.kind === 'feed' && req.seq === 1 ? { status: 500, body: 'Internal Server Error', headers: { 'content-type': 'text/plain' } } : 'ok'),
    });
    const first = await started.get(feedPath());
    expect(first.status).toBe(500);
    expect(first.body.toString()).toBe('Internal Server Error');
    expect((await started.get(feedPath())).status).toBe(200);
    expect(started.server.stats.byKindAndStatus).toMatchObject({ 'feed 500': 1, 'feed 200': 1 });
  });

  it('truncates a body mid-way so the client sees the connection end early', async () => {
    started = await startReplay({ faults: (req) => (req.kind === 'submission' ? { truncate: 1000 } : undefined) });
    await expect(started.get(NVIDIA_TXT)).rejects.toThrow();
  });

  it('drops the connection without an answer on reset', async () => {
    started = await startReplay({ faults: () => ({ reset: true }) });
    await expect(started.get(feedPath())).rejects.toThrow();
  });
});

describe('release log and replay command', () => {
  it('logs one line per released filing while listening', async () => {
    const lines: string[] = [];
    started = await startReplay({ log: (l) => lines.push(l) });
    expect(lines.filter((l) => l.startsWith('released +0.0s '))).toHaveLength(2);
    started.server.release('0000731766-24-000045');
    expect(lines.at(-1)).toMatch(/^released \+0\.0s 0000731766-24-000045 8-K UNITEDHEALTH GROUP INC items 1\.05$/);
  });

  it('runReplayCommand prints the base URL, serves the corpus and stops when told', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const done = runReplayCommand({ corpus: REPLAY_CORPUS, port: 0, host: '127.0.0.1', speed: 1, print: (l) => lines.push(l), signal: stop.signal });
    await expect.poll(() => lines.find((l) => l.startsWith('EDGAR replay server on '))).toBeDefined();
    const base = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.find((l) => l.startsWith('EDGAR replay server on ')) ?? '')?.[1];
    const res = await rawGet(`${base}${feedPath()}`, { 'user-agent': 'cyber8k tests admin@example.com' });
    expect(res.status).toBe(200);
    expect(lines.some((l) => l.includes('released +0.0s 0001045810-26-000024 8-K NVIDIA CORP'))).toBe(true);
    stop.abort();
    await done;
    expect(lines.at(-1)).toMatch(/^replay server stopped: 1 requests/);
  });
});
