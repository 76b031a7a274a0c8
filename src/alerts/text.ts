// The words every channel uses for an alert, unescaped: each channel escapes for its own format
// (Slack mrkdwn, Adaptive Card markdown, HTML), so Slack, Teams and email say the same thing.

import type { IncidentFlags, MaterialImpact } from '../analysis/types.ts';
import type { AlertChange, AlertDigest, AlertMessage, AlertType, ReportAlert } from './types.ts';
import { dayRange } from '../reports/format.ts';

const TYPE_LABELS: Record<AlertType, { emoji: string; label: string }> = {
  'incident.created': { emoji: '🔔', label: 'New incident' },
  'incident.updated': { emoji: '🔄', label: 'Incident updated' },
  'incident.escalated': { emoji: '🔴', label: 'Escalated to Item 1.05' },
  'incident.retracted': { emoji: '⚪', label: 'Incident retracted' },
  'report.published': { emoji: '📊', label: 'Weekly report' },
};

const FLAG_LABELS: Record<keyof IncidentFlags, string> = {
  ransomware: 'ransomware',
  dataAccessed: 'data accessed',
  operationalDisruption: 'operations disrupted',
  nationState: 'nation-state actor',
  thirdParty: 'third party',
  lawEnforcementNotified: 'law enforcement notified',
  disclosureDelayed: 'disclosure delayed',
};

const FIELD_LABELS: Record<string, string> = {
  materialImpact: 'materiality',
  itemPath: 'items',
  status: 'status',
  title: 'title',
  firstDisclosedAt: 'first disclosed',
  lastFiledAt: 'last filed',
  filings: 'filings',
};

export function typeLabel(type: AlertType): { emoji: string; label: string } {
  return TYPE_LABELS[type];
}

export function materialityLabel(value: MaterialImpact | null): string {
  if (value === 'material') return 'material';
  if (value === 'not-material') return 'not material';
  if (value === 'not-determined') return 'not yet determined';
  return 'not stated';
}

/** The flags the filings state, in a fixed order; empty when none. */
export function flagLabels(flags: IncidentFlags): string[] {
  return (Object.keys(FLAG_LABELS) as Array<keyof IncidentFlags>).filter((f) => flags[f]).map((f) => FLAG_LABELS[f]);
}

/** `materialImpact` → `materiality`, `dates.detected` → `detected date`, `flags.ransomware` → `ransomware flag`. */
export function fieldLabel(field: string): string {
  const [head, leaf] = field.split('.', 2) as [string, string | undefined];
  if (leaf === undefined) return FIELD_LABELS[head] ?? head;
  if (head === 'dates') return `${leaf.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} date`;
  if (head === 'flags') return `${FLAG_LABELS[leaf as keyof IncidentFlags] ?? leaf} flag`;
  return `${head} ${leaf}`.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/** A changed value as a person reads it: a dated fact by its date, lists joined, null as a dash. */
export function valueLabel(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueLabel).join(', ');
  if (typeof value === 'object' && 'date' in value) return valueLabel((value as { date: unknown }).date);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

export function changeLine(change: AlertChange): string {
  return `${fieldLabel(change.field)}: ${valueLabel(change.from)} → ${valueLabel(change.to)}`;
}

/** `T`, or the company when it has no ticker. */
export function shortName(message: AlertMessage): string {
  const { incident } = message.data;
  return incident.tickers[0] ?? incident.company;
}

/** `AT&T Inc. (T)`, or the company alone. */
export function companyLine(message: AlertMessage): string {
  const { incident } = message.data;
  return incident.tickers.length > 0 ? `${incident.company} (${incident.tickers.join(', ')})` : incident.company;
}

export function itemLine(message: AlertMessage): string {
  const path = message.data.incident.itemPath;
  return path ? `Item ${path}` : 'no 8-K item';
}

/** One line naming the alert: `[TEST] 🔴 T — Escalated to Item 1.05 · Item 8.01 → 1.05 (material)`. */
export function headline(message: AlertMessage, options: { emoji?: boolean } = {}): string {
  const { emoji, label } = typeLabel(message.type);
  const { incident } = message.data;
  const prefix = `${message.test ? '[TEST] ' : ''}${options.emoji === false ? '' : `${emoji} `}`;
  return `${prefix}${shortName(message)} — ${label} · ${itemLine(message)} (${materialityLabel(incident.materialImpact)})`;
}

/**
 * Cuts `text` to at most `max` UTF-16 units (what JavaScript and most APIs count; never more code
 * points either) without splitting an emoji's surrogate pair, ending in `…` when cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** `📬 cyber8k digest: 3 alerts`, with `[TEST] ` first for a test send. */
export function digestHeadline(digest: AlertDigest, options: { emoji?: boolean } = {}): string {
  const n = digest.messages.length;
  return `${digest.test ? '[TEST] ' : ''}${options.emoji === false ? '' : '📬 '}cyber8k digest: ${n} alert${n === 1 ? '' : 's'}`;
}

/** One line under an alert's headline in a digest: `AT&T Inc. (T) · Item 8.01 → 1.05 · material`. */
export function summaryLine(message: AlertMessage): string {
  return `${companyLine(message)} · ${itemLine(message)} · ${materialityLabel(message.data.incident.materialImpact)}`;
}

/** `📊 Weekly report 2024-W08: 3 new incidents, 1 escalated to Item 1.05`, with `[TEST] ` first for a test send. */
export function reportHeadline(alert: ReportAlert, options: { emoji?: boolean } = {}): string {
  const { emoji, label } = typeLabel(alert.type);
  const h = alert.data.headline;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const escalated = h.escalatedIncidents > 0 ? `, ${h.escalatedIncidents} escalated to Item 1.05` : '';
  return `${alert.test ? '[TEST] ' : ''}${options.emoji === false ? '' : `${emoji} `}${label}: week ${alert.data.week} — ${plural(h.newIncidents, 'new incident')}${escalated}`;
}

/** `19–25 Feb 2024, by EDGAR filing date`. */
export function reportPeriod(alert: ReportAlert): string {
  return `${dayRange(alert.data.start, alert.data.end)}, by EDGAR filing date`;
}

/** The headline numbers as label and value, in the order every channel shows them. */
export function reportNumbers(alert: ReportAlert): Array<{ label: string; value: string }> {
  const h = alert.data.headline;
  return [
    { label: 'New incidents', value: String(h.newIncidents) },
    { label: 'Updated incidents', value: String(h.updatedIncidents) },
    { label: 'Escalated to Item 1.05', value: String(h.escalatedIncidents) },
    { label: 'Incident filings', value: String(h.filings) },
    { label: 'Filings under Item 1.05', value: String(h.item105Filings) },
    { label: 'Issuers', value: String(h.issuers) },
  ];
}
