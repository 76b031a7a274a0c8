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

// A page's running header or footer, never part of a sentence: "Page 1 of 10" (UnitedHealth's
// releases), "- 2 -", "Table of Contents", "Intel/Page 4".
const PAGE_MARKER = /^(?:[-–—]\s*\d{1,3}\s*[-–—]|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|Table\s+of\s+Contents|[A-Za-z][\w&.’' -]{0,40}\s*[/|]\s*Page\s+\d{1,3})$/i;
const BARE_NUMBER = /^\d{1,3}$/;
const isPageMarker = (t: string): boolean => t.length <= 60 && PAGE_MARKER.test(t);
const LABEL_ONLY = /^\s*(?:PART|ITEM|NOTE|SECTION)\s+(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?[A-Z]?)$/i;

// "ITEM 4. MINE SAFETY DISCLOSURES", "Item 2.02. Results of Operations and Financial Condition",
// "NOTE 7: GOODWILL", "Note 12 — Cybersecurity Incident", "3. Cybersecurity Incident": a label,
// then a title (the label's digits kept these lines from reading as headings).
const LABELLED_HEADING = /^(?:(?:PART|ITEM|NOTE|SECTION)\s+(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?[A-Z]?)(?:\([a-z\d]{1,3}\))?\s*[.:\-–—]?|\d{1,2}[A-Z]?\s*[.:\-–—])\s+(\S.*)$/i;

// A table row ending in two or more figures ("Total $ 127 $ 161", "Total 100.0 % 100.0 %",
// "net income 103 — 103"): a table's text ends there, the paragraph after it is another sentence.
const TABLE_ROW = /(?:[$€£]\s?\(?\d[\d,.]*\)?|\(?\d[\d,.]*\)?\s?%|—)(?:\s+(?:[$€£]\s?)?(?:\(?\d[\d,.]*\)?\s?%?|—))+$/;

// A press release's dateline opens its first paragraph ("SANTA CLARA, Calif.—Aug. 27, 2025―NVIDIA …",
// "NEW YORK, March 3, 2025 /PRNewswire/ -- …", "(December 3, 2024) – UnitedHealth Group …"): what
// stands above it (a headline, the last of the highlights) is not part of that sentence.
const DATELINE = /^(?:[A-Z]{2,}\.?(?:\s+[A-Z]{2,}\.?){0,3},\s+(?:[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)|\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\))/;
// An exhibit's label on a line of its own ("Exhibit 99.1"), above the exhibit's headline.
const EXHIBIT_LABEL = /^Exhibit\s+\d{1,3}(?:\.\d{1,3})?[A-Z]?$/i;

// A cover page's check-box ends its line ("Emerging growth company ☐").
const CHECK_BOX = /[☐☒☑□■¨þý]$/;

// Words a heading never ends on, and words that make a line a clause rather than a title.
const OPEN_END = new Set(['of', 'and', 'the', 'to', 'for', 'on', 'in', 'a', 'an', 'or', 'with', 'by', 'that', 'which', 'its', 'our', 'their', 'as', 'at', 'from', 'into', 'than', 'this', 'these', 'such', 'certain', 'all', 'any', 'no', 'not']);
const CLAUSE_START = /^(?:The|This|These|That|Those|Our|Its|Their|A|An|On|In|As|At|During|After|Before|Upon|While|When|If|Although|For|Since|Such|Certain|Any|All|Some|There|Management|Following)\b/;
const CLAUSE_WORD = /\b(?:is|are|was|were|has|have|had|will|would|may|might|can|could|should|shall|did|does|do|been|being|we|it|they|he|she)\b/i;

/**
 * A short line in title case without commas or a trailing figure: a heading inside a section. A
 * year or quarter may stand in it ("Q1 2024 Dividend", "Fiscal 2025 Outlook"), not a date.
 */
function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 90 || /[\d,;]$/.test(t)) return false;
  const words = t.replace(/[.:]$/, '').split(/\s+/);
  if (words.length < 2) return false;
  const figures = words.filter((w) => /\d/.test(w)).length;
  if (figures > 0 && (/,/.test(t) || (figures >= words.length - 1 && words.length < 3) || words.some((w) => /\d/.test(w) && !/^(?:Q[1-4]|(?:19|20)\d\d|[1-4](?:st|nd|rd|th))$/.test(w)))) return false;
  return words.every((w) => /^[A-Z“"(\d]/.test(w) || SMALL_WORDS.has(w.toLowerCase()) || /^[-–—/&]$/.test(w));
}

/** A heading after a label: "ITEM 7. MANAGEMENT’S DISCUSSION …", "NOTE 7: GOODWILL". */
function isLabelledHeading(line: string): boolean {
  if (line.length > 140) return false;
  const m = LABELLED_HEADING.exec(line.trim());
  if (!m) return false;
  const title = (m[1] ?? '').trim();
  if (title.length > 100 || /[,;]$/.test(title) || /\d/.test(title)) return false;
  // One word suffices after a label ("ITEM 2. PROPERTIES", "Note 7: Goodwill").
  if (!/\s/.test(title.replace(/[.:]$/, ''))) return /^[A-Z][A-Za-z’'-]+[.:]?$/.test(title) && /^(?:PART|ITEM|NOTE|SECTION)\b/i.test(line.trim());
  return isHeadingLine(title);
}

/**
 * A sub-heading in sentence case ("Cybersecurity incident", "Estimation of store shrink",
 * "Restructuring and other charges"): a short line that opens a paragraph, is followed by one,
 * and reads as a title — no digits, no punctuation, no clause words, not ending on a word that
 * needs a continuation. A wrapped line of a rendering ends mid-clause and fails one of these.
 */
function isSubheading(line: string, before: string, next: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > 70 || !/^[A-Z][a-z]/.test(t) || /[\d,;:.!?()“”"’]/.test(t.replace(/’s\b/g, ''))) return false;
  const words = t.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  // "The Company engaged" / "CrowdStrike to assist …" is a clause wrapped before a name.
  if (words.length < 2 || words.length > 8 || OPEN_END.has(last) || /ed$/.test(last) || CLAUSE_WORD.test(t) || CLAUSE_START.test(t)) return false;
  const b = before.trim();
  const opens = b === '' || /[.!?:”"’)]$/.test(b) || isHeadingLine(b) || isLabelledHeading(b);
  return opens && /^[A-Z“"]/.test(next.trim()) && next.trim().length >= 40;
}

/** Joins wrapped lines into paragraphs: '\n' survives only where a paragraph really ends. */
function paragraphBreaks(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = (lines[i - 1] ?? '').trimEnd();
    const line = lines[i] ?? '';
    const next = line.trim();
    // A running header or footer inside a sentence ("… the Company\nPage 2 of 7\nlearned that …",
    // "… the Company\n23\nTable of Contents\nlearned that …"): the sentence goes on across it. A
    // bare number alone is a figure as often as a page number; beside a marker it is the page's.
    if ((BARE_NUMBER.test(next) || isPageMarker(next)) && /[a-z,]$/.test(prev)) {
      let end = i;
      while (end < lines.length && end < i + 3 && (isPageMarker((lines[end] ?? '').trim()) || BARE_NUMBER.test((lines[end] ?? '').trim()))) end++;
      const run = lines.slice(i, end).map((l) => l.trim());
      if (run.some(isPageMarker) && /^[a-z]/.test((lines[end] ?? '').trim())) {
        for (let j = i; j < end; j++) lines[j] = prev;
        i = end - 1;
        continue;
      }
    }
    const p = prev.trim();
    const hard =
      /[.!?:;”"’)]$/.test(prev) && !/^[,;.)]/.test(next) && !(/[”"’)]$/.test(prev) && /^[a-z]/.test(next))
        ? !/\b(?:Inc|Co|Corp|Ltd|No|U\.S|Mr|Ms|Dr)\.$/.test(prev)
        : /^\s*[•●▪◦·\-–]\s/.test(line) ||
          /^\s*[•●▪◦·]/.test(line) ||
          ((isHeadingLine(prev) || isLabelledHeading(prev)) && !/^\s*[a-z]/.test(line)) ||
          prev === '' ||
          isPageMarker(p) ||
          isPageMarker(next) ||
          (BARE_NUMBER.test(p) && /^[A-Z“"]/.test(next) && /[.!?:”"’)]$/.test((lines[i - 2] ?? '').trim())) ||
          CHECK_BOX.test(p) ||
          EXHIBIT_LABEL.test(p) ||
          DATELINE.test(next) ||
          (p.length <= 400 && TABLE_ROW.test(p) && /^[A-Z“"]/.test(next)) ||
          isSubheading(prev, lines[i - 2] ?? '', line);
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
    // A list's bullet inside a line (a rendering that collapsed the list: "… operating
    // performance: • The Weapon Systems …"): an item that opens like a sentence is one; an item in
    // lower case ("included: • isolating systems; • notifying law enforcement") goes on the sentence.
    if (c! > '\u2000' && (c === '•' || c === '●' || c === '▪' || c === '◦' || c === '■') && joined[i - 1] === ' ' && joined[i + 1] === ' ' && /[A-Z“"]/.test(joined[i + 2] ?? '') && /[A-Za-z0-9]/.test(joined.slice(start, i))) {
      push(i);
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
      // A 10-K item named in a sentence: "discussed in “Item 1A. Risk Factors” of the Company’s
      // Annual Report" (Nucor's 8-K) ends no sentence unless a new clause plainly starts.
      if (/[A-C]/.test(joined[i - 1] ?? '') && /\d/.test(joined[i - 2] ?? '') && /\bItems?\s+\d{1,2}[A-C]$/i.test(joined.slice(Math.max(0, i - 12), i)) && !/^(?:The|This|These|We|Our|It|As|On|In|Upon|Based|While|Although|However)\b/.test(joined.slice(k, k + 12))) continue;
      // The label of a heading that opens the line: "ITEM 4. MINE SAFETY DISCLOSURES".
      if (i - start <= 24 && LABEL_ONLY.test(joined.slice(start, i))) continue;
      if (/\d/.test(joined[i - 1] ?? '') && /^\d/.test(next)) continue; // "1.05"
    }
    push(j);
  }
  push(joined.length);
  return out;
}
