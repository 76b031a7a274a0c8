// Marks each fact's evidence sentence in the text of the filing it came from. The analyzer's
// sentences and the stored text differ in whitespace only (line breaks, runs of spaces), so both
// are compared with whitespace collapsed; a sentence that is not found (it came from an exhibit or
// a table) is listed apart rather than dropped.

import { factLabel } from './format.ts';
import { html, raw, escapeHtml, type SafeHtml } from './html.ts';

export interface Evidence {
  /** The facts this sentence is the evidence of, e.g. `dates.detected`, `flags.ransomware`. */
  facts: string[];
  sentence: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Evidence grouped by sentence (one sentence often proves several facts), in the record's order. */
export function evidenceBySentence(evidence: Record<string, string>): Evidence[] {
  const bySentence = new Map<string, string[]>();
  for (const [fact, sentence] of Object.entries(evidence)) {
    const key = collapse(sentence);
    if (!key) continue;
    bySentence.set(key, [...(bySentence.get(key) ?? []), fact]);
  }
  return [...bySentence].map(([sentence, facts]) => ({ sentence, facts }));
}

/**
 * The text as paragraphs. A document's text keeps the line breaks of its HTML's inline elements
 * and table cells ("On\nAugust 25, 2025\n, the Company…"), so a line that does not end a
 * sentence runs on into the next; a blank line, or a line ending in . ! ? : ; (or a closing quote
 * after one), ends a paragraph.
 */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = collapse(line);
    if (!trimmed) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current = current ? `${current}${/^[,.;:)]/.test(trimmed) ? '' : ' '}${trimmed}` : trimmed;
    if (/[.!?:;]["”’)]?$/.test(trimmed)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

export interface Highlighted {
  /** The text as paragraphs, every evidence sentence found in it inside <mark>. */
  text: SafeHtml;
  /** The evidence that is not in the text. */
  notFound: Evidence[];
}

export function highlightEvidence(text: string, evidence: Evidence[]): Highlighted {
  const paragraphs = paragraphsOf(text);
  const found = new Set<Evidence>();
  const rendered = paragraphs.map((p) => {
    const ranges: Array<{ start: number; end: number; facts: string[] }> = [];
    for (const e of evidence) {
      let at = p.indexOf(e.sentence);
      while (at !== -1) {
        ranges.push({ start: at, end: at + e.sentence.length, facts: e.facts });
        found.add(e);
        at = p.indexOf(e.sentence, at + e.sentence.length);
      }
    }
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    // A sentence inside (or overlapping) one already marked is part of that mark, its facts too.
    const marks: typeof ranges = [];
    for (const r of ranges) {
      const last = marks.at(-1);
      if (last && r.start < last.end) {
        last.facts = [...new Set([...last.facts, ...r.facts])];
        last.end = Math.max(last.end, r.end);
      } else marks.push({ ...r });
    }
    let out = '';
    let pos = 0;
    for (const r of marks) {
      out += escapeHtml(p.slice(pos, r.start));
      out += `<mark title="${escapeHtml(r.facts.map(factLabel).join(', '))}" data-facts="${escapeHtml(r.facts.join(' '))}">${escapeHtml(p.slice(r.start, r.end))}</mark>`;
      pos = r.end;
    }
    out += escapeHtml(p.slice(pos));
    return html`<p>${raw(out)}</p>`;
  });
  return { text: html`${rendered}`, notFound: evidence.filter((e) => !found.has(e)) };
}
