// Threading a company's analyzed cyber filings into incidents. Pure: the same filings, in any
// order, give the same incidents — filings are first put in filing order (filed, accepted,
// accession), and each joins the incident its strongest signal points at, or starts one. A filing
// that reports several incidents (its `incidents`, its cyd axis) is threaded once per incident it
// reports (a facet), and a person's corrections (merge, split) are applied on top, so that they
// hold through any rebuild.

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
  /** Which of the filing's incidents (the index in its `incidents`; 0 unless it reports several). */
  facet?: number;
  /** `user` where a person's correction put it there. */
  linkedBy?: 'auto' | 'user';
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
  /** Merged by a person: the filing (`accession#facet`) whose stored incident it continues first. */
  anchor?: string;
}

/** A person's correction, as stored (incident_corrections). */
export type Correction =
  | { id: number; kind: 'split'; accessionNumber: string; facet: number }
  | { id: number; kind: 'merge'; accessionNumber: string; facet: number; withAccessionNumber: string; withFacet: number };

/** `accession#facet`: one incident of one filing. */
export const unitKey = (accessionNumber: string, facet = 0) => `${accessionNumber}#${facet}`;

/** A filing as one of the incidents it reports. */
interface Unit {
  filing: ThreadFiling;
  facet: number;
  /** The filing reports several incidents: this one's name, member and dates stand for it. */
  multi: boolean;
  analysis: ThreadFiling['analysis'];
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

/**
 * What a filing says of one of the incidents it reports: that incident's name, cyd member and
 * dates; the rest is the filing's. A filing reporting one incident (or none named) is itself.
 */
export function facetAnalysis<A extends Pick<Analysis, 'incidents' | 'incidentName' | 'dates' | 'cyd'>>(analysis: A, facet: number): A {
  const incidents = analysis.incidents ?? [];
  if (incidents.length < 2) return analysis;
  const one = incidents[facet];
  if (!one) return analysis;
  return { ...analysis, incidentName: one.name, incidents: [one], dates: one.dates ?? analysis.dates, cyd: { concepts: analysis.cyd?.concepts ?? [], incidents: one.member ? [one.member] : [] } };
}

/** The incidents a filing reports: one facet each when it reports several. */
export function facetsOf(f: Pick<ThreadFiling, 'analysis'>): number[] {
  const n = f.analysis.incidents?.length ?? 0;
  return n < 2 ? [0] : Array.from({ length: n }, (_, i) => i);
}

function unitsOf(f: ThreadFiling): Unit[] {
  const facets = facetsOf(f);
  return facets.map((facet) => ({ filing: f, facet, multi: facets.length > 1, analysis: facetAnalysis(f.analysis, facet) }));
}

function specificNames(f: Pick<ThreadFiling, 'analysis'>): Set<string> {
  const names = new Set<string>();
  for (const name of [f.analysis.incidentName, ...(f.analysis.incidents ?? []).map((i) => i.name)]) {
    const n = name?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (n && !GENERIC_NAMES.has(n)) names.add(n);
  }
  return names;
}

function members(f: Pick<ThreadFiling, 'analysis'>): Set<string> {
  return new Set([...(f.analysis.cyd?.incidents ?? []), ...(f.analysis.incidents ?? []).flatMap((i) => (i.member ? [i.member] : []))]);
}

/** Both name their incident, specifically, and the names (and members) differ: two incidents. */
function namedApart(a: Pick<ThreadFiling, 'analysis'>, b: Pick<ThreadFiling, 'analysis'>): boolean {
  const [ma, mb] = [members(a), members(b)];
  if (ma.size > 0 && mb.size > 0) return ![...ma].some((m) => mb.has(m));
  const [na, nb] = [specificNames(a), specificNames(b)];
  return na.size > 0 && nb.size > 0 && ![...na].some((n) => nb.has(n));
}

/** The strongest reason `later` belongs with `earlier`, or null. */
function signal(laterUnit: Unit, earlierUnit: Unit): Signal | null {
  const later = { ...laterUnit.filing, analysis: laterUnit.analysis };
  const earlier = { ...earlierUnit.filing, analysis: earlierUnit.analysis };
  const a = later.analysis;
  // What names a filing (its accession, filing date, date of report, what it amends) does not tell
  // which of several incidents it is about: between facets of such filings it counts only where
  // their names and members do not say they are two incidents.
  const filingLevel = !(laterUnit.multi || earlierUnit.multi) || !namedApart(later, earlier);
  const found: Signal[] = [];
  const cited = [...(a.amendment ? [{ ...a.amendment.of, form: '8-K', amends: true }] : []), ...(a.references ?? []).map((r) => ({ ...r, amends: false }))];
  for (const ref of filingLevel ? cited : []) {
    const what = ref.amends ? 'amends' : 'cites';
    if (ref.accessionNumber && ref.accessionNumber === earlier.accessionNumber) found.push({ confidence: 1, reason: `${what} ${earlier.form} ${earlier.accessionNumber}` });
    if (isDay(ref.filedOn) && ref.filedOn === earlier.filedAt && !isPeriodic(earlier.form)) {
      found.push({ confidence: ref.amends ? 0.99 : 0.95, reason: `${what} the ${earlier.form} filed on ${earlier.filedAt}` });
    }
    if (isDay(ref.reportDate) && ref.reportDate === earlier.analysis.reportDate) found.push({ confidence: 0.93, reason: `${what} the report dated ${ref.reportDate}` });
  }
  const amending = isAmendmentForm(later.form) || a.amendment !== null;
  if (filingLevel && isDay(a.reportDate) && a.reportDate === earlier.analysis.reportDate && !isPeriodic(later.form)) {
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
 * An incident holds one facet of a filing at most. `corrections`: a split facet starts an incident
 * of its own (later filings still join it on their signals); a merge makes the incidents holding
 * its two facets one. Neither depends on the order the corrections or the filings came in.
 */
export function threadCompany(filings: readonly ThreadFiling[], corrections: readonly Correction[] = []): Thread[] {
  const cik = filings[0]?.cik;
  const ordered = filings.filter((f) => f.cik === cik && f.analysis.incident).sort(compareFilings);
  const splits = new Set(corrections.flatMap((c) => (c.kind === 'split' ? [unitKey(c.accessionNumber, c.facet)] : [])));
  interface Building { members: Unit[]; links: IncidentLink[] }
  const threads: Building[] = [];
  for (const filing of ordered) {
    for (const unit of unitsOf(filing)) {
      const key = unitKey(filing.accessionNumber, unit.facet);
      let best: { thread: Building; signal: Signal } | null = null;
      if (!splits.has(key)) {
        for (const thread of threads) {
          if (thread.members.some((m) => m.filing === filing)) continue;
          for (const earlier of thread.members) {
            const s = signal(unit, earlier);
            // Strictly stronger wins: on a tie the incident started first keeps it.
            if (s && (!best || s.confidence > best.signal.confidence)) best = { thread, signal: s };
          }
        }
        if (!best && isPeriodic(filing.form)) {
          const prior = threads.filter((t) => !isPeriodic(t.members[0]!.filing.form) && !t.members.some((m) => m.filing === filing)).at(-1);
          if (prior) best = { thread: prior, signal: { confidence: 0.5, reason: `periodic report filed after the incident's disclosure (${prior.members[0]!.filing.filedAt}); no filing named` } };
        }
      }
      const which = unit.multi ? ` (incident ${unit.facet + 1} of ${facetsOf(filing).length} it reports${unit.analysis.incidentName ? `: "${unit.analysis.incidentName}"` : ''})` : '';
      if (best) {
        best.thread.links.push({ accessionNumber: filing.accessionNumber, facet: unit.facet, linkedBy: 'auto', role: roleOf(filing, best.thread.members.map((m) => m.filing)), reason: best.signal.reason + which, confidence: best.signal.confidence });
        best.thread.members.push(unit);
      } else {
        threads.push({ members: [unit], links: [startLink(filing, unit.facet, splits.has(key) ? 'split off by a user: an incident of its own' : null, which)] });
      }
    }
  }
  const built = threads.map((t) => ({ cik: cik!, filings: t.links }) as Thread);
  return applyMerges(built, corrections, new Map(ordered.map((f) => [f.accessionNumber, f])));
}

function startLink(filing: ThreadFiling, facet: number, byUser: string | null, which = ''): IncidentLink {
  const amends = isAmendmentForm(filing.form) || filing.analysis.amendment !== null;
  return {
    accessionNumber: filing.accessionNumber,
    facet,
    linkedBy: byUser ? 'user' : 'auto',
    role: isPeriodic(filing.form) ? 'periodic' : amends ? 'amendment' : 'original',
    reason: (byUser ?? (amends ? 'first filing on record; the filing it amends is not' : 'first filing on record of this incident')) + which,
    confidence: 1,
  };
}

/**
 * Joins the threads each merge names (union-find, so the result is the same whatever order the
 * merges were made in). The joined threads' filings are put in filing order and their roles read
 * again; the first filing of each thread merged in is marked as linked by a user. A merge whose
 * threads share a filing (one filing reporting both incidents) is not applied: an incident holds
 * one facet of a filing.
 */
function applyMerges(threads: Thread[], corrections: readonly Correction[], byAccession: Map<string, ThreadFiling>): Thread[] {
  const merges = corrections.filter((c): c is Extract<Correction, { kind: 'merge' }> => c.kind === 'merge').sort((a, b) => a.id - b.id);
  if (merges.length === 0) return threads;
  const threadOf = new Map<string, number>();
  threads.forEach((t, i) => t.filings.forEach((f) => threadOf.set(unitKey(f.accessionNumber, f.facet), i)));
  const parent = threads.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const anchors = new Map<number, string>();
  const accessionsOf = (root: number) => new Set(threads.flatMap((t, i) => (find(i) === root ? t.filings.map((f) => f.accessionNumber) : [])));
  for (const m of merges) {
    const a = threadOf.get(unitKey(m.withAccessionNumber, m.withFacet));
    const b = threadOf.get(unitKey(m.accessionNumber, m.facet));
    if (a === undefined || b === undefined) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const inA = accessionsOf(ra);
    if ([...accessionsOf(rb)].some((acc) => inA.has(acc))) continue;
    parent[rb] = ra;
    anchors.set(ra, unitKey(m.withAccessionNumber, m.withFacet));
    anchors.delete(rb);
  }
  const groups = new Map<number, number[]>();
  threads.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const out: Thread[] = [];
  for (const [root, members] of groups) {
    if (members.length === 1) {
      out.push(threads[root]!);
      continue;
    }
    // The thread whose first filing comes first leads; the others' first filings were put there by a user.
    const firsts = new Set(members.map((i) => unitKey(threads[i]!.filings[0]!.accessionNumber, threads[i]!.filings[0]!.facet)));
    const all = members.flatMap((i) => threads[i]!.filings);
    all.sort((x, y) => compareFilings(byAccession.get(x.accessionNumber)!, byAccession.get(y.accessionNumber)!) || (x.facet ?? 0) - (y.facet ?? 0));
    const links: IncidentLink[] = [];
    const seen: ThreadFiling[] = [];
    for (const [n, link] of all.entries()) {
      const filing = byAccession.get(link.accessionNumber)!;
      if (n === 0) links.push(link);
      else if (firsts.has(unitKey(link.accessionNumber, link.facet))) {
        links.push({ ...link, linkedBy: 'user', role: roleOf(filing, seen), reason: `merged by a user with the incident of ${all[0]!.accessionNumber}`, confidence: 1 });
      } else links.push({ ...link, role: roleOf(filing, seen) });
      seen.push(filing);
    }
    out.push({ cik: threads[root]!.cik, filings: links, anchor: anchors.get(root) });
  }
  // In the order of each incident's first filing, as unmerged threads are.
  return out.sort((x, y) => compareFilings(byAccession.get(x.filings[0]!.accessionNumber)!, byAccession.get(y.filings[0]!.accessionNumber)!) || (x.filings[0]!.facet ?? 0) - (y.filings[0]!.facet ?? 0));
}
