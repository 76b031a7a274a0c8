// A person's corrections of the threading: `merge A B` (B's filings join A) and `split INCIDENT
// ACCESSION` (the filing leaves and starts an incident of its own). Each is stored as a correction
// (incident_corrections) that threading applies on every later rethread — a rebuild or a
// re-analysis keeps it — and is applied at once, in the same transaction, with events for what it
// changed (their cause is the correction, so each is written once). Admin API routes call the same
// functions once API keys can authorize them.

import type { TransactionRepositories } from '../../db/repositories/index.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { AppError } from '../errors.ts';
import { rethreadCompanies } from './rethread.usecase.ts';

export type CorrectionRepositories = Pick<Repositories, 'transaction' | 'filings'>;

export interface CorrectionResult {
  correction: number;
  /** The incident(s) that hold the named filing(s) afterwards. */
  incidentId: number;
  events: number;
}

async function incidentOf(tx: TransactionRepositories, id: number) {
  const incident = await tx.incidents.get(id);
  if (!incident) throw new AppError('incidents.not_found', `no incident ${id} is known`, { statusCode: 404 });
  return incident;
}

/** Where a filing's facet is after the correction was applied. */
async function holder(tx: TransactionRepositories, accessionNumber: string, facet: number): Promise<number | undefined> {
  const all = await tx.incidents.holders(accessionNumber);
  return all.find((h) => h.facet === facet)?.id;
}

/**
 * Merges incident `from` into incident `into`: `from`'s filings join `into` (which keeps its id);
 * `from` is left without filings, retracted. Both must be of one company, and not share a filing.
 */
export async function mergeIncidents(repos: CorrectionRepositories, into: number, from: number, madeBy = 'cli'): Promise<CorrectionResult> {
  if (into === from) throw new AppError('incidents.merge_same', `cannot merge incident ${into} with itself`, { statusCode: 400 });
  const result = await repos.transaction(async (tx) => {
    const [a, b] = [await incidentOf(tx, into), await incidentOf(tx, from)];
    if (a.cik !== b.cik) throw new AppError('incidents.merge_companies', `incidents ${into} (CIK ${a.cik}) and ${from} (CIK ${b.cik}) are of two companies; an incident is one company's`, { statusCode: 409 });
    const [la, lb] = [await tx.incidents.links(into), await tx.incidents.links(from)];
    if (la.length === 0 || lb.length === 0) throw new AppError('incidents.merge_empty', `incident ${la.length === 0 ? into : from} has no filings left (retracted): nothing to merge`, { statusCode: 409 });
    if (la.some((x) => lb.some((y) => y.accessionNumber === x.accessionNumber))) {
      throw new AppError('incidents.merge_shared_filing', `incidents ${into} and ${from} share a filing that reports them as two incidents; they cannot be merged`, { statusCode: 409 });
    }
    const id = await tx.incidents.addCorrection({ cik: a.cik, kind: 'merge', accessionNumber: lb[0]!.accessionNumber, facet: lb[0]!.facet, withAccessionNumber: la[0]!.accessionNumber, withFacet: la[0]!.facet, madeBy });
    const done = await rethreadCompanies(tx.incidents, [a.cik], { accessionNumber: lb[0]!.accessionNumber, analyzerVersion: `correction ${id}` });
    const now = await holder(tx, la[0]!.accessionNumber, la[0]!.facet);
    await tx.filings.notifyChanged();
    return { correction: id, incidentId: now ?? into, events: done.events };
  });
  repos.filings.changed();
  return result;
}

/**
 * Splits `accessionNumber` off incident `id`: it starts an incident of its own (filings that
 * amend or cite it follow it there on their own signals). Refused when it is not in the incident
 * or would take all of the incident's filings with it.
 */
export async function splitIncident(repos: CorrectionRepositories, id: number, accessionNumber: string, madeBy = 'cli'): Promise<CorrectionResult> {
  const result = await repos.transaction(async (tx) => {
    const incident = await incidentOf(tx, id);
    const links = await tx.incidents.links(id);
    const link = links.find((l) => l.accessionNumber === accessionNumber);
    if (!link) throw new AppError('incidents.split_not_member', `filing ${accessionNumber} is not in incident ${id}`, { statusCode: 404 });
    if (links.length === 1) throw new AppError('incidents.split_alone', `filing ${accessionNumber} is incident ${id}'s only filing: it is already an incident of its own`, { statusCode: 409 });
    // A merge that named this filing would hold it in: the split replaces it.
    await tx.incidents.dropCorrectionsOf(accessionNumber, link.facet);
    const correction = await tx.incidents.addCorrection({ cik: incident.cik, kind: 'split', accessionNumber, facet: link.facet, madeBy });
    const done = await rethreadCompanies(tx.incidents, [incident.cik], { accessionNumber, analyzerVersion: `correction ${correction}` });
    const now = await holder(tx, accessionNumber, link.facet);
    const others = links.filter((l) => l.accessionNumber !== accessionNumber);
    const together = await Promise.all(others.map((o) => holder(tx, o.accessionNumber, o.facet)));
    if (now === undefined || together.every((t) => t === now)) {
      throw new AppError('incidents.split_no_change', `filing ${accessionNumber} is where incident ${id} starts: its other filings follow it; split one of them off instead`, { statusCode: 409 });
    }
    await tx.filings.notifyChanged();
    return { correction, incidentId: now, events: done.events };
  });
  repos.filings.changed();
  return result;
}
