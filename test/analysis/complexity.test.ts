// The analyzer's work grows linearly with its input: each stage that was once quadratic is timed
// on an adversarial input of size x and 4x (bench/adversarial-inputs.ts). What is asserted is the
// ratio of the two CPU times, never a time: linear work gives about 4, quadratic work 16, so the
// bound of 8 leaves room for a noisy machine. `npm run bench:complexity` prints the full table.

import { describe, expect, it } from 'vitest';
import { shapeNamed } from '../../bench/adversarial-inputs.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { extractDates } from '../../src/analysis/dates.ts';
import { htmlToText, normalizeText } from '../../src/analysis/html-text.ts';
import { findItemSections } from '../../src/analysis/items.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import { extractCydFacts } from '../../src/analysis/xbrl-cyd.ts';

interface Case {
  behaviour: string;
  shape: string;
  /** Size x, in KB; the second run is 4x. */
  kb: number;
  prepare: (input: Buffer) => unknown;
  run: (prepared: never) => unknown;
}

const text = (b: Buffer): string => normalizeText(b.toString('utf8'));

const CASES: Case[] = [
  { behaviour: 'sections a text with an item heading on every line', shape: 'item-headings', kb: 1024, prepare: text, run: (t: string) => findItemSections(t) },
  { behaviour: 'trims a heading’s title that is one long run of dots and colons', shape: 'long-line-punctuation', kb: 512, prepare: text, run: (t: string) => findItemSections(t) },
  { behaviour: 'reads HTML nested very deep', shape: 'deep-html', kb: 512, prepare: (b) => b.toString('utf8'), run: (h: string) => htmlToText(h) },
  { behaviour: 'reads HTML with stray end tags under unclosed elements', shape: 'unclosed-html', kb: 512, prepare: (b) => b.toString('utf8'), run: (h: string) => htmlToText(h) },
  { behaviour: 'collects cyd: facts nested inside each other', shape: 'nested-cyd-facts', kb: 256, prepare: (b) => b.toString('utf8'), run: (h: string) => extractCydFacts(h) },
  { behaviour: 'dates a sentence holding a great many dates', shape: 'many-dates', kb: 256, prepare: (b) => splitSentences(text(b)), run: (s: never) => extractDates(s, '2025-03-03') },
  { behaviour: 'splits a submission whose documents lack </DOCUMENT>', shape: 'submission-documents', kb: 512, prepare: (b) => b, run: (b: Buffer) => parseSubmission(b) },
  { behaviour: 'looks up the form among many dei:DocumentType tags', shape: 'dei-tags', kb: 64, prepare: (b) => b, run: (b: Buffer) => analyze(b) },
  { behaviour: 'analyzes one huge line with no sentence end', shape: 'long-line', kb: 256, prepare: (b) => b, run: (b: Buffer) => analyze(b, { filedAt: '2025-03-03' }) },
];

/** Best of three CPU times (this process, garbage collection included), in ms. */
async function cpuMs(run: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.cpuUsage();
    await run();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

describe('analysis cost grows linearly with the input', () => {
  for (const c of CASES) {
    it(`${c.behaviour}: 4× the input costs less than 8× the time`, async () => {
      const shape = shapeNamed(c.shape);
      const small = c.prepare(shape.make(c.kb * 1024));
      const large = c.prepare(shape.make(4 * c.kb * 1024));
      await c.run(c.prepare(shape.make(16 * 1024)) as never); // compile before timing
      // A neighbour's burst of work can spoil one measurement; a super-linear stage fails all three.
      const ratios: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const ratio = (await cpuMs(() => c.run(large as never))) / Math.max(0.5, await cpuMs(() => c.run(small as never)));
        ratios.push(Number(ratio.toFixed(1)));
        if (ratio < 8) break;
      }
      expect(Math.min(...ratios), `time ratios 4x/x: ${ratios.join(', ')}`).toBeLessThan(8);
    });
  }
});
