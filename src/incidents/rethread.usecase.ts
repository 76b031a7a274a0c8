// Rethreading companies: lock, read their state in one query, plan in memory (src/incidents/
// rethread.ts), write what changed in one statement. Runs in the caller's transaction — the
// record-analysis use case's, a correction's, or one per batch of a rebuild.

import type { IncidentRepository, RethreadResult } from '../../db/repositories/incidents.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { planRethread, type EventCause } from './rethread.ts';

/**
 * Rethreads `ciks` on `incidents`, a repository bound to an open transaction. `locked`: the
 * transaction already holds their incidents lock (storing an analysis takes it).
 */
export async function rethreadCompanies(incidents: IncidentRepository, ciks: string[], trigger?: EventCause, options: { locked?: boolean } = {}): Promise<RethreadResult & { changed: number }> {
  if (ciks.length === 0) return { incidents: 0, events: 0, changed: 0 };
  if (!options.locked) await incidents.lockCompanies(ciks);
  const states = await incidents.loadForRethread(ciks);
  const ords = { next: 0 };
  const plans = states.map((state) => planRethread(state, trigger, ords));
  const events = await incidents.applyRethread(plans);
  return { incidents: plans.reduce((n, p) => n + p.incidents, 0), events, changed: plans.reduce((n, p) => n + p.writes.length, 0) };
}

/** Companies rethreaded per transaction in a rebuild: few statements for many companies, few locks held at once. */
export const REBUILD_BATCH = 50;

/**
 * Rethreads every company with an analyzed incident filing or a stored incident from the stored
 * analyses (and the corrections people made), a batch of companies per transaction.
 */
export async function rebuildIncidents(
  repos: Pick<Repositories, 'incidents' | 'filings' | 'transaction'>,
  options: { onProgress?: (done: number, total: number) => void; batch?: number } = {},
): Promise<RethreadResult & { companies: number }> {
  const list = await repos.incidents.companiesToRethread();
  const batch = options.batch ?? REBUILD_BATCH;
  const total = { companies: list.length, incidents: 0, events: 0 };
  for (let i = 0; i < list.length; i += batch) {
    const chunk = list.slice(i, i + batch);
    const r = await repos.transaction(async (tx) => {
      const done = await rethreadCompanies(tx.incidents, chunk);
      // Filing details name their incident: what every process cached of them is stale now.
      if (done.changed > 0) await tx.filings.notifyChanged();
      return done;
    });
    total.incidents += r.incidents;
    total.events += r.events;
    options.onProgress?.(Math.min(i + batch, list.length), list.length);
  }
  repos.filings.changed();
  return total;
}
