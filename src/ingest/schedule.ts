// EDGAR accepts filings from 06:00 to 22:00 US Eastern on business days; the feed is read at the
// configured interval in that window (a poller that sleeps at 17:30 misses the evening filings)
// and more slowly outside it.

import { toEastern } from '../analysis/eastern-time.ts';

export function isFilingHours(at: Date): boolean {
  const { weekday, hour } = toEastern(at.getTime());
  if (weekday === 0 || weekday === 6) return false;
  return hour >= 6 && hour < 22;
}

export function pollIntervalMs(at: Date, intervals: { filingHoursMs: number; offHoursMs: number }): number {
  return isFilingHours(at) ? intervals.filingHoursMs : Math.max(intervals.filingHoursMs, intervals.offHoursMs);
}
