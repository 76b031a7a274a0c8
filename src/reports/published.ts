// What a published weekly report is announced with: the week, its headline numbers and where each
// format is served. The outbox event (`report.published`) stores it and the alert channels send
// it, so a webhook body, a Slack message and /v1/events give the same numbers. Pure.

import type { ReportModel } from './model.ts';
import { REPORT_FORMATS, type ReportFormat } from './render/index.ts';

export interface ReportHeadline {
  newIncidents: number;
  updatedIncidents: number;
  escalatedIncidents: number;
  /** Incident filings (8-K, 8-K/A, 10-Q, 10-K) filed in the week. */
  filings: number;
  issuers: number;
  item105Filings: number;
}

export interface ReportSummary {
  week: string;
  /** Monday and Sunday, `YYYY-MM-DD`. */
  start: string;
  end: string;
  analyzerVersion: string;
  headline: ReportHeadline;
  links: Record<ReportFormat, string>;
}

/** `baseUrl` prefixes the links (PUBLIC_URL); none: relative (`/v1/reports/weekly/…`). */
export function reportSummary(model: ReportModel, baseUrl?: string | null): ReportSummary {
  const h = model.headline;
  const base = baseUrl ?? '';
  return {
    week: model.week,
    start: model.period.start,
    end: model.period.end,
    analyzerVersion: model.analyzerVersion,
    headline: {
      newIncidents: h.incidents.new.value,
      updatedIncidents: h.incidents.updated.value,
      escalatedIncidents: h.incidents.escalated.value,
      filings: h.filings.value,
      issuers: h.issuers.value,
      item105Filings: h.filingsByItem['1.05'],
    },
    links: Object.fromEntries(REPORT_FORMATS.map((f) => [f, `${base}/v1/reports/weekly/${model.week}.${f}`])) as Record<ReportFormat, string>,
  };
}
