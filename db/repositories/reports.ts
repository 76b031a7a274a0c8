import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { companies, events, filings, incidentFilings, incidents, jobs, reconciliations, reports } from '../schema.ts';
import { JOBS_CHANNEL } from '../job-notifications.ts';
import { WEEKLY_REPORT_LOCK } from '../advisory-lock.ts';
import { FAN_OUT_EVENT, PRIORITY } from '../../src/jobs/catalogue.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import type { IncidentMember, Timeliness } from '../../src/incidents/facts.ts';
import type { IncidentRole } from '../../src/incidents/thread.ts';
import type { ReportIncidentInput, ReportModel, TrendWeekInput, WeekData } from '../../src/reports/model.ts';
import { sectorsOf } from '../../src/companies/sectors.ts';
import { isoWeekOf, weekRange, weeksEndingWith, type IsoWeek } from '../../src/reports/week.ts';

export type ReportRow = typeof reports.$inferSelect;

/** The parts of an analysis a report reads: a few hundred bytes of the stored object. */
type MemberAnalysis = IncidentMember['analysis'];

const MEMBER_ANALYSIS = sql<MemberAnalysis>`jsonb_build_object(
  'item', ${filings.analysis}->'item', 'materialImpact', ${filings.analysis}->'materialImpact', 'dates', ${filings.analysis}->'dates',
  'flags', ${filings.analysis}->'flags', 'evidence', coalesce(${filings.analysis}->'evidence', '{}'::jsonb),
  'incidentName', ${filings.analysis}->'incidentName', 'incidents', coalesce(${filings.analysis}->'incidents', '[]'::jsonb))`;

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

// The item class of an incident filing, as src/reports/model.ts itemClass() has it.
const ITEM_CLASS = sql<string>`case
  when ${filings.form} ~* '^10-[QK]' then 'periodic'
  when ${filings.incidentItem} = '1.05' or (${filings.incidentItem} is null and '1.05' = any(${filings.items})) then '1.05'
  when ${filings.incidentItem} = '8.01' then '8.01'
  when ${filings.incidentItem} = '7.01' then '7.01'
  else 'other' end`;

/** At most this many dead filings are listed in a report (all are counted). */
const DEAD_LISTED = 50;

export interface StoredReportSummary {
  week: IsoWeek;
  analyzerVersion: string;
  modelVersion: number;
  builtAt: Date;
}

export function createReportRepository({ db }: { db: Db }) {
  return {
    /** Everything the report of `week` is built from, in a handful of queries over indexed ranges. */
    async loadWeek(week: IsoWeek): Promise<WeekData> {
      const { start, end } = weekRange(week);
      const trendStart = weekRange(weeksEndingWith(week, 64)[0]!).start;
      const timingStart = weekRange(weeksEndingWith(week, 13)[0]!).start;
      const inWeek = sql`${filings.filedAt} between ${start} and ${end}`;

      const [weekFilings, states, byDayForm, daily, dead, trendRows, timingRows] = await Promise.all([
        db
          .select({
            accessionNumber: filings.accessionNumber,
            cik: filings.cik,
            company: filings.companyName,
            form: filings.form,
            items: filings.items,
            filedAt: filings.filedAt,
            acceptedAt: filings.acceptedAt,
            item: filings.incidentItem,
            materialImpact: filings.materialImpact,
            review: sql<boolean>`coalesce((${filings.analysis}->>'review')::boolean, false)`,
            confidence: sql<number | null>`(${filings.analysis}->>'confidence')::float8`,
            evidence: sql<Record<string, string>>`coalesce(${filings.analysis}->'evidence', '{}'::jsonb)`,
            incidentId: incidentFilings.incidentId,
            role: incidentFilings.role,
          })
          .from(filings)
          .leftJoin(incidentFilings, eq(incidentFilings.accessionNumber, filings.accessionNumber))
          .where(and(inWeek, eq(filings.incident, true), eq(filings.status, 'analyzed')))
          .orderBy(asc(filings.filedAt), asc(filings.acceptedAt), asc(filings.accessionNumber)),
        db
          .select({
            status: filings.status,
            n: sql<number>`count(*)::int`,
            review: sql<number>`count(*) filter (where ${filings.status} = 'analyzed' and (${filings.analysis}->>'review')::boolean)::int`,
          })
          .from(filings)
          .where(inWeek)
          .groupBy(filings.status),
        db
          .select({ date: filings.filedAt, form: filings.form, n: sql<number>`count(*)::int` })
          .from(filings)
          .where(inWeek)
          .groupBy(filings.filedAt, filings.form),
        db.select().from(reconciliations).where(sql`${reconciliations.date} between ${start} and ${end}`).orderBy(asc(reconciliations.date)),
        db
          .select({ accessionNumber: filings.accessionNumber, form: filings.form, company: filings.companyName, error: filings.error })
          .from(filings)
          .where(and(inWeek, eq(filings.status, 'dead')))
          .orderBy(asc(filings.accessionNumber))
          .limit(DEAD_LISTED),
        db
          .select({ weekStart: sql<string>`to_char(date_trunc('week', ${filings.filedAt}::timestamp), 'YYYY-MM-DD')`, itemClass: ITEM_CLASS, n: sql<number>`count(*)::int` })
          .from(filings)
          .where(and(sql`${filings.filedAt} between ${trendStart} and ${end}`, eq(filings.incident, true), eq(filings.status, 'analyzed')))
          .groupBy(sql`1`, sql`2`),
        db
          .select({
            incidentId: incidents.id,
            firstDisclosedAt: incidents.firstDisclosedAt,
            timeliness: sql<Timeliness>`${incidents.facts}->'timeliness'`,
            hasItem105: sql<boolean>`'1.05' = any(${incidents.items}) or coalesce(${incidents.itemPath} like '%1.05%', false)`,
          })
          .from(incidents)
          .where(and(sql`${incidents.firstDisclosedAt} between ${timingStart} and ${end}`, sql`${incidents.status} <> 'retracted'`)),
      ]);

      // The incidents touched in the week, with their filings up to its end.
      const ids = [...new Set(weekFilings.flatMap((f) => (f.incidentId === null ? [] : [f.incidentId])))].sort((a, b) => a - b);
      const incidentRows: ReportIncidentInput[] = [];
      if (ids.length > 0) {
        const idList = sql.join(ids.map((id) => sql`${id}::bigint`), sql`, `);
        const [heads, members] = await Promise.all([
          db
            .select({ id: incidents.id, cik: incidents.cik, company: incidents.companyName, sic: companies.sic, tickers: companies.tickers, secOffice: companies.secOffice })
            .from(incidents)
            .leftJoin(companies, eq(companies.cik, incidents.cik))
            .where(sql`${incidents.id} in (${idList})`),
          db
            .select({
              incidentId: incidentFilings.incidentId,
              accessionNumber: incidentFilings.accessionNumber,
              role: incidentFilings.role,
              reason: incidentFilings.reason,
              confidence: incidentFilings.confidence,
              form: filings.form,
              items: filings.items,
              filedAt: filings.filedAt,
              acceptedAt: filings.acceptedAt,
              company: filings.companyName,
              analysis: MEMBER_ANALYSIS,
            })
            .from(incidentFilings)
            .innerJoin(filings, eq(filings.accessionNumber, incidentFilings.accessionNumber))
            .where(and(sql`${incidentFilings.incidentId} in (${idList})`, sql`${filings.filedAt} <= ${end}`))
            .orderBy(asc(incidentFilings.incidentId), asc(incidentFilings.position)),
        ]);
        for (const head of heads.sort((a, b) => a.id - b.id)) {
          incidentRows.push({
            id: head.id,
            cik: head.cik,
            company: head.company,
            tickers: head.tickers ?? [],
            sic: head.sic,
            secOffice: head.secOffice,
            sectors: sectorsOf(head.sic),
            members: members
              .filter((m) => m.incidentId === head.id)
              .map((m): IncidentMember => ({
                accessionNumber: m.accessionNumber,
                role: m.role as IncidentRole,
                reason: m.reason,
                confidence: m.confidence,
                form: m.form,
                items: m.items,
                filedAt: m.filedAt,
                acceptedAt: m.acceptedAt.toISOString(),
                company: m.company,
                analysis: parseJson<Pick<Analysis, keyof MemberAnalysis>>(m.analysis),
              })),
          });
        }
      }

      const counts = { discovered: 0, analyzed: 0, pending: 0, failed: 0, dead: 0, review: 0 };
      for (const s of states) {
        counts.discovered += Number(s.n);
        counts[s.status] += Number(s.n);
        counts.review += Number(s.review);
      }
      // Ours beside EDGAR's, for the forms that day's reconciliation checked (all forms on a day not reconciled).
      const formsOf = new Map(daily.map((d) => [d.date, new Set(d.forms)]));
      const discoveredByDay = new Map<string, number>();
      for (const r of byDayForm) {
        const forms = formsOf.get(r.date);
        if (forms && !forms.has(r.form)) continue;
        discoveredByDay.set(r.date, (discoveredByDay.get(r.date) ?? 0) + Number(r.n));
      }
      const trend = new Map<IsoWeek, TrendWeekInput>();
      for (const r of trendRows) {
        const w = isoWeekOf(r.weekStart);
        const t = trend.get(w) ?? { week: w, item105: 0, item801: 0, item701: 0, periodic: 0, other: 0 };
        const key = ({ '1.05': 'item105', '8.01': 'item801', '7.01': 'item701', periodic: 'periodic' } as const)[r.itemClass as '1.05'] ?? 'other';
        t[key] += Number(r.n);
        trend.set(w, t);
      }

      return {
        filings: weekFilings.map((f) => ({
          ...f,
          acceptedAt: f.acceptedAt.toISOString(),
          materialImpact: f.materialImpact as WeekData['filings'][number]['materialImpact'],
          review: Boolean(f.review),
          evidence: parseJson<Record<string, string>>(f.evidence),
          role: f.role as IncidentRole | null,
        })),
        incidents: incidentRows,
        quality: {
          filings: counts,
          discoveredByDay: [...discoveredByDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, discovered]) => ({ date, discovered })),
          dailyIndex: daily.map((d) => ({ date: d.date, listed: d.listed, missing: d.missing, indexFound: d.indexFound })),
          dead: dead.map((d) => ({ ...d })),
          review: weekFilings.filter((f) => f.review).map((f) => ({ accessionNumber: f.accessionNumber, form: f.form, company: f.company, confidence: f.confidence === null ? null : Number(f.confidence) })),
        },
        trend: [...trend.values()].sort((a, b) => (a.week < b.week ? -1 : 1)),
        timing13: timingRows.map((t) => {
          const timeliness = parseJson<Timeliness | null>(t.timeliness);
          return {
            incidentId: t.incidentId,
            firstDisclosedAt: t.firstDisclosedAt!,
            detectionToDisclosureBusinessDays: timeliness?.detectionToDisclosureBusinessDays ?? null,
            detectionToDisclosureDays: timeliness?.detectionToDisclosureDays ?? null,
            businessDaysToItem105: timeliness?.businessDaysToItem105 ?? null,
            hasItem105: Boolean(t.hasItem105),
          };
        }),
      };
    },

    /** The earliest and latest filing dates on record (the weeks a report can be built for). */
    async filingDateRange(): Promise<{ first: string | null; last: string | null }> {
      const [row] = await db.select({ first: sql<string | null>`min(${filings.filedAt})::text`, last: sql<string | null>`max(${filings.filedAt})::text` }).from(filings);
      return { first: row?.first ?? null, last: row?.last ?? null };
    },

    /** The stored report of a week built by an analyzer version. */
    async get(week: IsoWeek, analyzerVersion: string): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(reports).where(and(eq(reports.week, week), eq(reports.analyzerVersion, analyzerVersion)));
      return row;
    },

    /** Stored reports, newest week first. */
    async list(): Promise<StoredReportSummary[]> {
      return db
        .select({ week: reports.week, analyzerVersion: reports.analyzerVersion, modelVersion: reports.modelVersion, builtAt: reports.builtAt })
        .from(reports)
        .orderBy(desc(reports.week), asc(reports.analyzerVersion));
    },

    /**
     * Stores a built report, its `report.published` event and the event's fan-out job (only for a
     * week not yet published under another analyzer version) in one transaction; false (and nothing
     * written) when that week and analyzer version were stored already, by this instance or another.
     */
    async publish(model: ReportModel, event: Record<string, unknown>): Promise<{ published: boolean; id: number }> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${WEEKLY_REPORT_LOCK}::int, hashtext(${model.week}))`);
        const [inserted] = await tx
          .insert(reports)
          .values({ week: model.week, analyzerVersion: model.analyzerVersion, modelVersion: model.modelVersion, model })
          .onConflictDoNothing({ target: [reports.week, reports.analyzerVersion] })
          .returning({ id: reports.id });
        if (!inserted) {
          const [existing] = await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.week, model.week), eq(reports.analyzerVersion, model.analyzerVersion)));
          return { published: false, id: existing!.id };
        }
        const [published] = await tx.insert(events).values({ type: 'report.published', reportId: inserted.id, analyzerVersion: model.analyzerVersion, payload: event }).onConflictDoNothing().returning({ id: events.id });
        // Its alerts are fanned out by a job committed with it, as for incident events: none lost, none doubled.
        // A rebuild of a week already published under another analyzer version is stored and listed
        // in the event stream, but subscribers got that week's report once and are not sent it again.
        const [earlier] = await tx
          .select({ id: reports.id })
          .from(reports)
          .where(and(eq(reports.week, model.week), sql`${reports.analyzerVersion} <> ${model.analyzerVersion}`))
          .limit(1);
        if (published && !earlier) {
          await tx.insert(jobs).values({ kind: FAN_OUT_EVENT, key: String(published.id), priority: PRIORITY.live }).onConflictDoNothing({ target: [jobs.kind, jobs.key] });
          await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${FAN_OUT_EVENT})`);
        }
        return { published: true, id: inserted.id };
      });
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
