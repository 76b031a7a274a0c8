// Which subscriptions an incident event goes to. Pure: the fan-out job loads the facts.

import { sectorsOf } from '../companies/sectors.ts';
import type { SubscriptionFilter } from './subscription.ts';

/** What a filter is tested against: the incident as the event left it, and its company. */
export interface MatchFacts {
  /** `incident.created`, … */
  eventType: string;
  cik: string;
  items: string[];
  materialImpact: string | null;
  /** Names of the flags stated. */
  flags: string[];
  sic: string | null;
}

const some = <T>(wanted: readonly T[] | undefined, test: (value: T) => boolean) => !wanted || wanted.length === 0 || wanted.some(test);

export function matchesFilter(filter: SubscriptionFilter, facts: MatchFacts): boolean {
  if (!filter.events.some((e) => `incident.${e}` === facts.eventType)) return false;
  // CIKs and tickers name companies together: either list may hold the company.
  const companies = [...(filter.ciks ?? []), ...Object.values(filter.tickerCiks ?? {})];
  if (companies.length > 0 && !companies.includes(facts.cik)) return false;
  const sectors = filter.sectors?.length ? sectorsOf(facts.sic) : [];
  return (
    some(filter.sectors, (s) => sectors.includes(s)) &&
    some(filter.sics, (s) => s === facts.sic) &&
    some(filter.items, (i) => facts.items.includes(i)) &&
    some(filter.materialImpact, (m) => m === facts.materialImpact) &&
    some(filter.flags, (f) => facts.flags.includes(f))
  );
}

/**
 * Whether a subscription gets the weekly report. A report covers every company, so the incident
 * lists (companies, sectors, items, materiality, flags) do not narrow it: a watchlist that also
 * names `report.published` gets the market-wide report beside its own incidents, and one naming
 * only `report.published` gets reports alone.
 */
export function wantsReports(filter: SubscriptionFilter): boolean {
  return filter.events.includes('report.published');
}
