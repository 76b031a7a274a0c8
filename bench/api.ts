// `npm run bench:api`: throughput of `GET /v1/filings?limit=20` under autocannon (50 connections),
// and, in the same run and process, of a bare Fastify route that sends the same bytes,
// precomputed: the ratio is what the API costs on top of HTTP and Fastify themselves. The server
// runs in a child process (so autocannon does not share its event loop) on an embedded PGlite
// seeded with a realistic number of analyzed filings: the real analyses of the replay corpus,
// repeated under synthetic accession numbers and acceptance times. Figures are printed, never
// asserted. The API keeps serialized responses until the filings change; a third run sends a
// change signal before every request, so each one reads the database: the cost of a cache miss.
//
//   npm run bench:api -- [--filings=20000] [--seconds=5] [--rounds=3] [--connections=50]

import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pino from 'pino';
import { buildApp } from '../api/app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { filingsChanged } from '../db/filing-changes.ts';
import { summarize } from '../db/repositories/filings.ts';
import { companies, filings } from '../db/schema.ts';
import { analyzeFiling } from '../src/analysis/index.ts';
import type { Analysis } from '../src/analysis/types.ts';
import { DEMO_CORPUS, loadCorpus } from '../src/replay/corpus.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const FILINGS = Number(args.get('filings') ?? 20_000);
const SECONDS = Number(args.get('seconds') ?? 5);
const ROUNDS = Number(args.get('rounds') ?? 3);
const CONNECTIONS = Number(args.get('connections') ?? 50);
const WARM_UP_SECONDS = 3;
const LIST_PATH = '/v1/filings?limit=20';

interface Ready {
  api: string;
  bare: string;
  bytes: number;
  filings: number;
  analyses: number;
}

/** The real analyses of the replay corpus (about 35 filings: Item 1.05s, 8.01s, negatives, 10-Qs). */
async function corpusAnalyses(): Promise<Array<{ template: ReturnType<typeof loadCorpus>['filings'][number]; analysis: Analysis; item105Text: string | null }>> {
  const corpus = loadCorpus(DEMO_CORPUS);
  const out = [];
  for (const filing of corpus.filings) {
    const { analysis, item105Text } = await analyzeFiling(filing.bytes, {
      source: filing.source,
      form: filing.form,
      filedAt: filing.filedDate,
      items: filing.items,
      accessionNumber: filing.accession,
      cik: filing.cik,
      company: filing.company,
    });
    out.push({ template: filing, analysis, item105Text });
  }
  return out;
}

// Rows written with drizzle in batches: `recordDiscovered` + `recordAnalysis` one filing at a time
// would take minutes for 20,000 filings, and only the stored rows matter to the list.
async function seed(database: Database, count: number): Promise<number> {
  const analyses = await corpusAnalyses();
  const start = Date.UTC(2024, 0, 2, 14, 0, 0);
  const rows: Array<typeof filings.$inferInsert> = [];
  const ciks = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const { template, analysis, item105Text } = analyses[i % analyses.length]!;
    // About 32 filings a day: two years of 8-Ks at the pace of the filers the corpus comes from.
    const acceptedAt = new Date(start + i * 45 * 60_000);
    const accession = `9${String(i).padStart(9, '0')}-${String(acceptedAt.getUTCFullYear()).slice(2)}-${String(i % 1_000_000).padStart(6, '0')}`;
    const folder = `https://www.sec.gov/Archives/edgar/data/${Number(template.cik)}/${accession.replace(/-/g, '')}`;
    ciks.set(template.cik, template.company);
    rows.push({
      accessionNumber: accession,
      cik: template.cik,
      companyName: template.company,
      form: template.form,
      items: template.items,
      filedAt: acceptedAt.toISOString().slice(0, 10),
      acceptedAt,
      indexUrl: `${folder}/${accession}-index.htm`,
      submissionUrl: `${folder}/${accession}.txt`,
      status: 'analyzed',
      discoveredAt: acceptedAt,
      analyzedAt: new Date(acceptedAt.getTime() + 1500),
      item105Text,
      incident: analysis.incident,
      incidentItem: analysis.item,
      materialImpact: analysis.materialImpact,
      analyzerVersion: analysis.analyzerVersion,
      analysis: { ...analysis, accessionNumber: accession },
      analysisSummary: summarize(analysis),
    });
  }
  await database.db.insert(companies).values([...ciks].map(([cik, name]) => ({ cik, name }))).onConflictDoNothing();
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(filings).values(rows.slice(i, i + 500));
  return analyses.length;
}

/** Child process: the seeded API and the bare route, until the parent goes away. */
async function serve(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-api-'));
  const database = await openDatabase({ databaseUrl: null, dataDir });
  const analyses = await seed(database, FILINGS);
  // Logging as `cyber8k serve` does at LOG_LEVEL=info: one line per request, here to /dev/null.
  const log = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const app = await buildApp({ database, logger: log });
  // On the parent's word, a change signal before every request: each one reads the database, as a
  // list does right after a filing arrives.
  let uncached = false;
  app.addHook('onRequest', async () => {
    if (uncached) filingsChanged(database.db);
  });
  process.on('message', (m) => {
    if (m === 'uncached') uncached = true;
    process.send?.('ok');
  });
  const api = await app.listen({ port: 0, host: '127.0.0.1' });
  const body = Buffer.from(await (await fetch(`${api}${LIST_PATH}`)).arrayBuffer());
  const contentType = 'application/json; charset=utf-8';
  const bare = Fastify({ logger: false });
  bare.get('/bare', (_request, reply) => reply.type(contentType).send(body));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ api: `${api}${LIST_PATH}`, bare: `${bareUrl}/bare`, bytes: body.length, filings: FILINGS, analyses } satisfies Ready);
  process.on('disconnect', () => {
    void (async () => {
      await bare.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}

type Measured = Awaited<ReturnType<typeof measure>>;

async function measure(url: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerResponse: result.throughput.average / Math.max(1, result.requests.average),
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', ...process.argv.slice(2)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  try {
    console.log(`bench:api — ${ready.filings.toLocaleString('en-US')} analyzed filings (${ready.analyses} real analyses repeated), PGlite, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each`);
    console.log(`GET ${LIST_PATH}: ${ready.bytes.toLocaleString('en-US')} bytes per response`);
    await measure(ready.bare, WARM_UP_SECONDS);
    await measure(ready.api, WARM_UP_SECONDS);
    // Alternated rounds: on a shared machine the load moves, and the median ratio of rounds run
    // side by side says more than one long run of each.
    const rounds: Array<{ bare: Measured; api: Measured }> = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push({ bare: await measure(ready.bare, SECONDS), api: await measure(ready.api, SECONDS) });
    child.send('uncached');
    await new Promise((resolve) => child.once('message', resolve));
    const uncached = await measure(ready.api, SECONDS);
    const line = (name: string, r: Measured) =>
      `  ${name.padEnd(48)} ${Math.round(r.rps).toLocaleString('en-US').padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms${r.failures ? `   ${r.failures} failed` : ''}`;
    const ratios = rounds.map((r) => r.api.rps / r.bare.rps);
    rounds.forEach((r, i) => {
      console.log(`round ${i + 1}:`);
      console.log(line('bare Fastify route, same bytes', r.bare));
      console.log(line(`API ${LIST_PATH}`, r.api));
    });
    console.log(line(`API, every request reading the database`, uncached));
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
    const bareMedian = [...rounds.map((r) => r.bare.rps)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
    console.log(`ratio API / bare: median ${(median * 100).toFixed(1)}% (rounds ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}); reading the database each time: ${((uncached.rps / bareMedian) * 100).toFixed(1)}%`);
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
