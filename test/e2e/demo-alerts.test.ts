import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import type { SubscriptionRow } from '../../db/repositories/subscriptions.ts';
import { signWebhook } from '../../src/alerts/webhook.ts';
import { DEMO_SUBSCRIPTIONS } from '../../src/commands/demo-alerts.ts';
import { runDemo, type RunningDemo } from '../../src/commands/demo.ts';
import { waitFor } from '../helpers/wait.ts';

const HPE = '0001645590-24-000009'; // Hewlett Packard Enterprise, Item 1.05: a named vendor
const F5_8K = '0001048695-25-000149'; // F5, Item 1.05: a named vendor, and telecom by its SIC (3576, networking equipment)
const F5_10K = '0001048695-25-000157'; // F5's 10-K: an update of that incident (now material)
const HALLIBURTON = '0000045012-24-000052'; // Item 1.05, on no watchlist
const BLACKBAUD = '0001280058-26-000006'; // a 10-K incident, neither Item 1.05 nor on the watchlist
const COSTCO = '0000909832-25-000105'; // a routine Item 8.01: no incident
const RELEASED = [HPE, F5_8K, HALLIBURTON, BLACKBAUD, COSTCO, F5_10K];

const SECONDS = String.raw`\d+\.\d s after the filing appeared in the feed`;
// Tickers show once the companies table knows them, which is not up to this test.
const EXPECTED = [
  new RegExp(String.raw`^🔔 New incident: Hewlett Packard Enterprise Co( \(HPE\))? · Item 1\.05 · materiality not yet determined · ${SECONDS}\n   “As of the date of this filing, the incident has not had a material impact .{20,}”$`),
  new RegExp(String.raw`^🔔 New incident: F5, INC\.( \(FFIV\))? · Item 1\.05 · materiality not stated · ${SECONDS}\n   “.*F5.*”$`),
  new RegExp(String.raw`^🔔 New incident: HALLIBURTON CO( \(HAL\))? · Item 1\.05 · materiality not material · ${SECONDS}\n   “.{20,}”$`),
  new RegExp(String.raw`^🔄 Incident updated: F5, INC\.( \(FFIV\))? · Item 1\.05 · materiality material · ${SECONDS}(\n   “.{20,}”)?$`),
];

describe('npm run demo: alerts', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-demo-alerts-'));
  // The demo as a user runs it, on a timeline that stands still: the test releases the filings.
  const env = { CYBER8K_DATA_DIR: dataDir, PORT: '0', POLL_INTERVAL_SECONDS: '1', LOG_LEVEL: 'silent', COMPANY_REFRESH_HOURS: '0' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs the demo until `body` returns, collecting what it prints. */
  async function demo(body: (demo: RunningDemo, printed: string[]) => Promise<void>): Promise<string[]> {
    const printed: string[] = [];
    await runDemo({
      speed: 1e-6,
      env,
      print: (text) => printed.push(text),
      runUntilSignal: async (close, running) => {
        try {
          await body(running, printed);
        } finally {
          await close();
        }
      },
    });
    return printed;
  }

  const firstRunIds: number[] = [];
  let afterRerun: SubscriptionRow[] = [];

  it('prints each alert of the telecom watchlist and of every Item 1.05 once, with company, item, materiality, evidence and seconds since the feed', { timeout: 180_000 }, async () => {
    const printed = await demo(async ({ replay, monitor, alerts }, printed) => {
      expect(alerts!.subscriptions.map((s) => s.name)).toEqual(DEMO_SUBSCRIPTIONS.map((s) => s.name));
      firstRunIds.push(...alerts!.subscriptions.map((s) => s.id));
      for (const accession of RELEASED.filter((a) => a !== F5_10K)) replay.release(accession);
      // The 10-K after the 8-K it updates, as EDGAR published them.
      await waitFor(() => printed.some((p) => p.includes('New incident: F5')), 90_000, "F5's Item 1.05 alert");
      replay.release(F5_10K);

      const repos = createRepositories(monitor.database.db);
      await waitFor(async () => (await Promise.all(RELEASED.map((a) => repos.filings.get(a)))).every((f) => f?.status === 'analyzed'), 90_000, 'every released filing analyzed');
      const busy = async () => (await repos.jobs.counts()).some((c) => ['analyze-filing', 'fan-out-event', 'deliver-alert'].includes(c.kind) && ['queued', 'running'].includes(c.state));
      await waitFor(async () => !(await busy()), 60_000, 'the alert jobs done');

      // F5 is on the watchlist and filed under Item 1.05: both subscriptions were delivered each of its events, and it printed once.
      const [sector, vendors, item105] = alerts!.subscriptions;
      for (const s of [vendors!, item105!]) {
        const deliveries = await repos.subscriptions.deliveries(s.id, { limit: 100 });
        expect(deliveries.every((d) => d.state === 'delivered')).toBe(true);
        expect(deliveries.length).toBe(s === vendors ? 3 : 4); // HPE, F5 twice; and Halliburton
      }

      // The telecom sector subscription matched F5's first incident from the SIC in its 8-K's own
      // header (profiles are never fetched here: COMPANY_REFRESH_HOURS=0), and then its update.
      const sectorEvents = await Promise.all(
        (await repos.subscriptions.deliveries(sector!.id, { limit: 100 })).map(async (d) => {
          const context = await repos.deliveries.eventContext(d.eventId!);
          return { type: context?.event.type, accession: context?.filing?.accessionNumber, cik: context?.incident.cik, state: d.state };
        }),
      );
      expect(sectorEvents).toContainEqual({ type: 'incident.created', accession: F5_8K, cik: '0001048695', state: 'delivered' });
      expect(sectorEvents.map((e) => [e.accession, e.cik])).toEqual(expect.arrayContaining([[F5_10K, '0001048695']]));
      expect(sectorEvents).toHaveLength(2);

      // A delivery whose signature does not check out is refused and not printed.
      const body = JSON.stringify({ type: 'incident.created', timestamp: new Date().toISOString(), data: {} });
      const timestamp = Math.floor(Date.now() / 1000);
      const forged = await fetch(`${alerts!.url}/${item105!.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': 'msg_forged', 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(`whsec_${Buffer.alloc(32).toString('base64')}`, 'msg_forged', timestamp, body) },
        body,
      });
      expect(forged.status).toBe(401);
    });

    expect(printed).toHaveLength(EXPECTED.length);
    for (const pattern of EXPECTED) expect(printed.filter((p) => pattern.test(p)), String(pattern)).toHaveLength(1);
  });

  it('reuses its subscriptions when run again on the same data folder, pointed at the new receiver', { timeout: 60_000 }, async () => {
    expect(firstRunIds).toHaveLength(DEMO_SUBSCRIPTIONS.length);
    await demo(async ({ monitor, alerts }) => {
      expect(alerts!.subscriptions.map((s) => s.id)).toEqual(firstRunIds);
      const all = await createRepositories(monitor.database.db).subscriptions.list('any', { limit: 100 });
      expect(all).toHaveLength(DEMO_SUBSCRIPTIONS.length);
      for (const s of all) expect(s.channel).toEqual({ type: 'webhook', url: `${alerts!.url}/${s.id}` });
      expect(all.every((s) => s.disabledAt === null)).toBe(true);
      afterRerun = all;
    });
  });

  it('with alerts off, starts no receiver and leaves the subscriptions as they were', { timeout: 60_000 }, async () => {
    expect(afterRerun).toHaveLength(DEMO_SUBSCRIPTIONS.length);
    await runDemo({
      speed: 1e-6,
      alerts: false,
      env,
      runUntilSignal: async (close, { monitor, alerts }) => {
        try {
          expect(alerts).toBeNull();
          expect(await createRepositories(monitor.database.db).subscriptions.list('any', { limit: 100 })).toEqual(afterRerun);
        } finally {
          await close();
        }
      },
    });
  });
});
