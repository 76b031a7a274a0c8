// The one message every alert channel formats, and the HTTP request a channel formatter returns.
// An AlertMessage is also the webhook body (Standard Webhooks `{ type, timestamp, data }`), so its
// fields are what GET /v1/incidents/{id} already serves, thinned to what a notification needs:
// webhook bodies stay under 20 KB and Teams cards under 28 KB without per-channel shapes.

import type { IncidentDates, IncidentFlags, MaterialImpact, PartialDate } from '../analysis/types.ts';
import { EVENT_TYPES, type EventType } from '../incidents/changes.ts';
import type { ReportSummary } from '../reports/published.ts';
import type { IncidentStatus } from '../incidents/facts.ts';

/** Outbox event types (incident.*) plus the weekly report's publication. */
export const ALERT_TYPES = [...EVENT_TYPES, 'report.published'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface AlertIncident {
  /** The incident id of /v1/incidents/{id}. */
  id: number;
  title: string;
  company: string;
  /** 10-digit CIK. */
  cik: string;
  /** The company's tickers, primary first; empty when it has none (or none is known). */
  tickers: string[];
  /** Items it was disclosed under, in order: `8.01 → 1.05`. */
  itemPath: string | null;
  status: IncidentStatus;
  materialImpact: MaterialImpact | null;
  flags: IncidentFlags;
  /** The incident's dates at the precision stated (the API's `dates.*.date`). */
  dates: Record<keyof IncidentDates, PartialDate | null>;
  /** Where a person reads the incident (UI or API detail URL). */
  url: string;
}

/** The filing that caused the event. */
export interface AlertFiling {
  accessionNumber: string;
  form: string;
  items: string[];
  /** `YYYY-MM-DD` */
  filedAt: string;
  /** The filing's index page on EDGAR (`…/{accession}-index.htm`). */
  secUrl: string;
}

/** One changed field, as the events table stores it (`dates.detected`, `materialImpact`, …). */
export interface AlertChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** A sentence of the filing supporting a field (the analysis' `evidence` map, as a list). */
export interface AlertEvidence {
  /** `materialImpact`, `dates.detected`, `flags.ransomware`, …; the first entry is the one shown first. */
  field: string;
  sentence: string;
}

export interface AlertMessage {
  type: EventType;
  /** Stable across retries of one delivery (the `webhook-id`); must not contain `.`. */
  id: string;
  /** ISO 8601 UTC time of the event. */
  timestamp: string;
  /** A test send from POST /v1/subscriptions/{id}/test; channels label it visibly. */
  test?: boolean;
  data: {
    incident: AlertIncident;
    /** Null when no single filing caused the event (a retraction by re-analysis). */
    filing: AlertFiling | null;
    /** Empty for `incident.created`. */
    changes: AlertChange[];
    /** Most relevant first; channels show the first (Teams and Slack may shorten the rest). */
    evidence: AlertEvidence[];
  };
}

/**
 * A weekly report's publication, as every channel sends it; also the webhook body
 * (`{ type, timestamp, data }`): the week, its headline numbers and absolute links to each format.
 */
export interface ReportAlert {
  type: 'report.published';
  /** Stable across retries of one delivery (the `webhook-id`); must not contain `.`. */
  id: string;
  /** ISO 8601 UTC time the report was stored. */
  timestamp: string;
  /** A test send (a sample, empty week) to a subscription that receives only weekly reports; channels label it visibly. */
  test?: boolean;
  data: ReportSummary;
}

/** The report itself, for the channels that carry it whole (e-mail: the HTML page, and the Markdown as its text part). */
export interface ReportDocuments {
  html: string;
  markdown: string;
}

/** What a channel formatter produces; the delivery job POSTs it (through ssrf.ts' dispatcher). */
export interface ChannelRequest {
  url: string;
  /** Includes `content-type`; never a secret the formatter did not receive. */
  headers: Record<string, string>;
  body: string;
}

/** A subscription's alerts sent as one message (digest mode): built from the same delivery rows. */
export interface AlertDigest {
  /** Stable across retries of this digest (Message-ID, log key); must not contain `.`. */
  id: string;
  /** ISO 8601 UTC time the digest is sent for. */
  timestamp: string;
  /** What it covers, as a person reads it: `since 2026-05-19 07:00 (America/New_York)`. */
  period: string;
  test?: boolean;
  /** In the order they are shown (the caller's: usually oldest first). */
  messages: AlertMessage[];
}
