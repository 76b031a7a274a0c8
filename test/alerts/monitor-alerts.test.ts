import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { createSubscription } from '../../src/alerts/subscriptions.usecase.ts';
import { loadConfig } from '../../src/config.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createLogger } from '../../src/logger.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { waitFor } from '../helpers/wait.ts';
import { analyzeReplay, THREADS } from '../incidents/replay-corpus.ts';

// The monitor opens the database DATABASE_URL names, so this runs against a server database.
describe.skipIf(!inject('postgresAvailable') && !REQUIRE_POSTGRES)('the monitor sends alerts [postgres]', () => {
  let db: TestDatabase;
  let monitor: Monitor;
  let receiver: Receiver;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    receiver = await startReceiver();
    // No EDGAR_USER_AGENT: no polling, but the alert worker runs, woken by LISTEN/NOTIFY.
    const config = { ...loadConfig({}), databaseUrl: db.url, edgarUserAgent: null, alertsAllowPrivateUrls: true };
    monitor = await startMonitor({ config, log: createLogger('silent'), api: false });
  });
  afterAll(async () => {
    await monitor?.close();
    await receiver?.close();
    await db?.close();
  });

  it('delivers an event written by another connection within moments, without being asked to drain', async () => {
    expect(monitor.alerts).not.toBeNull();
    const repos = createRepositories(db.database.db);
    const policy = { allowPrivate: true, emailEnabled: false, resolveTickers: async () => new Map<string, string>(), sectorNames: null };
    await createSubscription(repos, policy, { name: 'all', channel: { type: 'webhook', url: receiver.url } }, null);
    const [f] = await analyzeReplay([THREADS.prudential[0]]);
    await repos.filings.recordDiscovered({
      accessionNumber: f!.accessionNumber, cik: f!.cik, companyName: f!.companyName, form: f!.form, items: f!.items, filedAt: f!.filedAt, acceptedAt: f!.acceptedAt,
      indexUrl: 'https://www.sec.gov/Archives/edgar/data/1137774/', submissionUrl: `https://www.sec.gov/Archives/edgar/data/1137774/${f!.accessionNumber}.txt`,
    });
    await recordAnalysis(repos, f!.accessionNumber, { analysis: f!.analysis, item105Text: null });
    await waitFor(() => receiver.received.length > 0, 20_000, 'the alert');
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'incident.created', data: { incident: { cik: f!.cik } } });
  });
});
