// bench:search — full-text search and exports at volume. Seeds a database with the replay
// corpus's real analyses (threaded into incidents) and FILINGS synthetic filings (an incident
// filing every 10th, with a few sentences of incident wording, the rest shorter 8-K text drawn from
// the same vocabulary), one synthetic incident per incident filing, then times `q` searches on
// /v1/filings and /v1/incidents (p50/p95 over rounds of several queries, through the app) and the
// export of every incident as CSV and JSON lines (MB/s, read through a real socket).
// Usage: npx tsx bench/search.ts [--filings=150000] [--rounds=5]   (DATABASE_URL: a PostgreSQL server instead of PGlite)

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { request } from 'undici';
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
  'The incident has had, and is reasonably likely to continue to have, a material impact on the Company’s operations.',
  'As of the date of this report, the Company has not determined that the incident is reasonably likely to materially impact its financial condition.',
  'The Company has contained the incident and restored the affected systems from backups.',
  'A third-party vendor that provides payroll services to the Company reported a cybersecurity incident affecting its platform.',
  'The Company maintains cybersecurity insurance and expects it to cover a portion of the costs.',
  'Customers experienced delays in order fulfillment while systems were offline.',
];
const OTHER_SENTENCES = [
  'The Company announced its financial results for the quarter ended September 30.',
  'The Board of Directors appointed a new Chief Financial Officer effective immediately.',
  'The Company entered into a credit agreement with a syndicate of lenders.',
  'The annual meeting of shareholders approved each of the proposals described in the proxy statement.',
  'The Company issued a press release announcing the completion of the acquisition.',
  'The information in this Item 7.01 is furnished and shall not be deemed filed.',
  'The Company declared a quarterly cash dividend payable to holders of record.',
  'The Company amended its bylaws to adopt a majority voting standard.',
];
const COMPANIES = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'STARK', 'WAYNE', 'TYRELL', 'CYBERDYNE', 'SOYLENT', 'HOOLI', 'VANDELAY', 'MASSIVE DYNAMIC'];

const SEARCHES = ['ransomware', 'ransom', 'threat actor', '"unauthorized access"', 'material impact -ransomware', 'nation-state email', 'payroll or vendor', 'law enforcement', 'globex', 'restored backups'];

const dataDir = databaseUrl ? '' : mkdtempSync(path.join(os.tmpdir(), 'cyber8k-bench-search-'));
const database = await openDatabase({ databaseUrl, dataDir });
try {
  const repos = createRepositories(database.db);
  await storeCorpus(repos, await searchCorpus(), false);
  const templates = Number((await database.query<{ n: number }>(sql`select count(*)::int as n from incidents`))[0]!.n);

  const t0 = performance.now();
  await insertSyntheticFilings(database, FILINGS, { incidentSentences: INCIDENT_SENTENCES, otherSentences: OTHER_SENTENCES, companies: COMPANIES, item105Every: 10, incidentSentencesPerFiling: 6 });
  // One incident per incident filing, its facts a real incident's, linked to that filing.
  await database.query(sql`
    insert into incidents (cik, company_name, title, status, item_path, items, material_impact, flags, first_disclosed_at, last_filed_at, last_activity_at, facts, search_text)
    select f.cik, f.company_name, f.company_name || ': cybersecurity incident disclosed ' || f.filed_at, t.status, t.item_path, t.items, f.material_impact, t.flags, f.filed_at, f.filed_at, f.accepted_at, t.facts, f.search_text
    from filings f join lateral (select * from incidents where id = 1 + (f.id % ${templates})) t on true
    where f.incident and f.accession_number like '09%'`);
  await database.query(sql`
    insert into incident_filings (incident_id, accession_number, role, reason, confidence, position)
    select i.id, f.accession_number, 'original', 'first filing', 1, 0 from incidents i join filings f on f.cik = i.cik and f.incident and f.accepted_at = i.last_activity_at
    where f.accession_number like '09%' on conflict do nothing`);
  await database.query(sql`analyze`);
  const counts = (await database.query<{ filings: number; incidents: number }>(sql`select (select count(*)::int from filings) as filings, (select count(*)::int from incidents) as incidents`))[0]!;
  console.log(`bench:search — ${counts.filings.toLocaleString('en-US')} filings, ${counts.incidents.toLocaleString('en-US')} incidents on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  if (process.env.BENCH_EXPLAIN) {
    for (const query of [
      sql`explain analyze select id, ts_rank(search, websearch_to_tsquery('english', 'ransomware')) from incidents where search @@ websearch_to_tsquery('english', 'ransomware') order by 2 desc, id desc limit 21`,
      sql`explain analyze select * from incidents order by last_activity_at desc, id desc limit 501`,
      sql`explain analyze select l.incident_id, f.form from incident_filings l join filings f on f.accession_number = l.accession_number where l.incident_id in (select id from incidents order by last_activity_at desc, id desc limit 501)`,
    ]) console.log((await database.query<Record<string, string>>(query)).map((r) => Object.values(r)[0]).join('\n'));
  }
  const app = await buildApp({ database, repositories: repos });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    for (const list of ['filings', 'incidents']) {
      const times: number[] = [];
      const hits: Record<string, number> = {};
      for (let round = 0; round < ROUNDS + 1; round++) {
        for (const q of SEARCHES) {
          const s = performance.now();
          // A limit of its own each round: the filings list's response cache must not answer.
          const res = await app.inject({ method: 'GET', url: `/v1/${list}?q=${encodeURIComponent(q)}&limit=${20 + round}` });
          const ms = performance.now() - s;
          if (res.statusCode !== 200) throw new Error(`${list} q=${q}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (round === 0) hits[q] = (res.json() as { data: unknown[] }).data.length; // round 0 warms up
          else times.push(ms);
        }
      }
      const next = await app.inject({ method: 'GET', url: `/v1/${list}?q=ransomware&limit=20` });
      const cursor = (next.json() as { nextCursor: string | null }).nextCursor;
      const pageTimes: number[] = [];
      for (let round = 0; round < ROUNDS && cursor; round++) {
        const s = performance.now();
        await app.inject({ method: 'GET', url: `/v1/${list}?q=ransomware&limit=20&cursor=${cursor}` });
        pageTimes.push(performance.now() - s);
      }
      console.log(`  GET /v1/${list}?q=…&limit=20 (${SEARCHES.length} queries × ${ROUNDS} rounds): p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; second page of "ransomware" p50 ${pageTimes.length ? quantile(pageTimes, 0.5).toFixed(1) : '-'} ms`);
    }
    for (const [what, format] of [['incidents', 'csv'], ['incidents', 'jsonl'], ['filings', 'csv']] as const) {
      const s = performance.now();
      const res = await request(`${url}/v1/${what}/export.${format}`);
      let bytes = 0;
      let rows = 0;
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        // indexOf, not a loop over every byte: the client's counting must not slow what it measures.
        for (let at = (chunk as Buffer).indexOf(0x0a); at !== -1; at = (chunk as Buffer).indexOf(0x0a, at + 1)) rows++;
      }
      const seconds = (performance.now() - s) / 1000;
      console.log(`  GET /v1/${what}/export.${format}: ${rows.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (status ${res.statusCode})`);
    }
  } finally {
    await app.close();
  }
} finally {
  await database.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
