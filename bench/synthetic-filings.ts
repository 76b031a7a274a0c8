// Synthetic volume shared by bench:search and bench:dashboard: filings inserted in SQL, an incident
// filing every 10th with incident wording, the rest short 8-K text, under 10 filings per filer.

import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

/** A constant list as an SQL array literal (drizzle would spread a bound array into a parameter list). */
export const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[]`);

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export interface SyntheticVocabulary {
  incidentSentences: readonly string[];
  otherSentences: readonly string[];
  companies: readonly string[];
  /** Every how many filings one is an Item 1.05 8-K (the rest are 8.01/9.01). */
  item105Every: number;
  /** How many incident sentences an incident filing's text holds. */
  incidentSentencesPerFiling: number;
}

/** Inserts filings 1…count (accessions `09…-25-…`, CIKs 900000000 + i/10) in chunks of 10,000. */
export async function insertSyntheticFilings(database: Database, count: number, v: SyntheticVocabulary): Promise<void> {
  const CHUNK = 10_000;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await database.query(sql`
      insert into filings (accession_number, cik, company_name, form, items, filed_at, accepted_at, index_url, submission_url, status, incident, material_impact, search_text)
      select lpad((900000000 + i / 10)::text, 10, '0') || '-25-' || lpad(i::text, 6, '0'),
             lpad((900000000 + i / 10)::text, 10, '0'),
             (${textArray(v.companies)})[1 + i % ${v.companies.length}] || ' ' || (i / 10) || ' CORP',
             case when i % 7 = 0 then '8-K/A' else '8-K' end,
             case when i % ${v.item105Every} = 0 then array['1.05'] else array['8.01', '9.01'] end,
             date '2020-01-01' + (i % 2000), timestamptz '2020-01-01 21:00Z' + make_interval(secs => i * 1100),
             'https://www.sec.gov/', 'https://www.sec.gov/', 'analyzed', i % 10 = 0,
             case when i % 10 = 0 then (array['material', 'not-material', 'not-determined'])[1 + i % 3] end,
             case when i % 10 = 0
               then (select string_agg((${textArray(v.incidentSentences)})[1 + (i * k * 7 + k) % ${v.incidentSentences.length}], E'\n') from generate_series(1, ${v.incidentSentencesPerFiling}) as k)
               else (select string_agg((${textArray(v.otherSentences)})[1 + (i * k * 5 + k) % ${v.otherSentences.length}], E'\n') from generate_series(1, 2) as k)
             end
      from generate_series(${from}::int, ${to}::int) as i`);
  }
}
