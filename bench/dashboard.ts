// bench:dashboard — the dashboard's incident list page (/) at volume: server time (app.inject, no
// socket) of the full page and of the htmx fragment, unfiltered, filtered (item, flag, sector,
// ticker, materiality, status, combined) and searched, p50/p95 over rounds, and the incident
// page. Seeds the replay corpus's real incidents plus FILINGS synthetic filings as bench:search
// does (an incident filing every 10th, one incident each), and a company row per synthetic
// filer with a ticker and a SIC code so the sector and ticker filters have companies to join.
// Target: list page p50 ≤ 50 ms.
// Usage: npx tsx bench/dashboard.ts [--filings=150000] [--rounds=5]   (DATABASE_URL: a PostgreSQL server instead of PGlite)

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../api/app.ts';
import { openDatabase } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { searchCorpus, storeCorpus } from '../test/api/search-corpus.ts';
import { insertSyntheticFilings, quantile, textArray } from './synthetic-filings.ts';

const arg = (name: string, fallback: number) => Number(new RegExp(`^--${name}=(\\d+)$`).exec(process.argv.slice(2).find((a) => a.startsWith(`--${name}=`)) ?? '')?.[1] ?? fallback);
const FILINGS = arg('filings', 150_000);
const ROUNDS = arg('rounds', 5);
const databaseUrl = process.env.DATABASE_URL ?? null;

const INCIDENT_SENTENCES = [
  'On March 3, the Company detected unauthorized access to certain of its information technology systems by a threat actor.',
  'The Company experienced a ransomware attack that encrypted some of its servers and disrupted operations at several facilities.',
  'Upon detection, the Company activated its incident response plan and engaged leading third-party cybersecurity experts.',
  'The Company notified federal law enforcement and is cooperating with their investigation.',
  'The threat actor exfiltrated certain data, including personal information of employees and customers.',
  'A nation-state associated threat actor gained access to a small number of corporate email accounts.',
  'A third-party vendor that provides payroll services to the Company reported a cybersecurity incident affecting its platform.',
];
const OTHER_SENTENCES = [
  'The Company announced its financial results for the quarter ended September 30.',
  'The Board of Directors appointed a new Chief Financial Officer effective immediately.',
  'The Company entered into a credit agreement with a syndicate of lenders.',
  'The Company declared a quarterly cash dividend payable to holders of record.',
];
const COMPANIES = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'STARK', 'WAYNE', 'TYRELL', 'CYBERDYNE', 'SOYLENT', 'HOOLI', 'VANDELAY', 'MASSIVE DYNAMIC'];
// SIC codes across sectors: telecom, banking, insurance, healthcare, software, retail, manufacturing, utilities.
const SICS = ['4813', '6022', '6311', '8062', '7372', '5331', '3711', '4911', '5141', '1311'];
const FLAGS = ['ransomware', 'dataAccessed', 'operationalDisruption', 'nationState', 'thirdParty', 'lawEnforcementNotified'];

const PAGES = [
  '/',
  '/?item=1.05',
  '/?flag=ransomware',
  '/?sector=telecom',
  '/?ticker=G1000',
  '/?materialImpact=material',
  '/?status=open',
  '/?item=1.05&flag=ransomware&sector=software',
  '/?q=ransomware',
  '/?q=threat+actor&item=1.05',
];

const dataDir = databaseUrl ? '' : mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-dashboard-'));
const database = await openDatabase({ databaseUrl, dataDir });
try {
  const repos = createRepositories(database.db);
  await storeCorpus(repos, await searchCorpus(), true);
  const templates = Number((await database.query<{ n: number }>(sql`select count(*)::int as n from incidents`))[0]!.n);

  const t0 = performance.now();
  await insertSyntheticFilings(database, FILINGS, { incidentSentences: INCIDENT_SENTENCES, otherSentences: OTHER_SENTENCES, companies: COMPANIES, item105Every: 20, incidentSentencesPerFiling: 5 });
  await database.query(sql`
    insert into companies (cik, name, tickers, sic, last_filed_at)
    select f.cik, min(f.company_name), array['G' || (f.cik::bigint - 900000000)::text], (${textArray(SICS)})[1 + (f.cik::bigint % ${SICS.length})], max(f.accepted_at)
    from filings f where f.accession_number like '09%' group by f.cik
    on conflict (cik) do nothing`);
  // One incident per incident filing, its facts a real incident's; flags and items vary with it.
  await database.query(sql`
    insert into incidents (cik, company_name, title, status, item_path, items, material_impact, flags, first_disclosed_at, last_filed_at, last_activity_at, facts, search_text)
    select f.cik, f.company_name, f.company_name || ': cybersecurity incident disclosed ' || f.filed_at, (array['open', 'updated', 'escalated'])[1 + f.id % 3]::text,
           array_to_string(f.items, ' → '), f.items, f.material_impact,
           array[(${textArray(FLAGS)})[1 + f.id % ${FLAGS.length}], (${textArray(FLAGS)})[1 + (f.id / 7) % ${FLAGS.length}]],
           f.filed_at, f.filed_at, f.accepted_at, t.facts, f.search_text
    from filings f join lateral (select * from incidents where id = 1 + (f.id % ${templates})) t on true
    where f.incident and f.accession_number like '09%'`);
  await database.query(sql`
    insert into incident_filings (incident_id, accession_number, role, reason, confidence, position)
    select i.id, f.accession_number, 'original', 'first filing', 1, 0 from incidents i join filings f on f.cik = i.cik and f.incident and f.accepted_at = i.last_activity_at
    where f.accession_number like '09%' on conflict do nothing`);
  await database.query(sql`analyze`);
  const counts = (await database.query<{ filings: number; incidents: number; companies: number }>(
    sql`select (select count(*)::int from filings) as filings, (select count(*)::int from incidents) as incidents, (select count(*)::int from companies) as companies`,
  ))[0]!;
  console.log(
    `bench:dashboard — ${counts.filings.toLocaleString('en-US')} filings, ${counts.incidents.toLocaleString('en-US')} incidents, ${counts.companies.toLocaleString('en-US')} companies on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const app = await buildApp({ database, repositories: repos });
  await app.ready();
  try {
    const all: number[] = [];
    const fragments: number[] = [];
    const perPage: string[] = [];
    for (const url of PAGES) {
      const times: number[] = [];
      let rows = 0;
      for (let round = 0; round < ROUNDS + 1; round++) {
        for (const headers of [{}, { 'hx-request': 'true' }]) {
          const s = performance.now();
          const res = await app.inject({ method: 'GET', url, headers });
          const ms = performance.now() - s;
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          if (round === 0) {
            rows = (res.body.match(/<tr data-incident=/g) ?? []).length; // round 0 warms up
            continue;
          }
          times.push(ms);
          ('hx-request' in headers ? fragments : all).push(ms);
        }
      }
      perPage.push(`    ${url.padEnd(48)} ${String(rows).padStart(3)} rows  p50 ${quantile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(times, 0.95).toFixed(1).padStart(6)} ms`);
    }
    // The same filters through /v1/incidents: what the dashboard adds to the repository's query is the rendering.
    const api: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const url of PAGES) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url: `/v1/incidents${url.slice(1) ? `${url.slice(1)}&` : '?'}limit=25` });
        if (res.statusCode !== 200) throw new Error(`/v1/incidents for ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (round > 0) api.push(performance.now() - s);
      }
    }
    const incidentTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: `/incidents/${1 + round}` });
      if (res.statusCode !== 200) throw new Error(`/incidents/${1 + round}: ${res.statusCode}`);
      incidentTimes.push(performance.now() - s);
    }
    console.log(`  GET / (list page, ${PAGES.length} filter sets × ${ROUNDS} rounds, full page): p50 ${quantile(all, 0.5).toFixed(1)} ms, p95 ${quantile(all, 0.95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms (target p50 ≤ 50 ms)`);
    console.log(`  GET / as htmx (results fragment only): p50 ${quantile(fragments, 0.5).toFixed(1)} ms, p95 ${quantile(fragments, 0.95).toFixed(1)} ms`);
    console.log(perPage.join('\n'));
    console.log(`  GET /v1/incidents with the same filters, limit=25 (JSON): p50 ${quantile(api, 0.5).toFixed(1)} ms, p95 ${quantile(api, 0.95).toFixed(1)} ms`);
    console.log(`  GET /incidents/:id (incident page): p50 ${quantile(incidentTimes, 0.5).toFixed(1)} ms`);
  } finally {
    await app.close();
  }
} finally {
  await database.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
