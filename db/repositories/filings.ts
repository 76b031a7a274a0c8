import { and, arrayContains, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetPage } from './keyset.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import type { Db } from '../client.ts';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { companies, filings, filingSources, analyses, type AnalysisSummary, type FilingStatus } from '../schema.ts';
import { filingsChanged, notifyFilingsChanged } from '../filing-changes.ts';
import { COMPANY_INCIDENTS_LOCK } from '../advisory-lock.ts';
import { createJobRepository, type NewJob } from './jobs.ts';
import type { FiledCompanyHeader } from './companies.ts';
import { escapedHeadline, filingSearchText, rankOf, searchQuery } from '../search.ts';

// What is read of a filing: not its search vector or text (only a search reads those, in SQL).
const { search: _search, searchText: _searchText, ...FILING_COLUMNS } = getTableColumns(filings);

export type FilingRow = Omit<typeof filings.$inferSelect, 'search' | 'searchText'>;

export type { AnalysisSummary };

/** What a list shows of an analysis; the whole one (statements, evidence…) is on FilingRow. */
export function summarize(analysis: Analysis): AnalysisSummary {
  return { update: analysis.update, dates: analysis.dates, flags: analysis.flags };
}

const SUMMARY_COLUMNS = {
  id: filings.id,
  accessionNumber: filings.accessionNumber,
  cik: filings.cik,
  companyName: filings.companyName,
  form: filings.form,
  items: filings.items,
  filedAt: filings.filedAt,
  acceptedAt: filings.acceptedAt,
  indexUrl: filings.indexUrl,
  submissionUrl: filings.submissionUrl,
  status: filings.status,
  error: filings.error,
  discoveredAt: filings.discoveredAt,
  analyzedAt: filings.analyzedAt,
  incident: filings.incident,
  incidentItem: filings.incidentItem,
  materialImpact: filings.materialImpact,
  analyzerVersion: filings.analyzerVersion,
  // Rows analyzed before the summary column existed (and not yet migrated) fall back to the analysis.
  summary: sql<AnalysisSummary | null>`coalesce(${filings.analysisSummary}, case when ${filings.analysis} is null then null else jsonb_build_object('update', ${filings.analysis}->'update', 'dates', ${filings.analysis}->'dates', 'flags', ${filings.analysis}->'flags') end)`.mapWith(
    (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as AnalysisSummary | null,
  ),
};

export type FilingSummaryRow = { [K in keyof typeof SUMMARY_COLUMNS]: K extends 'summary' ? AnalysisSummary | null : FilingRow[K & keyof FilingRow] };

export interface NewFiling {
  accessionNumber: string;
  cik: string;
  companyName: string;
  form: string;
  items: string[];
  filedAt: string;
  acceptedAt: string;
  indexUrl: string;
  submissionUrl: string;
}

export interface FilingFilters {
  item?: string;
  cik?: string;
  form?: string;
  /** Inclusive lower bound on the filing date, `YYYY-MM-DD`. */
  since?: string;
  /** Inclusive upper bound on the filing date, `YYYY-MM-DD`. */
  until?: string;
  incident?: boolean;
  materialImpact?: string;
  /** Full-text search (db/search.ts): ranked, best first, with snippets. */
  q?: string;
}

/** A list position in the default order (newest first). */
export interface PageCursor {
  acceptedAt: string;
  id: number;
}

/** A list position in a search's order (best rank first). */
export interface RankCursor {
  rank: number;
  id: number;
}

export type ListCursor = PageCursor | RankCursor;

export function isRankCursor(cursor: ListCursor): cursor is RankCursor {
  return 'rank' in cursor;
}

/** What a search adds to each row: its rank and an HTML-escaped snippet with <mark> around matches. */
export interface SearchHit {
  rank: number;
  snippet: string | null;
}

export interface AnalysisResult {
  analysis: Analysis;
  item105Text: string | null;
  /** Header facts that refine what the feed announced (items from `<ITEMS>`, exact acceptance time). */
  header?: FiledCompanyHeader;
  /** What was fetched (kept for reanalysis) and what it cost; absent when re-analyzing a stored source. */
  source?: { submission: Buffer; documents: string[]; requests: number; bytes: number };
}

const gzipAsync = promisify(gzip);

export interface CompressedSource {
  content: Buffer;
  documents: string[];
  requests: number;
  bytes: number;
}

/**
 * The fetched submission compressed for storage. Called before the transaction: no CPU work while
 * it holds a connection (PGlite has one), and on the thread pool, not this thread: a large filing
 * took the API's thread for 100s of ms.
 */
export async function compressSource(source: NonNullable<AnalysisResult['source']>): Promise<CompressedSource> {
  return { content: await gzipAsync(source.submission), documents: source.documents, requests: source.requests, bytes: source.bytes };
}

export type FilingSourceRow = typeof filingSources.$inferSelect;

export function createFilingRepository({ db }: { db: Db }) {
  return {
    /**
     * Stores a newly discovered filing and its company, and enqueues its analysis in the same
     * transaction, so no filing is ever stored without the job that will analyze it. Returns false
     * if it was already known.
     */
    async recordDiscovered(filing: NewFiling, job?: Omit<NewJob, 'key'>): Promise<boolean> {
      const recorded = await db.transaction(async (tx) => {
        // The name and activity of the company come from its latest filing: a backfill of old
        // filings does not bring back a former name.
        await tx
          .insert(companies)
          .values({ cik: filing.cik, name: filing.companyName, lastFiledAt: new Date(filing.acceptedAt) })
          .onConflictDoUpdate({
            target: companies.cik,
            set: {
              name: sql`case when excluded.last_filed_at >= ${companies.lastFiledAt} then excluded.name else ${companies.name} end`,
              lastFiledAt: sql`greatest(${companies.lastFiledAt}, excluded.last_filed_at)`,
              updatedAt: sql`now()`,
            },
          });
        const inserted = await tx
          .insert(filings)
          .values({ ...filing, acceptedAt: new Date(filing.acceptedAt) })
          .onConflictDoNothing({ target: filings.accessionNumber })
          .returning({ id: filings.id });
        if (inserted.length === 0) return false;
        if (job) await createJobRepository({ db: tx as unknown as Db }).enqueue({ ...job, key: filing.accessionNumber });
        await notifyFilingsChanged(tx);
        return true;
      });
      if (recorded) filingsChanged(db);
      return recorded;
    },

    async knownAccessions(accessions: string[]): Promise<Set<string>> {
      if (accessions.length === 0) return new Set();
      const rows = await db
        .select({ accessionNumber: filings.accessionNumber })
        .from(filings)
        .where(inArray(filings.accessionNumber, accessions));
      return new Set(rows.map((r) => r.accessionNumber));
    },

    /**
     * Stores an analysis: the filing's answer, its history row, the fetched source (compressed by
     * `compressSource` beforehand). Opens no transaction: the ingest use case runs it in the one that
     * also rethreads the company and keeps its header facts, and holds the company's incidents lock
     * from here to its end. Returns the filing's CIK and acceptance time, or undefined when the
     * filing is not known.
     */
    async storeAnalysis(accessionNumber: string, result: AnalysisResult, source?: CompressedSource): Promise<{ cik: string; acceptedAt: Date } | undefined> {
      const { analysis } = result;
      const header = result.header ?? {};
      const [updated] = await db
        .update(filings)
        .set({
          status: 'analyzed',
          error: null,
          analyzedAt: new Date(),
          item105Text: result.item105Text,
          incident: analysis.incident,
          incidentItem: analysis.item,
          materialImpact: analysis.materialImpact,
          analyzerVersion: analysis.analyzerVersion,
          analysis,
          analysisSummary: summarize(analysis),
          searchText: filingSearchText(analysis, result.item105Text),
          ...(header.items && header.items.length > 0 ? { items: header.items } : {}),
          ...(header.acceptedAt ? { acceptedAt: new Date(header.acceptedAt) } : {}),
        })
        .where(eq(filings.accessionNumber, accessionNumber))
        .returning({
          cik: filings.cik,
          acceptedAt: filings.acceptedAt,
          // The company's incidents lock, taken here rather than by a statement of its own: the
          // rethread that follows in this transaction reads after any other one of the company committed.
          locked: sql<string>`pg_advisory_xact_lock(${COMPANY_INCIDENTS_LOCK}::int, hashtext(${filings.cik}))::text`,
        });
      await db
        .insert(analyses)
        .values({ accessionNumber, analyzerVersion: analysis.analyzerVersion, analysis })
        .onConflictDoUpdate({
          target: [analyses.accessionNumber, analyses.analyzerVersion],
          set: { analysis: sql`excluded.analysis`, createdAt: sql`now()` },
        });
      if (source) {
        await db
          .insert(filingSources)
          .values({ accessionNumber, ...source })
          .onConflictDoUpdate({ target: filingSources.accessionNumber, set: { ...source, fetchedAt: sql`now()` } });
      }
      return updated && { cik: updated.cik, acceptedAt: updated.acceptedAt };
    },

    /** Inside a writing transaction: other processes drop what they cached of the filings once it commits. */
    async notifyChanged(): Promise<void> {
      await notifyFilingsChanged(db);
    },

    /** After a commit: this process drops what it cached of the filings. */
    changed(): void {
      filingsChanged(db);
    },

    /** Records why the last analysis attempt failed; `dead` when it will not be retried. */
    async markFailed(accessionNumber: string, error: string, status: Extract<FilingStatus, 'failed' | 'dead'>): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.update(filings).set({ status, error }).where(eq(filings.accessionNumber, accessionNumber));
        await notifyFilingsChanged(tx);
      });
      filingsChanged(db);
    },

    /** The stored submission of a filing, decompressed, or undefined if none was kept. */
    async source(accessionNumber: string): Promise<(Omit<FilingSourceRow, 'content'> & { submission: Buffer }) | undefined> {
      const [row] = await db.select().from(filingSources).where(eq(filingSources.accessionNumber, accessionNumber));
      if (!row) return undefined;
      const { content, ...rest } = row;
      return { ...rest, submission: gunzipSync(content) };
    },

    /** Analyzed filings whose stored analysis came from another analyzer version (all of them with `all`). */
    async listForReanalysis(currentVersion: string, options: { all: boolean; afterId: number; limit: number }): Promise<FilingRow[]> {
      const conditions: SQL[] = [sql`${filings.id} > ${options.afterId}`, sql`exists (select 1 from ${filingSources} where ${filingSources.accessionNumber} = ${filings.accessionNumber})`];
      if (!options.all) conditions.push(sql`${filings.analyzerVersion} is distinct from ${currentVersion}`);
      return db.select(FILING_COLUMNS).from(filings).where(and(...conditions)).orderBy(filings.id).limit(options.limit);
    },

    async get(accessionNumber: string): Promise<FilingRow | undefined> {
      const [row] = await db.select(FILING_COLUMNS).from(filings).where(eq(filings.accessionNumber, accessionNumber));
      return row;
    },

    /**
     * Newest first (by acceptance time), keyset-paginated, lean: what a list shows of a filing, not
     * its statements, evidence or Item 1.05 text (the detail has those). With `q`: only matches,
     * best rank first (ties newest id first), keyset on (rank, id), each with a snippet.
     */
    async list(filters: FilingFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: Array<FilingSummaryRow & { search?: SearchHit }>; next: ListCursor | null }> {
      const conditions = filingConditions(filters);
      if (filters.q) {
        const query = searchQuery(filters.q);
        const rank = rankOf(filings.search, query);
        conditions.push(sql`${filings.search} @@ ${query}`);
        if (page.after) {
          if (!isRankCursor(page.after)) throw new TypeError('a search pages with a rank cursor');
          // ts_rank is a real: the cursor's rank, printed back, is that same real.
          conditions.push(sql`(${rank}, ${filings.id}) < (${page.after.rank}::real, ${page.after.id}::bigint)`);
        }
        // Ranked in a subquery so each row's rank is computed once; snippets only for the page.
        const ranked = db
          .select({ id: filings.id, rank: rank.as('rank') })
          .from(filings)
          .where(and(...conditions))
          .orderBy(sql`2 desc`, desc(filings.id))
          .limit(page.limit + 1)
          .as('ranked');
        const rows = await db
          .select({ ...SUMMARY_COLUMNS, rank: ranked.rank, snippet: escapedHeadline(filings.searchText, query) })
          .from(ranked)
          .innerJoin(filings, eq(filings.id, ranked.id))
          .orderBy(desc(ranked.rank), desc(filings.id));
        const found = keysetPage(rows, page.limit, (last): ListCursor => ({ rank: Number(last.rank), id: last.id }));
        return { rows: found.rows.map(({ rank: r, snippet, ...row }) => ({ ...row, search: { rank: Number(r), snippet } })), next: found.next };
      }
      if (page.after) {
        if (isRankCursor(page.after)) throw new TypeError('a list pages with a time cursor');
        // A row comparison is an index condition on (accepted_at, id); the equivalent OR is only a filter.
        conditions.push(sql`(${filings.acceptedAt}, ${filings.id}) < (${page.after.acceptedAt}::timestamptz, ${page.after.id}::bigint)`);
      }
      const rows = await db
        .select(SUMMARY_COLUMNS)
        .from(filings)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(filings.acceptedAt), desc(filings.id))
        .limit(page.limit + 1);
      return keysetPage(rows, page.limit, (last): ListCursor => ({ acceptedAt: last.acceptedAt.toISOString(), id: last.id }));
    },

    async countByStatus(): Promise<Record<FilingStatus, number>> {
      const rows = await db
        .select({ status: filings.status, n: sql<number>`count(*)::int` })
        .from(filings)
        .groupBy(filings.status);
      const counts = { pending: 0, analyzed: 0, failed: 0, dead: 0 } as Record<FilingStatus, number>;
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },
  };
}

function filingConditions(filters: FilingFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.item) conditions.push(arrayContains(filings.items, [filters.item]));
  if (filters.cik) conditions.push(eq(filings.cik, filters.cik));
  if (filters.form) conditions.push(eq(filings.form, filters.form));
  if (filters.since) conditions.push(sql`${filings.filedAt} >= ${filters.since}`);
  if (filters.until) conditions.push(sql`${filings.filedAt} <= ${filters.until}`);
  if (filters.incident !== undefined) conditions.push(eq(filings.incident, filters.incident));
  if (filters.materialImpact) conditions.push(eq(filings.materialImpact, filters.materialImpact));
  return conditions;
}

export type FilingRepository = ReturnType<typeof createFilingRepository>;
