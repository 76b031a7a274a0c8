import { and, arrayContains, asc, desc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetPage } from './keyset.ts';
import type { Db } from '../client.ts';
import { rowsOf } from '../rows.ts';
import { events, filings, incidentCorrections, incidentFilings, incidents, companies } from '../schema.ts';
import { companyConditions } from './companies.ts';
import { flagNames } from '../../src/exports/csv.ts';
import type { EventType } from '../../src/incidents/changes.ts';
import type { IncidentStatus } from '../../src/incidents/facts.ts';
import type { CompanyFiling, CompanyPlan, CompanyState, StoredIncident } from '../../src/incidents/rethread.ts';
import type { Correction, IncidentRole } from '../../src/incidents/thread.ts';
import { isRankCursor, type ListCursor, type SearchHit } from './filings.ts';
import { COMPANY_INCIDENTS_LOCK } from '../advisory-lock.ts';
import { JOBS_CHANNEL } from '../job-notifications.ts';
import { escapedHeadline, rankOf, searchQuery } from '../search.ts';
import { FAN_OUT_EVENT, PRIORITY } from '../../src/jobs/catalogue.ts';

// What is read of an incident: not its search vector or text (only a search reads those, in SQL).
const { search: _search, searchText: _searchText, ...INCIDENT_COLUMNS } = getTableColumns(incidents);

export type IncidentRow = Omit<typeof incidents.$inferSelect, 'search' | 'searchText'>;
export type EventRow = typeof events.$inferSelect;

export interface IncidentFilingLink {
  accessionNumber: string;
  form: string;
  items: string[];
  filedAt: string;
  acceptedAt: Date;
  role: IncidentRole;
  reason: string;
  confidence: number;
  linkedBy: 'auto' | 'user';
}

/** An incident as a list of them shows it: without its filings. */
export interface IncidentSummary extends IncidentRow {
  /** Its company's, as the companies table has them now. */
  tickers: string[];
  sic: string | null;
}

export interface IncidentWithFilings extends IncidentSummary {
  filings: IncidentFilingLink[];
}

/** One incident as the CSV export shows it (api/routes/exports.ts names the columns). */
export interface IncidentCsvRow {
  id: number;
  cik: string;
  company: string;
  status: IncidentStatus;
  title: string;
  itemPath: string | null;
  materialImpact: string | null;
  firstDisclosedAt: string | null;
  lastFiledAt: string | null;
  began: string | null;
  detected: string | null;
  determinedMaterial: string | null;
  contained: string | null;
  /** The flags stated, `;`-separated, in the order the facts have them. */
  flags: string | null;
  businessDaysToItem105: number | null;
  withinFourBusinessDays: boolean | null;
  detectionToDisclosureDays: number | null;
  filingCount: number;
  /** `;`-separated, in the incident's order. */
  accessionNumbers: string;
  roles: string;
}

type CsvRowJson = [
  id: number, cik: string, company: string, status: IncidentStatus, title: string, itemPath: string | null,
  materialImpact: string | null, firstDisclosedAt: string | null, lastFiledAt: string | null,
  began: string | null, detected: string | null, determinedMaterial: string | null, contained: string | null,
  flags: Record<string, boolean> | null, businessDaysToItem105: number | null, withinFourBusinessDays: boolean | null, detectionToDisclosureDays: number | null,
  filings: Array<[accessionNumber: string, role: string]> | null, key: string | number,
];

function csvRowOf(r: CsvRowJson): IncidentCsvRow {
  const [id, cik, company, status, title, itemPath, materialImpact, firstDisclosedAt, lastFiledAt, began, detected, determinedMaterial, contained, flags] = r;
  const links = r[17] ?? [];
  return {
    id, cik, company, status, title, itemPath, materialImpact, firstDisclosedAt, lastFiledAt, began, detected, determinedMaterial, contained,
    flags: flagNames(flags),
    businessDaysToItem105: r[14],
    withinFourBusinessDays: r[15],
    detectionToDisclosureDays: r[16],
    filingCount: links.length,
    accessionNumbers: links.map(([accession]) => accession).join(';'),
    roles: links.map(([, role]) => role).join(';'),
  };
}

export interface IncidentFilters {
  cik?: string;
  /** Any of these companies (a watchlist). */
  ciks?: string[];
  /** Any of its filings reports this item. */
  item?: string;
  materialImpact?: string;
  status?: IncidentStatus;
  /** Every one of these flags is stated by one of its filings. */
  flags?: string[];
  /** Inclusive bounds on the first disclosure, `YYYY-MM-DD`. */
  since?: string;
  until?: string;
  /** Full-text search (db/search.ts): ranked, best first, with snippets. */
  q?: string;
  /** Of a company listing this ticker (any case), in this sector (src/companies/sectors.ts) or with this SIC code. */
  ticker?: string;
  sector?: string;
  sic?: string;
  /** Only incidents with a visible change (an event) at or after this time. */
  updatedSince?: Date;
}

export type { EventCause } from '../../src/incidents/rethread.ts';

export type CorrectionRow = typeof incidentCorrections.$inferSelect;

export type NewCorrection = { cik: string; madeBy: string } & (
  | { kind: 'split'; accessionNumber: string; facet: number }
  | { kind: 'merge'; accessionNumber: string; facet: number; withAccessionNumber: string; withFacet: number }
);

export interface RethreadResult {
  incidents: number;
  events: number;
}

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

interface LoadedRow {
  cik: string;
  filings: unknown;
  incidents: unknown;
  corrections: unknown;
}

export function createIncidentRepository({ db }: { db: Db }) {
  async function withCompanies(rows: IncidentRow[]): Promise<IncidentSummary[]> {
    if (rows.length === 0) return [];
    const profiles = await db
      .select({ cik: companies.cik, tickers: companies.tickers, sic: companies.sic })
      .from(companies)
      .where(inArray(companies.cik, [...new Set(rows.map((r) => r.cik))]));
    const byCik = new Map(profiles.map((p) => [p.cik, p]));
    return rows.map((row) => ({ ...row, tickers: byCik.get(row.cik)?.tickers ?? [], sic: byCik.get(row.cik)?.sic ?? null }));
  }

  async function withFilings(rows: IncidentRow[]): Promise<IncidentWithFilings[]> {
    if (rows.length === 0) return [];
    const linked = await db
      .select({
        incidentId: incidentFilings.incidentId,
        accessionNumber: incidentFilings.accessionNumber,
        form: filings.form,
        items: filings.items,
        filedAt: filings.filedAt,
        acceptedAt: filings.acceptedAt,
        role: incidentFilings.role,
        reason: incidentFilings.reason,
        confidence: incidentFilings.confidence,
        linkedBy: incidentFilings.linkedBy,
      })
      .from(incidentFilings)
      .innerJoin(filings, eq(filings.accessionNumber, incidentFilings.accessionNumber))
      .where(inArray(incidentFilings.incidentId, rows.map((r) => r.id)))
      .orderBy(asc(incidentFilings.position));
    return (await withCompanies(rows)).map((row) => ({
      ...row,
      filings: linked.filter((l) => l.incidentId === row.id).map(({ incidentId: _id, ...link }) => link),
    }));
  }

  /**
   * A page of incidents, most recent activity first, keyset-paginated on (last activity, id).
   * With `q`: only matches, best rank first (ties highest id first), keyset on (rank, id), each
   * with a snippet.
   */
  async function listPage(filters: IncidentFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: IncidentRow[]; hits?: Map<number, SearchHit>; next: ListCursor | null }> {
    const { conditions, query, rank } = pageConditions(filters, page.after);
    if (query && rank) {
      const ranked = db
        .select({ id: incidents.id, rank: rank.as('rank') })
        .from(incidents)
        .where(and(...conditions))
        .orderBy(sql`2 desc`, desc(incidents.id))
        .limit(page.limit + 1)
        .as('ranked');
      const rows = await db
        .select({ ...INCIDENT_COLUMNS, rank: ranked.rank, snippet: escapedHeadline(incidents.searchText, query) })
        .from(ranked)
        .innerJoin(incidents, eq(incidents.id, ranked.id))
        .orderBy(desc(ranked.rank), desc(incidents.id));
      const found = keysetPage(rows, page.limit, (last): ListCursor => ({ rank: Number(last.rank), id: last.id }));
      const hits = new Map(found.rows.map((r) => [r.id, { rank: Number(r.rank), snippet: r.snippet }]));
      return { rows: found.rows.map(({ rank: _r, snippet: _s, ...row }) => row), hits, next: found.next };
    }
    const rows = await db
      .select(INCIDENT_COLUMNS)
      .from(incidents)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(incidents.lastActivityAt), desc(incidents.id))
      .limit(page.limit + 1);
    return keysetPage(rows, page.limit, (last): ListCursor => ({ acceptedAt: last.lastActivityAt.toISOString(), id: last.id }));
  }

  const withHits = <T extends IncidentRow>(rows: T[], hits: Map<number, SearchHit> | undefined): Array<T & { search?: SearchHit }> =>
    hits ? rows.map((row) => ({ ...row, search: hits.get(row.id)! })) : rows;

  return {
    /**
     * Takes the rethread lock of each company until the transaction ends (this repository's
     * connection must be in one): rethreads of a company run one at a time across instances. A
     * statement of its own, so that what is read next is read after any rethread waited for committed.
     */
    async lockCompanies(ciks: string[]): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(${COMPANY_INCIDENTS_LOCK}::int, hashtext(c)) from unnest(${toTextArray(ciks)}::text[]) as c order by c`);
    },

    /**
     * Each company's analyzed incident filings (what threading and the facts read of each
     * analysis, not its statements or item text), stored incidents with their links, and
     * corrections: one query, through a function of migration 0010 (planned once per session).
     */
    async loadForRethread(ciks: string[]): Promise<CompanyState[]> {
      const result = await db.execute(sql`select * from cyber8k_rethread_state(${toTextArray(ciks)}::text[])`);
      return rowsOf<LoadedRow>(result).map((row) => ({
        cik: row.cik,
        filings: parsed<CompanyFiling[]>(row.filings).map((f) => ({ ...f, acceptedAt: new Date(f.acceptedAt).toISOString() })),
        incidents: parsed<StoredIncident[]>(row.incidents),
        corrections: parsed<Correction[]>(row.corrections).map((k) => (k.kind === 'merge' ? { ...k, withFacet: k.withFacet ?? 0 } : k)),
      }));
    },

    /**
     * Writes planned rethreads in one statement: new incidents (ids from the sequence), changed
     * ones, their links (a link that stays is updated in place, one that left is deleted) and the
     * events (each once: a cause already recorded adds nothing) with the job that fans each out
     * to the alert subscriptions. Returns the events written. The statement is a function of
     * migration 0010: planned once per session instead of at every analysis (planning it took
     * longer than running it), and it rewrites an incident's search text only where it changed.
     */
    async applyRethread(plans: CompanyPlan[]): Promise<number> {
      const writes = plans.flatMap((p) => p.writes);
      if (writes.length === 0) return 0;
      const incidentRows = writes.map((w) => ({ id: w.id, ord: w.ord, ...w.columns }));
      const linkRows = writes.flatMap((w) => w.links.map((l) => ({ ord: w.ord, ...l })));
      const eventRows = plans.flatMap((p) => p.events.map((e) => ({ incident_id: e.incidentId, ord: e.ord, type: e.type, accession_number: e.cause.accessionNumber, analyzer_version: e.cause.analyzerVersion, payload: e.payload })));
      const plan = JSON.stringify({ incidents: incidentRows, links: linkRows, events: eventRows, touched: writes.flatMap((w) => (w.id === null ? [] : [w.id])) });
      const result = await db.execute(sql`select cyber8k_apply_rethread(${plan}::jsonb, ${FAN_OUT_EVENT}, ${PRIORITY.live}::int, ${JOBS_CHANNEL}) as events`);
      return Number(rowsOf<{ events: number }>(result)[0]?.events ?? 0);
    },

    /** Companies with an analyzed incident filing or a stored incident: what a rebuild rethreads. */
    async companiesToRethread(): Promise<string[]> {
      const [filed, kept] = await Promise.all([
        db.selectDistinct({ cik: filings.cik }).from(filings).where(and(eq(filings.status, 'analyzed'), eq(filings.incident, true))),
        db.selectDistinct({ cik: incidents.cik }).from(incidents),
      ]);
      return [...new Set([...filed, ...kept].map((r) => r.cik))].sort();
    },

    /** Records a person's correction (src/incidents/corrections.usecase.ts applies it); returns its id. */
    async addCorrection(correction: NewCorrection): Promise<number> {
      const [row] = await db
        .insert(incidentCorrections)
        .values({
          cik: correction.cik,
          kind: correction.kind,
          accessionNumber: correction.accessionNumber,
          facet: correction.facet,
          withAccessionNumber: correction.kind === 'merge' ? correction.withAccessionNumber : null,
          withFacet: correction.kind === 'merge' ? correction.withFacet : null,
          madeBy: correction.madeBy,
        })
        .returning({ id: incidentCorrections.id });
      return row!.id;
    },

    /** Drops corrections that name a filing's facet: the correction made now replaces them. */
    async dropCorrectionsOf(accessionNumber: string, facet: number): Promise<void> {
      await db
        .delete(incidentCorrections)
        .where(
          sql`(${incidentCorrections.accessionNumber} = ${accessionNumber} and ${incidentCorrections.facet} = ${facet})
            or (${incidentCorrections.withAccessionNumber} = ${accessionNumber} and ${incidentCorrections.withFacet} = ${facet})`,
        );
    },

    /** A company's corrections, oldest first. */
    async corrections(cik: string): Promise<CorrectionRow[]> {
      return db.select().from(incidentCorrections).where(eq(incidentCorrections.cik, cik)).orderBy(asc(incidentCorrections.id));
    },

    /** An incident's filings with their facets, in filing order, for a correction to name. */
    async links(id: number): Promise<Array<{ accessionNumber: string; facet: number }>> {
      return db.select({ accessionNumber: incidentFilings.accessionNumber, facet: incidentFilings.facet }).from(incidentFilings).where(eq(incidentFilings.incidentId, id)).orderBy(asc(incidentFilings.position));
    },

    async get(id: number): Promise<IncidentWithFilings | undefined> {
      const rows = await db.select(INCIDENT_COLUMNS).from(incidents).where(eq(incidents.id, id));
      return (await withFilings(rows))[0];
    },

    /** Every incident a filing is in (one per incident it reports), with its facet. */
    async holders(accessionNumber: string): Promise<Array<{ id: number; facet: number; role: IncidentRole }>> {
      return db
        .select({ id: incidentFilings.incidentId, facet: incidentFilings.facet, role: incidentFilings.role })
        .from(incidentFilings)
        .where(eq(incidentFilings.accessionNumber, accessionNumber))
        .orderBy(asc(incidentFilings.facet), asc(incidentFilings.incidentId));
    },

    /** The incident a filing belongs to, if any. */
    async forFiling(accessionNumber: string): Promise<{ id: number; role: IncidentRole } | undefined> {
      const [row] = await db.select({ id: incidentFilings.incidentId, role: incidentFilings.role }).from(incidentFilings).where(eq(incidentFilings.accessionNumber, accessionNumber)).orderBy(asc(incidentFilings.facet), asc(incidentFilings.incidentId)).limit(1);
      return row;
    },

    /** A page of incidents (listPage() orders and pages them) with their filings: what the API lists. */
    async list(filters: IncidentFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: Array<IncidentWithFilings & { search?: SearchHit }>; next: ListCursor | null }> {
      const found = await listPage(filters, page);
      return { rows: withHits(await withFilings(found.rows), found.hits), next: found.next };
    },

    /**
     * The same page as list() without the incidents' filings, which a list page does not show:
     * the dashboard's. Loading them was most of a page's query time at volume.
     */
    async summaries(filters: IncidentFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: Array<IncidentSummary & { search?: SearchHit }>; next: ListCursor | null }> {
      const found = await listPage(filters, page);
      return { rows: withHits(await withCompanies(found.rows), found.hits), next: found.next };
    },

    /**
     * The rows of the CSV export, in list() order with list() cursors. A batch is one JSON value
     * built in SQL (each row an array of the facts its cells show, the filings aggregated there):
     * list() parses each incident's whole facts, field by field, and fetches its filings and
     * company in two more queries, which made the CSV several times slower than its bytes need.
     */
    async csvRows(filters: IncidentFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: IncidentCsvRow[]; next: ListCursor | null }> {
      const { conditions, rank } = pageConditions(filters, page.after);
      const key = rank ?? incidents.lastActivityAt;
      // The facts read once per row (jsonb_to_record; each `facts -> …` would decompress them
      // again), as jsonb's own values: numbers, booleans and key order exactly as list() reads them.
      const result = await db.execute(sql`
        select coalesce(json_agg(json_build_array(p.id, p.cik, p.company_name, p.status, p.title, p.item_path,
            x."materialImpact", x."firstDisclosedAt", x."lastFiledAt",
            x.dates #> '{began,date}', x.dates #> '{detected,date}', x.dates #> '{determinedMaterial,date}', x.dates #> '{contained,date}',
            x.flags, x.timeliness -> 'businessDaysToItem105', x.timeliness -> 'withinFourBusinessDays', x.timeliness -> 'detectionToDisclosureDays',
            -- its filings in the incident's order (a link's filing exists: the foreign key cascades)
            (select json_agg(json_build_array(l.accession_number, l.role) order by l.position) from ${incidentFilings} l where l.incident_id = p.id),
            p.key) order by p.key desc, p.id desc), '[]') as rows
        from (select ${incidents.id} as id, ${incidents.cik} as cik, ${incidents.companyName} as company_name, ${incidents.status} as status,
                ${incidents.title} as title, ${incidents.itemPath} as item_path, ${incidents.facts} as facts, ${key} as key
              from ${incidents} ${conditions.length > 0 ? sql`where ${and(...conditions)}` : sql``}
              order by 8 desc, 1 desc limit ${page.limit + 1}) p
        left join lateral jsonb_to_record(p.facts) as x("materialImpact" jsonb, "firstDisclosedAt" jsonb, "lastFiledAt" jsonb, dates jsonb, flags jsonb, timeliness jsonb) on true`);
      const raw = parsed<CsvRowJson[]>(rowsOf<{ rows: unknown }>(result)[0]?.rows ?? '[]');
      const found = keysetPage(raw, page.limit, (last): ListCursor => (rank ? { rank: Number(last[18]), id: last[0] } : { acceptedAt: String(last[18]), id: last[0] }));
      return { rows: found.rows.map(csvRowOf), next: found.next };
    },

    /**
     * The latest `limit` events of the incidents matching `filters` (as they are now), newest
     * first, each with its incident's company and title: what a feed shows.
     */
    async recentEvents(filters: IncidentFilters, page: { limit: number; types?: EventType[] }): Promise<FeedEventRow[]> {
      const conditions = incidentConditions(filters);
      if (page.types && page.types.length > 0) conditions.push(inArray(events.type, page.types));
      // The join keeps incident events only (a report's event names no incident).
      const rows = await db
        .select({ id: events.id, type: events.type, incidentId: incidents.id, accessionNumber: events.accessionNumber, payload: events.payload, createdAt: events.createdAt, companyName: incidents.companyName, title: incidents.title, incidentStatus: incidents.status })
        .from(events)
        .innerJoin(incidents, eq(incidents.id, events.incidentId))
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(events.id))
        .limit(page.limit);
      return rows as FeedEventRow[];
    },

    /** Events after `after`, oldest first. */
    async events(after: number, limit: number): Promise<EventRow[]> {
      return db.select().from(events).where(gt(events.id, after)).orderBy(asc(events.id)).limit(limit);
    },
  };
}

export interface FeedEventRow {
  id: number;
  type: EventType;
  incidentId: number;
  accessionNumber: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  companyName: string;
  title: string;
  incidentStatus: IncidentStatus;
}

function incidentConditions(filters: IncidentFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.cik) conditions.push(eq(incidents.cik, filters.cik));
  if (filters.ciks && filters.ciks.length > 0) conditions.push(inArray(incidents.cik, filters.ciks));
  if (filters.item) conditions.push(arrayContains(incidents.items, [filters.item]));
  if (filters.materialImpact) conditions.push(eq(incidents.materialImpact, filters.materialImpact));
  if (filters.status) conditions.push(eq(incidents.status, filters.status));
  if (filters.flags && filters.flags.length > 0) conditions.push(arrayContains(incidents.flags, filters.flags));
  if (filters.since) conditions.push(sql`${incidents.firstDisclosedAt} >= ${filters.since}`);
  if (filters.until) conditions.push(sql`${incidents.firstDisclosedAt} <= ${filters.until}`);
  const byCompany = companyConditions({ ticker: filters.ticker, sector: filters.sector, sic: filters.sic });
  if (byCompany.length > 0) conditions.push(sql`${incidents.cik} in (select ${companies.cik} from ${companies} where ${and(...byCompany)})`);
  // An event is a visible change (created, updated, escalated, retracted); a rethread that changed
  // nothing touches the row but writes none.
  if (filters.updatedSince) conditions.push(sql`exists (select 1 from ${events} where ${events.incidentId} = ${incidents.id} and ${events.createdAt} >= ${filters.updatedSince.toISOString()}::timestamptz)`);
  return conditions;
}

/**
 * What a page of list() (and of the CSV, which must page exactly alike) reads: the filters, with
 * `q` its match and a keyset on (rank, id) after a rank cursor, else on (last activity, id).
 * `query` and `rank` are set for a search, whose rows are ordered by `rank`.
 */
function pageConditions(filters: IncidentFilters, after: ListCursor | undefined): { conditions: SQL[]; query?: SQL; rank?: SQL<number> } {
  const conditions = incidentConditions(filters);
  if (filters.q) {
    const query = searchQuery(filters.q);
    const rank = rankOf(incidents.search, query);
    conditions.push(sql`${incidents.search} @@ ${query}`);
    if (after) {
      if (!isRankCursor(after)) throw new TypeError('a search pages with a rank cursor');
      conditions.push(sql`(${rank}, ${incidents.id}) < (${after.rank}::real, ${after.id}::bigint)`);
    }
    return { conditions, query, rank };
  }
  if (after) {
    if (isRankCursor(after)) throw new TypeError('a list pages with a time cursor');
    conditions.push(sql`(${incidents.lastActivityAt}, ${incidents.id}) < (${after.acceptedAt}::timestamptz, ${after.id}::bigint)`);
  }
  return { conditions };
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;

/** A text[] parameter, sent the same way by both drivers: the array literal, quoted. */
function toTextArray(values: string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}`;
}
