// `npm run eval`: scores the analyzer against the labelled real filings in test/fixtures/labels.
// Prints incident precision and recall, per-field accuracy and every miss. Documents come from
// test/fixtures/corpus, or, for files that may not be committed, from the shared corpus
// (CYBER8K_SHARED_CORPUS, default <repo>/../shared/corpus); unavailable files are listed.
//
// The same scorer runs on another labelled set (a held-out set kept outside the repository):
//   npm run eval -- --labels <dir> --docs <dir>
// or CYBER8K_EVAL_LABELS / CYBER8K_EVAL_DOCS. Documents are then looked up in <docs> only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisContext } from '../src/analysis/index.ts';
import type { Analysis } from '../src/analysis/types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const labelsArg = argValue('--labels') ?? process.env.CYBER8K_EVAL_LABELS;
const docsArg = argValue('--docs') ?? process.env.CYBER8K_EVAL_DOCS;
const LABELS = labelsArg ? resolve(labelsArg) : join(REPO, 'test/fixtures/labels');
const FIXTURES = join(REPO, 'test/fixtures/corpus');
const SHARED = process.env.CYBER8K_SHARED_CORPUS ?? resolve(REPO, '../shared/corpus');
/** Where documents are looked for, in order. */
const DOC_DIRS = docsArg ? [resolve(docsArg)] : labelsArg ? [LABELS] : [FIXTURES, SHARED];

/** A label file: what is known of the filing (handed to the analyzer as its context) and what it should find. */
interface Label extends Pick<AnalysisContext, 'form' | 'filedAt' | 'items' | 'accessionNumber' | 'cik' | 'company'> {
  file: string;
  mayCommit?: boolean;
  expected: Record<string, unknown>;
}

interface Miss {
  file: string;
  field: string;
  expected: unknown;
  got: unknown;
}

const fmt = (v: unknown): string => (v === undefined ? '—' : JSON.stringify(v));
const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** Flatten `expected` into scored fields: `incident`, `dates.detected`, `flags.ransomware`, … */
function expectedFields(expected: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(expected)) {
    if ((k === 'dates' || k === 'flags') && v && typeof v === 'object') {
      for (const [kk, vv] of Object.entries(v as Record<string, unknown>)) out.push([`${k}.${kk}`, vv]);
    } else out.push([k, v]);
  }
  return out;
}

function actual(a: Analysis, field: string): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const v = (a as unknown as Record<string, unknown>)[head];
  return tail !== undefined && v && typeof v === 'object' ? (v as Record<string, unknown>)[tail] : v;
}

function locate(file: string): string | null {
  for (const base of DOC_DIRS) {
    const p = join(base, file);
    if (existsSync(p)) return p;
  }
  return null;
}

async function main(): Promise<number> {
  if (!existsSync(LABELS)) {
    console.error(`eval: no labels at ${LABELS}`);
    return 2;
  }
  const labels = readdirSync(LABELS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(LABELS, f), 'utf8')) as Label);

  const unavailable: string[] = [];
  const misses: Miss[] = [];
  const fieldTotals = new Map<string, { right: number; total: number }>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let scored = 0;

  for (const label of labels) {
    const path = locate(label.file);
    if (!path) {
      unavailable.push(label.file);
      continue;
    }
    const { form, filedAt, items, accessionNumber, cik, company } = label;
    const context: AnalysisContext = { source: label.file, form, filedAt, items, accessionNumber, cik, company };
    let a: Analysis;
    try {
      a = await analyze(readFileSync(path), context);
    } catch (err) {
      misses.push({ file: label.file, field: 'error', expected: 'an analysis', got: err instanceof Error ? err.message : String(err) });
      continue;
    }
    scored++;
    for (const [field, expected] of expectedFields(label.expected)) {
      const got = actual(a, field);
      const ok = JSON.stringify(got ?? null) === JSON.stringify(expected ?? null);
      const t = fieldTotals.get(field) ?? { right: 0, total: 0 };
      t.total++;
      if (ok) t.right++;
      fieldTotals.set(field, t);
      if (!ok) misses.push({ file: label.file, field, expected, got });
      if (field === 'incident') {
        if (expected === true && got === true) tp++;
        else if (expected === false && got === true) fp++;
        else if (expected === true) fn++;
        else tn++;
      }
    }
  }

  const out: string[] = [];
  out.push(`cyber8k eval — ${scored} of ${labels.length} labelled documents scored (labels: ${LABELS})`);
  if (unavailable.length > 0) {
    out.push('', `UNAVAILABLE (${unavailable.length}, not scored; looked in ${DOC_DIRS.join(', ')}):`);
    for (const f of unavailable) out.push(`  ${f}`);
  }
  out.push('', 'Incident');
  out.push(`  precision ${pct(tp, tp + fp)}  (${tp} of ${tp + fp} reported incidents are real)`);
  out.push(`  recall    ${pct(tp, tp + fn)}  (${tp} of ${tp + fn} real incidents found)`);
  out.push(`  tp ${tp}  fp ${fp}  fn ${fn}  tn ${tn}`);
  out.push('', 'Per-field accuracy (exact match)');
  const order = (f: string): number => ['incident', 'item', 'update', 'materialImpact'].indexOf(f) + 1 || (f.startsWith('dates.') ? 10 : f.startsWith('flags.') ? 20 : 30);
  for (const [field, t] of [...fieldTotals].sort((x, y) => order(x[0]) - order(y[0]) || x[0].localeCompare(y[0]))) {
    out.push(`  ${field.padEnd(30)} ${pct(t.right, t.total)}  ${String(t.right).padStart(3)}/${t.total}`);
  }
  out.push('', misses.length === 0 ? 'No misses.' : `Misses (${misses.length}):`);
  for (const m of misses) out.push(`  ${m.file}  ${m.field}: expected ${fmt(m.expected)}, got ${fmt(m.got)}`);
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = await main();
