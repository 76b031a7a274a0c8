// Calendar days written YYYY-MM-DD, EDGAR's unit (the daily index, filing dates, backfill ranges):
// checking them, stepping through them, and placing them on the US Eastern clock.

import { AppError } from '../errors.ts';
import { easternIsoDate, easternToUtcMs } from './eastern-time.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws unless `date` is a real calendar date written YYYY-MM-DD. */
export function assertIsoDate(date: string, what = 'date'): void {
  const m = ISO_DATE.exec(date);
  const d = m ? new Date(`${date}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new AppError('edgar.bad_date', `${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(date)}`, { statusCode: 400 });
  }
}

/** The calendar day `n` days after `date` (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** The US Eastern calendar date of an instant: EDGAR's days are Eastern days. */
export function easternDate(at: Date): string {
  return easternIsoDate(at.getTime());
}

/**
 * `hour`:`minute` US Eastern on `date`, as an instant (EST or EDT as the date falls; the hour
 * skipped when clocks spring forward, 02:xx on one March Sunday, is read as EST).
 */
export function easternWallTime(date: string, hour: number, minute = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(easternToUtcMs(year, month, day, hour, minute, 0));
}

/** 00:00 US Eastern on `date`: where a filing whose acceptance time is not known yet is placed. */
export function easternMidnight(date: string): Date {
  return easternWallTime(date, 0);
}
