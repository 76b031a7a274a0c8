// Scoring for `npm run eval`: compares analyses with gold labels field by field, checks that each
// fact's evidence is the sentence the label names, splits the figures by source kind and tells
// how far confidence can be trusted. Pure: labels and analyses in, figures out.

import type { Analysis } from '../src/analysis/types.ts';

/** A label file: what is known of the filing and what it should find (test/fixtures/labels/README.md). */
export interface Label {
  file: string;
  mayCommit?: boolean;
  kind?: string;
  form?: string | null;
  filedAt?: string | null;
  /** The filing's 8-K items as EDGAR lists them: kept for reference, never handed to the analyzer. */
  items?: string[];
  accessionNumber?: string | null;
  cik?: string | null;
  company?: string | null;
  expected: Record<string, unknown>;
  /** Field path → the sentence (or a substring of it) that states the fact. */
  evidence?: Record<string, string>;
}

/** What one document produced: an analysis, or the error that stopped it. */
export type Outcome = { label: Label; analysis: Analysis } | { label: Label; error: string };

export type SourceKind = '8-K original' | '8-K/A and updates' | '8.01/7.01' | 'periodic' | 'negatives';
export const SOURCE_KINDS: readonly SourceKind[] = ['8-K original', '8-K/A and updates', '8.01/7.01', 'periodic', 'negatives'];

const PERIODIC_FORM = /^(?:10-K|10-Q|20-F|40-F|6-K|10-KT|10-QT|ARS)/i;

/** Which kind of source a labelled document is, from its label. */
export function sourceKind(label: Label): SourceKind {
  const e = label.expected;
  if (e.incident !== true) return 'negatives';
  if (label.form && PERIODIC_FORM.test(label.form)) return 'periodic';
  if (e.update === true || /\/A$/i.test(label.form ?? '')) return '8-K/A and updates';
  if (e.item === '8.01' || e.item === '7.01') return '8.01/7.01';
  return '8-K original';
}

/** Flatten `expected` into scored fields: `incident`, `dates.detected`, `flags.ransomware`, … */
export function expectedFields(expected: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(expected)) {
    if ((k === 'dates' || k === 'flags') && v && typeof v === 'object') {
      for (const [kk, vv] of Object.entries(v as Record<string, unknown>)) out.push([`${k}.${kk}`, vv]);
    } else out.push([k, k === 'references' && Array.isArray(v) ? sortReferences(v) : k === 'incidents' && Array.isArray(v) ? sortNames(v) : v]);
  }
  return out;
}

/** Incident names in one order: which incident a filing names first says nothing. */
export function sortNames(names: readonly unknown[]): unknown[] {
  return [...names].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

/** Cited filings in one order, whatever order the label or the filing lists them in. */
export function sortReferences(refs: readonly unknown[]): unknown[] {
  return [...refs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

/** A field of the analysis; `undefined` when the analysis does not have it at all. */
export function actual(a: Analysis, field: string): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const v = (a as unknown as Record<string, unknown>)[head];
  // Labels name the incidents a filing reports, and list the filings it cites in any order.
  if (field === 'incidents' && Array.isArray(v)) return sortNames(v.map((i: { name: string | null }) => i.name));
  if (field === 'references' && Array.isArray(v)) return sortReferences(v);
  if (tail === undefined) return v;
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[tail] : undefined;
}

/** A field is right only when the analysis has it and it equals the label; a missing field is a miss even where the label says null. */
export function fieldRight(got: unknown, expected: unknown): boolean {
  if (got === undefined) return false;
  return JSON.stringify(got) === JSON.stringify(expected ?? null);
}

const squash = (s: string): string =>
  s.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/ ([,.;:)])/g, '$1').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();

/** The analysis's evidence for a field contains the labelled sentence (or substring), whitespace and quote style aside. */
export function evidenceRight(got: string | undefined, expected: string): boolean {
  if (!got) return false;
  return squash(got).includes(squash(expected));
}

export interface Tally {
  right: number;
  total: number;
}
export interface Miss {
  file: string;
  field: string;
  expected: unknown;
  got: unknown;
}
export interface Band {
  label: string;
  min: number;
  max: number;
  docs: number;
  incidentRight: number;
  allRight: number;
}
export interface Scores {
  documents: number;
  errors: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  fields: Map<string, Tally>;
  byKind: Map<SourceKind, Map<string, Tally>>;
  kindDocs: Map<SourceKind, number>;
  evidence: Map<string, Tally>;
  misses: Miss[];
  evidenceMisses: Miss[];
  bands: Band[];
  review: { flagged: number; flaggedAllRight: number; unflagged: number; unflaggedAllRight: number };
}

const BANDS: ReadonlyArray<[string, number, number]> = [
  ['< 0.50', 0, 0.5],
  ['0.50–0.70', 0.5, 0.7],
  ['0.70–0.80', 0.7, 0.8],
  ['0.80–0.90', 0.8, 0.9],
  ['0.90–0.95', 0.9, 0.95],
  ['≥ 0.95', 0.95, Infinity],
];

const bump = (m: Map<string, Tally>, field: string, ok: boolean): void => {
  const t = m.get(field) ?? { right: 0, total: 0 };
  t.total++;
  if (ok) t.right++;
  m.set(field, t);
};

/** Every figure of the eval. A document whose analysis failed counts as wrong on every field it was labelled with. */
export function score(outcomes: readonly Outcome[]): Scores {
  const s: Scores = {
    documents: outcomes.length,
    errors: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
    fields: new Map(),
    byKind: new Map(SOURCE_KINDS.map((k) => [k, new Map()])),
    kindDocs: new Map(SOURCE_KINDS.map((k) => [k, 0])),
    evidence: new Map(),
    misses: [],
    evidenceMisses: [],
    bands: BANDS.map(([label, min, max]) => ({ label, min, max, docs: 0, incidentRight: 0, allRight: 0 })),
    review: { flagged: 0, flaggedAllRight: 0, unflagged: 0, unflaggedAllRight: 0 },
  };
  for (const o of outcomes) {
    const { label } = o;
    const kind = sourceKind(label);
    s.kindDocs.set(kind, (s.kindDocs.get(kind) ?? 0) + 1);
    const a = 'analysis' in o ? o.analysis : null;
    if (!a) s.errors++;
    let allRight = true;
    let incidentRight = false;
    for (const [field, expected] of expectedFields(label.expected)) {
      const got = a ? actual(a, field) : undefined;
      const ok = a !== null && fieldRight(got, expected);
      if (!ok) allRight = false;
      bump(s.fields, field, ok);
      bump(s.byKind.get(kind)!, field, ok);
      if (!ok) s.misses.push({ file: label.file, field, expected, got: a ? got : `error: ${(o as { error: string }).error}` });
      if (field === 'incident') {
        incidentRight = ok;
        // A failed analysis reported nothing: a missed incident, or a false call on a negative.
        const said = a ? got === true : expected !== true;
        if (expected === true && said) s.tp++;
        else if (expected === true) s.fn++;
        else if (said) s.fp++;
        else s.tn++;
      }
    }
    const expectedByField = new Map(expectedFields(label.expected));
    for (const [field, text] of Object.entries(label.evidence ?? {})) {
      // Evidence backs a fact that was found: a null or false field has none to quote.
      const value = expectedByField.get(field);
      if (value === null || value === false || value === undefined) continue;
      const got = a?.evidence?.[field];
      const ok = evidenceRight(got, text);
      bump(s.evidence, field, ok);
      if (!ok) s.evidenceMisses.push({ file: label.file, field, expected: text, got: a ? (got ?? null) : 'error' });
    }
    const confidence = a?.confidence ?? 0;
    const band = s.bands.find((b) => confidence >= b.min && confidence < b.max)!;
    band.docs++;
    if (incidentRight) band.incidentRight++;
    if (allRight) band.allRight++;
    if (a?.review) {
      s.review.flagged++;
      if (allRight) s.review.flaggedAllRight++;
    } else {
      s.review.unflagged++;
      if (allRight) s.review.unflaggedAllRight++;
    }
  }
  return s;
}

/** The done-when targets of the analysis issues, as minimum shares. */
export interface Target {
  name: string;
  min: number;
  value: number | null;
}

const share = (t: Tally | undefined): number | null => (t && t.total > 0 ? t.right / t.total : null);

export function targets(s: Scores): Target[] {
  const out: Target[] = [
    { name: 'incident precision', min: 1, value: s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : null },
    { name: 'incident recall', min: 1, value: s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : null },
    { name: 'item', min: 0.98, value: share(s.fields.get('item')) },
    { name: 'update', min: 0.95, value: share(s.fields.get('update')) },
    { name: 'materialImpact', min: 0.9, value: share(s.fields.get('materialImpact')) },
  ];
  for (const [field, t] of s.fields) if (field.startsWith('dates.') || field.startsWith('flags.')) out.push({ name: field, min: 0.95, value: share(t) });
  const ev = [...s.evidence.values()].reduce((acc, t) => ({ right: acc.right + t.right, total: acc.total + t.total }), { right: 0, total: 0 });
  out.push({ name: 'evidence (all fields)', min: 0.95, value: share(ev) });
  return out;
}

/**
 * The eval's verdict line. Targets are met only on the whole labelled set: with documents not
 * scored (unavailable), it says how many and claims nothing for them.
 */
export function targetsVerdict(missed: readonly Target[], errors: number, scored: number, unavailable: number): string {
  if (missed.length > 0 || errors > 0) return `Targets missed (${missed.length}${errors > 0 ? `, ${errors} failed analyses` : ''}):`;
  if (unavailable > 0) return `Targets: met on the ${scored} scored documents only; ${unavailable} labelled documents were UNAVAILABLE and not scored, so this is a partial set and not all targets are shown to be met.`;
  return 'Targets: all met.';
}

/** Precision among the documents at or above a confidence: the share whose incident call is right. */
export function precisionAtOrAbove(s: Scores, min: number): { docs: number; right: number } {
  const bands = s.bands.filter((b) => b.min >= min);
  return { docs: bands.reduce((n, b) => n + b.docs, 0), right: bands.reduce((n, b) => n + b.incidentRight, 0) };
}
