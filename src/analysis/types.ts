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
  /** Field path (`dates.detected`, `flags.nationState`, `incident`, …) → the sentence it came from. */
  evidence: Record<string, string>;
  /** 0–1: how far this analysis can be trusted (the eval's reliability table says what each band is worth). */
  confidence: number;
  /** A borderline case a person should check (confidence below 0.9). */
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
