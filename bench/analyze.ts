// `npm run bench:analyze`: throughput and memory of the analysis core on the fixture corpus, on
// one core (the analyzer is synchronous apart from PDF reading, so this process uses one).
// Prints filings per second by kind of input, time per stage (parse, text, classify, extract) and
// peak RSS and heap. With --shared, also the documents of ../shared/corpus that may not be
// committed. Numbers are for reading, never asserted.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type Stage } from '../src/analysis/index.ts';
import { decodeBytes, detectKind } from '../src/analysis/input.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(REPO, 'test/fixtures/corpus');
const SHARED = process.env.CYBER8K_SHARED_CORPUS ?? resolve(REPO, '../shared/corpus');
const args = process.argv.slice(2);
const useShared = args.includes('--shared');
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 3);

// Filings, not EDGAR's other responses (feeds, indexes, JSON, error pages).
const FOLDERS = ['raw/item105', 'raw/item105-amend', 'raw/item801-701', 'raw/negatives', 'raw/periodic'];
const FORMAT_FILINGS = /^8k-.*\.(?:txt|htm)$/;

interface Doc {
  path: string;
  bytes: Buffer;
  category: string;
}

function categoryOf(name: string, bytes: Buffer): string {
  const kind = detectKind(decodeBytes(bytes.subarray(0, 8192)), bytes);
  if (kind === 'submission') return '8-K complete submissions';
  if (kind === 'cyd-ndjson') return '10-K cyd facts (NDJSON)';
  if (kind === 'html') return /10-?k/i.test(name) ? '10-K primary documents (HTML)' : '8-K primary documents (HTML/iXBRL)';
  return '8-K item texts (renderings)';
}

function collect(base: string): Doc[] {
  const docs: Doc[] = [];
  for (const folder of [...FOLDERS, 'raw/formats']) {
    const dir = join(base, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (folder === 'raw/formats' && !FORMAT_FILINGS.test(name)) continue;
      if (folder === 'raw/formats' && name.endsWith('-index.html')) continue;
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      docs.push({ path: join(folder, name), bytes, category: categoryOf(name, bytes) });
    }
  }
  return docs;
}

const docs = new Map<string, Doc>();
for (const d of collect(FIXTURES)) docs.set(d.path, d);
if (useShared) for (const d of collect(SHARED)) if (!docs.has(d.path)) docs.set(d.path, d);
const corpus = [...docs.values()];
if (corpus.length === 0) {
  console.error(`bench: no documents under ${FIXTURES}`);
  process.exit(2);
}

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
};

interface Tally {
  files: number;
  bytes: number;
  ms: number;
  stages: Record<Stage, number>;
}
const newTally = (): Tally => ({ files: 0, bytes: 0, ms: 0, stages: { parse: 0, text: 0, classify: 0, extract: 0 } });

async function pass(tallies: Map<string, Tally>): Promise<void> {
  for (const d of corpus) {
    const t = tallies.get(d.category) ?? newTally();
    tallies.set(d.category, t);
    const start = performance.now();
    await analyze(d.bytes, { source: d.path }, (stage, ms) => (t.stages[stage] += ms));
    t.ms += performance.now() - start;
    t.files++;
    t.bytes += d.bytes.length;
    sample();
  }
}

// Baseline in the same process: decoding the bytes and one regex scan, the floor for any analyzer.
function baseline(): number {
  const start = performance.now();
  let n = 0;
  for (const d of corpus) n += (decodeBytes(d.bytes).match(/cyber/gi) ?? []).length;
  if (n < 0) console.log(n);
  return performance.now() - start;
}

await pass(new Map()); // warm-up: JIT and pdf.js initialisation
const tallies = new Map<string, Tally>();
let passes = 0;
const began = performance.now();
while (performance.now() - began < seconds * 1000 || passes < 2) {
  await pass(tallies);
  passes++;
}
let baseMs = 0;
for (let i = 0; i < passes; i++) baseMs += baseline();

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const total = newTally();
const lines: string[] = [];
lines.push(`cyber8k bench:analyze — ${corpus.length} documents${useShared ? ' (fixtures + shared corpus)' : ' (fixtures)'}, ${passes} passes, Node ${process.version}`);
lines.push('');
lines.push(`${'kind'.padEnd(36)} ${'docs'.padStart(5)} ${'avg KB'.padStart(8)} ${'filings/s'.padStart(10)} ${'ms/filing'.padStart(10)}   parse / text / classify / extract (ms per filing)`);
for (const [category, t] of [...tallies].sort()) {
  const per = (x: number): string => (x / t.files).toFixed(2);
  lines.push(
    `${category.padEnd(36)} ${String(t.files / passes).padStart(5)} ${(t.bytes / t.files / 1024).toFixed(0).padStart(8)} ${((1000 * t.files) / t.ms).toFixed(0).padStart(10)} ${per(t.ms).padStart(10)}   ${per(t.stages.parse)} / ${per(t.stages.text)} / ${per(t.stages.classify)} / ${per(t.stages.extract)}`,
  );
  total.files += t.files;
  total.bytes += t.bytes;
  total.ms += t.ms;
  for (const s of Object.keys(total.stages) as Stage[]) total.stages[s] += t.stages[s];
}
lines.push(`${'all'.padEnd(36)} ${String(total.files / passes).padStart(5)} ${(total.bytes / total.files / 1024).toFixed(0).padStart(8)} ${((1000 * total.files) / total.ms).toFixed(0).padStart(10)} ${(total.ms / total.files).toFixed(2).padStart(10)}`);
lines.push('');
const stageTotal = Object.values(total.stages).reduce((a, b) => a + b, 0);
lines.push(
  `stages: ${(Object.entries(total.stages) as Array<[Stage, number]>).map(([s, ms]) => `${s} ${((100 * ms) / stageTotal).toFixed(0)}%`).join(', ')}`,
);
lines.push(`baseline (decode + one regex scan): ${((1000 * total.files) / baseMs).toFixed(0)} filings/s; analyze is ${(total.ms / baseMs).toFixed(1)}× the baseline's time`);
lines.push(`peak memory: RSS ${mb(peakRss)}, heap used ${mb(peakHeap)}`);
lines.push(`fixture root: ${relative(REPO, FIXTURES)}${useShared ? `, shared: ${SHARED}` : ''}`);
console.log(lines.join('\n'));
