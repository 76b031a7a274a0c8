// The weekly disclosure report as data (pure): what was disclosed in one ISO week, by EDGAR filing
// date, from the stored filings and incidents. Every renderer (Markdown, HTML, CSV, JSON) reads
// this one object, so the four formats never disagree, and the same data gives the same object.
// Counts always say their unit (filings, issuers, incidents): trackers disagree mostly because
// they count different things.

import type { MaterialImpact } from '../analysis/types.ts';
import { addDays, isBusinessDay } from '../calendar/index.ts';
import { incidentFacts, type IncidentFacts, type IncidentMember, type IncidentStatus } from '../incidents/facts.ts';
import type { IncidentRole } from '../incidents/thread.ts';
import { sicDivision, SIC_DIVISIONS } from './sic.ts';
import { weekRange, weeksEndingWith, type IsoWeek } from './week.ts';

/** Bump on any change to the model's shape or to how a number is computed. */
export const REPORT_MODEL_VERSION = 1;

// ---- what the report is built from (db/repositories/reports.ts loads it) -----------------------

/** One filing of the week that states an incident. */
export interface ReportFilingInput {
  accessionNumber: string;
  cik: string;
  company: string;
  form: string;
  items: string[];
  /** YYYY-MM-DD */
  filedAt: string;
  /** ISO instant */
  acceptedAt: string;
  item: string | null;
  materialImpact: MaterialImpact | null;
  review: boolean;
  incidentId: number | null;
  role: IncidentRole | null;
  evidence: Record<string, string>;
}

/** An incident with a filing filed in the week; `members` are its filings filed up to the week's end. */
export interface ReportIncidentInput {
  id: number;
  cik: string;
  company: string;
  tickers: string[];
  sic: string | null;
  /** The SEC Corporation Finance office reviewing its filings (`06 Technology`), when known. */
  secOffice: string | null;
  /** Named sector sets the company is in (e.g. `telecom`). */
  sectors: string[];
  members: IncidentMember[];
}

export interface DailyIndexCount {
  /** YYYY-MM-DD */
  date: string;
  /** Filings of the checked forms EDGAR's daily index lists. */
  listed: number;
  /** Of those, how many the feed had missed (stored and queued by the reconciliation). */
  missing: number;
  indexFound: boolean;
}

export interface WeekQualityInput {
  /** Every filing filed in the week (all forms), by state. */
  filings: { discovered: number; analyzed: number; pending: number; failed: number; dead: number; review: number };
  /** Filings filed each day of the week, of the forms the reconciliation checks. */
  discoveredByDay: Array<{ date: string; discovered: number }>;
  /** The reconciliation's result for each day of the week it checked. */
  dailyIndex: DailyIndexCount[];
  /** Filings of the week set aside as dead, with their error (at most a few dozen). */
  dead: Array<{ accessionNumber: string; form: string; company: string; error: string | null }>;
  /** Incident filings of the week flagged for a person to check. */
  review: Array<{ accessionNumber: string; form: string; company: string; confidence: number | null }>;
}

/** Incident filings of one week, by the item that carries the incident. */
export interface TrendWeekInput {
  week: IsoWeek;
  item105: number;
  item801: number;
  item701: number;
  periodic: number;
  other: number;
}

export interface TimingSampleInput {
  incidentId: number;
  firstDisclosedAt: string;
  detectionToDisclosureBusinessDays: number | null;
  detectionToDisclosureDays: number | null;
  businessDaysToItem105: number | null;
  /** It has an Item 1.05 filing (the population of determination → Item 1.05). */
  hasItem105: boolean;
}

export interface WeekData {
  filings: ReportFilingInput[];
  incidents: ReportIncidentInput[];
  quality: WeekQualityInput;
  /** Weeks with incident filings among the 64 ending with the report's (missing weeks count zero). */
  trend: TrendWeekInput[];
  /** Incidents first disclosed in the 13 weeks ending with the report's, with their timeliness. */
  timing13: TimingSampleInput[];
}

// ---- the model ----------------------------------------------------------------------------------

export type Unit = 'filings' | 'issuers' | 'incidents' | 'business days' | 'calendar days' | 'share';

export interface Count {
  value: number;
  unit: Unit;
}

export const ITEM_CLASSES = ['1.05', '8.01', '7.01', 'periodic', 'other'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];
export type ByItem = Record<ItemClass, number>;

export const MATERIALITY = ['material', 'not-material', 'not-determined', 'not-stated'] as const;
export type Materiality = (typeof MATERIALITY)[number];

export const IMPACTS = ['operationalDisruption', 'dataAccessed', 'ransomware', 'nationState', 'thirdParty', 'lawEnforcementNotified', 'disclosureDelayed'] as const;
export type Impact = (typeof IMPACTS)[number];

export interface Statistic {
  unit: Unit;
  /** Incidents with a value. */
  n: number;
  /** Incidents the statistic is about (n of them state both dates). */
  of: number;
  /** n / of, 0–1, 4 decimals; null when `of` is 0. */
  coverage: number | null;
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Share of the n within four business days (0–1, 4 decimals); business-day statistics only. */
  withinFourBusinessDays: number | null;
}

export interface ReportIncidentRow {
  id: number;
  /** First disclosed this week, or an update of one disclosed before. */
  kind: 'new' | 'update';
  escalatedThisWeek: boolean;
  company: string;
  cik: string;
  tickers: string[];
  sicDivision: string;
  sectors: string[];
  title: string;
  status: IncidentStatus;
  itemPath: string | null;
  materialImpact: MaterialImpact | null;
  firstDisclosedAt: string | null;
  detected: string | null;
  determinedMaterial: string | null;
  detectionToDisclosureBusinessDays: number | null;
  businessDaysToItem105: number | null;
  flags: Impact[];
  evidence: string | null;
  links: { incident: string; filing: string };
  filingsThisWeek: Array<{ accessionNumber: string; form: string; items: string[]; filedAt: string; role: IncidentRole | null; url: string }>;
}

export interface ReportFilingRow {
  accessionNumber: string;
  company: string;
  cik: string;
  form: string;
  items: string[];
  filedAt: string;
  acceptedAt: string;
  itemClass: ItemClass;
  /** `original`, `update` as a plain 8-K, `amendment` (8-K/A), `escalation`, `periodic`. */
  role: IncidentRole | null;
  incidentId: number | null;
  materialImpact: MaterialImpact | null;
  review: boolean;
  evidence: string | null;
  url: string;
}

export interface TrendWeek extends TrendWeekInput {
  filings: number;
  /** Item 1.05 filings / current-report incident filings (1.05 + 8.01 + 7.01 + other); null without any. */
  item105Share: number | null;
  /** The same share over the 13 weeks ending with this one (steadier than one week's few filings). */
  item105Share13: number | null;
}

export interface TrendWindow {
  weeks: number;
  from: IsoWeek;
  to: IsoWeek;
  byItem: ByItem;
  filings: number;
  item105Share: number | null;
}

export interface ReportModel {
  kind: 'cyber8k.weekly-report';
  modelVersion: number;
  week: IsoWeek;
  period: { start: string; end: string; basis: 'EDGAR filing date'; timezone: 'America/New_York' };
  analyzerVersion: string;
  headline: {
    filings: Count;
    issuers: Count;
    incidents: { touched: Count; new: Count; updated: Count; escalated: Count };
    filingsByItem: ByItem & { unit: 'filings' };
    updates: { amendments: Count; plainUpdates: Count };
  };
  materiality: {
    filings: Record<Materiality, number> & { unit: 'filings' };
    incidents: Record<Materiality, number> & { unit: 'incidents' };
  };
  impacts: { unit: 'incidents'; of: number; counts: Record<Impact, number> };
  timing: {
    week: { detectionToDisclosure: Statistic; detectionToDisclosureCalendar: Statistic; determinationToItem105: Statistic };
    trailing13: { from: IsoWeek; to: IsoWeek; detectionToDisclosure: Statistic; determinationToItem105: Statistic };
  };
  sectors: {
    unit: 'incidents';
    bySicDivision: Array<{ division: string; name: string; incidents: number; newIncidents: number }>;
    named: Array<{ sector: string; incidents: number }>;
    bySecOffice: Array<{ office: string; incidents: number }>;
  };
  trends: { weeks: TrendWeek[]; trailing4: TrendWindow; trailing13: TrendWindow; trailing52: TrendWindow };
  incidents: ReportIncidentRow[];
  filings: ReportFilingRow[];
  dataQuality: {
    filings: WeekQualityInput['filings'] & { unit: 'filings' };
    days: Array<{ date: string; businessDay: boolean; discovered: number; listed: number | null; missedByFeed: number | null; indexFound: boolean | null }>;
    reconciliation: { daysChecked: number; businessDays: number; listed: number; discovered: number; missedByFeed: number; coverage: number | null };
    dead: WeekQualityInput['dead'];
    review: WeekQualityInput['review'];
  };
  definitions: Array<{ term: string; definition: string }>;
}

// ---- helpers ------------------------------------------------------------------------------------

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole) : null);
const isPeriodicForm = (form: string) => /^10-[QK]/i.test(form);
const isAmendmentForm = (form: string) => /\/A$/i.test(form);

export function itemClass(filing: { form: string; item: string | null; items: string[] }): ItemClass {
  if (isPeriodicForm(filing.form)) return 'periodic';
  if (filing.item === '1.05' || (filing.item === null && filing.items.includes('1.05'))) return '1.05';
  if (filing.item === '8.01') return '8.01';
  if (filing.item === '7.01') return '7.01';
  return 'other';
}

function emptyByItem(): ByItem {
  return { '1.05': 0, '8.01': 0, '7.01': 0, periodic: 0, other: 0 };
}

function emptyMateriality(): Record<Materiality, number> {
  return { material: 0, 'not-material': 0, 'not-determined': 0, 'not-stated': 0 };
}

/** EDGAR's page of a filing, the same URL whatever server the data came from. */
export function secFilingUrl(cik: string, accessionNumber: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${Number.parseInt(cik, 10)}/${accessionNumber.replaceAll('-', '')}/${accessionNumber}-index.htm`;
}

/** The one sentence that best says what the filing disclosed. */
export function evidenceSentence(evidence: Record<string, string> | null | undefined): string | null {
  if (!evidence) return null;
  for (const key of ['incident', 'materialImpact', 'dates.detected', 'dates.determinedMaterial', 'dates.began']) {
    const sentence = evidence[key];
    if (sentence) return sentence;
  }
  const first = Object.keys(evidence).sort()[0];
  return first ? (evidence[first] ?? null) : null;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2, 2);
}

export function statistic(values: Array<number | null>, unit: Unit, businessDays: boolean): Statistic {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = known.length;
  return {
    unit,
    n,
    of: values.length,
    coverage: share(n, values.length),
    median: median(known),
    mean: n ? round(known.reduce((a, b) => a + b, 0) / n, 2) : null,
    min: n ? known[0]! : null,
    max: n ? known[n - 1]! : null,
    withinFourBusinessDays: businessDays && n ? share(known.filter((v) => v <= 4).length, n) : null,
  };
}

function trendWeek(input: TrendWeekInput, window: TrendWeekInput[]): TrendWeek {
  const current = input.item105 + input.item801 + input.item701 + input.other;
  const window105 = window.reduce((a, w) => a + w.item105, 0);
  const windowCurrent = window.reduce((a, w) => a + w.item105 + w.item801 + w.item701 + w.other, 0);
  return { ...input, filings: current + input.periodic, item105Share: share(input.item105, current), item105Share13: share(window105, windowCurrent) };
}

function trendWindow(weeks: TrendWeek[]): TrendWindow {
  const byItem = emptyByItem();
  for (const w of weeks) {
    byItem['1.05'] += w.item105;
    byItem['8.01'] += w.item801;
    byItem['7.01'] += w.item701;
    byItem.periodic += w.periodic;
    byItem.other += w.other;
  }
  const current = byItem['1.05'] + byItem['8.01'] + byItem['7.01'] + byItem.other;
  return { weeks: weeks.length, from: weeks[0]!.week, to: weeks.at(-1)!.week, byItem, filings: current + byItem.periodic, item105Share: share(byItem['1.05'], current) };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- the build ----------------------------------------------------------------------------------

/** The report of `week` from its data. Pure: no clock, no I/O; the same data gives the same model. */
export function buildReportModel(data: WeekData, week: IsoWeek, analyzerVersion: string): ReportModel {
  const range = weekRange(week);
  const inWeek = (date: string | null | undefined) => !!date && date >= range.start && date <= range.end;

  // Filings of the week, in filing order.
  const filings = [...data.filings].filter((f) => inWeek(f.filedAt)).sort((a, b) => byString(a.filedAt, b.filedAt) || byString(a.acceptedAt, b.acceptedAt) || byString(a.accessionNumber, b.accessionNumber));
  const filingsByItem = emptyByItem();
  const filingMateriality = emptyMateriality();
  let amendments = 0;
  let plainUpdates = 0;
  for (const f of filings) {
    filingsByItem[itemClass(f)] += 1;
    filingMateriality[f.materialImpact ?? 'not-stated'] += 1;
    if (!isPeriodicForm(f.form) && isAmendmentForm(f.form)) amendments += 1;
    else if (!isPeriodicForm(f.form) && (f.role === 'update' || f.role === 'escalation')) plainUpdates += 1;
  }

  // Incidents touched in the week, with their facts as they stood at its end.
  const touched = data.incidents
    .map((incident) => {
      const members = incident.members.filter((m) => m.filedAt <= range.end);
      const facts: IncidentFacts = incidentFacts(members, incident.company);
      const thisWeek = members.filter((m) => inWeek(m.filedAt));
      return { incident, members, facts, thisWeek };
    })
    .filter((t) => t.thisWeek.length > 0);
  const isNew = (t: (typeof touched)[number]) => inWeek(t.facts.firstDisclosedAt);
  const escalatedThisWeek = (t: (typeof touched)[number]) => t.thisWeek.some((m) => m.role === 'escalation');
  // New first, and among each the ones now under Item 1.05 (the material ones) first.
  const under105 = (t: (typeof touched)[number]) => t.members.some((m) => m.analysis.item === '1.05' || m.items.includes('1.05'));
  touched.sort((a, b) => Number(isNew(b)) - Number(isNew(a)) || Number(under105(b)) - Number(under105(a)) || byString(a.thisWeek[0]!.acceptedAt, b.thisWeek[0]!.acceptedAt) || a.incident.id - b.incident.id);
  const fresh = touched.filter(isNew);

  const incidentMateriality = emptyMateriality();
  const impacts = Object.fromEntries(IMPACTS.map((k) => [k, 0])) as Record<Impact, number>;
  for (const t of touched) {
    incidentMateriality[t.facts.materialImpact ?? 'not-stated'] += 1;
    for (const k of IMPACTS) if (t.facts.flags[k]) impacts[k] += 1;
  }

  // Determination → Item 1.05: the incidents whose first Item 1.05 filing is this week's.
  const first105 = touched.filter((t) => {
    const first = t.members.find((m) => m.analysis.item === '1.05' || m.items.includes('1.05'));
    return first !== undefined && inWeek(first.filedAt);
  });

  const divisions = new Map<string, { incidents: number; newIncidents: number }>();
  const named = new Map<string, number>();
  const offices = new Map<string, number>();
  for (const t of touched) {
    const office = t.incident.secOffice ?? 'Unknown';
    offices.set(office, (offices.get(office) ?? 0) + 1);
    const division = sicDivision(t.incident.sic).code;
    const d = divisions.get(division) ?? { incidents: 0, newIncidents: 0 };
    d.incidents += 1;
    if (isNew(t)) d.newIncidents += 1;
    divisions.set(division, d);
    for (const s of new Set(t.incident.sectors)) named.set(s, (named.get(s) ?? 0) + 1);
  }

  // 64 weeks of data give each of the 52 weeks shown its own trailing 13.
  const trendInput = weeksEndingWith(week, 64).map((w) => data.trend.find((t) => t.week === w) ?? { week: w, item105: 0, item801: 0, item701: 0, periodic: 0, other: 0 });
  const trendWeeks = trendInput.slice(-52).map((w, i) => trendWeek(w, trendInput.slice(i, i + 13)));
  const weeks13 = weeksEndingWith(week, 13);
  const timing13 = data.timing13.filter((s) => s.firstDisclosedAt >= weekRange(weeks13[0]!).start && s.firstDisclosedAt <= range.end).sort((a, b) => a.incidentId - b.incidentId);

  const incidentRows: ReportIncidentRow[] = touched.map((t) => {
    const latest = t.thisWeek.at(-1)!;
    const firstThisWeek = t.thisWeek[0]!;
    return {
      id: t.incident.id,
      kind: isNew(t) ? 'new' : 'update',
      escalatedThisWeek: escalatedThisWeek(t),
      company: t.incident.company,
      cik: t.incident.cik,
      tickers: [...t.incident.tickers],
      sicDivision: sicDivision(t.incident.sic).code,
      sectors: [...new Set(t.incident.sectors)].sort(),
      title: t.facts.title,
      status: t.facts.status,
      itemPath: t.facts.itemPath,
      materialImpact: t.facts.materialImpact,
      firstDisclosedAt: t.facts.firstDisclosedAt,
      detected: t.facts.dates.detected?.date ?? null,
      determinedMaterial: t.facts.dates.determinedMaterial?.date ?? null,
      detectionToDisclosureBusinessDays: t.facts.timeliness.detectionToDisclosureBusinessDays,
      businessDaysToItem105: t.facts.timeliness.businessDaysToItem105,
      flags: IMPACTS.filter((k) => t.facts.flags[k]),
      evidence: evidenceSentence(latest.analysis.evidence) ?? evidenceSentence(firstThisWeek.analysis.evidence),
      links: { incident: `/v1/incidents/${t.incident.id}`, filing: secFilingUrl(t.incident.cik, latest.accessionNumber) },
      filingsThisWeek: t.thisWeek.map((m) => ({ accessionNumber: m.accessionNumber, form: m.form, items: [...m.items], filedAt: m.filedAt, role: m.role, url: secFilingUrl(t.incident.cik, m.accessionNumber) })),
    };
  });

  const days = Array.from({ length: 7 }, (_, i) => addDays(range.start, i)).map((date) => {
    const index = data.quality.dailyIndex.find((r) => r.date === date);
    return {
      date,
      businessDay: isBusinessDay(date),
      discovered: data.quality.discoveredByDay.find((r) => r.date === date)?.discovered ?? 0,
      listed: index ? index.listed : null,
      missedByFeed: index ? index.missing : null,
      indexFound: index ? index.indexFound : null,
    };
  });
  const checked = days.filter((d) => d.indexFound === true);
  const listed = checked.reduce((a, d) => a + (d.listed ?? 0), 0);
  const discoveredOnChecked = checked.reduce((a, d) => a + d.discovered, 0);

  return {
    kind: 'cyber8k.weekly-report',
    modelVersion: REPORT_MODEL_VERSION,
    week,
    period: { start: range.start, end: range.end, basis: 'EDGAR filing date', timezone: 'America/New_York' },
    analyzerVersion,
    headline: {
      filings: { value: filings.length, unit: 'filings' },
      issuers: { value: new Set(filings.map((f) => f.cik)).size, unit: 'issuers' },
      incidents: {
        touched: { value: touched.length, unit: 'incidents' },
        new: { value: fresh.length, unit: 'incidents' },
        updated: { value: touched.length - fresh.length, unit: 'incidents' },
        escalated: { value: touched.filter(escalatedThisWeek).length, unit: 'incidents' },
      },
      filingsByItem: { ...filingsByItem, unit: 'filings' },
      updates: { amendments: { value: amendments, unit: 'filings' }, plainUpdates: { value: plainUpdates, unit: 'filings' } },
    },
    materiality: { filings: { ...filingMateriality, unit: 'filings' }, incidents: { ...incidentMateriality, unit: 'incidents' } },
    impacts: { unit: 'incidents', of: touched.length, counts: impacts },
    timing: {
      week: {
        detectionToDisclosure: statistic(fresh.map((t) => t.facts.timeliness.detectionToDisclosureBusinessDays), 'business days', true),
        detectionToDisclosureCalendar: statistic(fresh.map((t) => t.facts.timeliness.detectionToDisclosureDays), 'calendar days', false),
        determinationToItem105: statistic(first105.map((t) => t.facts.timeliness.businessDaysToItem105), 'business days', true),
      },
      trailing13: {
        from: weeks13[0]!,
        to: week,
        detectionToDisclosure: statistic(timing13.map((s) => s.detectionToDisclosureBusinessDays), 'business days', true),
        determinationToItem105: statistic(timing13.filter((s) => s.hasItem105).map((s) => s.businessDaysToItem105), 'business days', true),
      },
    },
    sectors: {
      unit: 'incidents',
      bySicDivision: SIC_DIVISIONS.filter((d) => divisions.has(d.code)).map((d) => ({ division: d.code, name: d.name, ...divisions.get(d.code)! })),
      named: [...named.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0])).map(([sector, incidents]) => ({ sector, incidents })),
      bySecOffice: [...offices.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0])).map(([office, incidents]) => ({ office, incidents })),
    },
    trends: { weeks: trendWeeks, trailing4: trendWindow(trendWeeks.slice(-4)), trailing13: trendWindow(trendWeeks.slice(-13)), trailing52: trendWindow(trendWeeks) },
    incidents: incidentRows,
    filings: filings.map((f) => ({
      accessionNumber: f.accessionNumber,
      company: f.company,
      cik: f.cik,
      form: f.form,
      items: [...f.items],
      filedAt: f.filedAt,
      acceptedAt: f.acceptedAt,
      itemClass: itemClass(f),
      role: f.role,
      incidentId: f.incidentId,
      materialImpact: f.materialImpact,
      review: f.review,
      evidence: evidenceSentence(f.evidence),
      url: secFilingUrl(f.cik, f.accessionNumber),
    })),
    dataQuality: {
      filings: { ...data.quality.filings, unit: 'filings' },
      days,
      reconciliation: { daysChecked: checked.length, businessDays: days.filter((d) => d.businessDay).length, listed, discovered: discoveredOnChecked, missedByFeed: checked.reduce((a, d) => a + (d.missedByFeed ?? 0), 0), coverage: share(Math.min(discoveredOnChecked, listed), listed) },
      dead: [...data.quality.dead].sort((a, b) => byString(a.accessionNumber, b.accessionNumber)),
      review: [...data.quality.review].sort((a, b) => byString(a.accessionNumber, b.accessionNumber)),
    },
    definitions: DEFINITIONS,
  };
}

export const DEFINITIONS: Array<{ term: string; definition: string }> = [
  { term: 'Week', definition: 'ISO 8601 week, Monday to Sunday, by EDGAR filing date (an America/New_York calendar day). A filing accepted after 17:30 Eastern carries the next business day as its filing date.' },
  { term: 'Filings', definition: 'Analyzed filings filed in the week that disclose a cybersecurity incident the registrant experienced (8-K, 8-K/A, 10-Q, 10-K and their amendments).' },
  { term: 'Issuers', definition: 'Distinct registrants (CIKs) among those filings.' },
  { term: 'Incidents touched', definition: 'Incidents (a company’s one cyber event, threaded from its filings) with at least one filing filed in the week.' },
  { term: 'New incidents', definition: 'Incidents whose first disclosure on record was filed in the week; /v1/incidents?since=<Monday>&until=<Sunday> lists the same ones.' },
  { term: 'Updated incidents', definition: 'Incidents touched in the week that were first disclosed before it.' },
  { term: 'Escalated incidents', definition: 'Incidents first disclosed under Item 8.01 or 7.01 whose first Item 1.05 filing was filed in the week.' },
  { term: 'Item', definition: 'The 8-K item carrying the incident (1.05, 8.01, 7.01, other); periodic = a 10-Q or 10-K passage.' },
  { term: '8-K/A updates', definition: 'Incident filings filed as 8-K/A.' },
  { term: 'Plain 8-K updates', definition: 'Incident filings on a plain 8-K that follow an earlier disclosure of the same incident ("as previously disclosed"), including escalations to Item 1.05.' },
  { term: 'Materiality', definition: 'What the filing states about the impact on the company: material, not material, not yet determined, or nothing (not stated). For incidents, what their latest filing by the week’s end states. Not the item number: an Item 1.05 filing may state no material impact.' },
  { term: 'Impact mix', definition: 'Incidents touched in the week whose filings (up to the week’s end) state: operations disrupted, data accessed or exfiltrated, ransomware or encryption, a nation-state actor, a vendor or supplier as the source (third party), law enforcement notified, or an Attorney General delay of disclosure (Item 1.05(c)).' },
  { term: 'Business days', definition: 'Weekdays that are not US federal holidays (the days EDGAR is open), counted after the first date up to and including the second.' },
  { term: 'Detection → first disclosure', definition: 'Business days from the day the filings say the incident was detected to the filing date of its first disclosure; new incidents with a day-precise detection date only.' },
  { term: 'Determination → Item 1.05', definition: 'Business days from the stated materiality determination to the filing date of the first Item 1.05 filing; Item 1.05 is due within four. Incidents whose first Item 1.05 filing was filed in the week (trailing: first disclosed in the window) that state a day-precise determination date.' },
  { term: 'n and coverage', definition: 'n: incidents with both dates; coverage: n divided by the incidents the statistic is about. Few filings state a determination date, so coverage is low and the statistic is indicative.' },
  { term: 'Item 1.05 share', definition: 'Item 1.05 incident filings divided by incident filings on 8-K or 8-K/A (1.05 + 8.01 + 7.01 + other items), per week or window.' },
  { term: 'Named sectors', definition: 'Sets of SIC codes cyber8k names (telecom, healthcare, …; GET /v1/sectors lists them); a company may be in several or none.' },
  { term: 'SEC office', definition: 'The SEC Division of Corporation Finance office that reviews the company’s filings, as EDGAR records it; Unknown when not yet read.' },
  { term: 'SIC division', definition: 'The division (A–J) of the company’s Standard Industrial Classification code as EDGAR records it; Unknown when no SIC code is on record.' },
  { term: 'Discovered', definition: 'Filings of the week found by cyber8k (live feed, backfill or reconciliation), all forms it reads.' },
  { term: 'Listed by EDGAR', definition: 'Filings of the checked forms in EDGAR’s daily index for the day, as the nightly reconciliation counted them; missed by the feed = those the reconciliation found undiscovered and queued.' },
  { term: 'Coverage (data quality)', definition: 'Discovered filings of the checked forms on reconciled days divided by those EDGAR’s daily indexes list.' },
  { term: 'Dead', definition: 'Filings whose analysis failed every attempt and was set aside with its error (cyber8k jobs lists them; --retry-dead requeues them).' },
  { term: 'Flagged for review', definition: 'Analyses the analyzer asks a person to check (a borderline incident call or conflicting signals).' },
];
