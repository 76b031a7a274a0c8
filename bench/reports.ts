// bench:reports — building one week's report over two years of synthetic volume. Seeds an embedded
// PGlite (or DATABASE_URL) with ≈150,000 filings (2024–2025, ≈300 a business day, mostly no
// incident, each with an analysis of a few hundred bytes) and ≈400 incidents of 1–3 filings each
// (8.01 → 1.05 escalations, plain and 8-K/A updates, 10-Q passages), threaded by `incidents
// rebuild`; then times loading + building the busiest week's report, and rendering it four ways.
// Usage: npx tsx bench/reports.ts [--filings=150000] [--incidents=400]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { rebuildIncidents } from '../src/incidents/rethread.usecase.ts';
import { businessDaysBetween } from '../src/calendar/index.ts';
import { REPORT_FORMATS, renderReport } from '../src/reports/render/index.ts';
import { isoWeekOf } from '../src/reports/week.ts';
import { buildWeeklyReport } from '../src/reports/weekly.usecase.ts';

const arg = (name: string, fallback: number) => Number(process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const totalFilings = arg('filings', 150_000);
const incidentCount = arg('incidents', 400);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-reports-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir });
const ms = (t0: number) => performance.now() - t0;
try {
  const repos = createRepositories(database.db);
  const days = businessDaysBetween('2024-01-02', '2025-12-31');
  const perDay = Math.ceil(totalFilings / days.length);
  const dayList = sql.raw(`array[${days.map((d) => `'${d}'`).join(',')}]::date[]`);

  let t0 = performance.now();
  // The bulk: filings that state no incident, spread over every business day.
  await database.query(sql`
    insert into filings (accession_number, cik, company_name, form, items, filed_at, accepted_at, index_url, submission_url, status, incident, analyzer_version, analysis, analysis_summary, analyzed_at)
    select lpad((1000000 + g % 5000)::text, 10, '0') || '-' || to_char(d, 'YY') || '-' || lpad(g::text, 6, '0'),
           lpad((1000000 + g % 5000)::text, 10, '0'), 'SYNTHETIC CO ' || (g % 5000),
           case when g % 10 = 0 then '10-Q' when g % 37 = 0 then '10-K' else '8-K' end,
           case when g % 10 = 0 or g % 37 = 0 then '{}'::text[] else array['2.02', '9.01'] end,
           d, d + time '15:00', 'https://www.sec.gov/', 'https://www.sec.gov/',
           case when g % 997 = 0 then 'dead' when g % 499 = 0 then 'pending' else 'analyzed' end,
           false, '1.12.0',
           jsonb_build_object('incident', false, 'item', null, 'review', g % 211 = 0, 'confidence', 0.99, 'evidence', '{}'::jsonb,
             'statements', jsonb_build_array(jsonb_build_object('kind', 'financial', 'text', repeat('Revenue for the quarter increased. ', 8)))),
           jsonb_build_object('update', false), now()
    from generate_series(1, ${days.length * perDay}) g, lateral (select (${dayList})[1 + (g - 1) / ${perDay}] as d) day
    where g <= ${totalFilings}`);
  const bulkMs = ms(t0);

  // The incidents: each company's first filing (8.01 or 1.05), then 0–2 follow-ups stating the same detection day.
  t0 = performance.now();
  const rows: string[] = [];
  let incidentFilings = 0;
  for (let i = 0; i < incidentCount; i++) {
    const cik = String(8_000_000_000 + i);
    const first = days[Math.floor((i * 7919) % (days.length - 30))]!;
    const detected = first;
    const start801 = i % 3 === 0;
    const steps = [
      { form: '8-K', item: start801 ? '8.01' : '1.05', day: first, update: false },
      ...(i % 2 === 0 ? [{ form: i % 4 === 0 ? '8-K/A' : '8-K', item: '1.05', day: days[days.indexOf(first) + 5]!, update: true }] : []),
      ...(i % 5 === 0 ? [{ form: '10-Q', item: null, day: days[days.indexOf(first) + 25]!, update: true }] : []),
    ];
    steps.forEach((s, n) => {
      const accession = `${cik}-${s.day.slice(2, 4)}-${String(900000 + n).padStart(6, '0')}`;
      const analysis = {
        incident: true, item: s.item, update: s.update, materialImpact: n === 0 ? 'not-determined' : 'material', review: i % 50 === 0, confidence: 0.95,
        dates: { began: null, detected, determinedMaterial: s.item === '1.05' && n > 0 ? s.day : null, contained: null },
        flags: { ransomware: i % 4 === 0, dataAccessed: i % 3 === 0, operationalDisruption: i % 2 === 0, nationState: i % 9 === 0, thirdParty: i % 6 === 0, lawEnforcementNotified: i % 2 === 1, disclosureDelayed: false },
        evidence: { incident: `On ${detected}, Incident Co ${i} detected unauthorized access to its systems.` }, statements: [], reportDate: first, amendment: null, references: [],
        incidentName: null, incidents: [], analyzerVersion: '1.12.0', form: s.form, items: s.item ? [s.item] : [], accessionNumber: accession, cik, company: `INCIDENT CO ${i}`, filedAt: s.day, acceptedAt: `${s.day}T20:00:00Z`, source: accession,
      };
      const json = JSON.stringify(analysis).replace(/'/g, "''");
      rows.push(`('${accession}', '${cik}', 'INCIDENT CO ${i}', '${s.form}', ${s.item ? `array['${s.item}']` : `'{}'::text[]`}, '${s.day}', '${s.day}T20:00:00Z', 'https://www.sec.gov/', 'https://www.sec.gov/', 'analyzed', true, '${s.item ?? ''}', '${analysis.materialImpact}', '1.12.0', '${json}'::jsonb, now())`);
      incidentFilings += 1;
    });
  }
  for (let i = 0; i < rows.length; i += 200) {
    await database.query(sql.raw(`insert into filings (accession_number, cik, company_name, form, items, filed_at, accepted_at, index_url, submission_url, status, incident, incident_item, material_impact, analyzer_version, analysis, analyzed_at) values ${rows.slice(i, i + 200).join(',')}`));
  }
  await database.query(sql`update filings set incident_item = null where incident_item = ''`);
  const rebuilt = await rebuildIncidents(repos);
  await database.query(sql`analyze`);
  const seedMs = ms(t0);
  const [count] = await database.query<{ n: number }>(sql`select count(*)::int as n from filings`);
  console.log(`seeded ${count!.n} filings (${incidentFilings} stating an incident, ${rebuilt.incidents} incidents) in ${((bulkMs + seedMs) / 1000).toFixed(1)} s`);

  const [busiest] = await database.query<{ d: string }>(sql`select to_char(date_trunc('week', filed_at::timestamp), 'YYYY-MM-DD') as d from filings where incident group by 1 order by count(*) desc, 1 limit 1`);
  const week = isoWeekOf(busiest!.d);
  const times: number[] = [];
  let model;
  for (let run = 0; run < 5; run++) {
    t0 = performance.now();
    model = await buildWeeklyReport(repos.reports, week);
    times.push(ms(t0));
  }
  t0 = performance.now();
  const sizes = REPORT_FORMATS.map((f) => `${f} ${(renderReport(model!, f).length / 1024).toFixed(0)} KB`);
  const renderMs = ms(t0);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`week ${week}: ${model!.headline.filings.value} incident filings, ${model!.headline.incidents.touched.value} incidents touched, ${model!.dataQuality.filings.discovered} filings in the week`);
  console.log(`load + build one week's report (${database.kind}): first ${(times[0]! / 1000).toFixed(3)} s, median of 5 ${(sorted[2]! / 1000).toFixed(3)} s, max ${(sorted[4]! / 1000).toFixed(3)} s (budget 2 s)`);
  console.log(`render all four formats: ${renderMs.toFixed(0)} ms (${sizes.join(', ')})`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
