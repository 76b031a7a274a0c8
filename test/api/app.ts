import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../api/app.ts';
import type { Database } from '../../db/client.ts';
import type { NewFiling } from '../../db/repositories/filings.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

/** The app on `database`, built before the suite and closed after it. */
export function useApp(database: () => Database, options: Omit<BuildAppOptions, 'database'> = {}): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ ...options, database: database() });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('app not built');
    return app;
  };
}

/** A migrated PGlite database for the suite, for tests that need one backend only. */
export function usePglite(): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('test database not open');
    return current;
  };
}

/** A discovered 8-K of company 1, filed on March `n`, 2024. */
export function filing(n: number, overrides: Partial<NewFiling> = {}): NewFiling {
  const accession = `0000000001-24-${String(n).padStart(6, '0')}`;
  const day = String(((n - 1) % 28) + 1).padStart(2, '0');
  return {
    accessionNumber: accession,
    cik: '0000000001',
    companyName: 'Example Co',
    form: '8-K',
    items: ['8.01', '9.01'],
    filedAt: `2024-03-${day}`,
    acceptedAt: `2024-03-${day}T21:00:00Z`,
    indexUrl: `https://www.sec.gov/Archives/edgar/data/1/${accession.replace(/-/g, '')}/${accession}-index.htm`,
    submissionUrl: `https://www.sec.gov/Archives/edgar/data/1/${accession.replace(/-/g, '')}/${accession}.txt`,
    ...overrides,
  };
}

interface ErrorResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Asserts the API's one error shape and returns the error object. */
export function expectApiError(res: ErrorResponse, status: number): { code: string; message: string; parameter?: string } {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  expect(res.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(res.body) as { error: { code: string; message: string; parameter?: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'parameter'].includes(k))).toBe(true);
  expect(body.error.code).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}
