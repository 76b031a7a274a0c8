// Number and date wording shared by the renderers, written by hand (not Intl) so that output is
// the same bytes on every machine, whatever its locale or ICU build.

import type { Impact, ItemClass, Materiality, Statistic } from './model.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-02-19` → `19 Feb 2024` */
export function day(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** `19–25 Feb 2024`, `26 Feb – 3 Mar 2024`, `30 Dec 2024 – 5 Jan 2025` */
export function dayRange(start: string, end: string): string {
  const [ys, ms, ds] = start.split('-');
  const [ye, me, de] = end.split('-');
  if (ys !== ye) return `${day(start)} – ${day(end)}`;
  if (ms !== me) return `${Number(ds)} ${MONTHS[Number(ms) - 1]} – ${Number(de)} ${MONTHS[Number(me) - 1]} ${ye}`;
  return `${Number(ds)}–${Number(de)} ${MONTHS[Number(me) - 1]} ${ye}`;
}

/** 0.4444 → `44.4 %`; null → `–` */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

/** Up to two decimals, without trailing zeros; null → `–` */
export function num(value: number | null): string {
  if (value === null) return '–';
  return String(Math.round(value * 100) / 100);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const ITEM_LABELS: Record<ItemClass, string> = { '1.05': 'Item 1.05', '8.01': 'Item 8.01', '7.01': 'Item 7.01', periodic: '10-Q / 10-K', other: 'Other 8-K item' };

export const MATERIALITY_LABELS: Record<Materiality, string> = { material: 'Material', 'not-material': 'Not material', 'not-determined': 'Not yet determined', 'not-stated': 'Not stated' };

export const IMPACT_LABELS: Record<Impact, string> = {
  operationalDisruption: 'Operations disrupted',
  dataAccessed: 'Data accessed or exfiltrated',
  ransomware: 'Ransomware or encryption',
  nationState: 'Nation-state actor',
  thirdParty: 'Via a third party (vendor)',
  lawEnforcementNotified: 'Law enforcement notified',
  disclosureDelayed: 'Disclosure delayed (AG)',
};

/** `median 3 · mean 3.33 · 100.0 % within 4 · n = 1 of 2 (coverage 50.0 %)` */
export function statisticLine(s: Statistic): string {
  if (s.n === 0) return `no incident states both dates (n = 0 of ${s.of})`;
  const within = s.withinFourBusinessDays === null ? '' : ` · ${percent(s.withinFourBusinessDays)} within 4`;
  return `median ${num(s.median)} · mean ${num(s.mean)} · range ${num(s.min)}–${num(s.max)}${within} · n = ${s.n} of ${s.of} (coverage ${percent(s.coverage)})`;
}
