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

/** Current reports, where incidents are announced (8-K Item 1.05, a foreign issuer's 6-K). */
const CURRENT_REPORTS = new Set(['8-K', '6-K']);

/**
 * The order the feeds are read in each poll: periodic reports (10-Q, 10-K, 20-F) first, current
 * reports (8-K, 6-K) last. The filings a feed discovers are fetched through the same rate limit as
 * the feed reads, in turn: read last, an 8-K's fetch no longer queues behind the 10-Q and 10-K
 * feed reads (up to two requests, 0.4 s at 5 requests/s). Polling start to start, each feed is still
 * read once per interval, so reading one later in the cycle delays none of its filings.
 */
export function feedReadOrder(forms: readonly string[]): string[] {
  return [...forms.filter((f) => !CURRENT_REPORTS.has(f)), ...forms.filter((f) => CURRENT_REPORTS.has(f))];
}
