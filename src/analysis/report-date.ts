// The date of the earliest event a current report reports: the SGML header's CONFORMED PERIOD OF
// REPORT, the inline-XBRL `dei:DocumentPeriodEndDate`, or the cover page's "Date of Report (Date
// of earliest event reported): May 13, 2025". An 8-K/A repeats its original's, so the same date
// ties an amendment to what it amends. Periodic reports state a period end there, not an event.

import { findDates } from './dates.ts';

const CURRENT_REPORT = /^(?:8-K|8-K12[BG]|8-K15D5)(?:\/A)?$/i;
const COVER_LABEL = /\b(?:Date\s+of\s+(?:the\s+)?Report\s*)?\(\s*(?:or\s+)?Date\s+of\s+(?:the\s+)?Earliest\s+Event\s+Reported\s*\)\s*:?/i;
const DEI_PERIOD = /name\s*=\s*["']dei:DocumentPeriodEndDate["'][^>]*>([\s\S]{0,400}?)<\/ix:nonNumeric>/i;
const ISO = /^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})\s*$/;

export interface ReportDateFact {
  value: string;
  /** The cover-page line or header field it came from. */
  evidence: string;
}

/** Null for forms other than current reports, and when nothing states it. */
export function extractReportDate(input: {
  form: string | null;
  /** `YYYY-MM-DD` from the SGML header. */
  headerPeriod: string | null;
  /** The primary document as text (the cover page is at its start). */
  text: string;
  /** The primary document's HTML, when it is HTML (inline XBRL carries `dei:` facts). */
  html?: string;
}): ReportDateFact | null {
  if (input.form !== null && !CURRENT_REPORT.test(input.form)) return null;
  const cover = coverDate(input.text);
  if (input.headerPeriod) {
    return { value: input.headerPeriod, evidence: cover?.value === input.headerPeriod ? cover.evidence : `CONFORMED PERIOD OF REPORT: ${input.headerPeriod.replace(/-/g, '')}` };
  }
  const dei = input.html ? deiDate(input.html) : null;
  if (dei) return { value: dei, evidence: cover?.value === dei ? cover.evidence : `dei:DocumentPeriodEndDate ${dei}` };
  return cover;
}

/** "Date of Report (Date of earliest event reported): May 13, 2025", the date after the label or, in table layouts, just before it. */
function coverDate(text: string): ReportDateFact | null {
  const head = text.slice(0, 12000);
  const label = COVER_LABEL.exec(head);
  if (!label) return null;
  const after = head.slice(label.index + label[0].length, label.index + label[0].length + 80);
  const next = findDates(after).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && /^[\s:—–-]*\(?\s*$/.test(after.slice(0, d.start)));
  const line = (s: string): string => s.replace(/\s+/g, ' ').trim();
  if (next) return { value: next.value, evidence: line(`${label[0]} ${after.slice(next.start, next.end)}`) };
  const before = head.slice(Math.max(0, label.index - 80), label.index);
  const prev = findDates(before).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && /^[\s)]*$/.test(before.slice(d.end))).pop();
  if (prev) return { value: prev.value, evidence: line(`${before.slice(prev.start, prev.end)} ${label[0]}`) };
  return null;
}

function deiDate(html: string): string | null {
  const m = DEI_PERIOD.exec(html);
  if (!m) return null;
  const inner = (m[1] ?? '').replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;|&#xa0;/gi, ' ');
  const iso = ISO.exec(inner);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return findDates(inner).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value))?.value ?? null;
}
