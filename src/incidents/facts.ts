// An incident's facts, derived from its filings alone (pure): what the API serves and what the
// events compare. Every date says which filing stated it and the sentence it came from.

import type { Analysis, IncidentDates, IncidentFlags, MaterialImpact, PartialDate } from '../analysis/types.ts';
import { addDays, businessDaysBetween } from '../calendar/index.ts';
import type { IncidentLink, IncidentRole } from './thread.ts';

export const INCIDENT_STATUSES = ['open', 'updated', 'escalated', 'retracted'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A filing of the incident with what facts are derived from. */
export interface IncidentMember extends IncidentLink {
  form: string;
  items: string[];
  filedAt: string;
  acceptedAt: string;
  company: string;
  analysis: Pick<Analysis, 'item' | 'materialImpact' | 'dates' | 'flags' | 'evidence' | 'incidentName' | 'incidents'>;
}

export interface DatedFact {
  date: PartialDate;
  accessionNumber: string;
  /** The sentence the date came from, when the analysis kept one. */
  evidence: string | null;
}

export interface Timeliness {
  /** Business days from the materiality determination to the first Item 1.05 filing (null without both, or without a day-precise determination). */
  businessDaysToItem105: number | null;
  /** Item 1.05 is due within four business days of the determination. */
  withinFourBusinessDays: boolean | null;
  /** Detection to first disclosure. */
  detectionToDisclosureDays: number | null;
  detectionToDisclosureBusinessDays: number | null;
}

export interface IncidentFacts {
  title: string;
  status: IncidentStatus;
  /** Items the incident was disclosed under, in order: `8.01 → 1.05`. */
  itemPath: string | null;
  /** Every 8-K item any of its filings reports. */
  items: string[];
  /** What the latest filing stating it says. */
  materialImpact: MaterialImpact | null;
  dates: Record<keyof IncidentDates, DatedFact | null>;
  flags: IncidentFlags;
  timeliness: Timeliness;
  firstDisclosedAt: string | null;
  lastFiledAt: string | null;
  /** Acceptance time of its latest filing: the order of "most recent activity". */
  lastActivityAt: string | null;
}

const NO_FLAGS: IncidentFlags = { ransomware: false, dataAccessed: false, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false };
const GENERIC_NAME = /^(the )?(cyber ?security |cyber |security )?(incident|event|attack)$/i;
const isDay = (date: string | null | undefined): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);

/** Business days after `from` up to and including `to` (0 when the same day). */
function businessDaysAfter(from: string, to: string): number {
  return to <= from ? 0 : businessDaysBetween(addDays(from, 1), to).length;
}

function calendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Earliest (or latest) stated date of one role, with the filing that stated it; filing order breaks ties. */
function datedFact(members: IncidentMember[], role: keyof IncidentDates, pick: 'earliest' | 'latest'): DatedFact | null {
  let best: DatedFact | null = null;
  for (const m of members) {
    const date = m.analysis.dates[role];
    if (!date) continue;
    if (!best || (pick === 'earliest' ? date < best.date : date > best.date)) {
      best = { date, accessionNumber: m.accessionNumber, evidence: m.analysis.evidence?.[`dates.${role}`] ?? null };
    }
  }
  return best;
}

function incidentName(members: IncidentMember[]): string | null {
  for (const m of members) {
    for (const name of [m.analysis.incidentName, ...(m.analysis.incidents ?? []).map((i) => i.name)]) {
      if (name && !GENERIC_NAME.test(name.trim())) return name.trim().replace(/^the /i, '');
    }
  }
  return null;
}

/** Facts of an incident whose filings are `members`, in filing order; no members → retracted. */
export function incidentFacts(members: IncidentMember[], fallbackCompany = ''): IncidentFacts {
  const first = members[0];
  const last = members.at(-1);
  const company = last?.company ?? fallbackCompany;
  const name = incidentName(members);
  const roles = new Set<IncidentRole>(members.map((m) => m.role));
  const status: IncidentStatus = members.length === 0 ? 'retracted' : roles.has('escalation') ? 'escalated' : members.length > 1 ? 'updated' : 'open';

  const path: string[] = [];
  for (const m of members) {
    const item = m.analysis.item;
    if (item && path.at(-1) !== item) path.push(item);
  }
  const materialImpact = [...members].reverse().find((m) => m.analysis.materialImpact)?.analysis.materialImpact ?? null;
  const dates = {
    began: datedFact(members, 'began', 'earliest'),
    detected: datedFact(members, 'detected', 'earliest'),
    determinedMaterial: datedFact(members, 'determinedMaterial', 'earliest'),
    contained: datedFact(members, 'contained', 'latest'),
  };
  const flags = { ...NO_FLAGS };
  for (const m of members) for (const key of Object.keys(flags) as Array<keyof IncidentFlags>) if (m.analysis.flags?.[key]) flags[key] = true;

  const item105 = members.find((m) => m.analysis.item === '1.05' || m.items.includes('1.05'));
  const determined = dates.determinedMaterial?.date;
  const businessDaysToItem105 = item105 && isDay(determined) && determined <= item105.filedAt ? businessDaysAfter(determined, item105.filedAt) : null;
  const detected = dates.detected?.date;
  const disclosed = first?.filedAt;
  const detectionKnown = isDay(detected) && disclosed !== undefined && detected <= disclosed;

  return {
    title: `${company}: ${name ?? 'cybersecurity incident'}${first ? ` disclosed ${first.filedAt}` : ''}`,
    status,
    itemPath: path.length > 0 ? path.join(' → ') : null,
    items: [...new Set(members.flatMap((m) => m.items))].sort(),
    materialImpact,
    dates,
    flags,
    timeliness: {
      businessDaysToItem105,
      withinFourBusinessDays: businessDaysToItem105 === null ? null : businessDaysToItem105 <= 4,
      detectionToDisclosureDays: detectionKnown ? calendarDays(detected, disclosed) : null,
      detectionToDisclosureBusinessDays: detectionKnown ? businessDaysAfter(detected, disclosed) : null,
    },
    firstDisclosedAt: first?.filedAt ?? null,
    lastFiledAt: last?.filedAt ?? null,
    lastActivityAt: last?.acceptedAt ?? null,
  };
}
