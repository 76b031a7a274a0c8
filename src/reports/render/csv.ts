// One CSV for spreadsheets: a row per incident filing of the week and a row per incident touched,
// told apart by `record`. UTF-8 with a byte-order mark (Excel reads it as UTF-8 then), CRLF rows
// (RFC 4180), and cells a spreadsheet would run as a formula (filing text can start with =, +, -,
// @) prefixed with an apostrophe.

import type { ReportModel } from '../model.ts';
import type { RenderOptions } from './options.ts';

const COLUMNS = [
  'record', 'week', 'incident_id', 'kind', 'company', 'cik', 'tickers', 'accession_number', 'form', 'items', 'filed_at', 'accepted_at', 'item_class', 'role',
  'status', 'item_path', 'material_impact', 'first_disclosed_at', 'detected', 'determined_material', 'business_days_detection_to_disclosure',
  'business_days_determination_to_item_105', 'flags', 'review', 'sic_division', 'sectors', 'evidence', 'sec_url', 'incident_url',
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | null>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped against formula injection and quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(model: ReportModel, options: RenderOptions = {}): string {
  const base = options.baseUrl ?? '';
  const rows: Row[] = [];
  for (const f of model.filings) {
    rows.push({
      record: 'filing', week: model.week, incident_id: f.incidentId, company: f.company, cik: f.cik, accession_number: f.accessionNumber, form: f.form, items: f.items.join(' '),
      filed_at: f.filedAt, accepted_at: f.acceptedAt, item_class: f.itemClass, role: f.role, material_impact: f.materialImpact, review: f.review, evidence: f.evidence,
      sec_url: f.url, incident_url: f.incidentId === null ? null : `${base}/v1/incidents/${f.incidentId}`,
    });
  }
  for (const i of model.incidents) {
    rows.push({
      record: 'incident', week: model.week, incident_id: i.id, kind: i.kind, company: i.company, cik: i.cik, tickers: i.tickers.join(' '),
      accession_number: i.filingsThisWeek.map((f) => f.accessionNumber).join(' '), status: i.status, item_path: i.itemPath, material_impact: i.materialImpact,
      first_disclosed_at: i.firstDisclosedAt, detected: i.detected, determined_material: i.determinedMaterial,
      business_days_detection_to_disclosure: i.detectionToDisclosureBusinessDays, business_days_determination_to_item_105: i.businessDaysToItem105,
      flags: i.flags.join(' '), sic_division: i.sicDivision, sectors: i.sectors.join(' '), evidence: i.evidence, sec_url: i.links.filing, incident_url: `${base}${i.links.incident}`,
    });
  }
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
