import { and, arrayContains, asc, desc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetPage } from './keyset.ts';
import type { Db } from '../client.ts';
import { companies, events, filings, incidentFilings, incidents } from '../schema.ts';
import { companyConditions } from './companies.ts';
import { incidentEvents, matchThreads, type EventType } from '../../src/incidents/changes.ts';
import { incidentFacts, type IncidentFacts, type IncidentMember, type IncidentStatus } from '../../src/incidents/facts.ts';
import { threadCompany, type IncidentRole, type ThreadFiling } from '../../src/incidents/thread.ts';
import { isRankCursor, type ListCursor, type SearchHit } from './filings.ts';
import { escapedHeadline, rankOf, searchDocument, searchQuery } from '../search.ts';
import { filingsChanged, notifyFilingsChanged } from '../filing-changes.ts';
import { createJobRepository } from './jobs.ts';
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

export interface IncidentWithFilings extends IncidentRow {
  filings: IncidentFilingLink[];
  /** Its company's, as the companies table has them now. */
  tickers: string[];
  sic: string | null;
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

/** The analysis a change comes from. */
export interface EventCause {
  accessionNumber: string;
  analyzerVersion: string;
}

export interface RethreadResult {
  incidents: number;
  events: number;
}

// Rethreads of one company run one at a time across every instance sharing the database.
const RETHREAD_LOCK = 0x63386b03;

/**
 * Rethreads one company inside the caller's transaction: threads its analyzed incident filings,
 * keeps each incident's id where its filings continue it, rewrites links and facts, and writes an
 * event for each visible change (none when nothing changed). `trigger` is the filing analysis that
 * caused it (events are unique per incident, filing analysis and type); a rebuild names none, and
 * each change is put on the incident's latest filing.
 */
async function rethreadCompanyIn(tx: Db, cik: string, trigger?: EventCause): Promise<RethreadResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RETHREAD_LOCK}::int, hashtext(${cik}))`);
  const rows = await tx
    .select({
      accessionNumber: filings.accessionNumber,
      cik: filings.cik,
      companyName: filings.companyName,
      form: filings.form,
      items: filings.items,
      filedAt: filings.filedAt,
      acceptedAt: filings.acceptedAt,
      analysis: filings.analysis,
    })
    .from(filings)
    .where(and(eq(filings.cik, cik), eq(filings.status, 'analyzed'), eq(filings.incident, true)));
  const byAccession = new Map(rows.map((r) => [r.accessionNumber, r]));
  const threads = threadCompany(
    rows.flatMap((r): ThreadFiling[] =>
      r.analysis ? [{ accessionNumber: r.accessionNumber, cik: r.cik, form: r.form, items: r.items, filedAt: r.filedAt, acceptedAt: r.acceptedAt.toISOString(), analysis: r.analysis }] : [],
    ),
  );

  const stored = await tx.select(INCIDENT_COLUMNS).from(incidents).where(eq(incidents.cik, cik)).orderBy(asc(incidents.id));
  const links = stored.length
    ? await tx.select().from(incidentFilings).where(inArray(incidentFilings.incidentId, stored.map((s) => s.id))).orderBy(asc(incidentFilings.position))
    : [];
  const accessionsOf = (id: number) => links.filter((l) => l.incidentId === id).map((l) => l.accessionNumber);
  const matched = matchThreads(stored.map((s) => ({ id: s.id, accessions: accessionsOf(s.id) })), threads);
  if (links.length) await tx.delete(incidentFilings).where(inArray(incidentFilings.incidentId, stored.map((s) => s.id)));

  let written = 0;
  const emit = async (incidentId: number, type: EventType, cause: EventCause, payload: Record<string, unknown>) => {
    const inserted = await tx.insert(events).values({ type, incidentId, ...cause, payload }).onConflictDoNothing().returning({ id: events.id });
    // Its alerts are fanned out by a job committed with the event: none is lost, none doubled.
    for (const { id: eventId } of inserted) await createJobRepository({ db: tx }).enqueue({ kind: FAN_OUT_EVENT, key: String(eventId), priority: PRIORITY.live }, tx);
    written += inserted.length;
  };

  const continued = new Set<number>();
  for (const [index, thread] of threads.entries()) {
    const members: IncidentMember[] = thread.filings.map((link) => {
      const row = byAccession.get(link.accessionNumber)!;
      return { ...link, form: row.form, items: row.items, filedAt: row.filedAt, acceptedAt: row.acceptedAt.toISOString(), company: row.companyName, analysis: row.analysis! };
    });
    const facts = incidentFacts(members);
    const accessions = thread.filings.map((f) => f.accessionNumber);
    const columns = { ...toColumns(cik, members.at(-1)!.company, facts), searchText: incidentSearchText(members) };
    const storedId = matched[index] ?? null;
    const before = storedId === null ? null : stored.find((s) => s.id === storedId)!;
    let id: number;
    if (before) {
      id = before.id;
      continued.add(id);
      await tx.update(incidents).set({ ...columns, updatedAt: sql`now()` }).where(eq(incidents.id, id));
    } else {
      const [row] = await tx.insert(incidents).values(columns).returning({ id: incidents.id });
      id = row!.id;
    }
    await tx.insert(incidentFilings).values(thread.filings.map((f, position) => ({ incidentId: id, accessionNumber: f.accessionNumber, role: f.role, reason: f.reason, confidence: f.confidence, position })));
    const changes = incidentEvents(before ? { facts: before.facts, filings: accessionsOf(before.id) } : null, { facts, filings: accessions });
    const latest = members.at(-1)!;
    const cause = trigger ?? { accessionNumber: latest.accessionNumber, analyzerVersion: byAccession.get(latest.accessionNumber)!.analysis!.analyzerVersion };
    for (const change of changes) await emit(id, change.type, cause, { changes: change.changes, incident: { id, cik, title: facts.title, status: facts.status, itemPath: facts.itemPath, materialImpact: facts.materialImpact } });
  }

  for (const incident of stored) {
    if (continued.has(incident.id) || incident.status === 'retracted') continue;
    // Its filings all left it (re-analyzed as no incident, or moved): kept, retracted.
    const facts: IncidentFacts = { ...incident.facts, status: 'retracted' };
    await tx.update(incidents).set({ status: 'retracted', facts, updatedAt: sql`now()` }).where(eq(incidents.id, incident.id));
    const changes = incidentEvents({ facts: incident.facts, filings: accessionsOf(incident.id) }, { facts, filings: [] });
    for (const change of changes) await emit(incident.id, change.type, trigger ?? { accessionNumber: accessionsOf(incident.id).at(-1) ?? 'none', analyzerVersion: 'rebuild' }, { changes: change.changes, incident: { id: incident.id, cik, title: facts.title, status: facts.status } });
  }
  return { incidents: threads.length, events: written };
}

/** Its filings' sentences: what each stated and why (evidence), in filing order. */
function incidentSearchText(members: IncidentMember[]): string | null {
  return searchDocument(members.flatMap((m) => [m.analysis.incidentName, ...Object.values(m.analysis.evidence)]));
}

function toColumns(cik: string, companyName: string, facts: IncidentFacts) {
  return {
    cik,
    companyName,
    title: facts.title,
    status: facts.status,
    itemPath: facts.itemPath,
    items: facts.items,
    materialImpact: facts.materialImpact,
    flags: Object.entries(facts.flags).filter(([, on]) => on).map(([name]) => name).sort(),
    firstDisclosedAt: facts.firstDisclosedAt,
    lastFiledAt: facts.lastFiledAt,
    lastActivityAt: new Date(facts.lastActivityAt ?? 0),
    facts,
  };
}

export function createIncidentRepository({ db }: { db: Db }) {
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
    const profiles = await db
      .select({ cik: companies.cik, tickers: companies.tickers, sic: companies.sic })
      .from(companies)
      .where(inArray(companies.cik, [...new Set(rows.map((r) => r.cik))]));
    const byCik = new Map(profiles.map((p) => [p.cik, p]));
    return rows.map((row) => ({
      ...row,
      filings: linked.filter((l) => l.incidentId === row.id).map(({ incidentId: _id, ...link }) => link),
      tickers: byCik.get(row.cik)?.tickers ?? [],
      sic: byCik.get(row.cik)?.sic ?? null,
    }));
  }

  return {
    /**
     * Rethreads one company on this repository's connection, which must be in a transaction (the
     * ingest use case's, with the analysis that caused it): the company's lock is held until it ends.
     */
    async rethreadCompany(cik: string, trigger?: EventCause): Promise<RethreadResult> {
      return rethreadCompanyIn(db, cik, trigger);
    },

    /** Rethreads one company in a transaction of its own. */
    async rethread(cik: string, trigger?: EventCause): Promise<RethreadResult> {
      return db.transaction((tx) => rethreadCompanyIn(tx as unknown as Db, cik, trigger));
    },

    /** Rethreads every company with an analyzed incident filing or a stored incident, from the stored analyses. */
    async rebuild(onProgress?: (done: number, total: number) => void): Promise<RethreadResult & { companies: number }> {
      const [filed, kept] = await Promise.all([
        db.selectDistinct({ cik: filings.cik }).from(filings).where(and(eq(filings.status, 'analyzed'), eq(filings.incident, true))),
        db.selectDistinct({ cik: incidents.cik }).from(incidents),
      ]);
      const list = [...new Set([...filed, ...kept].map((r) => r.cik))].sort();
      const total = { companies: list.length, incidents: 0, events: 0 };
      for (const [i, cik] of list.entries()) {
        const r = await db.transaction(async (tx) => {
          const done = await rethreadCompanyIn(tx as unknown as Db, cik);
          // Filing details name their incident: cached ones in every process are stale now.
          await notifyFilingsChanged(tx);
          return done;
        });
        total.incidents += r.incidents;
        total.events += r.events;
        onProgress?.(i + 1, list.length);
      }
      filingsChanged(db);
      return total;
    },

    async get(id: number): Promise<IncidentWithFilings | undefined> {
      const rows = await db.select(INCIDENT_COLUMNS).from(incidents).where(eq(incidents.id, id));
      return (await withFilings(rows))[0];
    },

    /** The incident a filing belongs to, if any. */
    async forFiling(accessionNumber: string): Promise<{ id: number; role: IncidentRole } | undefined> {
      const [row] = await db.select({ id: incidentFilings.incidentId, role: incidentFilings.role }).from(incidentFilings).where(eq(incidentFilings.accessionNumber, accessionNumber));
      return row;
    },

    /**
     * Most recent activity first, keyset-paginated on (last activity, id). With `q`: only matches,
     * best rank first (ties highest id first), keyset on (rank, id), each with a snippet.
     */
    async list(filters: IncidentFilters, page: { limit: number; after?: ListCursor }): Promise<{ rows: Array<IncidentWithFilings & { search?: SearchHit }>; next: ListCursor | null }> {
      const conditions = incidentConditions(filters);
      if (filters.q) {
        const query = searchQuery(filters.q);
        const rank = rankOf(incidents.search, query);
        conditions.push(sql`${incidents.search} @@ ${query}`);
        if (page.after) {
          if (!isRankCursor(page.after)) throw new TypeError('a search pages with a rank cursor');
          conditions.push(sql`(${rank}, ${incidents.id}) < (${page.after.rank}::real, ${page.after.id}::bigint)`);
        }
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
        const withLinks = await withFilings(found.rows.map(({ rank: _r, snippet: _s, ...row }) => row));
        return { rows: withLinks.map((row) => ({ ...row, search: hits.get(row.id)! })), next: found.next };
      }
      if (page.after) {
        if (isRankCursor(page.after)) throw new TypeError('a list pages with a time cursor');
        conditions.push(sql`(${incidents.lastActivityAt}, ${incidents.id}) < (${page.after.acceptedAt}::timestamptz, ${page.after.id}::bigint)`);
      }
      const rows = await db
        .select(INCIDENT_COLUMNS)
        .from(incidents)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(incidents.lastActivityAt), desc(incidents.id))
        .limit(page.limit + 1);
      const found = keysetPage(rows, page.limit, (last): ListCursor => ({ acceptedAt: last.lastActivityAt.toISOString(), id: last.id }));
      return { rows: await withFilings(found.rows), next: found.next };
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

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
