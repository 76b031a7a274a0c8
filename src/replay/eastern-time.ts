// The forms in which EDGAR writes US Eastern time, as the replay server reproduces them: the SGML
// `<ACCEPTANCE-DATETIME>` (Eastern local time without an offset), the getcurrent feed (Eastern with
// an explicit `-05:00`/`-04:00`) and index pages. The conversion itself is the project's one
// implementation, in src/analysis/eastern-time.ts.

import { easternStampToUtcMs, toEastern } from '../analysis/eastern-time.ts';

export { easternIsoDate, easternToUtcMs, toEastern, type EasternTime } from '../analysis/eastern-time.ts';

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

/** `20240222160847` (SGML ACCEPTANCE-DATETIME, Eastern) → epoch ms. */
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
