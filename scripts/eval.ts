// `npm run eval`: scores the analyzer against the labelled real filings in test/fixtures/labels.
// Prints incident precision and recall, per-field accuracy (overall and by source kind), evidence
// accuracy per field, a reliability table (confidence band → share of right calls), the share of
// analyses flagged `review`, and every miss. Exits 1 when a done-when target is missed
// (`--no-targets` only reports). Documents come from test/fixtures/corpus, or, for files that
// may not be committed, from the shared corpus (CYBER8K_SHARED_CORPUS, default
// <repo>/../shared/corpus); unavailable files are listed and not scored.
//
// The analyzer gets what an index or feed would tell about a filing (form, filing date,
// accession, CIK, company) but never the label's `items`: the item must come from the file.
//
// The same scorer runs on another labelled set (a held-out set kept outside the repository):
//   npm run eval -- --labels <dir> --docs <dir>
// or CYBER8K_EVAL_LABELS / CYBER8K_EVAL_DOCS. Documents are then looked up in <docs> only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisContext } from '../src/analysis/index.ts';
import { precisionAtOrAbove, score, SOURCE_KINDS, targets, targetsVerdict, type Label, type Outcome, type Tally } from './eval-score.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function argValue(name: string): string | undefined {
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

const fmt = (v: unknown): string => (v === undefined ? '—' : JSON.stringify(v));
const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const cell = (t: Tally | undefined): string => (t && t.total > 0 ? `${pct(t.right, t.total)} ${String(t.right).padStart(3)}/${String(t.total).padEnd(3)}` : '        —      ');
const order = (f: string): number => ['incident', 'item', 'update', 'materialImpact'].indexOf(f) + 1 || (f.startsWith('dates.') ? 10 : f.startsWith('flags.') ? 20 : 30);
const byOrder = (x: string, y: string): number => order(x) - order(y) || x.localeCompare(y);

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
  const outcomes: Outcome[] = [];
  for (const label of labels) {
    const path = locate(label.file);
    if (!path) {
      unavailable.push(label.file);
      continue;
    }
    const { form, filedAt, accessionNumber, cik, company } = label;
    const context: AnalysisContext = { source: label.file, form, filedAt, accessionNumber, cik, company };
    try {
      outcomes.push({ label, analysis: await analyze(readFileSync(path), context) });
    } catch (err) {
      outcomes.push({ label, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const s = score(outcomes);

  const out: string[] = [];
  out.push(`cyber8k eval — ${outcomes.length} of ${labels.length} labelled documents scored (labels: ${LABELS})`);
  if (s.errors > 0) out.push(`  ${s.errors} analyses failed and count as wrong on every field`);
  if (unavailable.length > 0) {
    out.push('', `UNAVAILABLE (${unavailable.length}, not scored; looked in ${DOC_DIRS.join(', ')}):`);
    for (const f of unavailable) out.push(`  ${f}`);
  }
  out.push('', 'Incident');
  out.push(`  precision ${pct(s.tp, s.tp + s.fp)}  (${s.tp} of ${s.tp + s.fp} reported incidents are real)`);
  out.push(`  recall    ${pct(s.tp, s.tp + s.fn)}  (${s.tp} of ${s.tp + s.fn} real incidents found)`);
  out.push(`  tp ${s.tp}  fp ${s.fp}  fn ${s.fn}  tn ${s.tn}`);

  const fields = [...s.fields.keys()].sort(byOrder);
  out.push('', `Per-field accuracy (exact match) — all, then by source kind (${SOURCE_KINDS.map((k) => `${k}: ${s.kindDocs.get(k)}`).join(', ')} documents)`);
  out.push(`  ${'field'.padEnd(28)} ${'all'.padEnd(16)} ${SOURCE_KINDS.map((k) => k.padEnd(16)).join(' ')}`);
  for (const field of fields) {
    out.push(`  ${field.padEnd(28)} ${cell(s.fields.get(field))} ${SOURCE_KINDS.map((k) => cell(s.byKind.get(k)?.get(field))).join(' ')}`);
  }

  out.push('', 'Evidence accuracy (the analysis quotes the labelled sentence)');
  let evRight = 0;
  let evTotal = 0;
  for (const field of [...s.evidence.keys()].sort(byOrder)) {
    const t = s.evidence.get(field)!;
    evRight += t.right;
    evTotal += t.total;
    out.push(`  ${field.padEnd(28)} ${cell(t)}`);
  }
  out.push(`  ${'all fields'.padEnd(28)} ${cell({ right: evRight, total: evTotal })}`);

  out.push('', 'Reliability (confidence band → share of documents whose incident call / every field is right)');
  for (const b of s.bands) out.push(`  ${b.label.padEnd(10)} ${String(b.docs).padStart(4)} docs   incident ${pct(b.incidentRight, b.docs)}   all fields ${pct(b.allRight, b.docs)}`);
  const hi = precisionAtOrAbove(s, 0.9);
  out.push(`  precision at confidence ≥ 0.9: ${pct(hi.right, hi.docs)} (${hi.right} of ${hi.docs})`);
  const r = s.review;
  out.push(`  review: true on ${pct(r.flagged, r.flagged + r.unflagged)} of analyses (${r.flagged}); all fields right ${pct(r.flaggedAllRight, r.flagged)} of flagged vs ${pct(r.unflaggedAllRight, r.unflagged)} of the rest`);

  const missed = targets(s).filter((t) => t.value !== null && t.value < t.min);
  out.push('', targetsVerdict(missed, s.errors, outcomes.length, unavailable.length));
  for (const t of missed) out.push(`  ${t.name.padEnd(28)} ${(100 * (t.value ?? 0)).toFixed(1)}% < ${(100 * t.min).toFixed(0)}%`);

  out.push('', s.misses.length === 0 ? 'No misses.' : `Misses (${s.misses.length}):`);
  for (const m of s.misses) out.push(`  ${m.file}  ${m.field}: expected ${fmt(m.expected)}, got ${fmt(m.got)}`);
  if (s.evidenceMisses.length > 0) {
    out.push('', `Evidence misses (${s.evidenceMisses.length}):`);
    for (const m of s.evidenceMisses) out.push(`  ${m.file}  ${m.field}: expected ${fmt(m.expected)}, got ${fmt(m.got)}`);
  }
  console.log(out.join('\n'));
  if (args.includes('--no-targets')) return 0;
  return missed.length > 0 || s.errors > 0 ? 1 : 0;
}

process.exitCode = await main();
