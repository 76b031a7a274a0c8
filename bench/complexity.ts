// `npm run bench:complexity`: how the analyzer's time grows with the size of its input. Every
// stage of the core (submission parse, uudecode, HTML to text, cyd facts, items, sentences,
// classify, dates, flags, impacts) and the whole `analyze` run on adversarial inputs of 1, 4, 16
// and 64 MB (bench/adversarial-inputs.ts); the table prints the best time at each size and the
// ratio between consecutive sizes. Linear work gives ratios near 4, n·log n a little above,
// quadratic work 16. Figures for reading, never asserted here (test/analysis/complexity.test.ts
// checks the ratios at smaller sizes).
//
//   npm run bench:complexity -- [--sizes=1,4,16,64] [--stages=items,analyze] [--shapes=deep-html]

import { analyze } from '../src/analysis/index.ts';
import { incidentEvidence, deniesAttack } from '../src/analysis/classify.ts';
import { extractDates } from '../src/analysis/dates.ts';
import { extractFlags } from '../src/analysis/flags.ts';
import { htmlToText, normalizeText } from '../src/analysis/html-text.ts';
import { impactStatements, materiality } from '../src/analysis/impacts.ts';
import { findItemSections } from '../src/analysis/items.ts';
import { splitSentences, type Sentence } from '../src/analysis/sentences.ts';
import { parseSubmission } from '../src/analysis/submission.ts';
import { uudecode } from '../src/analysis/uudecode.ts';
import { extractCydFacts } from '../src/analysis/xbrl-cyd.ts';
import { shapeNamed, SHAPES } from './adversarial-inputs.ts';

interface Stage {
  name: string;
  /** The shapes that stress it. */
  shapes: readonly string[];
  /** Untimed preparation: what the stage is handed in the analyzer. */
  prepare: (input: Buffer) => unknown;
  run: (prepared: never) => unknown;
}

const text = (b: Buffer): string => normalizeText(b.toString('utf8').replace(/\r\n?/g, '\n'));
const sentences = (b: Buffer): Sentence[] => splitSentences(text(b));
const SENTENCE_SHAPES = ['many-sentences', 'impact-sentences', 'cyber-words', 'long-line', 'many-dates'];

const STAGES: readonly Stage[] = [
  { name: 'submission parse', shapes: ['submission-documents', 'submission-uuencoded'], prepare: (b) => b, run: (b: Buffer) => parseSubmission(b) },
  {
    name: 'uudecode',
    shapes: ['submission-uuencoded'],
    prepare: (b) => {
      const s = b.toString('latin1');
      return s.slice(s.indexOf('begin 644'));
    },
    run: (body: string) => uudecode(body),
  },
  { name: 'html→text', shapes: ['item-headings-html', 'deep-html', 'unclosed-html', 'nested-cyd-facts'], prepare: (b) => b.toString('utf8'), run: (html: string) => htmlToText(html) },
  { name: 'xbrl cyd facts', shapes: ['nested-cyd-facts', 'many-cyd-facts'], prepare: (b) => b.toString('utf8'), run: (html: string) => extractCydFacts(html) },
  { name: 'items', shapes: ['item-headings', 'combined-headings', 'long-line-punctuation', 'long-line'], prepare: text, run: (t: string) => findItemSections(t) },
  { name: 'sentences', shapes: ['many-sentences', 'long-line', 'cyber-words'], prepare: text, run: (t: string) => splitSentences(t) },
  { name: 'classify', shapes: SENTENCE_SHAPES, prepare: sentences, run: (s: Sentence[]) => [incidentEvidence(s), deniesAttack(s)] },
  { name: 'dates', shapes: SENTENCE_SHAPES, prepare: sentences, run: (s: Sentence[]) => extractDates(s, '2025-03-03') },
  { name: 'flags', shapes: SENTENCE_SHAPES, prepare: sentences, run: (s: Sentence[]) => extractFlags(s) },
  { name: 'impacts', shapes: ['impact-sentences', 'many-sentences'], prepare: sentences, run: (s: Sentence[]) => [materiality(s), impactStatements(s)] },
  { name: 'analyze', shapes: SHAPES.map((s) => s.name), prepare: (b) => b, run: (b: Buffer) => analyze(b, { filedAt: '2025-03-03' }) },
];

const args = process.argv.slice(2);
const arg = (name: string): string[] | null => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',') ?? null;
const sizesMb = (arg('sizes') ?? ['1', '4', '16', '64']).map(Number);
const onlyStages = arg('stages');
const onlyShapes = arg('shapes');
if (sizesMb.some((n) => !(n > 0))) {
  console.error('bench:complexity: --sizes takes megabytes, e.g. --sizes=1,4,16');
  process.exit(2);
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * CPU time of this process (garbage collection included), best of a few runs: three at least for
 * the small sizes, and as many as fit in half a second (up to seven) for quick stages, one for
 * slow ones. On a shared machine, wall time measures the neighbours as much as the analyzer.
 */
async function bestMs(stage: Stage, prepared: unknown, mb: number): Promise<number> {
  const minRuns = mb <= 4 ? 3 : 1;
  let best = Infinity;
  let spent = 0;
  for (let i = 0; i < 7 && (i < minRuns || spent < 500); i++) {
    // Start each run with an empty heap, so no run pays for the garbage of the one before.
    collectGarbage();
    const t0 = process.cpuUsage();
    await stage.run(prepared as never);
    const t = process.cpuUsage(t0);
    const ms = (t.user + t.system) / 1000;
    best = Math.min(best, ms);
    spent += ms;
  }
  return best;
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const cell = (s: string, n: number): string => s.padStart(n);

console.log(`cyber8k bench:complexity — Node ${process.version}; best CPU time per size, and time ratio to the size before (×4 input: linear ≈ 4, quadratic ≈ 16)`);
console.log('');
console.log(`${'stage'.padEnd(17)} ${'shape'.padEnd(22)} ${sizesMb.map((mb) => cell(`${mb} MB`, 9)).join(' ')}   ratios          MB/s`);
let worst = { ratio: 0, where: '' };
for (const stage of STAGES) {
  if (onlyStages && !onlyStages.includes(stage.name)) continue;
  for (const shapeName of stage.shapes) {
    if (onlyShapes && !onlyShapes.includes(shapeName)) continue;
    const shape = shapeNamed(shapeName);
    // Warm-up on a small input: the first run pays for compiling the code, not for its input.
    await stage.run(stage.prepare(shape.make(64 * 1024)) as never);
    const times: number[] = [];
    for (const mb of sizesMb) {
      const prepared = stage.prepare(shape.make(Math.round(mb * 1024 * 1024)));
      times.push(await bestMs(stage, prepared, mb));
    }
    const ratios = times.slice(1).map((t, i) => t / Math.max(times[i]!, 0.05));
    // Ratios of a few milliseconds are timer noise, not growth.
    for (const [i, r] of ratios.entries()) {
      if (times[i + 1]! >= 50 && r > worst.ratio) worst = { ratio: r, where: `${stage.name} on ${shapeName}, ${sizesMb[i]} → ${sizesMb[i + 1]} MB` };
    }
    const rate = (sizesMb[sizesMb.length - 1]! / times[times.length - 1]!) * 1000;
    console.log(
      `${stage.name.padEnd(17)} ${shapeName.padEnd(22)} ${times.map((t) => cell(fmtMs(t), 9)).join(' ')}   ${ratios.map((r) => `×${r.toFixed(1)}`.padEnd(5)).join(' ').padEnd(15)} ${rate.toFixed(1).padStart(5)}`,
    );
  }
}
console.log('');
console.log(`largest ratio (over 50 ms): ×${worst.ratio.toFixed(1)} — ${worst.where || 'n/a'}`);
