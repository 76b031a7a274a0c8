// Building, storing and serving weekly reports: the use cases the CLI, the API and the scheduler
// share. Each receives the one repository it touches and its clock.

import type { ReportRepository } from '../../db/repositories/reports.ts';
import { ANALYZER_VERSION } from '../analysis/version.ts';
import { AppError } from '../errors.ts';
import { buildReportModel, type ReportModel } from './model.ts';
import { assertIsoWeek, isoWeekOf, lastCompleteWeek, weekRange, type IsoWeek } from './week.ts';

export type ReportRepo = Pick<ReportRepository, 'loadWeek' | 'get' | 'list' | 'publish' | 'filingDateRange'>;

/** Refuses a week that is not a real ISO week, or has not ended by `now` (its report would change). */
export function assertReportableWeek(week: string, now: Date): IsoWeek {
  assertIsoWeek(week);
  const last = lastCompleteWeek(now);
  if (week > last) {
    throw new AppError('reports.week_not_ended', `week ${week} has not ended yet (the newest complete week is ${last})`, { statusCode: 400 });
  }
  return week;
}

/** The report of `week` from the data as it is now. */
export async function buildWeeklyReport(reports: Pick<ReportRepo, 'loadWeek'>, week: IsoWeek, analyzerVersion = ANALYZER_VERSION): Promise<ReportModel> {
  return buildReportModel(await reports.loadWeek(week), week, analyzerVersion);
}

/** The stored report of `week` for this analyzer version when there is one, or one built now. */
export async function weeklyReport(reports: Pick<ReportRepo, 'loadWeek' | 'get'>, week: IsoWeek, analyzerVersion = ANALYZER_VERSION): Promise<{ model: ReportModel; stored: boolean }> {
  const row = await reports.get(week, analyzerVersion);
  if (row) return { model: row.model, stored: true };
  return { model: await buildWeeklyReport(reports, week, analyzerVersion), stored: false };
}

export interface WeekListing {
  week: IsoWeek;
  start: string;
  end: string;
  /** Stored (built by the scheduler) for the current analyzer version, and when. */
  builtAt: string | null;
}

/** Every week from the first filing on record to the last complete one, newest first (at most `limit`). */
export async function listReportWeeks(reports: Pick<ReportRepo, 'filingDateRange' | 'list'>, now: Date, limit = 520, analyzerVersion = ANALYZER_VERSION): Promise<WeekListing[]> {
  const last = lastCompleteWeek(now);
  const { first } = await reports.filingDateRange();
  const stored = new Map((await reports.list()).filter((r) => r.analyzerVersion === analyzerVersion).map((r) => [r.week, r.builtAt.toISOString()]));
  const out: WeekListing[] = [];
  if (!first) return out;
  const firstWeek = isoWeekOf(first);
  for (let start = weekRange(last).start; out.length < limit; ) {
    const week = isoWeekOf(start);
    if (weekRange(week).start < weekRange(firstWeek).start) break;
    const range = weekRange(week);
    out.push({ week, start: range.start, end: range.end, builtAt: stored.get(week) ?? null });
    const d = new Date(`${start}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7);
    start = d.toISOString().slice(0, 10);
  }
  return out;
}
