import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { usePglite } from './app.ts';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

const INFO = 30;
const DEBUG = 20;

describe('REST API: request logs', () => {
  const db = usePglite();
  const lines: LogLine[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    app = await buildApp({ database: db().database, logger: pino({ level: 'debug' }, sink) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  async function linesFor(url: string, method: 'GET' | 'DELETE' = 'GET') {
    await app.inject({ method, url });
    // pino writes asynchronously to a plain stream.
    await new Promise((resolve) => setImmediate(resolve));
    return lines.filter((l) => l.level >= DEBUG);
  }

  it('writes one line per request at info with method, route, status and duration', async () => {
    const logged = await linesFor('/v1/filings?limit=5');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: INFO, method: 'GET', route: '/v1/filings', status: 200 });
    expect(typeof logged[0]!.ms).toBe('number');
  });

  it('names the route pattern, not the URL with its parameters', async () => {
    const [line] = await linesFor('/v1/filings/0000000001-24-000001?x=1');
    expect(line).toMatchObject({ level: INFO, route: '/v1/filings/:accession', status: 400 });
    expect(JSON.stringify(line)).not.toContain('x=1');
  });

  it('writes one line for a request no route matches, with its path', async () => {
    const logged = await linesFor('/v2/nothing?secret=1');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: INFO, method: 'GET', route: null, path: '/v2/nothing', status: 404 });
    expect(JSON.stringify(logged)).not.toContain('secret');
  });

  it.each([
    ['a badly encoded URL', '/v1/filings/%', 400],
    ['an over-long path parameter', `/v1/filings/${'1'.repeat(200)}`, 414],
  ])('writes one line for %s, which the router rejects before any route', async (_what, url, status) => {
    const logged = await linesFor(url);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: INFO, status });
  });

  it.each(['/health', '/ready', '/metrics'])('logs %s at debug, so probes and scrapes do not flood the info log', async (url) => {
    const logged = await linesFor(url);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: DEBUG, route: url, status: 200 });
  });
});
