// US Eastern time, the clock EDGAR writes in: the SGML `<ACCEPTANCE-DATETIME>` is Eastern local
// time without an offset, and the getcurrent feed prints Eastern time with an explicit offset
// (`-05:00` in winter, `-04:00` in summer). Intl's tz database decides EST vs EDT, so historic
// filings from before the 2007 DST change come out right too.

const FORMATTER = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface EasternTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string; // Mon, Tue, …
  zone: 'EST' | 'EDT';
  offsetMinutes: -300 | -240;
}

export function toEastern(ms: number): EasternTime {
  const parts: Record<string, string> = {};
  for (const p of FORMATTER.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const zone = parts.timeZoneName === 'EDT' ? 'EDT' : 'EST';
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday ?? '',
    zone,
    offsetMinutes: zone === 'EDT' ? -240 : -300,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-01-12T11:28:52-05:00`, the form of the feed's `<updated>`. */
export function toEasternIso(ms: number): string {
  const t = toEastern(ms);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(t.offsetMinutes);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/** `Mon, 12 Jan 2026 11:28:52 EST`, the form of the feed's `<title>`. */
export function toFeedTitleDate(ms: number): string {
  const t = toEastern(ms);
  return `${t.weekday}, ${pad(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.zone}`;
}

/** `2024-02-22 16:08:47`, Eastern wall time as index pages print it. */
export function toEasternWallClock(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/**
 * The instant of an Eastern wall-clock time. In the autumn overlap hour the earlier (EDT) instant
 * wins; a time inside the spring-forward gap does not exist and is read as EST.
 */
export function easternToUtcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  for (const offsetMinutes of [-240, -300]) {
    const candidate = asUtc - offsetMinutes * 60_000;
    const t = toEastern(candidate);
    if (t.offsetMinutes === offsetMinutes && t.year === year && t.month === month && t.day === day && t.hour === hour && t.minute === minute && t.second === second) {
      return candidate;
    }
  }
  return asUtc + 300 * 60_000;
}

/** `20240222160847` (SGML ACCEPTANCE-DATETIME, Eastern) → epoch ms. */
export function parseAcceptanceDateTime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) throw new Error(`not an EDGAR acceptance date-time: ${JSON.stringify(value)}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return easternToUtcMs(y, mo, d, h, mi, s);
}

/** Epoch ms → `20240222160847`, Eastern. */
export function formatAcceptanceDateTime(ms: number): string {
  const t = toEastern(ms);
  return `${t.year}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}
