// What a rethread of one company changes, worked out in memory (pure): the company's stored
// state in, the incidents to write, the links to keep and the events to emit out. Nothing is
// written for an incident whose facts, links and text are unchanged, so a re-analysis that changes
// nothing visible costs one read, and a filing that joins one incident rewrites that one alone.

import type { Analysis } from '../analysis/types.ts';
import { searchDocument } from '../../db/search.ts';
import { incidentEvents, matchThreads, type EventType } from './changes.ts';
import { incidentFacts, type IncidentFacts, type IncidentMember, type IncidentStatus } from './facts.ts';
import { facetAnalysis, threadCompany, unitKey, type Correction, type IncidentRole, type ThreadFiling } from './thread.ts';

/** A stored analyzed incident filing, as rethreading reads it. */
export interface CompanyFiling extends ThreadFiling {
  companyName: string;
  analyzerVersion: string;
  analysis: ThreadFiling['analysis'] & Pick<Analysis, 'materialImpact' | 'flags' | 'evidence'>;
}

export interface StoredLink {
  accessionNumber: string;
  facet: number;
  role: IncidentRole;
  reason: string;
  confidence: number;
  linkedBy: 'auto' | 'user';
  position: number;
}

export interface StoredIncident {
  id: number;
  companyName: string;
  status: IncidentStatus;
  facts: IncidentFacts;
  searchText: string | null;
  /** In position order. */
  links: StoredLink[];
}

export interface CompanyState {
  cik: string;
  filings: CompanyFiling[];
  incidents: StoredIncident[];
  corrections: Correction[];
}

/** The analysis a change comes from (or the correction: `analyzerVersion` is `correction N`). */
export interface EventCause {
  accessionNumber: string;
  analyzerVersion: string;
}

export interface IncidentColumns {
  cik: string;
  companyName: string;
  title: string;
  status: IncidentStatus;
  itemPath: string | null;
  items: string[];
  materialImpact: string | null;
  flags: string[];
  firstDisclosedAt: string | null;
  lastFiledAt: string | null;
  lastActivityAt: string;
  facts: IncidentFacts;
  searchText: string | null;
}

/** An incident to write: a stored one (`id`) or a new one (`ord`, unique in its plan batch). */
export interface PlannedIncident {
  id: number | null;
  ord: number;
  columns: IncidentColumns;
  links: StoredLink[];
}

export interface PlannedEvent {
  /** The stored incident, or null for the new one of the same `ord`. */
  incidentId: number | null;
  ord: number;
  type: EventType;
  cause: EventCause;
  payload: { changes: unknown[]; incident: Record<string, unknown> };
}

export interface CompanyPlan {
  cik: string;
  writes: PlannedIncident[];
  events: PlannedEvent[];
  /** Incidents the threads make (retracted ones not counted). */
  incidents: number;
  /** Where each unit (`accession#facet`) ends up: a stored id, or `new:<ord>`. */
  placement: Map<string, string>;
}

/** A counter shared by the plans of one write, so that new incidents' `ord`s never collide. */
export interface OrdCounter {
  next: number;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

function columnsOf(cik: string, companyName: string, facts: IncidentFacts, searchText: string | null): IncidentColumns {
  return {
    cik,
    companyName,
    title: facts.title,
    status: facts.status,
    itemPath: facts.itemPath,
    items: facts.items,
    materialImpact: facts.materialImpact,
    flags: Object.entries(facts.flags).filter(([, on]) => on).map(([name]) => name).sort(),
    firstDisclosedAt: facts.firstDisclosedAt,
    lastFiledAt: facts.lastFiledAt,
    lastActivityAt: new Date(facts.lastActivityAt ?? 0).toISOString(),
    facts,
    searchText,
  };
}

/** Its filings' sentences: what each stated and why (evidence), in filing order. */
function incidentSearchText(members: IncidentMember[]): string | null {
  return searchDocument(members.flatMap((m) => [m.analysis.incidentName, ...Object.values(m.analysis.evidence ?? {})]));
}

const sameLinks = (a: StoredLink[], b: StoredLink[]) => stable(a) === stable(b);

/**
 * Plans one company's rethread. `trigger` is the analysis (or correction) that caused it: events
 * are unique per incident, cause and type. A rebuild names none, and each change is put on the
 * incident's latest filing.
 */
export function planRethread(state: CompanyState, trigger: EventCause | undefined, ords: OrdCounter): CompanyPlan {
  const { cik } = state;
  const byAccession = new Map(state.filings.map((f) => [f.accessionNumber, f]));
  const threads = threadCompany(state.filings, state.corrections);
  const unitsOf = (links: Array<{ accessionNumber: string; facet?: number }>) => links.map((l) => unitKey(l.accessionNumber, l.facet));
  const matched = matchThreads(state.incidents.map((s) => ({ id: s.id, accessions: unitsOf(s.links) })), threads);
  const plan: CompanyPlan = { cik, writes: [], events: [], incidents: threads.length, placement: new Map() };
  const payloadOf = (id: number | null, facts: IncidentFacts) => ({ id, cik, title: facts.title, status: facts.status, itemPath: facts.itemPath, materialImpact: facts.materialImpact });

  const continued = new Set<number>();
  for (const [index, thread] of threads.entries()) {
    const members: IncidentMember[] = thread.filings.map((link) => {
      const row = byAccession.get(link.accessionNumber)!;
      return { ...link, form: row.form, items: row.items, filedAt: row.filedAt, acceptedAt: row.acceptedAt, company: row.companyName, analysis: facetAnalysis(row.analysis, link.facet ?? 0) };
    });
    const facts = incidentFacts(members);
    const links: StoredLink[] = thread.filings.map((f, position) => ({ accessionNumber: f.accessionNumber, facet: f.facet ?? 0, role: f.role, reason: f.reason, confidence: f.confidence, linkedBy: f.linkedBy ?? 'auto', position }));
    const columns = columnsOf(cik, members.at(-1)!.company, facts, incidentSearchText(members));
    const storedId = matched[index] ?? null;
    const before = storedId === null ? null : state.incidents.find((s) => s.id === storedId)!;
    const ord = ords.next++;
    for (const key of unitsOf(links)) plan.placement.set(key, before ? String(before.id) : `new:${ord}`);
    if (before) {
      continued.add(before.id);
      if (sameLinks(before.links, links) && stable(before.facts) === stable(facts) && before.companyName === columns.companyName && before.searchText === columns.searchText) continue;
    }
    plan.writes.push({ id: before?.id ?? null, ord, columns, links });
    const latest = members.at(-1)!;
    const cause = trigger ?? { accessionNumber: latest.accessionNumber, analyzerVersion: byAccession.get(latest.accessionNumber)!.analyzerVersion };
    const changes = incidentEvents(before ? { facts: before.facts, filings: before.links.map((l) => l.accessionNumber) } : null, { facts, filings: links.map((l) => l.accessionNumber) });
    for (const change of changes) plan.events.push({ incidentId: before?.id ?? null, ord, type: change.type, cause, payload: { changes: change.changes, incident: payloadOf(before?.id ?? null, facts) } });
  }

  for (const incident of state.incidents) {
    if (continued.has(incident.id) || (incident.status === 'retracted' && incident.links.length === 0)) continue;
    // Its filings all left it (re-analyzed as no incident, moved, merged into another): kept, retracted.
    const facts: IncidentFacts = { ...incident.facts, status: 'retracted' };
    const ord = ords.next++;
    plan.writes.push({ id: incident.id, ord, columns: { ...columnsOf(cik, incident.companyName, facts, incident.searchText) }, links: [] });
    const movedTo = [...new Set(incident.links.map((l) => plan.placement.get(unitKey(l.accessionNumber, l.facet))).filter((p): p is string => p !== undefined && !p.startsWith('new:')))].map(Number);
    const cause = trigger ?? { accessionNumber: incident.links.at(-1)?.accessionNumber ?? 'none', analyzerVersion: 'rebuild' };
    for (const change of incidentEvents({ facts: incident.facts, filings: incident.links.map((l) => l.accessionNumber) }, { facts, filings: [] })) {
      plan.events.push({ incidentId: incident.id, ord, type: change.type, cause, payload: { changes: change.changes, incident: { ...payloadOf(incident.id, facts), ...(movedTo.length > 0 ? { filingsNowIn: movedTo } : {}) } } });
    }
  }
  return plan;
}
