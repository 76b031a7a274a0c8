// EDGAR stamps acceptance times in US Eastern local time with no offset. The conversion uses the
// US daylight-saving rules directly so the result never depends on the machine's time zone.

/** Day of month of the n-th Sunday (n = 1…5, or -1 for the last) of a month, UTC calendar. */
function nthSunday(year: number, month0: number, n: number): number {
  if (n > 0) {
    const firstDow = new Date(Date.UTC(year, month0, 1)).getUTCDay();
    return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  const lastDow = new Date(Date.UTC(year, month0, lastDay)).getUTCDay();
  return lastDay - lastDow;
}

/**
 * Whether a US Eastern wall-clock time is in daylight-saving time. DST starts at 02:00 local
 * standard time and ends at 02:00 local daylight time; from 2007 on the second Sunday of March to
 * the first Sunday of November, before that the first Sunday of April to the last Sunday of
 * October. The repeated hour in autumn is read as daylight time (the first occurrence).
 */
export function isEasternDst(year: number, month0: number, day: number, hour: number): boolean {
  const [startMonth, startDay, endMonth, endDay] =
    year >= 2007
      ? [2, nthSunday(year, 2, 2), 10, nthSunday(year, 10, 1)]
      : [3, nthSunday(year, 3, 1), 9, nthSunday(year, 9, -1)];
  const key = (m: number, d: number, h: number): number => (m * 32 + d) * 24 + h;
  const t = key(month0, day, hour);
  return t >= key(startMonth, startDay, 2) && t < key(endMonth, endDay, 2);
}

/** `20240222160847` (US Eastern) → `2024-02-22T21:08:47Z`; null when malformed. */
export function easternToUtcIso(stamp: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const offsetHours = isEasternDst(y, mo - 1, d, h) ? 4 : 5;
  const ms = Date.UTC(y, mo - 1, d, h + offsetHours, mi, s);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
