// Events are written once per change, however many instances record the same analyses at once and
// however often a restarted one records them again: three instances (three connection pools on one
// PostgreSQL database), then a fourth opened afterwards.

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { openTestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { discover, record } from './helpers.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from './replay-corpus.ts';

let riverFinancial: AnalyzedReplayFiling[];
beforeAll(async () => {
  riverFinancial = await analyzeReplay(THREADS.riverFinancial);
});

describe.skipIf(!inject('postgresAvailable') && !REQUIRE_POSTGRES)('incident events across instances [postgres]', () => {
  it('three instances recording the same filings at once, and a restarted one recording them again, write each event once', { timeout: 180_000 }, async () => {
    const server = await openTestDatabase('postgres');
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: server.url!, dataDir: '', maxConnections: 2, migrate: false })));
    try {
      const [first] = instances.map((d) => createRepositories(d.db));
      await discover(first!, riverFinancial);
      // Each instance records the 8-K, then the 8-K/A, as its worker would; all three at once.
      await Promise.all(instances.map(async (d) => {
        const repos = createRepositories(d.db);
        for (const f of riverFinancial) await record(repos, f);
      }));
      const events = await first!.incidents.events(0, 100);
      const key = (e: (typeof events)[number]) => `${e.incidentId}|${e.accessionNumber}|${e.analyzerVersion}|${e.type}`;
      expect(new Set(events.map(key)).size).toBe(events.length);
      expect(events.map((e) => e.type)).toEqual(['incident.created', 'incident.updated']);
      const { rows } = await first!.incidents.list({}, { limit: 10 });
      expect(rows.map((r) => r.filings.map((f) => f.role))).toEqual([['original', 'amendment']]);

      // A restarted instance: a new pool records them again (a retried job); nothing new.
      const restarted = await openDatabase({ databaseUrl: server.url!, dataDir: '', maxConnections: 2, migrate: false });
      try {
        const repos = createRepositories(restarted.db);
        for (const f of riverFinancial) await record(repos, f);
        expect(await repos.incidents.events(events.at(-1)!.id, 100)).toEqual([]);
      } finally {
        await restarted.close();
      }
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await server.close();
    }
  });
});
