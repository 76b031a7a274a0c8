import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { FILINGS_CHANNEL } from '../../db/filing-changes.ts';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { waitFor } from '../helpers/wait.ts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { filing, useApp } from './app.ts';

describeEachDatabase('REST API: cached filing responses', (getDb) => {
  let clock = 0;
  const app = useApp(() => getDb().database, { now: () => clock });
  const repo = () => createFilingRepository({ db: getDb().database.db });
  // Written behind the repository's back: nothing tells the cache, so only a cached answer stays old.
  const renameBehindTheCache = () => getDb().database.query(sql`update filings set company_name = 'Renamed Co'`);
  const companies = async (url: string) => {
    const res = await app().inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return (body.data ?? [body]).map((f: { company: string }) => f.company);
  };

  /**
   * Waits until every NOTIFY sent so far reached this process: on a server they arrive a little
   * after the write, and a late one would empty the cache in the middle of a test.
   */
  async function notificationsDelivered() {
    const { database } = getDb();
    const token = `settled-${Math.random()}`;
    let arrived = () => {};
    const settled = new Promise<void>((resolve) => (arrived = resolve));
    const stop = await database.listen(FILINGS_CHANNEL, (payload) => payload === token && arrived());
    try {
      await database.query(sql`select pg_notify(${FILINGS_CHANNEL}, ${token})`);
      await settled;
    } finally {
      await stop();
    }
  }

  beforeEach(async () => {
    clock += 3_600_000;
    for (let n = 1; n <= 3; n++) await repo().recordDiscovered(filing(n));
    await notificationsDelivered();
  });

  it('answers a repeated list from the cache until a filing changes', async () => {
    expect(await companies('/v1/filings?limit=2')).toEqual(['Example Co', 'Example Co']);
    await renameBehindTheCache();
    expect(await companies('/v1/filings?limit=2')).toEqual(['Example Co', 'Example Co']);
    await repo().markFailed('0000000001-24-000001', 'the primary document is corrupt', 'failed');
    expect(await companies('/v1/filings?limit=2')).toEqual(['Renamed Co', 'Renamed Co']);
  });

  it('answers a repeated detail from the cache until a filing is discovered', async () => {
    expect(await companies('/v1/filings/0000000001-24-000002')).toEqual(['Example Co']);
    await renameBehindTheCache();
    expect(await companies('/v1/filings/0000000001-24-000002')).toEqual(['Example Co']);
    await repo().recordDiscovered(filing(4));
    expect(await companies('/v1/filings/0000000001-24-000002')).toEqual(['Renamed Co']);
  });

  it('keys the cache by every parameter', async () => {
    expect(await companies('/v1/filings?limit=1')).toHaveLength(1);
    expect(await companies('/v1/filings?limit=2')).toHaveLength(2);
    expect(await companies('/v1/filings?limit=2&form=8-K/A')).toHaveLength(0);
    const first = (await app().inject({ method: 'GET', url: '/v1/filings?limit=1' })).json();
    const next = (await app().inject({ method: 'GET', url: `/v1/filings?limit=1&cursor=${first.nextCursor}` })).json();
    expect(next.data[0].accessionNumber).not.toBe(first.data[0].accessionNumber);
  });

  it('forgets a cached response after a while, whatever happened meanwhile', async () => {
    expect(await companies('/v1/filings?limit=1')).toEqual(['Example Co']);
    await renameBehindTheCache();
    clock += 60_000;
    expect(await companies('/v1/filings?limit=1')).toEqual(['Renamed Co']);
  });

  it('serves a cached list with the headers of a fresh one', async () => {
    const fresh = await app().inject({ method: 'GET', url: '/v1/filings?limit=3' });
    const cached = await app().inject({ method: 'GET', url: '/v1/filings?limit=3' });
    expect(cached.body).toBe(fresh.body);
    expect(cached.headers['content-type']).toBe(fresh.headers['content-type']);
    expect(fresh.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

// Another process needs a server: PGlite has one. Without a server this is skipped with the other
// PostgreSQL variants (REQUIRE_POSTGRES=1 makes that a failure, as in CI).
describe.skipIf(!inject('postgresAvailable') && !REQUIRE_POSTGRES)('REST API: cached filing responses, several instances [postgres]', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });
  const app = useApp(() => db.database, { now: () => 0 });

  it('sees a filing another instance recorded, told by NOTIFY', async () => {
    const count = async () => (await app().inject({ method: 'GET', url: '/v1/filings?limit=5' })).json().data.length as number;
    const repo = createFilingRepository({ db: db.database.db });
    for (let n = 1; n <= 3; n++) await repo.recordDiscovered(filing(n));
    await waitFor(async () => (await count()) === 3, 10_000, 'the three filings listed');
    // Its own pool and Db: nothing of this process's in-process signal reaches the app.
    const other = await openDatabase({ databaseUrl: db.url!, dataDir: '', migrate: false, maxConnections: 1 });
    try {
      await createFilingRepository({ db: other.db }).recordDiscovered(filing(4));
      // The clock stands still, so expiry cannot be what refreshes the list.
      await waitFor(async () => (await count()) === 4, 10_000, 'the other instance\'s filing in the list');
    } finally {
      await other.close();
    }
  });
});
