import { describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { expectApiError, filing, useApp, usePglite } from './app.ts';

describe('REST API: page cursors', () => {
  const db = usePglite();
  const other = usePglite();
  const app = useApp(() => db().database);

  async function seed() {
    const repo = createFilingRepository({ db: db().database.db });
    for (let n = 1; n <= 5; n++) await repo.recordDiscovered(filing(n));
  }

  async function firstCursor(): Promise<string> {
    const res = await app().inject({ method: 'GET', url: '/v1/filings?limit=2' });
    expect(res.statusCode).toBe(200);
    const cursor = res.json().nextCursor as string;
    expect(typeof cursor).toBe('string');
    return cursor;
  }

  const page = (cursor: string, target = app()) => target.inject({ method: 'GET', url: `/v1/filings?limit=2&cursor=${encodeURIComponent(cursor)}` });

  async function expectRejected(cursor: string) {
    const error = expectApiError(await page(cursor), 400);
    expect(error.parameter).toBe('cursor');
  }

  it('are opaque: no date or id to read or edit', async () => {
    await seed();
    const cursor = await firstCursor();
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(decoded).not.toMatch(/2024|"a"|"i"/);
  });

  it('lead to the next page', async () => {
    const res = await page(await firstCursor());
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((f: { accessionNumber: string }) => f.accessionNumber)).toEqual(['0000000001-24-000003', '0000000001-24-000002']);
  });

  it.each([
    ['an out-of-range date', { a: '0000-01-01T00:00:00Z', i: 1 }],
    ['a huge id', { a: '2024-03-01T00:00:00Z', i: Number.MAX_SAFE_INTEGER }],
    ['a date the database cannot hold', { a: '275760-09-13T00:00:00Z', i: 1 }],
  ])('reject one this API did not issue, holding %s, with a 400', async (_what, forged) => {
    await expectRejected(Buffer.from(JSON.stringify(forged)).toString('base64url'));
  });

  it('reject one with any character changed, added or removed', async () => {
    const cursor = await firstCursor();
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    for (const i of [0, Math.floor(cursor.length / 2), cursor.length - 1]) {
      await expectRejected(cursor.slice(0, i) + flip(cursor[i]!) + cursor.slice(i + 1));
    }
    await expectRejected(`${cursor}A`);
    await expectRejected(cursor.slice(0, -1));
    await expectRejected(`${cursor}=`);
  });

  it('are accepted by another instance on the same database, and after a restart', async () => {
    const cursor = await firstCursor();
    const second = await buildApp({ database: db().database });
    try {
      const res = await page(cursor, second);
      expect(res.statusCode).toBe(200);
      expect(res.json().data).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('are rejected by a server on another database', async () => {
    const cursor = await firstCursor();
    const stranger = await buildApp({ database: other().database });
    try {
      const error = expectApiError(await page(cursor, stranger), 400);
      expect(error.parameter).toBe('cursor');
    } finally {
      await stranger.close();
    }
  });
});
