// EDGAR accepts filings from 06:00 to 22:00 US Eastern on business days; the feed is read at the
// configured interval in that window (a poller that sleeps at 17:30 misses the evening filings)
// and more slowly outside it.

const EASTERN = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23', weekday: 'short' });

export function isFilingHours(at: Date): boolean {
  const parts = EASTERN.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  if (weekday === 'Sat' || weekday === 'Sun') return false;
  return hour >= 6 && hour < 22;
}

export function pollIntervalMs(at: Date, intervals: { filingHoursMs: number; offHoursMs: number }): number {
  return isFilingHours(at) ? intervals.filingHoursMs : Math.max(intervals.filingHoursMs, intervals.offHoursMs);
}
