import { IMPACT_LABELS, MATERIALITY_LABELS } from '../../src/reports/format.ts';
import { html, type SafeHtml } from './html.ts';

export const FLAG_LABELS = IMPACT_LABELS;

export function materiality(value: string | null): string {
  return value ? (MATERIALITY_LABELS[value as keyof typeof MATERIALITY_LABELS] ?? value) : 'Not stated';
}

export function flagList(flags: object): SafeHtml {
  const on = Object.entries(flags as Record<string, boolean>).filter(([, v]) => v).map(([k]) => k);
  if (on.length === 0) return html`<span class="muted">–</span>`;
  return html`<span class="flags">${on.map((f) => html`<span class="flag">${FLAG_LABELS[f as keyof typeof FLAG_LABELS] ?? f}</span>`)}</span>`;
}

export function badge(text: string, kind = text): SafeHtml {
  return html`<span class="badge ${kind}">${text}</span>`;
}

export const dash = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '–' : value);

export function secUrl(cik: string, accession: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${Number(cik)}/${accession.replace(/-/g, '')}/${accession}-index.htm`;
}

/** `2026-12-01 14:03 UTC` */
export function timestamp(date: Date | string | null | undefined): string {
  if (!date) return '–';
  const iso = typeof date === 'string' ? date : date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function query(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) if (one !== '') search.append(k, one);
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

const FACT_LABELS: Record<string, string> = {
  item: 'Item', incident: 'Incident', update: 'Update of an earlier filing', materialImpact: 'Materiality', reportDate: 'Date of report',
  amendment: 'Amends', incidentName: 'Incident name', 'dates.began': 'Began', 'dates.detected': 'Detected', 'dates.determinedMaterial': 'Determined material', 'dates.contained': 'Contained',
};

/** `dates.detected` → `Detected`, `flags.ransomware` → its flag's label, `references.0` → `Cites filing 1`. */
export function factLabel(path: string): string {
  if (FACT_LABELS[path]) return FACT_LABELS[path];
  const [head, rest] = path.split('.', 2) as [string, string | undefined];
  if (head === 'flags' && rest) return FLAG_LABELS[rest as keyof typeof FLAG_LABELS] ?? rest;
  if (head === 'references' && rest) return `Cites an earlier filing (${Number(rest) + 1})`;
  if (head === 'incidents' && rest) return `Incident ${Number(rest) + 1}`;
  return path;
}

/** The incident's title without its company's name in front (the company is shown beside it). */
export function shortTitle(title: string, company: string): string {
  const prefix = `${company}: `;
  if (!title.startsWith(prefix) || title.length === prefix.length) return title;
  const rest = title.slice(prefix.length);
  return rest[0]!.toUpperCase() + rest.slice(1);
}
