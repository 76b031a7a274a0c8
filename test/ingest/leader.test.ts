import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLeaderElection, type LeaderElector } from '../../src/ingest/leader.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { inject } from 'vitest';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';

const log = pino({ level: 'silent' });

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('poller leader on the embedded database', () => {
  it('leads at once: a PGlite data directory has one process', async () => {
    let elected = 0;
    const elector = startLeaderElection({ databaseUrl: null, log, onElected: () => elected++, onDemoted: () => {} });
    expect(elector.isLeader()).toBe(true);
    expect(elected).toBe(1);
    await elector.stop();
    expect(elector.isLeader()).toBe(false);
  });
});

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] poller leader election on PostgreSQL: no server reachable');

describe.skipIf(!postgresRuns)('poller leader election [postgres]', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('elects exactly one of three instances, and another takes over when the leader goes', async () => {
    const key = Math.floor(Math.random() * 1e9);
    const electors: LeaderElector[] = [];
    for (let i = 0; i < 3; i++) {
      electors.push(startLeaderElection({ databaseUrl: db.url, key, log, checkEveryMs: 100, onElected: () => {}, onDemoted: () => {} }));
    }
    await waitFor(() => electors.some((e) => e.isLeader()));
    await new Promise((r) => setTimeout(r, 500));
    expect(electors.filter((e) => e.isLeader())).toHaveLength(1);

    const first = electors.find((e) => e.isLeader())!;
    await first.stop();
    const rest = electors.filter((e) => e !== first);
    await waitFor(() => rest.some((e) => e.isLeader()));
    await new Promise((r) => setTimeout(r, 500));
    expect(rest.filter((e) => e.isLeader())).toHaveLength(1);
    await Promise.all(rest.map((e) => e.stop()));
  });
});
