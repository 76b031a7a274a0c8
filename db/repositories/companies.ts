import { and, arrayContains, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { companies, jobs, type FormerName } from '../schema.ts';
import { keysetPage } from './keyset.ts';
import type { PageCursor } from './filings.ts';
import { sector } from '../../src/companies/sectors.ts';
import type { Filer } from '../../src/analysis/submission.ts';

export type CompanyRow = typeof companies.$inferSelect;
export type { FormerName };

/** What the SGML header of an analyzed filing says of its registrant (null: not stated). */
export interface HeaderCompanyFacts {
  sic?: string | null;
  sicDescription?: string | null;
  state?: string | null;
  businessCity?: string | null;
  businessState?: string | null;
  secOffice?: string | null;
  fiscalYearEnd?: string | null;
  formerNames?: FormerName[];
}

/** What an analysis read in a filing's own header (src/analysis FiledHeader), as the filings repository keeps it. */
export interface FiledCompanyHeader {
  items?: string[];
  acceptedAt?: string | null;
  sic?: string | null;
  state?: string | null;
  registrant?: Filer | null;
}

/** What the header of an analyzed filing says of its registrant; nothing for a co-registrant's header. */
export function headerCompanyFacts(cik: string, header: FiledCompanyHeader): HeaderCompanyFacts {
  const r = header.registrant;
  // A header whose first filer is another company (a co-registrant's filing) says nothing of this one.
  if (r?.cik && r.cik.replace(/^0+/, '') !== cik.replace(/^0+/, '')) return {};
  return {
    sic: header.sic ?? r?.sic ?? null,
    state: header.state ?? r?.state ?? null,
    sicDescription: r?.sicDescription ?? null,
    businessCity: r?.businessCity ?? null,
    businessState: r?.businessState ?? null,
    secOffice: r?.secOffice ?? null,
    fiscalYearEnd: r?.fiscalYearEnd ?? null,
    // EDGAR's date is when the name stopped being used.
    formerNames: (r?.formerNames ?? []).map((f) => ({ name: f.name, from: null, to: f.changedAt })),
  };
}

/** A company as data.sec.gov's submissions JSON describes it. */
export interface CompanyProfile {
  name: string | null;
  tickers: string[];
  exchanges: string[];
  sic: string | null;
  sicDescription: string | null;
  state: string | null;
  businessCity: string | null;
  businessState: string | null;
  secOffice: string | null;
  fiscalYearEnd: string | null;
  formerNames: FormerName[];
}

export interface CompanyFilters {
  /** Companies listing this ticker (upper case). */
  ticker?: string;
  /** A sector name of src/companies/sectors.ts. */
  sector?: string;
  /** A four-digit SIC code. */
  sic?: string;
  /** Part of the name, current or former, case-insensitive. */
  q?: string;
}

/** Zero-padded 10 digits compare as text in numeric order, so the CIK is the keyset's tie-breaker. */
const cikOf = (id: number): string => String(id).padStart(10, '0');

/** Where `sic` falls in a sector's ranges (non-numeric codes never do). */
function sicInSector(column: SQL | typeof companies.sic, name: string): SQL {
  const ranges = sector(name)?.ranges ?? [];
  if (ranges.length === 0) return sql`false`;
  const n = sql`(case when ${column} ~ '^[0-9]{3,4}$' then ${column}::int end)`;
  return sql`(${sql.join(ranges.map(([from, to]) => sql`${n} between ${from} and ${to}`), sql` or `)})`;
}

/** The condition on `companies` of a company filter, or undefined for none (shared with incident filters). */
export function companyConditions(filters: CompanyFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.ticker) conditions.push(arrayContains(companies.tickers, [filters.ticker.toUpperCase()]));
  if (filters.sic) conditions.push(eq(companies.sic, filters.sic));
  if (filters.sector) conditions.push(sicInSector(sql`${companies.sic}`, filters.sector));
  if (filters.q) {
    // LIKE's wildcards in the query are literal characters, not patterns.
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(companies.name, pattern), sql`exists (select 1 from jsonb_array_elements(${companies.formerNames}) f where f->>'name' ilike ${pattern})`) as SQL);
  }
  return conditions;
}

/** The companies matching `filters`, as a subquery of CIKs (for incident filters). */
export function companyCiks(db: Db, filters: CompanyFilters) {
  return db.select({ cik: companies.cik }).from(companies).where(and(...companyConditions(filters)));
}

export function createCompanyRepository({ db }: { db: Db }) {
  return {
    /**
     * Fills in what an analyzed filing's header says of its company (in the caller's transaction,
     * when given a transaction's repositories). A submissions JSON read after the filing was
     * accepted is newer and is not overwritten.
     */
    async applyHeader(cik: string, header: FiledCompanyHeader, acceptedAt: Date): Promise<void> {
      const facts = headerCompanyFacts(cik, header);
      const set: Partial<typeof companies.$inferInsert> = {};
      for (const key of ['sic', 'sicDescription', 'state', 'businessCity', 'businessState', 'secOffice', 'fiscalYearEnd'] as const) {
        const value = facts[key];
        if (value) set[key] = value;
      }
      if (facts.formerNames && facts.formerNames.length > 0) set.formerNames = facts.formerNames;
      if (Object.keys(set).length === 0) return;
      await db
        .update(companies)
        .set({ ...set, updatedAt: sql`now()` })
        .where(and(eq(companies.cik, cik), or(isNull(companies.profileFetchedAt), lt(companies.profileFetchedAt, acceptedAt))));
    },

    async get(cik: string): Promise<CompanyRow | undefined> {
      const [row] = await db.select().from(companies).where(eq(companies.cik, cik));
      return row;
    },

    /** The companies of these CIKs, by CIK. */
    async many(ciks: readonly string[]): Promise<Map<string, CompanyRow>> {
      if (ciks.length === 0) return new Map();
      const rows = await db.select().from(companies).where(inArray(companies.cik, [...new Set(ciks)]));
      return new Map(rows.map((r) => [r.cik, r]));
    },

    /**
     * The CIK listing each of these tickers (upper case), for alert filters; a ticker no company
     * lists is absent. Should two companies list one (a reassignment not yet seen), the most
     * recently active wins.
     */
    async ciksOfTickers(tickers: readonly string[]): Promise<Map<string, string>> {
      if (tickers.length === 0) return new Map();
      const wanted = [...new Set(tickers.map((t) => t.toUpperCase()))];
      const rows = await db
        .select({ cik: companies.cik, tickers: companies.tickers })
        .from(companies)
        .where(sql`${companies.tickers} && ${sql.param(wanted)}::text[]`)
        .orderBy(sql`${companies.lastFiledAt} asc nulls first`);
      const found = new Map<string, string>();
      for (const row of rows) for (const t of row.tickers) if (wanted.includes(t)) found.set(t, row.cik);
      return found;
    },

    /** Most recently active first (latest filing's acceptance), keyset-paginated on (that, CIK). */
    async list(filters: CompanyFilters, page: { limit: number; after?: PageCursor }): Promise<{ rows: CompanyRow[]; next: PageCursor | null }> {
      const conditions = companyConditions(filters);
      if (page.after) conditions.push(sql`(${companies.lastFiledAt}, ${companies.cik}) < (${page.after.acceptedAt}::timestamptz, ${cikOf(page.after.id)})`);
      const rows = await db
        .select()
        .from(companies)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(companies.lastFiledAt), desc(companies.cik))
        .limit(page.limit + 1);
      return keysetPage(rows, page.limit, (last) => ({ acceptedAt: last.lastFiledAt.toISOString(), id: Number(last.cik) }));
    },

    /** Records what the submissions JSON says, and when it was read. */
    async recordProfile(cik: string, profile: CompanyProfile, fetchedAt: Date): Promise<void> {
      await db
        .update(companies)
        .set({
          ...(profile.name ? { name: profile.name } : {}),
          tickers: profile.tickers,
          exchanges: profile.exchanges,
          sic: profile.sic,
          sicDescription: profile.sicDescription,
          state: profile.state,
          businessCity: profile.businessCity,
          businessState: profile.businessState,
          secOffice: profile.secOffice,
          fiscalYearEnd: profile.fiscalYearEnd,
          formerNames: profile.formerNames,
          profileFetchedAt: fetchedAt,
          updatedAt: sql`now()`,
        })
        .where(eq(companies.cik, cik));
    },

    /**
     * Sets the tickers EDGAR's company_tickers.json lists for the companies already known (the file
     * names some 10,000 others, which are not stored). A changed ticker list drops the exchanges,
     * which no longer line up with it, until the company's submissions JSON gives them again.
     * Returns the number of companies changed.
     */
    async applyTickers(tickersByCik: ReadonlyMap<string, readonly string[]>): Promise<number> {
      const known = await db.select({ cik: companies.cik, tickers: companies.tickers }).from(companies);
      const changed = known.filter((c) => {
        const next = tickersByCik.get(c.cik);
        return next !== undefined && next.join(',') !== c.tickers.join(',');
      });
      if (changed.length === 0) return 0;
      const map = JSON.stringify(Object.fromEntries(changed.map((c) => [c.cik, tickersByCik.get(c.cik)])));
      await db.execute(sql`
        update ${companies} set tickers = array(select jsonb_array_elements_text(m.value)), exchanges = '{}'::text[], updated_at = now()
        from jsonb_each(${map}::jsonb) m where ${companies.cik} = m.key`);
      return changed.length;
    },

    /**
     * Companies whose submissions JSON was never read, or not since `before`, most recently active
     * first: the ones a refresh should read next. With `day`, those that already have that day's
     * refresh job (done, waiting for a retry or set aside) are left out, so they never crowd out
     * the others.
     */
    async dueForProfile(before: Date, limit: number, day?: string): Promise<string[]> {
      const conditions: SQL[] = [or(isNull(companies.profileFetchedAt), lt(companies.profileFetchedAt, before)) as SQL];
      if (day) conditions.push(sql`not exists (select 1 from ${jobs} where ${jobs.kind} = 'refresh-company' and ${jobs.key} = ${companies.cik} || ${`:${day}`})`);
      const rows = await db
        .select({ cik: companies.cik })
        .from(companies)
        .where(and(...conditions))
        .orderBy(desc(companies.lastFiledAt), desc(companies.cik))
        .limit(limit);
      return rows.map((r) => r.cik);
    },
  };
}

export type CompanyRepository = ReturnType<typeof createCompanyRepository>;
