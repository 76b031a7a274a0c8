// EDGAR accepts filings from 06:00 to 22:00 US Eastern on business days; the feed is read at the
// configured interval in that window (a poller that sleeps at 17:30 misses the evening filings)
// and more slowly outside it: nights, weekends and federal holidays.

import { easternIsoDate, isBusinessDay, toEastern } from '../calendar/index.ts';

export function isFilingHours(at: Date): boolean {
  const { hour } = toEastern(at.getTime());
  return hour >= 6 && hour < 22 && isBusinessDay(easternIsoDate(at.getTime()));
}

export function pollIntervalMs(at: Date, intervals: { filingHoursMs: number; offHoursMs: number }): number {
  return isFilingHours(at) ? intervals.filingHoursMs : Math.max(intervals.filingHoursMs, intervals.offHoursMs);
}
