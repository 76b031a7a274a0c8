// US Eastern time, the clock EDGAR keeps (acceptance stamps without an offset, Eastern days in the
// daily index, filing hours, the feed's -05:00/-04:00), and the forms in which EDGAR writes it.
// The project's one implementation: pure (no clock of its own), so the analysis core may use it.
// Explicit US DST rules rather than Intl/tz data: deterministic whatever the ICU build or machine time zone, and far faster than formatToParts.
// They match the tz database for America/New_York from 1987 on (EDGAR begins in 1993).

const HOUR_MS = 3_600_000;

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
 * The days daylight time starts and ends, `[startMonth0, startDay, endMonth0, endDay]`: from 2007
 * on the second Sunday of March to the first Sunday of November, before that the first Sunday of
 * April to the last Sunday of October.
 */
function dstDays(year: number): [number, number, number, number] {
  return year >= 2007
    ? [2, nthSunday(year, 2, 2), 10, nthSunday(year, 10, 1)]
    : [3, nthSunday(year, 3, 1), 9, nthSunday(year, 9, -1)];
}

/**
 * Whether a US Eastern wall-clock time (month0 0-11) is in daylight-saving time. Clocks go from
 * 02:00 EST to 03:00 EDT in spring and from 02:00 EDT back to 01:00 EST in autumn. The repeated
 * hour in autumn is read as daylight time (the first occurrence); the skipped hour in spring
 * (02:xx) does not exist and is read as standard time, which puts it at 03:xx EDT.
 */
export function isEasternDst(year: number, month0: number, day: number, hour: number): boolean {
  const [startMonth, startDay, endMonth, endDay] = dstDays(year);
  const key = (m: number, d: number, h: number): number => (m * 32 + d) * 24 + h;
  const t = key(month0, day, hour);
  return t >= key(startMonth, startDay, 3) && t < key(endMonth, endDay, 2);
}

/** US Eastern's offset from UTC at an instant, in minutes: -300 (EST) or -240 (EDT). */
export function easternOffsetMinutes(ms: number): -300 | -240 {
  const year = new Date(ms - 5 * HOUR_MS).getUTCFullYear();
  const [startMonth, startDay, endMonth, endDay] = dstDays(year);
  // Daylight time starts at 02:00 EST (07:00Z) and ends at 02:00 EDT (06:00Z).
  return ms >= Date.UTC(year, startMonth, startDay, 7) && ms < Date.UTC(year, endMonth, endDay, 6) ? -240 : -300;
}

export interface EasternTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday … 6 = Saturday
  zone: 'EST' | 'EDT';
  offsetMinutes: -300 | -240;
}

/** The US Eastern wall-clock time of an instant (epoch ms). */
export function toEastern(ms: number): EasternTime {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid time value: ${ms}`);
  const offsetMinutes = easternOffsetMinutes(ms);
  const wall = new Date(ms + offsetMinutes * 60_000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
    zone: offsetMinutes === -240 ? 'EDT' : 'EST',
    offsetMinutes,
  };
}

/** The US Eastern calendar date of an instant, `YYYY-MM-DD`: EDGAR's days are Eastern days. */
export function easternIsoDate(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/**
 * The instant (epoch ms) of a US Eastern wall-clock time, month 1-12. In the autumn overlap hour
 * the earlier (EDT) instant wins; a time in the spring-forward gap is read as EST.
 */
export function easternToUtcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const offsetHours = isEasternDst(year, month - 1, day, hour) ? 4 : 5;
  return Date.UTC(year, month - 1, day, hour + offsetHours, minute, second);
}

/** `20240222160847` (US Eastern, as in SGML `<ACCEPTANCE-DATETIME>`) → epoch ms; null when malformed. */
export function easternStampToUtcMs(stamp: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return easternToUtcMs(y, mo, d, h, mi, s);
}

/** `20240222160847` (US Eastern) → `2024-02-22T21:08:47Z`; null when malformed. */
export function easternToUtcIso(stamp: string): string | null {
  const ms = easternStampToUtcMs(stamp);
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---- the forms in which EDGAR writes Eastern time ----------------------------------------------

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-01-12T11:28:52-05:00`, the form of the feed's `<updated>`. */
export function toEasternIso(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.zone === 'EDT' ? '-04:00' : '-05:00'}`;
}

/** `Mon, 12 Jan 2026 11:28:52 EST`, the form of the feed's `<title>`. */
export function toFeedTitleDate(ms: number): string {
  const t = toEastern(ms);
  return `${WEEKDAYS[t.weekday]}, ${pad(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.zone}`;
}

/** `2024-02-22 16:08:47`, Eastern wall time as index pages print it. */
export function toEasternWallClock(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** `20240222160847` (SGML ACCEPTANCE-DATETIME, Eastern) → epoch ms; throws when malformed. */
export function parseAcceptanceDateTime(value: string): number {
  const ms = easternStampToUtcMs(value);
  if (ms === null) throw new Error(`not an EDGAR acceptance date-time: ${JSON.stringify(value)}`);
  return ms;
}

/** Epoch ms → `20240222160847`, Eastern. */
export function formatAcceptanceDateTime(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}
