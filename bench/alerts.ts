// bench:alerts — fan-out of one incident event to N webhook subscriptions on loopback: the time
// from the event being written to the last of them received (signed, one HTTP POST each), with
// the alert worker as a monitor runs it (16 at once). Embedded PGlite unless DATABASE_URL is set.
// The feed → webhook latency half of issue 10's bench (1 s polling on the replay server) is not
// measured here yet.
// Usage: npx tsx bench/alerts.ts [--subscriptions=1000]

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { createSubscription } from '../src/alerts/subscriptions.usecase.ts';
import { createAlertWorker } from '../src/alerts/worker.ts';
import { loadConfig } from '../src/config.ts';
import { createRecordAnalysis } from '../src/ingest/record-analysis.usecase.ts';
import { createLogger } from '../src/logger.ts';
import { createMonitorMetrics } from '../src/metrics.ts';
import { analyzeReplay, THREADS } from '../test/incidents/replay-corpus.ts';

const count = Number(/^--subscriptions=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 1000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-alerts-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir });
let received = 0;
let allReceived: () => void = () => {};
const done = new Promise<void>((resolve) => (allReceived = resolve));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.end('ok');
    if (++received === count) allReceived();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
const repos = createRepositories(database.db);
const worker = createAlertWorker({ repositories: repos, config: { ...loadConfig({}), alertsAllowPrivateUrls: true }, log: createLogger('warn'), metrics: createMonitorMetrics(), idleMs: 20 });
try {
  const policy = { allowPrivate: true, emailEnabled: false, resolveTickers: async () => new Map<string, string>(), sectorNames: null };
  for (let i = 0; i < count; i++) await createSubscription(repos, policy, { name: `bench ${i}`, channel: { type: 'webhook', url: `${url}/${i}` } }, null);
  const [f] = await analyzeReplay([THREADS.prudential[0]]);
  await repos.filings.recordDiscovered({ accessionNumber: f!.accessionNumber, cik: f!.cik, companyName: f!.companyName, form: f!.form, items: f!.items, filedAt: f!.filedAt, acceptedAt: f!.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
  worker.start();
  const t0 = performance.now();
  await createRecordAnalysis(repos)(f!.accessionNumber, { analysis: f!.analysis, item105Text: null });
  await done;
  const ms = performance.now() - t0;
  console.log(`bench:alerts (${database.kind}): one event to ${count} webhook subscriptions on loopback: all received in ${(ms / 1000).toFixed(2)} s (${(count / (ms / 1000)).toFixed(0)} alerts/s)`);
} finally {
  await worker.stop(1000);
  await worker.close();
  server.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
