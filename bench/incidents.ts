// bench:incidents — what threading and event emission add to storing an analysis, and how long
// `incidents rebuild` takes. Seeds an embedded PGlite with COMPANIES copies of the replay corpus's
// real threaded filings (Prudential, River Financial, Wytec, UNFI, West, Nucor: 10 filings of 6
// companies), each copy under CIKs of its own and re-accessioned, stored as analyzed rows in
// batches. Then, on MEASURED further copies filing by filing: storing the analysis alone (in a
// transaction, as the use case does) and recording it through the record-analysis use case (store
// + rethread + events), so the difference is what threading adds; a rethread that changes nothing;
// and `incidents rebuild` over every filing, from empty incident tables and again over its own result.
// Usage: npx tsx bench/incidents.ts [--companies=1000] [--measured=30]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { summarize } from '../db/repositories/filings.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { companies as companiesTable, filings as filingsTable } from '../db/schema.ts';
import { rebuildIncidents, rethreadCompanies } from '../src/incidents/rethread.usecase.ts';
import { createRecordAnalysis } from '../src/ingest/record-analysis.usecase.ts';
import { analyzeReplay, THREADS } from '../test/incidents/replay-corpus.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const companies = arg('companies', 200);
const measured = arg('measured', 30);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-incidents-'));
const database = await openDatabase({ databaseUrl: null, dataDir });
const ms = (t0: number) => performance.now() - t0;
// PGlite runs in this process: its CPU time is this process's, and moves far less with the
// machine's load than wall time does (a shared machine's figures are still only indicative).
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
try {
  const repos = createRepositories(database.db);
  const recordAnalysis = createRecordAnalysis(repos);
  const corpus = await analyzeReplay(Object.values(THREADS).flat());
  const groups = new Map<string, typeof corpus>();
  for (const f of corpus) groups.set(f.cik, [...(groups.get(f.cik) ?? []), f]);
  const byCompany = [...groups.values()];
  const copy = (c: number) =>
    byCompany.flatMap((filings, n) => {
      const cik = String(9_000_000_000 + c * 10 + n);
      return filings.map((f) => ({ ...f, cik, accessionNumber: `${cik}-${f.accessionNumber.slice(11)}`, analysis: { ...f.analysis, accessionNumber: `${cik}-${f.accessionNumber.slice(11)}`, cik } }));
    });

  // Seeded in batches: through the use case one at a time would take minutes, and a rebuild reads only the stored rows.
  const seeded = Array.from({ length: companies }, (_, c) => copy(c)).flat();
  await database.db.insert(companiesTable).values([...new Map(seeded.map((f) => [f.cik, { cik: f.cik, name: f.companyName }])).values()]).onConflictDoNothing();
  for (let i = 0; i < seeded.length; i += 500) {
    await database.db.insert(filingsTable).values(
      seeded.slice(i, i + 500).map((f) => ({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: new Date(f.acceptedAt),
        indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/', status: 'analyzed' as const, analyzedAt: new Date(), incident: f.analysis.incident,
        incidentItem: f.analysis.item, materialImpact: f.analysis.materialImpact, analyzerVersion: f.analysis.analyzerVersion, analysis: f.analysis, analysisSummary: summarize(f.analysis),
      })),
    );
  }

  // Filing by filing, on copies of their own: the analysis stored alone, then recorded (stored again, rethreaded, events).
  let storeMs = 0;
  let recordMs = 0;
  let storeCpu = 0;
  let recordCpu = 0;
  let stored = 0;
  const measuredCiks = new Set<string>();
  for (let c = companies; c < companies + measured; c++) {
    for (const f of copy(c)) {
      measuredCiks.add(f.cik);
      await repos.filings.recordDiscovered({ accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
      const result = { analysis: f.analysis, item105Text: null };
      let t0 = performance.now();
      let c0 = cpuNow();
      await repos.transaction(async (tx) => {
        await tx.filings.storeAnalysis(f.accessionNumber, result);
        await tx.filings.notifyChanged();
      });
      storeMs += ms(t0);
      storeCpu += cpuNow() - c0;
      t0 = performance.now();
      c0 = cpuNow();
      await recordAnalysis(f.accessionNumber, result);
      recordMs += ms(t0);
      recordCpu += cpuNow() - c0;
      stored += 1;
    }
  }
  let rethreadMs = 0;
  for (const cik of measuredCiks) {
    const t0 = performance.now();
    await repos.transaction((tx) => rethreadCompanies(tx.incidents, [cik]));
    rethreadMs += ms(t0);
  }
  const [{ n: total } = { n: 0 }] = await database.query<{ n: number }>(sql`select count(*)::int as n from filings where status = 'analyzed'`);
  await database.query(sql.raw('truncate events, incident_filings, incidents restart identity cascade'));
  let t0 = performance.now();
  const rebuilt = await rebuildIncidents(repos);
  const rebuildMs = ms(t0);
  t0 = performance.now();
  const again = await rebuildIncidents(repos);
  const againMs = ms(t0);

  const per = (x: number) => (x / stored).toFixed(2);
  const cpu = (x: number) => `(CPU ${(x / stored).toFixed(2)} ms)`;
  console.log(`bench:incidents — PGlite; ${measured} copies of the replay corpus's 10 threaded filings (${stored} filings of ${measuredCiks.size} companies) recorded one by one`);
  console.log(`  analysis stored alone (its transaction):            ${per(storeMs)} ms per filing ${cpu(storeCpu)}`);
  console.log(`  recorded: stored + rethread + events (use case):    ${per(recordMs)} ms per filing ${cpu(recordCpu)}`);
  console.log(`  → threading and event emission add:                 ${per(recordMs - storeMs)} ms per filing ${cpu(recordCpu - storeCpu)} (target ≤ 5 ms)`);
  console.log(`  rethread that changes nothing (lock + one read):    ${(rethreadMs / measuredCiks.size).toFixed(2)} ms per company`);
  console.log(`incidents rebuild over ${Number(total).toLocaleString('en-US')} analyzed filings of ${rebuilt.companies.toLocaleString('en-US')} companies (${companies} seeded copies + the measured ones):`);
  console.log(`  from empty incident tables: ${rebuilt.incidents.toLocaleString('en-US')} incidents, ${rebuilt.events.toLocaleString('en-US')} events in ${(rebuildMs / 1000).toFixed(2)} s (${(rebuildMs / Number(total)).toFixed(3)} ms per filing)`);
  console.log(`  again over its own result:  ${again.events} events in ${(againMs / 1000).toFixed(2)} s (${(againMs / Number(total)).toFixed(3)} ms per filing)`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
