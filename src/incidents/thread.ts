// Threading a company's analyzed cyber filings into incidents. Pure: the same filings, in any
// order, give the same incidents — filings are first put in filing order (filed, accepted,
// accession), and each joins the incident its strongest signal points at, or starts one.

import type { Analysis } from '../analysis/types.ts';

export const INCIDENT_ROLES = ['original', 'amendment', 'update', 'escalation', 'periodic'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/** What threading reads of a stored filing. */
export interface ThreadFiling {
  accessionNumber: string;
  cik: string;
  form: string;
  items: string[];
  /** `YYYY-MM-DD` */
  filedAt: string;
  /** ISO instant */
  acceptedAt: string;
  analysis: Pick<Analysis, 'incident' | 'item' | 'update' | 'dates' | 'reportDate' | 'amendment' | 'references' | 'incidentName' | 'incidents' | 'cyd'>;
}

export interface IncidentLink {
  accessionNumber: string;
  role: IncidentRole;
  /** Why this filing is in this incident, for a person to check. */
  reason: string;
  /** 0–1: how sure the link is (1 for the filing that started the incident). */
  confidence: number;
}

export interface Thread {
  cik: string;
  /** In filing order; the first started the incident. */
  filings: IncidentLink[];
}

interface Signal {
  confidence: number;
  reason: string;
}

// Names so common that two incidents at one company can share them: never a link on their own.
const GENERIC_NAMES = new Set(['incident', 'the incident', 'cyber incident', 'the cyber incident', 'cybersecurity incident', 'the cybersecurity incident', 'security incident', 'the security incident', 'cyberattack', 'the cyberattack', 'cybersecurity event', 'the cybersecurity event']);

const isPeriodic = (form: string) => /^10-[QK]/i.test(form);
const isAmendmentForm = (form: string) => /\/A$/i.test(form);
const isDay = (date: string | null | undefined): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
const hasItem105 = (f: ThreadFiling) => f.analysis.item === '1.05' || f.items.includes('1.05');

/** Filing order: what was filed first comes first; the accession breaks ties so order never depends on arrival. */
export function compareFilings(a: Pick<ThreadFiling, 'filedAt' | 'acceptedAt' | 'accessionNumber'>, b: Pick<ThreadFiling, 'filedAt' | 'acceptedAt' | 'accessionNumber'>): number {
  if (a.filedAt !== b.filedAt) return a.filedAt < b.filedAt ? -1 : 1;
  const at = Date.parse(a.acceptedAt) - Date.parse(b.acceptedAt);
  if (at !== 0 && !Number.isNaN(at)) return at < 0 ? -1 : 1;
  return a.accessionNumber < b.accessionNumber ? -1 : a.accessionNumber > b.accessionNumber ? 1 : 0;
}

function specificNames(f: ThreadFiling): Set<string> {
  const names = new Set<string>();
  for (const name of [f.analysis.incidentName, ...(f.analysis.incidents ?? []).map((i) => i.name)]) {
    const n = name?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (n && !GENERIC_NAMES.has(n)) names.add(n);
  }
  return names;
}

function members(f: ThreadFiling): Set<string> {
  return new Set([...(f.analysis.cyd?.incidents ?? []), ...(f.analysis.incidents ?? []).flatMap((i) => (i.member ? [i.member] : []))]);
}

/** The strongest reason `later` belongs with `earlier`, or null. */
function signal(later: ThreadFiling, earlier: ThreadFiling): Signal | null {
  const a = later.analysis;
  const found: Signal[] = [];
  const cited = [...(a.amendment ? [{ ...a.amendment.of, form: '8-K', amends: true }] : []), ...(a.references ?? []).map((r) => ({ ...r, amends: false }))];
  for (const ref of cited) {
    const what = ref.amends ? 'amends' : 'cites';
    if (ref.accessionNumber && ref.accessionNumber === earlier.accessionNumber) found.push({ confidence: 1, reason: `${what} ${earlier.form} ${earlier.accessionNumber}` });
    if (isDay(ref.filedOn) && ref.filedOn === earlier.filedAt && !isPeriodic(earlier.form)) {
      found.push({ confidence: ref.amends ? 0.99 : 0.95, reason: `${what} the ${earlier.form} filed on ${earlier.filedAt}` });
    }
    if (isDay(ref.reportDate) && ref.reportDate === earlier.analysis.reportDate) found.push({ confidence: 0.93, reason: `${what} the report dated ${ref.reportDate}` });
  }
  const amending = isAmendmentForm(later.form) || a.amendment !== null;
  if (isDay(a.reportDate) && a.reportDate === earlier.analysis.reportDate && !isPeriodic(later.form)) {
    found.push(amending ? { confidence: 0.97, reason: `amendment with the same date of report (${a.reportDate})` } : { confidence: 0.85, reason: `same date of report (${a.reportDate})` });
  }
  const sharedMember = [...members(later)].find((m) => members(earlier).has(m));
  if (sharedMember) found.push({ confidence: 0.9, reason: `same cyd incident member (${sharedMember})` });
  const earlierNames = specificNames(earlier);
  const sharedName = [...specificNames(later)].find((n) => earlierNames.has(n));
  if (sharedName) found.push({ confidence: 0.85, reason: `same incident name ("${sharedName}")` });
  for (const role of ['detected', 'began'] as const) {
    const date = a.dates[role];
    if (isDay(date) && date === earlier.analysis.dates[role]) {
      found.push(a.update ? { confidence: 0.8, reason: `as previously disclosed, ${role} on the same day (${date})` } : { confidence: 0.7, reason: `${role} on the same day (${date})` });
    }
  }
  if (found.length === 0) return null;
  // Strongest first; among equals the reason breaks the tie so the result never depends on order.
  found.sort((x, y) => y.confidence - x.confidence || (x.reason < y.reason ? -1 : x.reason > y.reason ? 1 : 0));
  return found[0]!;
}

function roleOf(filing: ThreadFiling, members: ThreadFiling[]): IncidentRole {
  if (isPeriodic(filing.form)) return 'periodic';
  if (isAmendmentForm(filing.form) || filing.analysis.amendment !== null) return 'amendment';
  if (hasItem105(filing) && !members.some(hasItem105)) return 'escalation';
  return 'update';
}

/**
 * Threads one company's filings. Filings not stating an incident, or of another company than the
 * first, are ignored (threading never crosses companies). Two incidents at one company stay two:
 * a filing joins an incident only on a signal that names it, never on the CIK alone — except a
 * 10-Q/10-K passage, which joins the latest incident disclosed before it when nothing names one.
 */
export function threadCompany(filings: readonly ThreadFiling[]): Thread[] {
  const cik = filings[0]?.cik;
  const ordered = filings.filter((f) => f.cik === cik && f.analysis.incident).sort(compareFilings);
  const threads: Array<{ members: ThreadFiling[]; links: IncidentLink[] }> = [];
  for (const filing of ordered) {
    let best: { thread: (typeof threads)[number]; signal: Signal } | null = null;
    for (const thread of threads) {
      for (const earlier of thread.members) {
        const s = signal(filing, earlier);
        // Strictly stronger wins: on a tie the incident started first keeps it.
        if (s && (!best || s.confidence > best.signal.confidence)) best = { thread, signal: s };
      }
    }
    if (!best && isPeriodic(filing.form)) {
      const prior = threads.filter((t) => !isPeriodic(t.members[0]!.form)).at(-1);
      if (prior) best = { thread: prior, signal: { confidence: 0.5, reason: `periodic report filed after the incident's disclosure (${prior.members[0]!.filedAt}); no filing named` } };
    }
    if (best) {
      best.thread.links.push({ accessionNumber: filing.accessionNumber, role: roleOf(filing, best.thread.members), reason: best.signal.reason, confidence: best.signal.confidence });
      best.thread.members.push(filing);
    } else {
      const amends = isAmendmentForm(filing.form) || filing.analysis.amendment !== null;
      threads.push({
        members: [filing],
        links: [{
          accessionNumber: filing.accessionNumber,
          role: isPeriodic(filing.form) ? 'periodic' : amends ? 'amendment' : 'original',
          reason: amends ? 'first filing on record; the filing it amends is not' : 'first filing on record of this incident',
          confidence: 1,
        }],
      });
    }
  }
  return threads.map((t) => ({ cik: cik!, filings: t.links }));
}
