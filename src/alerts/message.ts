// The AlertMessage of a delivery: built from the event, its incident as the event left it, the
// company and the filing that caused it (the fan-out's EventContext). Pure.

import type { EventContext } from '../../db/repositories/deliveries.ts';
import type { IncidentFacts } from '../incidents/facts.ts';
import type { EventType } from '../incidents/changes.ts';
import type { AlertChange, AlertEvidence, AlertMessage } from './types.ts';

// The facts a reader acts on first: is it material, when was it found, what happened.
const EVIDENCE_ORDER = ['materialImpact', 'dates.detected', 'dates.began', 'dates.determinedMaterial', 'dates.contained'];

function evidenceList(map: Record<string, string> | null | undefined, facts: IncidentFacts): AlertEvidence[] {
  const entries = new Map<string, string>(Object.entries(map ?? {}));
  for (const [role, fact] of Object.entries(facts.dates)) if (fact?.evidence && !entries.has(`dates.${role}`)) entries.set(`dates.${role}`, fact.evidence);
  const rank = (field: string) => {
    const i = EVIDENCE_ORDER.indexOf(field);
    return i >= 0 ? i : field.startsWith('flags.') ? EVIDENCE_ORDER.length : EVIDENCE_ORDER.length + 1;
  };
  return [...entries].map(([field, sentence]) => ({ field, sentence })).sort((a, b) => rank(a.field) - rank(b.field));
}

export function alertMessage(context: EventContext, messageId: string, publicUrl: string): AlertMessage {
  const { event, incident, filing } = context;
  const facts = incident.facts;
  const payload = event.payload as { changes?: AlertChange[] };
  return {
    type: event.type as EventType,
    id: messageId,
    timestamp: event.createdAt.toISOString(),
    data: {
      incident: {
        id: incident.id,
        title: incident.title,
        company: incident.companyName,
        cik: incident.cik,
        tickers: context.tickers ?? [],
        itemPath: incident.itemPath,
        status: incident.status,
        materialImpact: facts.materialImpact,
        flags: facts.flags,
        dates: { began: facts.dates.began?.date ?? null, detected: facts.dates.detected?.date ?? null, determinedMaterial: facts.dates.determinedMaterial?.date ?? null, contained: facts.dates.contained?.date ?? null },
        url: `${publicUrl}/v1/incidents/${incident.id}`,
      },
      filing: filing && { accessionNumber: filing.accessionNumber, form: filing.form, items: filing.items, filedAt: filing.filedAt, secUrl: filing.indexUrl },
      changes: event.type === 'incident.created' ? [] : (payload.changes ?? []),
      evidence: evidenceList(filing?.evidence, facts),
    },
  };
}

const TEST_VARIANTS: Record<EventType, Pick<AlertMessage['data']['incident'], 'status' | 'itemPath'> & { changes: (today: string) => AlertChange[]; contained?: boolean }> = {
  'incident.created': { status: 'open', itemPath: '1.05', changes: () => [] },
  'incident.updated': { status: 'updated', itemPath: '1.05', changes: (today) => [{ field: 'dates.contained', from: null, to: today }], contained: true },
  'incident.escalated': { status: 'escalated', itemPath: '8.01 → 1.05', changes: () => [{ field: 'status', from: 'open', to: 'escalated' }, { field: 'itemPath', from: '8.01', to: '8.01 → 1.05' }] },
  'incident.retracted': { status: 'retracted', itemPath: '1.05', changes: () => [{ field: 'status', from: 'open', to: 'retracted' }] },
};

/**
 * What POST /subscriptions/{id}/test sends to a subscription of incident events: a sample Item
 * 1.05 incident, marked as a test, as an event of `type` (what changed filled in as such an event
 * would have it), so a receiver that routes by type sees one it handles.
 */
export function testMessage(messageId: string, now: Date, publicUrl: string, type: EventType = 'incident.created'): AlertMessage {
  const today = now.toISOString().slice(0, 10);
  const variant = TEST_VARIANTS[type];
  return {
    type,
    id: messageId,
    timestamp: now.toISOString(),
    test: true,
    data: {
      incident: {
        id: 0,
        title: 'TEST — Example Corp: ransomware attack disclosed under Item 1.05',
        company: 'Example Corp (test message)',
        cik: '0000000000',
        tickers: [],
        itemPath: variant.itemPath,
        status: variant.status,
        materialImpact: 'not-determined',
        flags: { ransomware: true, dataAccessed: false, operationalDisruption: true, nationState: false, thirdParty: false, lawEnforcementNotified: true, disclosureDelayed: false },
        dates: { began: null, detected: today, determinedMaterial: null, contained: variant.contained ? today : null },
        url: `${publicUrl}/v1/incidents`,
      },
      filing: null,
      changes: variant.changes(today),
      evidence: [{ field: 'dates.detected', sentence: 'This is a test message from cyber8k: no incident happened. Your subscription works.' }],
    },
  };
}
