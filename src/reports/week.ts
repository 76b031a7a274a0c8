// ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday), the report's unit:
// law-firm trackers count disclosures by EDGAR filing date, and a filing date is an Eastern
// calendar day, so a week is seven calendar days, not an interval of instants.

import { AppError } from '../errors.ts';
import { addDays, dayOfWeek, easternDate, easternWallTime } from '../calendar/index.ts';

/** `2025-W42` */
export type IsoWeek = string;

export const ISO_WEEK_PATTERN = '^\\d{4}-W\\d{2}$';
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export interface WeekRange {
  week: IsoWeek;
  /** Monday, YYYY-MM-DD */
  start: string;
  /** Sunday, YYYY-MM-DD (included) */
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Monday of ISO week 1 of `year`: the week holding January 4. */
function week1Monday(year: number): string {
  const jan4 = `${pad(year, 4)}-01-04`;
  return addDays(jan4, -((dayOfWeek(jan4) + 6) % 7));
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = dayOfWeek(`${pad(year, 4)}-01-01`);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Whether `value` names a real ISO week (`2026-W53` does, `2025-W53` does not). */
export function isIsoWeek(value: string): boolean {
  const m = ISO_WEEK.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return year >= 1993 && week >= 1 && week <= isoWeeksInYear(year);
}

/** Throws a 400 AppError unless `value` is a real ISO week. */
export function assertIsoWeek(value: string, what = 'week'): asserts value is IsoWeek {
  if (!isIsoWeek(value)) {
    const m = ISO_WEEK.exec(value);
    const detail = m ? ` (${m[1]} has ${isoWeeksInYear(Number(m[1]))} ISO weeks; EDGAR data starts in 1993)` : '';
    throw new AppError('reports.bad_week', `${what} must be an ISO week written YYYY-Www, such as 2025-W42, got ${JSON.stringify(value)}${detail}`, { statusCode: 400 });
  }
}

/** The ISO week a calendar day (YYYY-MM-DD) falls in. */
export function isoWeekOf(date: string): IsoWeek {
  // The Thursday of the day's week decides the week's year.
  const thursday = addDays(date, 3 - ((dayOfWeek(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const days = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${week1Monday(year)}T00:00:00Z`)) / 86_400_000);
  return `${pad(year, 4)}-W${pad(Math.floor(days / 7) + 1)}`;
}

/** Monday and Sunday of an ISO week. */
export function weekRange(week: IsoWeek): WeekRange {
  assertIsoWeek(week);
  const [, y, w] = ISO_WEEK.exec(week)!;
  const start = addDays(week1Monday(Number(y)), (Number(w) - 1) * 7);
  return { week, start, end: addDays(start, 6) };
}

/** The week `n` weeks after `week` (before it for a negative `n`). */
export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(addDays(weekRange(week).start, 7 * n));
}

/** `count` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

/** The newest week that has ended by `now` (US Eastern): last week, whatever the day. */
export function lastCompleteWeek(now: Date): IsoWeek {
  return addWeeks(isoWeekOf(easternDate(now)), -1);
}

/** When the report of `week` is due: the Monday after it, 07:00 US Eastern. */
export function reportDueAt(week: IsoWeek): Date {
  return easternWallTime(addDays(weekRange(week).end, 1), 7, 0);
}

/** The newest week whose report is due by `now` (Mondays before 07:00 Eastern: the week before last). */
export function latestDueWeek(now: Date): IsoWeek {
  const last = lastCompleteWeek(now);
  return reportDueAt(last).getTime() <= now.getTime() ? last : addWeeks(last, -1);
}
