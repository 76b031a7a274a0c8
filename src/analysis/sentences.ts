// Sentence splitting for filing text. Renderings and HTML both break lines in the middle of
// sentences ("On\nAugust 25, 2025\n,\nWytec…"), so a line break ends a sentence only after
// terminal punctuation, before a bullet, or after a line that reads as a heading.

export interface Sentence {
  text: string;
  /** Offset in the input text. */
  start: number;
}

// Tokens that end in a period without ending the sentence.
const ABBREVIATIONS = new Set(
  [
    'inc', 'co', 'corp', 'ltd', 'llc', 'l.l.c', 'n.a', 'u.s', 'u.k', 'no', 'nos', 'mr', 'ms', 'mrs', 'dr', 'st',
    'jr', 'sr', 'vs', 'e.g', 'i.e', 'etc', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 's.a', 'n.v', 'plc', 'bros', 'dept', 'govt', 'fig', 'sec',
    'ave', 'blvd', 'p.c', 'l.p', 'incl', 'est',
  ].map((a) => a.toLowerCase()),
);

const SMALL_WORDS = new Set(['of', 'and', 'the', 'to', 'for', 'on', 'in', 'a', 'an', 'or', 'regarding', 'with', 'by']);

/** A short line in title case without digits or a trailing comma: a heading inside a section. */
function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 90 || /[\d,;]$/.test(t) || /\d/.test(t)) return false;
  const words = t.replace(/[.:]$/, '').split(/\s+/);
  if (words.length < 2) return false;
  return words.every((w) => /^[A-Z“"(]/.test(w) || SMALL_WORDS.has(w.toLowerCase()) || /^[-–—/&]$/.test(w));
}

/** Joins wrapped lines into paragraphs: '\n' survives only where a paragraph really ends. */
function paragraphBreaks(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = (lines[i - 1] ?? '').trimEnd();
    const line = lines[i] ?? '';
    const hard =
      /[.!?:;”"’)]$/.test(prev) && !/^[,;.)]/.test(line.trim()) && !(/[”"’)]$/.test(prev) && /^[a-z]/.test(line.trim()))
        ? !/\b(?:Inc|Co|Corp|Ltd|No|U\.S|Mr|Ms|Dr)\.$/.test(prev)
        : /^\s*[•●▪◦·\-–]\s/.test(line) || /^\s*[•●▪◦·]/.test(line) || (isHeadingLine(prev) && !/^\s*[a-z]/.test(line)) || prev === '';
    out += (hard ? '\n' : ' ') + line;
  }
  return out;
}

/** Split text into sentences with their offsets (offsets are approximate after line joining). */
export function splitSentences(text: string): Sentence[] {
  // Renderings split words at markup boundaries ("is no t reasonably likely"); rejoin the one
  // split that flips a sentence's meaning.
  const joined = paragraphBreaks(text)
    .replace(/ +([,.;:)])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .replace(/\bno t\b(?= \w)/g, 'not')
    .replace(/\bN o\b(?= [A-Z])/g, 'No');
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const s = joined.slice(start, end).trim();
    if (s.length > 0 && /[A-Za-z0-9]/.test(s)) out.push({ text: s, start });
    start = end;
  };
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Closing quotes and brackets belong to the sentence they end.
    let j = i + 1;
    while (j < joined.length && /[”"’')\]]/.test(joined[j] ?? '')) j++;
    if (j >= joined.length) continue;
    if (joined[j] !== ' ' && joined[j] !== '\n') continue;
    let k = j;
    while (joined[k] === ' ') k++;
    const next = joined[k] ?? '';
    if (!/[A-Z“"‘(\d•]/.test(next)) continue;
    if (c === '.') {
      const word = /([A-Za-z.]+)$/.exec(joined.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      const bare = word.toLowerCase().replace(/^\.+/, '');
      if (ABBREVIATIONS.has(bare)) {
        // "Inc." ends a sentence only when a new clause plainly starts.
        if (!/^(?:The|This|These|We|Our|It|As|On|In|Upon|Based|While|Although|However)\b/.test(joined.slice(k, k + 12))) continue;
      }
      // An initial ("John H. Montgomery"), not a form's letter: "… of Form 8-K. F5 is now filing".
      if (/^[A-Z]$/.test(word) && !/[-\d]/.test(joined[i - 2] ?? '')) continue;
      if (/\d/.test(joined[i - 1] ?? '') && /^\d/.test(next)) continue; // "1.05"
    }
    push(j);
  }
  push(joined.length);
  return out;
}
