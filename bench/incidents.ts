// bench:incidents — what threading adds to storing an analysis, and how long `incidents rebuild`
// takes. Seeds an embedded PGlite with COMPANIES copies of the replay corpus's real threaded
// filings (Prudential, River Financial, Wytec, UNFI, West, Nucor: 10 filings of 6 companies), each under
// a CIK of its own and re-accessioned, stores each analysis (the record-analysis use case, which rethreads the
// company in its transaction), then times a rethread of each company alone and a full rebuild.
// Usage: npx tsx bench/incidents.ts [--companies=1000]   (copies of the corpus: 10 filings each)

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { createRecordAnalysis } from '../src/ingest/record-analysis.usecase.ts';
import { analyzeReplay, THREADS } from '../test/incidents/replay-corpus.ts';

const companies = Number(/^--companies=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 200);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-incidents-'));
const database = await openDatabase({ databaseUrl: null, dataDir });
try {
  const repos = createRepositories(database.db);
  const recordAnalysis = createRecordAnalysis(repos);
  const corpus = await analyzeReplay(Object.values(THREADS).flat());
  const byCompany = new Map<string, typeof corpus>();
  for (const f of corpus) byCompany.set(f.cik, [...(byCompany.get(f.cik) ?? []), f]);
  let stored = 0;
  let storeMs = 0;
  const ciks: string[] = [];
  for (let c = 0; c < companies; c++) {
    for (const [n, filings] of [...byCompany.values()].entries()) {
      const cik = String(9_000_000_000 + c * 10 + n);
      ciks.push(cik);
      for (const f of filings) {
        const accessionNumber = `${cik}-${f.accessionNumber.slice(11)}`;
        await repos.filings.recordDiscovered({ accessionNumber, cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
        const t0 = performance.now();
        await recordAnalysis(accessionNumber, { analysis: { ...f.analysis, accessionNumber, cik }, item105Text: null });
        storeMs += performance.now() - t0;
        stored += 1;
      }
    }
  }
  let rethreadMs = 0;
  for (const cik of ciks) {
    const t0 = performance.now();
    await repos.incidents.rethread(cik);
    rethreadMs += performance.now() - t0;
  }
  const t0 = performance.now();
  const rebuilt = await repos.incidents.rebuild();
  const rebuildMs = performance.now() - t0;
  console.log(`bench:incidents — ${stored.toLocaleString('en-US')} analyzed filings of ${ciks.length.toLocaleString('en-US')} companies (real replay analyses, re-accessioned), PGlite`);
  console.log(`  recordAnalysis incl. rethread and events: ${(storeMs / stored).toFixed(2)} ms per filing`);
  console.log(`  rethread alone (no change, no event):   ${(rethreadMs / stored).toFixed(2)} ms per filing (${(rethreadMs / ciks.length).toFixed(2)} ms per company)`);
  console.log(`  incidents rebuild: ${rebuilt.incidents.toLocaleString('en-US')} incidents of ${rebuilt.companies.toLocaleString('en-US')} companies in ${(rebuildMs / 1000).toFixed(2)} s (${(rebuildMs / stored).toFixed(2)} ms per filing), ${rebuilt.events} events`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
