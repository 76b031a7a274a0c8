// The analysis object of DESIGN.md §4.2: what `analyze` returns, what the database stores and what
// the API serves. Every non-null fact has its evidence sentence in `evidence`.

export type ItemNumber = string; // "1.05", "8.01", …

export type MaterialImpact = 'material' | 'not-material' | 'not-determined';

/** ISO 8601 at the precision the filing states: `2025-08-09`, `2024-12` or `2025`. */
export type PartialDate = string;

export interface IncidentDates {
  /** Unauthorized access started. */
  began: PartialDate | null;
  /** Detected / discovered / became aware / was notified. */
  detected: PartialDate | null;
  /** The registrant determined the incident to be material. */
  determinedMaterial: PartialDate | null;
  /** Contained / no activity observed since. */
  contained: PartialDate | null;
}

export interface IncidentFlags {
  ransomware: boolean;
  dataAccessed: boolean;
  operationalDisruption: boolean;
  nationState: boolean;
  thirdParty: boolean;
  lawEnforcementNotified: boolean;
  disclosureDelayed: boolean;
}

export type StatementKind =
  | 'impact'
  | 'operations'
  | 'financial'
  | 'data'
  | 'customers'
  | 'costs'
  | 'insurance';

export interface Statement {
  kind: StatementKind;
  text: string;
}

/** An earlier filing this filing cites ("our Current Report on Form 8-K filed on October 15, 2025"). */
export interface FilingReference {
  /** Form of the cited filing: `8-K`, `8-K/A`, `10-Q`, `10-K`, … */
  form: string;
  /** When it was filed, at the precision stated; null when the filing does not say. */
  filedOn: PartialDate | null;
  /** The period a cited periodic report covers ("for the quarter ended September 30, 2025"), when named. */
  period?: PartialDate;
  /** The date a cited current report is "dated" (its date of earliest event), when stated that way. */
  reportDate?: PartialDate;
  accessionNumber?: string;
}

/** What an amendment (8-K/A, "Amendment No. 1 … to the Current Report on Form 8-K filed … on May 14, 2025") amends. */
export interface Amendment {
  /** "Amendment No. 2" → 2; null when no number is stated. */
  number: number | null;
  of: Omit<FilingReference, 'form' | 'period'>;
}

/** One incident a filing reports, as the filing names it. */
export interface NamedIncident {
  /** "the Cyber Incident", "the March 2026 Incident", a cyd axis member's label; null when unnamed. */
  name: string | null;
  /** Member of the cyd MaterialCybersecurityIncidentAxis, when the filing tags one. */
  member?: string;
  dates: IncidentDates;
}

export interface Analysis {
  source: string;
  accessionNumber: string | null;
  form: string | null;
  cik: string | null;
  company: string | null;
  /** `YYYY-MM-DD` */
  filedAt: string | null;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ` */
  acceptedAt: string | null;
  items: ItemNumber[];
  incident: boolean;
  item: ItemNumber | null;
  update: boolean;
  materialImpact: MaterialImpact | null;
  dates: IncidentDates;
  flags: IncidentFlags;
  statements: Statement[];
  /**
   * Facts for threading filings into incidents. `reportDate`: the date of the earliest event
   * reported (SGML period of report, `dei:DocumentPeriodEndDate`, the cover page) of a current
   * report; an 8-K/A repeats its original's. Null for periodic reports.
   */
  reportDate: PartialDate | null;
  /** What this filing amends; null when it is not an amendment. */
  amendment: Amendment | null;
  /** Earlier filings it cites about the incident (and, in an amendment's explanatory note, the one it amends). */
  references: FilingReference[];
  /** How the filing names the incident, when it does. */
  incidentName: string | null;
  /** The incidents it reports: one for most filings, several when it (or its cyd axis) reports several; none when no incident. */
  incidents: NamedIncident[];
  /**
   * Field path (`dates.detected`, `flags.nationState`, `incident`, `reportDate`, `amendment`,
   * `references.0`, `incidentName`, `incidents.1`, …) → the sentence it came from.
   */
  evidence: Record<string, string>;
  /** 0–1: how far this analysis can be trusted (the eval's reliability table says what each band is worth). */
  confidence: number;
  /**
   * A person should check this analysis: a borderline incident call (confidence below 0.85: an
   * incident only named, one told without any cyber word — "data was taken from the Company's
   * network" —, a negative whose text has dated event wording or such plain-words wording set aside) or conflicting
   * signals (an incident the text also says was not an attack, an 8-K incident under no item that
   * can be told, impact stated both material and not material).
   */
  review: boolean;
  /**
   * Inline-XBRL Cybersecurity Disclosure (`cyd:`) facts the filing tags, when it tags any: the
   * concepts (local names) and the members of MaterialCybersecurityIncidentAxis, one per incident
   * when an 8-K reports several.
   */
  cyd?: { concepts: string[]; incidents: string[] };
  /** Version of the analyzer that produced this object. */
  analyzerVersion: string;
}

/** What `analyze` returns for a file it could not read or parse. */
export interface AnalysisError {
  source: string;
  error: string;
}
