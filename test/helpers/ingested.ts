// What ingestion left in the database, read in full so a test can assert it exactly: which filings
// exist, the one job of each with its attempts, the analyses kept per analyzer version. Comparing
// counts (count(*) against count(distinct …) on a unique column) could never fail; these can.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../db/client.ts';
import { ANALYZER_VERSION } from '../../src/analysis/index.ts';
import { ANALYZE_FILING } from '../../src/jobs/catalogue.ts';

export interface Ingested {
  /** Accession numbers of the stored filings, sorted. */
  filings: string[];
  jobs: Array<{ kind: string; key: string; state: string; attempts: number }>;
  analyses: Array<{ accession: string; version: string }>;
}

export async function readIngested(database: Database): Promise<Ingested> {
  const filings = await database.query<{ accession_number: string }>(sql`select accession_number from filings order by accession_number`);
  const jobs = await database.query<{ kind: string; key: string; state: string; attempts: number }>(
    // Analysis jobs only: each incident event also queues a fan-out job beside them.
    sql`select kind, key, state, attempts from jobs where kind = ${ANALYZE_FILING} order by key, kind`,
  );
  const analyses = await database.query<{ accession: string; version: string }>(
    sql`select accession_number as accession, analyzer_version as version from analyses order by accession_number, analyzer_version`,
  );
  return { filings: filings.map((f) => f.accession_number), jobs, analyses };
}

/**
 * Exactly `accessions` are stored, each with one analysis job in `state` after `attempts` attempts
 * and, once done, one analysis by the current analyzer: nothing missing, nothing extra, nothing
 * run twice.
 */
export function expectIngestedExactly(ingested: Ingested, accessions: readonly string[], job: { state: 'queued' | 'done'; attempts: number }): void {
  const sorted = [...accessions].sort();
  expect(ingested.filings).toEqual(sorted);
  expect(ingested.jobs).toEqual(sorted.map((key) => ({ kind: ANALYZE_FILING, key, state: job.state, attempts: job.attempts })));
  expect(ingested.analyses).toEqual(job.state === 'done' ? sorted.map((accession) => ({ accession, version: ANALYZER_VERSION })) : []);
}

/** The accession numbers of the analyzer's "analyzed …" log lines, sorted: one per analysis run. */
export function analysisRuns(records: ReadonlyArray<{ msg?: unknown; accession?: unknown }>): string[] {
  return records
    .filter((r) => typeof r.msg === 'string' && r.msg.startsWith('analyzed '))
    .map((r) => String(r.accession))
    .sort();
}
