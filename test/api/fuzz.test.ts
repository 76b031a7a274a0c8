import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { expectApiError, filing, useApp, usePglite } from './app.ts';
import { analyzeReplay, THREADS } from '../incidents/replay-corpus.ts';

/**
 * Thousands of random requests — query strings, paths, methods and headers built from what the
 * API reads and from junk — and never a 5xx, and every error in the one error shape.
 */

// A fixed seed keeps `npm test` repeatable; FUZZ_SEED explores elsewhere (and reproduces a failure it prints).
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 8_017_093;

const percentBytes = fc.uint8Array({ maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
// What may stand unencoded in a request target: visible ASCII without `#` (a fragment is not sent).
const rawChars = fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@/?%[]{}|\\^`"<>'.split('')), maxLength: 20 });

const interesting = fc.constantFrom(
  '', '0', '1', '-1', '20', '100', '101', '0x10', '1e1', '0b11', ' 1', '1 ', '+1', '010', '1.0', 'NaN', 'Infinity', '9007199254740993',
  'true', 'false', 'TRUE', 'null', 'undefined', '[]', '{}', '1.05', '8.01', '8-K', '8-K/A', '10-Q', 'material', 'not-determined',
  'queued', 'dead', 'analyze-filing', '0000731766', '731766', '0000000001-24-000001', '0000-01-01', '0000-02-29', '1992-12-31',
  '1993-01-01', '2024-02-29', '2023-02-29', '9999-12-31', '10000-01-01', '%', '%%', '%zz', '%00', '%C0%AE', '%E2%80%AE', '%F0%9F%92%A9',
  '%ED%A0%80', '\'; drop table filings; --', '../../etc/passwd', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
);
const year = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1985, max: 2035 }), fc.integer({ min: 9990, max: 10_001 }), fc.integer({ min: 0, max: 99_999 }));
const dateLike = fc
  .record({ y: year, m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const value = fc.oneof(
  { arbitrary: interesting, weight: 3 },
  { arbitrary: dateLike, weight: 2 },
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
  fc.string({ unit: 'grapheme', maxLength: 10 }).map((s) => encodeURIComponent(s)),
  percentBytes,
  rawChars,
  fc.base64String({ maxLength: 64 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
);
const knownName = fc.constantFrom('item', 'cik', 'form', 'since', 'until', 'incident', 'materialImpact', 'limit', 'cursor', 'state', 'kind', 'status', 'flag', 'after', 'ticker', 'sector', 'sic', 'updatedSince', 'q');
const name = fc.oneof(
  { arbitrary: knownName, weight: 4 },
  fc.constantFrom('', 'x', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'limit[]', 'since[0]', 'a.b', 'LIMIT'),
  rawChars,
  percentBytes,
);
const separator = fc.constantFrom('&', '&', '&', ';', '&&');
const queryString = fc
  .tuple(fc.array(fc.oneof({ arbitrary: fc.tuple(name, value).map(([k, v]) => `${k}=${v}`), weight: 5 }, name), { maxLength: 5 }), separator)
  .map(([pairs, sep]) => (pairs.length === 0 ? '' : `?${pairs.join(sep)}`));

/** Mostly well-formed values for each parameter, so that requests get past validation to the database. */
const plausible = (good: fc.Arbitrary<string>) => fc.oneof({ arbitrary: good, weight: 6 }, value);
const toQuery = (params: Record<string, string>) => {
  const pairs = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
};
const limit = plausible(fc.integer({ min: 0, max: 120 }).map(String));
const filingsRequest = fc
  .record(
    {
      item: plausible(fc.constantFrom('1.05', '8.01', '7.01', '9.01', '2.02', '99.99')),
      cik: plausible(fc.oneof(fc.constantFrom('1', '0000000001', '731766'), fc.stringMatching(/^\d{1,10}$/))),
      form: plausible(fc.constantFrom('8-K', '8-K/A', '10-Q', '10-K', '6-K', '20-F', 'S-1')),
      since: plausible(dateLike),
      until: plausible(dateLike),
      incident: plausible(fc.constantFrom('true', 'false')),
      materialImpact: plausible(fc.constantFrom('material', 'not-material', 'not-determined')),
      limit,
    },
    { requiredKeys: [] },
  )
  .map((params) => `/v1/filings${toQuery(params)}`);
const jobsRequest = fc
  .record(
    { state: plausible(fc.constantFrom('queued', 'running', 'done', 'dead')), kind: plausible(fc.constantFrom('analyze-filing', 'x')), limit },
    { requiredKeys: [] },
  )
  .map((params) => `/v1/jobs${toQuery(params)}`);

const incidentsRequest = fc
  .record(
    {
      cik: plausible(fc.constantFrom('1', '0000000001', '731766')),
      item: plausible(fc.constantFrom('1.05', '8.01', '99.99')),
      materialImpact: plausible(fc.constantFrom('material', 'not-material', 'not-determined')),
      status: plausible(fc.constantFrom('open', 'updated', 'escalated', 'retracted', 'closed')),
      flag: plausible(fc.constantFrom('nationState', 'thirdParty', 'ransomware', 'nationState&flag=thirdParty', 'nationState&flag=nationState')),
      since: plausible(dateLike),
      until: plausible(dateLike),
      ticker: plausible(fc.constantFrom('PRU', 'pru', 'WYTC', 'BRK-B', 'X')),
      sector: plausible(fc.constantFrom('insurance', 'telecom', 'banking', 'aerospace')),
      sic: plausible(fc.constantFrom('6311', '4813', '0000', '999')),
      updatedSince: plausible(fc.oneof(dateLike, dateLike.map((d) => `${d}T12:00:00Z`), fc.constant('2024-01-01T00:00:00%2B05:00'))),
      limit,
    },
    { requiredKeys: [] },
  )
  .map((params) => `/v1/incidents${toQuery(params)}`);
const companiesRequest = fc
  .record(
    {
      ticker: plausible(fc.constantFrom('PRU', 'pru', 'WYTC', 'BRK-B', 'X')),
      sector: plausible(fc.constantFrom('insurance', 'telecom', 'banking', 'aerospace')),
      sic: plausible(fc.constantFrom('6311', '4813', '0000', '999')),
      q: plausible(fc.constantFrom('prudential', 'inc', '%', '_', 'CORP/CA')),
      limit,
    },
    { requiredKeys: [] },
  )
  .map((params) => `/v1/companies${toQuery(params)}`);
const eventsRequest = fc
  .record({ after: plausible(fc.oneof(fc.integer({ min: 0, max: 50 }).map(String), fc.constant('9007199254740991'))), limit }, { requiredKeys: [] })
  .map((params) => `/v1/events${toQuery(params)}`);

const knownPath = fc.constantFrom(
  '/v1/filings', '/v1/filings/0000000001-24-000001', '/v1/filings/0000000001-24-999999', '/v1/jobs', '/health', '/ready', '/metrics',
  '/v1/incidents', '/v1/incidents/1', '/v1/incidents/999999999999999', '/v1/incidents/9999999999999999', '/v1/events',
  '/v1/companies', '/v1/companies/1137774', '/v1/companies/PRU', '/v1/companies/0000000000', '/v1/companies/12345678901', '/v1/sectors',
  '/docs/json', '/docs/yaml', '/docs',
);
const segment = fc.oneof(
  fc.constantFrom('v1', 'filings', 'jobs', 'incidents', 'events', 'companies', 'sectors', 'PRU', 'health', 'ready', 'metrics', 'docs', 'json', 'static', 'index.html', '..', '.', '', '%2e%2e', '%2F', '0000000001-24-000001'),
  rawChars.map((s) => s.replace(/[?]/g, '')),
  percentBytes,
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => encodeURIComponent(s)),
);
// light-my-request parses the URL, and reads `//x` or `/\\x` as a host; Node's server does not.
const randomPath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((segments) => `/${segments.join('/')}`.replace(/^\/[/\\]/, '/x/'));
const method = fc.constantFrom<InjectOptions['method']>('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');

const headerValue = fc.string({ unit: fc.constantFrom(...' \tabcXYZ019-_.,;:=/*"\'()<>@?[]{}%+'.split('')), maxLength: 80 });
const headerName = fc.oneof(
  fc.constantFrom('accept', 'accept-encoding', 'accept-language', 'accept-version', 'content-type', 'if-none-match', 'if-modified-since',
    'range', 'x-forwarded-for', 'x-forwarded-host', 'x-request-id', 'cookie', 'origin', 'authorization', 'user-agent', 'connection'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 5 });
const body = fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.json({ maxDepth: 2 }), fc.constantFrom('{', '{"__proto__":{"a":1}}', 'null')), { nil: undefined });

describe('REST API under random requests', () => {
  const db = usePglite();
  const app = useApp(() => db().database);

  beforeAll(async () => {
    const repos = createRepositories(db().database.db);
    const repo = repos.filings;
    for (let n = 1; n <= 25; n++) await repo.recordDiscovered(filing(n), { kind: 'analyze-filing' });
    // Real analyses, so incident and event queries reach rows.
    for (const f of await analyzeReplay([...THREADS.prudential, ...THREADS.wytec])) {
      await repo.recordDiscovered({ accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
  });

  async function check(options: InjectOptions) {
    const res = await app().inject(options);
    expect(res.statusCode, `${options.method} ${options.url}`).toBeLessThan(500);
    if (res.statusCode < 400 || options.method === 'HEAD') return;
    // The dashboard's pages answer a person: their errors are a page saying it (in the API's words).
    const path = new URL(options.url as string, 'http://cyber8k.test').pathname; // as routing sees it: /v1/%2e%2e is /
    const apiPath = /^\/(?:v1|health|ready|metrics|docs)(?:\/|$)/.test(path);
    if (!apiPath && String(res.headers['content-type']).startsWith('text/html')) expect(res.body).toContain('<div class="error" role="alert">');
    else expectApiError(res, res.statusCode);
  }

  it('never answers a random query string on a known path with a 5xx, and every error has the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(filingsRequest, jobsRequest, incidentsRequest, companiesRequest, eventsRequest, fc.tuple(knownPath, queryString).map(([path, query]) => `${path}${query}`)),
        async (url) => check({ method: 'GET', url }),
      ),
      { numRuns: 1000, seed },
    );
  });

  it('never answers a random path and method with a 5xx, and every error has the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(method, fc.oneof(randomPath, knownPath), queryString, body, async (m, path, query, payload) =>
        check({ method: m, url: `${path}${query}`, ...(payload !== undefined && m !== 'GET' && m !== 'HEAD' ? { payload } : {}) }),
      ),
      { numRuns: 1500, seed },
    );
  });

  it('never answers random headers with a 5xx, and every error has the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(method, knownPath, headers, body, async (m, path, h, payload) =>
        check({ method: m, url: path, headers: h, ...(payload !== undefined && m !== 'GET' && m !== 'HEAD' ? { payload } : {}) }),
      ),
      { numRuns: 1000, seed },
    );
  });
});
