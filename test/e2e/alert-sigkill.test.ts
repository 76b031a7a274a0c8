import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { createSubscription } from '../../src/alerts/subscriptions.usecase.ts';
import { createReplayServer, DEMO_CORPUS, type ReplayServer } from '../../src/replay/index.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { killAll, replayEnv, spawnMonitor, type MonitorProcess } from '../helpers/processes.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { waitFor } from '../helpers/wait.ts';

// UnitedHealth's Item 1.05 8-K (Change Healthcare): one incident, so at least one event to send.
const UNH = '0000731766-24-000045';
const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] "an alert whose sender is killed with SIGKILL" on PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

interface Delivery {
  id: number;
  subscription_id: number;
  event_id: number;
  message_id: string;
  state: string;
  attempts: number;
}

/** Where the monitors keep their data: a PGlite folder (opened only while no monitor runs) or a server database. */
interface Store {
  env: NodeJS.ProcessEnv;
  /** Runs `work` on the database (PGlite: opened for it, then closed, as a monitor needs the folder to itself). */
  use<T>(work: (database: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function pgliteStore(): Promise<Store> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-alert-kill-'));
  return {
    // DATABASE_URL removed: the embedded database even when the test run has a server.
    env: { CYBER8K_DATA_DIR: dataDir, DATABASE_URL: undefined },
    async use(work) {
      const database = await openDatabase({ databaseUrl: null, dataDir });
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    async close() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresStore(): Promise<Store> {
  const db: TestDatabase = await openTestDatabase('postgres');
  return { env: { DATABASE_URL: db.url! }, use: (work) => work(db.database), close: () => db.close() };
}

for (const backend of ['pglite', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && !postgresRuns)(`an alert whose sender is killed with SIGKILL [${backend}]`, () => {
    let store: Store;
    let replay: ReplayServer;
    let replayUrl: string;
    let receiver: Receiver;
    const processes: MonitorProcess[] = [];

    beforeAll(async () => {
      store = backend === 'pglite' ? await pgliteStore() : await postgresStore();
      replay = await createReplayServer({ corpusDir: DEMO_CORPUS, speed: 1e-6 });
      replayUrl = await replay.listen({ port: 0, host: '127.0.0.1' });
      receiver = await startReceiver();
    }, 120_000);
    afterEach(() => killAll(processes));
    afterAll(async () => {
      await killAll(processes);
      await receiver?.close();
      await replay?.close();
      await store?.close();
    });

    const start = () => {
      // A short lease, so the restarted process takes over the killed one's send within seconds.
      const p = spawnMonitor('start', { ...replayEnv(replayUrl), ...store.env, ALERTS_ALLOW_PRIVATE_URLS: '1', JOB_LEASE_SECONDS: '3' });
      processes.push(p);
      return p;
    };

    it('is sent again after a restart with the same webhook-id, and every delivery arrives', { timeout: 400_000 }, async () => {
      const policy = { allowPrivate: true, emailEnabled: false, resolveTickers: async () => new Map<string, string>(), sectorNames: null };
      const secrets = await store.use(async (database) => {
        const repos = createRepositories(database.db);
        const held = await createSubscription(repos, policy, { name: 'held', channel: { type: 'webhook', url: `${receiver.url}/held` } }, null);
        const other = await createSubscription(repos, policy, { name: 'other', channel: { type: 'webhook', url: `${receiver.url}/other` } }, null);
        return { [held.subscription.id]: held.secret, [other.subscription.id]: other.secret };
      });
      // The first request is held open (the receiver is slow) while its sender is killed; the rest are answered at once.
      receiver.answer({ status: 200, delayMs: 3_600_000 }, { status: 200 });

      replay.release(UNH);
      const first = start();
      await waitFor(() => receiver.received.length > 0, 300_000, 'the first alert to reach the receiver');
      const heldId = String(receiver.received[0]!.headers['webhook-id']);
      first.proc.kill('SIGKILL');
      await first.exited;

      const second = start();
      await waitFor(() => receiver.received.filter((r) => r.headers['webhook-id'] === heldId).length >= 2, 120_000, 'the held alert to be sent again');
      const url = await second.url();
      await waitFor(async () => {
        const ready = (await (await fetch(`${url}/ready`)).json()) as { alerts: { pending: number }; jobs: { running: number } };
        return ready.alerts.pending === 0 && ready.jobs.running === 0;
      }, 60_000, 'every delivery settled');
      // Stopped cleanly, so the embedded database's folder is free to read.
      second.proc.kill('SIGTERM');
      await second.exited;

      const { deliveries, events, sends } = await store.use(async (database) => ({
        deliveries: await database.query<Delivery>(sql`select id::int, subscription_id::int, event_id::int, message_id, state, attempts from deliveries order by id`),
        // What the subscriptions' default filter takes (the leader may also publish a weekly report, which they do not).
        events: await database.query<{ id: number }>(sql`select id::int from events where type in ('incident.created', 'incident.updated', 'incident.escalated') order by id`),
        sends: await database.query<{ key: string; state: string; attempts: number }>(sql`select key, state, attempts from jobs where kind = 'deliver-alert'`),
      }));
      // Nothing lost: one delivery per (subscription, event), each delivered, each received.
      expect(events.length).toBeGreaterThan(0);
      expect(deliveries.map((d) => [d.subscription_id, d.event_id]).sort()).toEqual(Object.keys(secrets).flatMap((s) => events.map((e) => [Number(s), e.id])).sort());
      expect(deliveries.every((d) => d.state === 'delivered'), JSON.stringify({ deliveries, sends })).toBe(true);
      const receivedIds = new Set(receiver.received.map((r) => String(r.headers['webhook-id'])));
      expect(receivedIds).toEqual(new Set(deliveries.map((d) => d.message_id)));
      // The held one: sent twice under one webhook-id (a receiver dedupes on it), the same alert;
      // its job's second attempt (the killed one never settled) the one that delivered it.
      const held = deliveries.find((d) => d.message_id === heldId)!;
      expect(held.attempts).toBe(1);
      expect(sends.find((j) => j.key === String(held.id))).toMatchObject({ state: 'done', attempts: 2 });
      const twice = receiver.received.filter((r) => r.headers['webhook-id'] === heldId).map((r) => JSON.parse(r.body) as { type: string; data: unknown });
      expect(twice).toHaveLength(2);
      expect(twice[1]).toMatchObject({ type: twice[0]!.type, data: twice[0]!.data });
      // Each request is signed with its subscription's secret (a replay from the receiver's side would not verify for another).
      for (const r of receiver.received) {
        const delivery = deliveries.find((d) => d.message_id === r.headers['webhook-id'])!;
        expect(() => new Webhook(secrets[delivery.subscription_id]!).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      }
    });
  });
}
