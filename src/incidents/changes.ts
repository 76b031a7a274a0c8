// What a rethread changed, as the events the outbox carries, and which stored incident each new
// thread continues. Pure.

import type { IncidentFacts } from './facts.ts';
import { unitKey, type Thread } from './thread.ts';

export const EVENT_TYPES = ['incident.created', 'incident.updated', 'incident.escalated', 'incident.retracted'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface IncidentChange {
  type: EventType;
  changes: FieldChange[];
}

/** The fields a user sees change; timestamps of activity alone are not news. */
const VISIBLE: Array<keyof IncidentFacts> = ['title', 'status', 'itemPath', 'materialImpact', 'dates', 'flags', 'timeliness', 'firstDisclosedAt', 'lastFiledAt'];

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** Changes of visible fields, one entry per leaf of `dates`, `flags` and `timeliness`. */
export function diffFacts(before: IncidentFacts, after: IncidentFacts, filings: { before: string[]; after: string[] }): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of VISIBLE) {
    const from = before[field];
    const to = after[field];
    if (from && to && typeof from === 'object' && typeof to === 'object') {
      for (const key of Object.keys({ ...from, ...to }).sort()) {
        const a = (from as Record<string, unknown>)[key] ?? null;
        const b = (to as Record<string, unknown>)[key] ?? null;
        if (stable(a) !== stable(b)) changes.push({ field: `${field}.${key}`, from: a, to: b });
      }
    } else if (stable(from) !== stable(to)) changes.push({ field, from: from ?? null, to: to ?? null });
  }
  if (stable(filings.before) !== stable(filings.after)) changes.push({ field: 'filings', from: filings.before, to: filings.after });
  return changes;
}

/** The events of one incident's change: none when nothing visible changed. */
export function incidentEvents(before: { facts: IncidentFacts; filings: string[] } | null, after: { facts: IncidentFacts; filings: string[] }): IncidentChange[] {
  if (!before) return after.facts.status === 'retracted' ? [] : [{ type: 'incident.created', changes: [] }];
  const changes = diffFacts(before.facts, after.facts, { before: before.filings, after: after.filings });
  if (changes.length === 0) return [];
  const events: IncidentChange[] = [];
  if (after.facts.status === 'retracted' && before.facts.status !== 'retracted') return [{ type: 'incident.retracted', changes }];
  if (after.facts.status === 'escalated' && before.facts.status !== 'escalated') events.push({ type: 'incident.escalated', changes: changes.filter((c) => c.field === 'status' || c.field === 'itemPath') });
  events.push({ type: 'incident.updated', changes });
  return events;
}

/**
 * Pairs new threads with stored incidents: each thread continues the stored incident sharing most
 * of its filings (ties: the older incident), so an incident keeps its id as filings join it or
 * arrive out of order; a thread merged by a person continues the incident of its anchor first.
 * `accessions` are unit keys (`accession#facet`). Returns the stored id per thread (null: a new incident).
 */
export function matchThreads(stored: Array<{ id: number; accessions: string[] }>, threads: Thread[]): Array<number | null> {
  const candidates: Array<{ thread: number; id: number; anchored: number; shared: number }> = [];
  threads.forEach((thread, index) => {
    const mine = new Set(thread.filings.map((f) => unitKey(f.accessionNumber, f.facet)));
    for (const incident of stored) {
      const shared = incident.accessions.filter((a) => mine.has(a)).length;
      if (shared > 0) candidates.push({ thread: index, id: incident.id, anchored: thread.anchor && incident.accessions.includes(thread.anchor) ? 1 : 0, shared });
    }
  });
  candidates.sort((a, b) => b.anchored - a.anchored || b.shared - a.shared || a.id - b.id || a.thread - b.thread);
  const result: Array<number | null> = threads.map(() => null);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (result[c.thread] !== null || taken.has(c.id)) continue;
    result[c.thread] = c.id;
    taken.add(c.id);
  }
  return result;
}
