// Run by bench/memory.ts in a process of its own (`node --import tsx --expose-gc`): brings up what
// `cyber8k serve` brings up, one stage at a time, and prints the RSS after each (after a GC) and
// what the stage added, so a figure can be traced to a library or to the database.

import pino from 'pino';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: memory-stages.ts DATA_DIR (a migrated data directory)');

let last = 0;
function stage(label: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const rss = m.rss / 1048576;
  const added = last === 0 ? '' : `+${Math.round(rss - last)} MB`.padStart(9);
  console.log(`  ${label.padEnd(46)} ${`${Math.round(rss)} MB`.padStart(7)} ${added.padEnd(9)}  (V8 heap ${Math.round(m.heapUsed / 1048576)} MB, outside it ${Math.round(m.external / 1048576)} MB)`);
  last = rss;
}

stage('node + tsx');
const { buildApp } = await import('../api/app.ts');
stage('API modules (fastify, swagger, schemas)');
const { startMonitor } = await import('../src/monitor.ts');
stage('monitor modules (ingestion, analyzer, EDGAR)');
const { openDatabase } = await import('../db/client.ts');
const database = await openDatabase({ databaseUrl: null, dataDir });
stage('embedded database open (PGlite)');
const { createMonitorMetrics } = await import('../src/metrics.ts');
const app = await buildApp({ database, logger: pino({ level: 'silent' }), metrics: createMonitorMetrics(), runtime: { polling: false } });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
stage('API built and listening');
await fetch(`${url}/v1/filings`);
await fetch(`${url}/docs/json`);
stage('after a first /v1/filings and /docs/json');
const { PDFParse } = await import('pdf-parse');
void PDFParse;
stage('pdf-parse (pdf.js), loaded at the first PDF');
void startMonitor;
await app.close();
await database.close();
