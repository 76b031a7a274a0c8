import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { expectApiError, useApp, usePglite } from './app.ts';

/** Sends raw bytes to a listening server and returns what it answered, whole. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    socket.on('close', () => resolve(answer));
    socket.write(request);
  });
}

function parseRawResponse(raw: string) {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { statusCode: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

describe('REST API: one error shape for every error, Fastify\'s own included', () => {
  const db = usePglite();
  const app = useApp(() => db().database);

  it('answers a badly percent-encoded URL with a 400 in the error shape', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/filings/%' });
    const error = expectApiError(res, 400);
    expect(error.code).toBe('request.bad_url');
  });

  it('answers an over-long path parameter with a 414 that does not echo it', async () => {
    const long = `0000000001-24-${'1'.repeat(300)}`;
    const res = await app().inject({ method: 'GET', url: `/v1/filings/${long}` });
    const error = expectApiError(res, 414);
    expect(error.code).toBe('request.uri_too_long');
    expect(res.body).not.toContain('1'.repeat(50));
  });

  it('answers an over-long URL with a 414 that does not echo it', async () => {
    const res = await app().inject({ method: 'GET', url: `/v1/filings?cik=${'7'.repeat(10_000)}` });
    const error = expectApiError(res, 414);
    expect(error.code).toBe('request.uri_too_long');
    expect(res.body).not.toContain('7'.repeat(50));
  });

  it('answers an unknown path with a 404 in the error shape', async () => {
    const res = await app().inject({ method: 'GET', url: '/v2/nothing?x=1' });
    expect(expectApiError(res, 404)).toEqual({ code: 'request.not_found', message: 'no route for GET /v2/nothing' });
  });

  it('answers a wrong method on a known path with a 405 and the methods it allows', async () => {
    const list = await app().inject({ method: 'DELETE', url: '/v1/filings' });
    expect(expectApiError(list, 405).code).toBe('request.method_not_allowed');
    expect(list.headers.allow).toBe('GET, HEAD');
    const detail = await app().inject({ method: 'PUT', url: '/v1/filings/0000000001-24-000001' });
    expectApiError(detail, 405);
    expect(detail.headers.allow).toBe('GET, HEAD');
  });

  it('answers a wrong method with a 405 before reading its body, invalid JSON or not', async () => {
    const res = await app().inject({ method: 'POST', url: '/v1/filings', headers: { 'content-type': 'application/json' }, payload: '{' });
    expectApiError(res, 405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('still answers HEAD on a GET route', async () => {
    const res = await app().inject({ method: 'HEAD', url: '/health' });
    expect(res.statusCode).toBe(200);
  });
});

describe('REST API: request bodies get the error shape too', () => {
  const db = usePglite();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: db().database });
    // No route takes a body yet; the body parser's errors must still come out in the one shape.
    app.post('/v1/echo', async (request) => ({ echo: request.body }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers an invalid JSON body with a 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(expectApiError(res, 400).code).toBe('request.invalid_body');
  });

  it('answers an empty JSON body with a 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(expectApiError(res, 400).code).toBe('request.invalid_body');
  });

  it('answers a body with a prototype-poisoning key with a 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1}}' });
    expect(expectApiError(res, 400).code).toBe('request.invalid_body');
  });

  it('answers an unsupported media type with a 415 that does not echo it', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/x-evil-<script>' }, payload: 'x' });
    expect(expectApiError(res, 415).code).toBe('request.unsupported_media_type');
    expect(res.body).not.toContain('evil');
  });

  it('answers a body over the limit with a 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(1_100_000)}"` });
    expect(expectApiError(res, 413).code).toBe('request.body_too_large');
  });
});

describe('REST API: errors Node answers before Fastify sees the request', () => {
  const db = usePglite();
  let app: FastifyInstance;
  let port = 0;
  beforeAll(async () => {
    app = await buildApp({ database: db().database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers oversized headers with a 431 in the error shape', async () => {
    const raw = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const res = parseRawResponse(raw);
    expect(expectApiError(res, 431).code).toBe('request.headers_too_large');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  });

  it('answers a request line that is not HTTP with a 400 in the error shape', async () => {
    const raw = await rawRequest(port, 'NOT AN HTTP REQUEST\r\n\r\n');
    expect(expectApiError(parseRawResponse(raw), 400).code).toBe('request.malformed');
  });
});

/** One keep-alive connection; `send` writes a request and resolves with the next whole response. */
function openConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('latin1');
  let buffered = '';
  let waiting: ((raw: string) => void) | null = null;
  socket.on('data', (chunk) => {
    buffered += chunk;
    const end = buffered.indexOf('\r\n\r\n');
    if (end === -1 || !waiting) return;
    const length = Number(/content-length: *(\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
    if (buffered.length < end + 4 + length) return;
    const response = buffered.slice(0, end + 4 + length);
    buffered = buffered.slice(end + 4 + length);
    const resolve = waiting;
    waiting = null;
    resolve(response);
  });
  return {
    send(request: string): Promise<string> {
      return new Promise((resolve) => {
        waiting = resolve;
        socket.write(request);
      });
    },
    close: () => socket.destroy(),
  };
}

describe('REST API: a request arriving while the server closes', () => {
  const db = usePglite();

  it('gets a 503 in the error shape', async () => {
    const app = await buildApp({ database: db().database });
    let closeStarted = () => {};
    let finishClosing = () => {};
    const started = new Promise<void>((resolve) => (closeStarted = resolve));
    // Holds the close open while a request arrives on a connection that was already open.
    app.addHook('preClose', async () => {
      closeStarted();
      await new Promise<void>((resolve) => (finishClosing = resolve));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const connection = openConnection((app.server.address() as { port: number }).port);
    try {
      expect(await connection.send('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1.1 200 /);
      const closed = app.close();
      await started;
      const during = parseRawResponse(await connection.send('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'));
      finishClosing();
      await closed;
      expect(expectApiError(during, 503).code).toBe('service.closing');
      expect(during.headers.connection).toBe('close');
    } finally {
      connection.close();
      finishClosing();
    }
  });
});
