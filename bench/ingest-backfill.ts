// `npx tsx bench/ingest-backfill.ts [--days=21] [--per-day=15,300] [--rps=5]`: backfill throughput
// over a replayed month of daily indexes (synthetic filings, src/replay/synthetic.ts) through the
// real EDGAR client at SEC-polite 5 requests a second, into an embedded PGlite database (and into
// PostgreSQL too when DATABASE_URL is set). Prints days/s and filings discovered/s, and, as the
// baseline in the same process, the same backfill with no rate limit at all, which shows what the
// database alone allows. Light days (15 filings) show the request-bound pace, busy days (300, about
// EDGAR's daily count of 8-Ks, 10-Qs and 10-Ks) the database-bound one. Numbers are for reading,
// never asserted.

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import postgres from 'postgres';
import { openDatabase, type Database } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { createEdgarClient } from '../src/edgar/client.ts';
import { runBackfill } from '../src/ingest/backfill.ts';
import { createReplayServer } from '../src/replay/index.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const days = Number(args.get('days') ?? 21);
const perDays = (args.get('per-day') ?? '15,300').split(',').map(Number);
const rps = Number(args.get('rps') ?? 5);
const CORPUS = fileURLToPath(new URL('../test/fixtures/replay', import.meta.url));
const FROM = '2024-04-01';
const log = pino({ level: 'warn' });

interface Run {
  label: string;
  seconds: number;
  days: number;
  discovered: number;
  requests: number;
}

async function backfillOnce(label: string, database: Database, perDay: number, requestsPerSecond: number, rateLimitPerSecond: number): Promise<Run> {
  const replay = await createReplayServer({ corpusDir: CORPUS, synthetic: { from: FROM, businessDays: days, perDay, seed: 1 }, rateLimitPerSecond });
  const base = await replay.listen({ port: 0 });
  replay.releaseAll();
  const lastDay = replay.synthetic!.days.at(-1)!;
  let requests = 0;
  const edgar = createEdgarClient({
    userAgent: 'cyber8k bench bench@cyber8k.local',
    baseUrls: { www: base, data: base, efts: base },
    requestsPerSecond,
    timeoutMs: 30_000,
    onRequest: () => void (requests += 1),
  });
  try {
    const started = performance.now();
    const result = await runBackfill({ repositories: createRepositories(database.db), edgar, log, from: FROM, to: lastDay });
    const seconds = (performance.now() - started) / 1000;
    if (replay.stats.rateLimited > 0) throw new Error(`${label}: the replay server refused ${replay.stats.rateLimited} requests for exceeding 10/s`);
    return { label, seconds, days: result.daysDone, discovered: result.discovered, requests };
  } finally {
    await edgar.close();
    await replay.close();
  }
}

async function withPglite<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const pglite = await PGlite.create();
  const database = await openDatabase({ databaseUrl: null, dataDir: '', pglite });
  try {
    return await fn(database);
  } finally {
    await database.close();
    await pglite.close();
  }
}

/** A database of its own on the server, dropped afterwards. */
async function withPostgres<T>(serverUrl: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const name = `cyber8k_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  try {
    return await fn(database);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
}

function print(run: Run, baseline?: Run): void {
  const daysPerSecond = run.days / run.seconds;
  const filingsPerSecond = run.discovered / run.seconds;
  const ratio = baseline ? `   (${(filingsPerSecond / (baseline.discovered / baseline.seconds)).toFixed(2)}× the unthrottled baseline)` : '';
  console.log(
    `${run.label.padEnd(44)} ${run.seconds.toFixed(2).padStart(7)} s  ${daysPerSecond.toFixed(2).padStart(6)} days/s  ${filingsPerSecond.toFixed(0).padStart(6)} filings/s  ` +
      `${run.discovered} filings, ${run.days} days, ${run.requests} requests${ratio}`,
  );
}

const targets: Array<[string, <T>(fn: (db: Database) => Promise<T>) => Promise<T>]> = [['PGlite', withPglite]];
if (process.env.DATABASE_URL) targets.push(['PostgreSQL', (fn) => withPostgres(process.env.DATABASE_URL!, fn)]);
// A short run first, so neither measured run pays for JIT compilation and first-query planning.
await withPglite((db) => backfillOnce('warm-up', db, 20, 10_000, Infinity));
for (const perDay of perDays) {
  console.log(`\nbackfill of ${days} weekdays × ${perDay} synthetic filings a day from ${FROM} (8-K, 8-K/A and 6-K; 6-Ks are listed but not kept)`);
  for (const [name, open] of targets) {
    const baseline = await open((db) => backfillOnce(`${name}, no rate limit (baseline)`, db, perDay, 10_000, Infinity));
    const polite = await open((db) => backfillOnce(`${name}, ${rps} requests/s`, db, perDay, rps, 10));
    print(baseline);
    print(polite, baseline);
  }
}
