// US federal holidays (5 U.S.C. 6103) and EDGAR business days. EDGAR neither accepts nor
// disseminates filings on weekends and federal holidays, so it publishes no daily index for them,
// and the "business days" of SEC rules (Item 1.05's four) skip them too.
//
// A holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after (so New
// Year's Day 2022, a Saturday, was observed on Friday 2021-12-31). Juneteenth counts from 2022:
// it became a holiday on 2021-06-17, the day before its first observance, too late for EDGAR's
// calendar that year. One-off closures (a national day of mourning, an extra day an executive order
// gives) are not listed: for those the daily index answers "not found", which callers expect anyway.

import { addDays, dayOfWeek } from './days.ts';

export interface FederalHoliday {
  /** The day it is observed, YYYY-MM-DD: the day offices and EDGAR are closed. */
  date: string;
  name: string;
  /** The date it falls on, when that is a weekend day and it is observed on another. */
  actual?: string;
}

const iso = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The `n`-th (1-based) `weekday` (0 = Sunday) of a month, or the last when `n` is -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const back = (dayOfWeek(iso(year, month, last)) - weekday + 7) % 7;
    return iso(year, month, last - back);
  }
  const first = (weekday - dayOfWeek(iso(year, month, 1)) + 7) % 7;
  return iso(year, month, 1 + first + (n - 1) * 7);
}

/** A fixed-date holiday moved off the weekend. */
function observed(date: string, name: string): FederalHoliday {
  const day = dayOfWeek(date);
  if (day === 6) return { date: addDays(date, -1), name, actual: date };
  if (day === 0) return { date: addDays(date, 1), name, actual: date };
  return { date, name };
}

/** The holidays of `year` by the law of that year, each on its observed day (which may fall in another year). */
function holidaysOf(year: number): FederalHoliday[] {
  const MONDAY = 1;
  const THURSDAY = 4;
  return [
    observed(iso(year, 1, 1), "New Year's Day"),
    { date: nthWeekday(year, 1, MONDAY, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, MONDAY, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, MONDAY, -1), name: 'Memorial Day' },
    ...(year >= 2022 ? [observed(iso(year, 6, 19), 'Juneteenth National Independence Day')] : []),
    observed(iso(year, 7, 4), 'Independence Day'),
    { date: nthWeekday(year, 9, MONDAY, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, MONDAY, 2), name: 'Columbus Day' },
    observed(iso(year, 11, 11), 'Veterans Day'),
    { date: nthWeekday(year, 11, THURSDAY, 4), name: 'Thanksgiving Day' },
    observed(iso(year, 12, 25), 'Christmas Day'),
  ];
}

const cache = new Map<number, FederalHoliday[]>();

/**
 * The federal holidays observed in `year`, in date order. The rules are today's (Monday holidays
 * since 1971, Veterans Day on November 11 since 1978): right for every year EDGAR has existed.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  let list = cache.get(year);
  if (!list) {
    // New Year's Day of the next year can be observed on December 31 of this one.
    list = [...holidaysOf(year), ...holidaysOf(year + 1)].filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => (a.date < b.date ? -1 : 1));
    cache.set(year, list);
  }
  return list;
}

/** The holiday observed on `date` (YYYY-MM-DD), if any. */
export function federalHolidayOn(date: string): FederalHoliday | undefined {
  return federalHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}

/** A day EDGAR is open: a weekday that is not a federal holiday. */
export function isBusinessDay(date: string): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && federalHolidayOn(date) === undefined;
}

/** EDGAR business days from `from` to `to`, both included. */
export function businessDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) days.push(d);
  return days;
}

/** The business day `n` business days after `date` (before it for a negative `n`); `date` itself need not be one. */
export function addBusinessDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
}

/** The business day after `date`. */
export function nextBusinessDay(date: string): string {
  return addBusinessDays(date, 1);
}

/** The business day before `date`: the newest day whose daily index is complete on `date` (it is built ~22:00). */
export function previousBusinessDay(date: string): string {
  return addBusinessDays(date, -1);
}
