import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { createSubscription } from '../../src/alerts/subscriptions.usecase.ts';
import { createReplayServer, DEMO_CORPUS, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { killAll, replayEnv, spawnMonitor, type MonitorProcess } from '../helpers/processes.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { waitFor } from '../helpers/wait.ts';

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] "three cyber8k processes sending alerts" on PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

// Prudential's 8-K and its 8-K/A (an incident created, then updated), UnitedHealth's and Microsoft's Item 1.05 8-Ks.
const FILINGS = ['0001193125-24-033753', '0001193125-24-040749', '0000731766-24-000045', '0001193125-24-011295'];

describe.skipIf(!postgresRuns)('three cyber8k processes sending alerts [postgres]', () => {
  let db: TestDatabase;
  let replay: ReplayServer;
  let replayUrl: string;
  let receiver: Receiver;
  const processes: MonitorProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6 });
    replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startReceiver();
  }, 120_000);
  afterAll(async () => {
    await killAll(processes);
    await receiver?.close();
    await replay?.close();
    await db?.close();
  });

  it('deliver each event once per subscription, no webhook-id sent twice and none missing', { timeout: 400_000 }, async () => {
    const policy = { allowPrivate: true, emailEnabled: false, resolveTickers: async () => new Map<string, string>(), sectorNames: null };
    const repos = createRepositories(db.database.db);
    const all = await createSubscription(repos, policy, { name: 'all', channel: { type: 'webhook', url: `${receiver.url}/all` } }, null);
    const watch = await createSubscription(repos, policy, { name: 'prudential', channel: { type: 'webhook', url: `${receiver.url}/prudential` }, filter: { ciks: ['0001137774'] } }, null);
    const secrets = { [all.subscription.id]: all.secret, [watch.subscription.id]: watch.secret };

    for (let i = 0; i < 3; i++) processes.push(spawnMonitor('start', { ...replayEnv(replayUrl), DATABASE_URL: db.url!, ALERTS_ALLOW_PRIVATE_URLS: '1' }));
    await Promise.all(processes.map((p) => p.url()));
    for (const accession of FILINGS) replay.release(accession);

    const query = <T>(q: ReturnType<typeof sql>) => db.database.query<T>(q);
    // Settled: every released filing analyzed, no fan-out or send left to do, every delivery delivered.
    const settled = async () => {
      const [open] = await query<{ filings: number; jobs: number; deliveries: number }>(sql`select
        (select count(*) from filings where accession_number in ${sql.raw(`(${FILINGS.map((a) => `'${a}'`).join(',')})`)} and status = 'analyzed')::int as filings,
        (select count(*) from jobs where kind in ('fan-out-event', 'deliver-alert', 'analyze-filing') and state <> 'done')::int as jobs,
        (select count(*) from deliveries where state <> 'delivered')::int as deliveries`);
      return open!.filings === FILINGS.length && open!.jobs === 0 && open!.deliveries === 0;
    };
    await waitFor(settled, 300_000, 'every filing analyzed and its alerts delivered');

    const deliveries = await query<{ subscription_id: number; event_id: number; message_id: string }>(sql`select subscription_id::int, event_id::int, message_id from deliveries order by id`);
    const events = await query<{ id: number; cik: string }>(sql`select e.id::int, i.cik from events e join incidents i on i.id = e.incident_id where e.type in ('incident.created', 'incident.updated', 'incident.escalated') order by e.id`);
    expect(events.filter((e) => e.cik === '0001137774').length).toBeGreaterThanOrEqual(2);
    // One delivery per (subscription, event) the filter takes...
    const expected = [...events.map((e) => [all.subscription.id, e.id]), ...events.filter((e) => e.cik === '0001137774').map((e) => [watch.subscription.id, e.id])];
    expect(deliveries.map((d) => [d.subscription_id, d.event_id]).sort()).toEqual(expected.sort());
    // ...and one request for each, among the three processes: no webhook-id twice, none missing.
    const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
    expect(ids.sort()).toEqual(deliveries.map((d) => d.message_id).sort());
    for (const r of receiver.received) {
      const delivery = deliveries.find((d) => d.message_id === r.headers['webhook-id'])!;
      expect(r.path.endsWith(delivery.subscription_id === watch.subscription.id ? '/prudential' : '/all')).toBe(true);
      expect(() => new Webhook(secrets[delivery.subscription_id]!).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    }
  });
});
