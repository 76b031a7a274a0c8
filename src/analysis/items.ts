// Item headings and the sections they open. A heading starts a line: "Item 1.05.", "ITEM 1.05",
// "Item 1.05. Material Cybersecurity Incidents", "I T E M 1.05", "Items 2.02 and 7.01", a 10-K's
// "Item 1C. Cybersecurity", or a known item title standing alone. "$1.05", "as described in
// Item 1.05" and "Item 1.05 of Form 8-K" are not headings: they sit inside a sentence or run on
// in lower case.

import { FORM_8K_ITEM_NUMBERS, FORM_8K_ITEMS, itemNumberForTitle, titleKey } from './item-titles.ts';

export interface ItemSection {
  /** `1.05` for 8-K items, `1C` / `7` / `1A` for 10-K and 10-Q items. */
  item: string;
  title: string;
  /**
   * The section body, without its heading, up to the next heading or boilerplate. Headings
   * stacked over one body ("Item 1.01" / "Item 2.03" / text) each get that body.
   */
  text: string;
  /** The heading carries its item's official title: a real heading, even with no body. */
  titled: boolean;
  /** Offset of the heading in the input text. */
  start: number;
  /**
   * The part of a periodic report the heading stands in ("I", "II"), null before any: a 10-Q
   * numbers its items again in each part (Part I Item 1 "Financial Statements", Part II Item 1
   * "Legal Proceedings").
   */
  part: string | null;
}

// A heading may hang on a rule drawn with characters ("========Item 2.02", "____ Item 7.01"), or
// sit in a table row whose cells a rendering parts with pipes ("Item 1.05 | Material Cybersecurity
// Incidents. |", Brandywine's 8-K as rendered by capedge).
const HEADING =
  /^[\s.:\-–—•=_*#~|]*(?:PART\s+I{1,3}V?\s*[,.:\-–—]?\s*)?I\s?T\s?E\s?M\s?S?(?=[\s.\d]|$)[\s.]*(?:No\.?\s*|Number\s*)?(\d{1,2}(?:\s?\.\s?\d\s?\d)?(?:[A-C](?![a-z]))?)(?![\d%,$])/i;
const MORE_ITEMS = /^\s*(?:,|and|&)\s*(?:Items?\s*)?(\d\.\d\d)\b/i;

// Titles distinctive enough to open a section on their own (renderings often drop the number).
const STANDALONE_TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^[\s.:\-–—=_*#~]*Material\s+Cybersecurity\s+Incidents?\b[.:]?/i, '1.05'],
  [/^[\s.:\-–—=_*#~]*Regulation\s+FD\s+Disclosure\b[.:]?/i, '7.01'],
  [/^[\s.:\-–—=_*#~]*Other\s+Events\b[.:]?(?=\s*$|\s+[A-Z])/, '8.01'],
  [/^[\s.:\-–—=_*#~]*Financial\s+Statements\s+and\s+Exhibits\b[.:]?/i, '9.01'],
  [/^[\s.:\-–—=_*#~]*Results\s+of\s+Operations\s+and\s+Financial\s+Condition\b[.:]?(?=\s*$|\s+[A-Z])/, '2.02'],
];

/** Where the section's own text stops even without a next heading. */
const SECTION_END: RegExp[] = [
  /^\s*SIGNATURES?\b/m,
  /\bSIGNATURES?\s+Pursuant to the requirements\b/i,
  /^[^\n]{0,60}\bForward[-\s]?Looking\s+Statements?\b[^\n.]{0,60}\n/im,
  /^[^\n]{0,40}\bSafe\s+Harbor\b[^\n.]{0,80}\n/im,
  /(?:^|[.!?”"]\s+)(?:(?:Cautionary|Special|Important)\s+(?:Note|Statement|Language|Information)s?\s+(?:Regarding|Concerning|About|on|As\s+to|With\s+Respect\s+to)\s+)?Forward[-\s]?Looking\s+(?:Statements?|Information)\s+(?=[A-Z“"])/m,
  /(?:^|[.!?”"]\s+)Safe\s+Harbor(?:\s+Statement)?s?\s+(?=[A-Z“"])/m,
  /(?:^|[.!?”"]\s+)This\s+(?:Current\s+Report(?:\s+on\s+Form\s+8-K)?|Form\s+8-K|report|press\s+release|communication|document)\b[^.]{0,120}?\b(?:contains?|may\s+contain|includes?)\b[^.]{0,40}forward[-\s]looking\s+statements/im,
  /^\s*EXHIBIT\s+INDEX\b/im,
  /^\s*Exhibit\s+Index\s*$/im,
];

/** Position where boilerplate (signatures, forward-looking statements) begins, or text.length. */
function boilerplateStart(text: string): number {
  let end = text.length;
  for (const re of SECTION_END) {
    const m = re.exec(text);
    if (m && m.index < end) {
      // Keep the sentence end that the pattern consumed.
      const lead = /^[.!?”"]\s+/.exec(m[0]);
      end = m.index + (lead ? lead[0].length : 0);
    }
  }
  return end;
}

/** Text with trailing boilerplate cut off. */
export function cutBoilerplate(text: string): string {
  return text.slice(0, boilerplateStart(text)).trim();
}

interface Heading {
  items: string[];
  title: string;
  titled: boolean;
  start: number;
  bodyStart: number;
  part: string | null;
}

// "PART II — OTHER INFORMATION", "Part I. Financial Information", "PART II, ITEM 1. LEGAL PROCEEDINGS":
// a short line that opens a part (a sentence that names one runs on in lower case).
const PART_LINE = /^[\s.:\-–—•=_*#~]*PART\s+(IV|I{1,3})\b(?![a-z’'])\s*(?:$|[,.:\-–—]|\s+(?=[A-Z]))/i;

/**
 * `text` without the trailing `.` and `:` characters. A loop, not `/[.:]+$/`: V8 retries that
 * regex at every character of a run, which is quadratic in the run's length.
 */
function trimTitleEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ':')) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Each 8-K item's official title: its key, and a regex for as many words as it has. */
const OFFICIAL_TITLES = new Map(
  FORM_8K_ITEMS.map(([n, title]) => [n, { key: titleKey(title), firstWords: new RegExp(`^(?:\\S+\\s+){${title.split(/\s+/).length - 1}}\\S+`) }]),
);

const isItemNumber = (n: string): boolean => (n.includes('.') ? FORM_8K_ITEM_NUMBERS.has(n) : /^(?:[1-9]|1[0-6])[A-C]?$/i.test(n));

/** Split the body of a heading line into the title and whatever body text runs on after it. */
function splitTitle(item: string, rest: string): { title: string; body: string; titled: boolean } | null {
  // A subsection marker is part of the number: "Item 9.01(d). Exhibits".
  const r = rest.replace(/^[\s.:\-–—|]*(?:\((?:[a-z]|[ivx]{1,4}|\d)\)(?=[\s.:\-–—|]|$))?[\s.:\-–—|]*/, '');
  if (r === '') return { title: '', body: '', titled: false };
  const official = OFFICIAL_TITLES.get(item);
  if (official) {
    // The first words of the line, as many as the official title has (the rest may be body); in
    // any case ("Item 1.05 material cybersecurity incidents").
    const m = official.firstWords.exec(r);
    const candidate = (m?.[0] ?? r).split(/\s+/).join(' ');
    if (titleKey(candidate) === official.key || itemNumberForTitle(candidate) === item) {
      const title = trimTitleEnd(m?.[0] ?? candidate);
      return { title, body: r.slice(m?.[0].length ?? candidate.length).replace(/^[\s.:\-–—|]+/, ''), titled: true };
    }
  }
  // A cross-reference or a running sentence: "Item 1.05 of Form 8-K", "Item 7.01 and the exhibit".
  if (/^[a-z(]/.test(r) || /^(?:of|in|to|under|hereof|above|below|herein)\b/i.test(r)) return null;
  // A short line is a title ("Item 1C. Cybersecurity"); a long one is title + run-on body.
  if (r.length <= 120 && !/[.!?]\s+[A-Z]/.test(r.replace(/[.:]$/, ''))) return { title: trimTitleEnd(r), body: '', titled: false };
  const cut = /^(.{3,100}?)[.:]\s+(?=[A-Z])/.exec(r);
  if (cut) return { title: cut[1] ?? '', body: r.slice(cut[0].length), titled: false };
  return { title: '', body: r, titled: false };
}

/** What follows "PART II" on its line when it is the part's title: "— OTHER INFORMATION", ". Financial Information". */
function isPartTitle(rest: string): boolean {
  const r = rest.replace(/^[\s,.:\-–—]+/, '').trim();
  return r === '' || (r.length <= 60 && r.split(/\s+/).every((w) => /^[A-Z(“"]/.test(w) || /^(?:of|and|the|to|for|on|in|a|an|or)$/.test(w)));
}

function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let lineStart = 0;
  let prevLine = '';
  let part: string | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const h = headingInLine(line, prevLine, text, lineStart, lineEnd);
    if (line.length <= 120) {
      const p = PART_LINE.exec(line);
      if (p && (h || isPartTitle(line.slice(p[0].length)))) part = (p[1] ?? '').toUpperCase();
    }
    if (h) headings.push({ ...h, start: lineStart, part });
    prevLine = line;
    lineStart = lineEnd + 1;
    // "Item 1.05." in one cell or block, its title in the next: the title line is part of this
    // heading, not a second heading of its own (which would stand for the item without its number).
    if (h && h.bodyStart > lineStart) {
      prevLine = text.slice(lineStart, h.bodyStart - 1);
      lineStart = h.bodyStart;
    }
  }
  return headings;
}

function headingInLine(
  line: string,
  prevLine: string,
  text: string,
  lineStart: number,
  lineEnd: number,
): { items: string[]; title: string; titled: boolean; bodyStart: number } | null {
  const m = HEADING.exec(line);
  if (m) {
    const item = (m[1] ?? '').replace(/\s+/g, '').toUpperCase();
    if (!isItemNumber(item)) return null;
    // A wrapped sentence ("…required by\nItem 1.05 of Form 8-K") continues the previous line.
    if (/[a-z,]$/.test(prevLine.trim()) && prevLine.length > 60 && !/^\s*ITEM\b/.test(line)) {
      const after = line.slice(m[0].length);
      if (!/^\s*[.:\-–—]?\s*[A-Z]/.test(after)) return null;
    }
    const items = [item];
    let rest = line.slice(m[0].length);
    for (let more = MORE_ITEMS.exec(rest); more; more = MORE_ITEMS.exec(rest)) {
      if (more[1] && isItemNumber(more[1]) && !items.includes(more[1])) items.push(more[1]);
      rest = rest.slice(more[0].length);
    }
    const split = splitTitle(item, rest);
    if (!split) return null;
    let { title, titled } = split;
    let bodyStart = split.body ? lineEnd - split.body.length : lineEnd + 1;
    // "Item 1.05" alone, its title on the next line.
    if (title === '' && split.body === '') {
      const nextEnd = text.indexOf('\n', lineEnd + 1);
      const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd).trim();
      if (next && itemNumberForTitle(trimTitleEnd(next)) === item) {
        title = trimTitleEnd(next);
        titled = true;
        bodyStart = nextEnd < 0 ? text.length : nextEnd + 1;
      }
    }
    return { items, title, titled, bodyStart };
  }
  for (const [re, item] of STANDALONE_TITLES) {
    const t = re.exec(line);
    if (t) {
      const title = trimTitleEnd(t[0].replace(/^[\s.:\-–—=_*#~]+/, '')).trim();
      const body = line.slice(t[0].length).replace(/^[\s.:\-–—]+/, '');
      if (body && /^[a-z]/.test(body)) return null;
      return { items: [item], title, titled: true, bodyStart: body ? lineEnd - body.length : lineEnd + 1 };
    }
  }
  return null;
}

/**
 * Cut text into item sections. Table-of-contents entries (a heading whose item appears again
 * later, with next to nothing under it) are dropped, and a titled-only heading never overrides a
 * numbered one for the same item. 8-K headings stacked with nothing between them share the body
 * under the last of them.
 */
export function findItemSections(text: string): ItemSection[] {
  const headings = findHeadings(text);
  // Where each item is headed last, so "is it headed again later?" costs one lookup. A heading
  // is headed again by one of its own part, or by any when either stands before every part (a
  // table of contents without part lines): Part II's Item 1 does not repeat Part I's.
  const lastHeading = new Map<string, number>();
  headings.forEach((h, i) => {
    for (const it of h.items) {
      lastHeading.set(it, i);
      lastHeading.set(`${h.part ?? ''}|${it}`, i);
    }
  });
  const laterSame = (i: number): boolean => {
    const h = headings[i]!;
    return h.items.some((it) => (lastHeading.get(h.part === null ? it : `${h.part}|${it}`) ?? -1) > i || (h.part !== null && (lastHeading.get(`|${it}`) ?? -1) > i));
  };
  const bodies = headings.map((h, i) => {
    const next = headings[i + 1];
    const rawEnd = next ? next.start : text.length;
    return h.bodyStart < rawEnd ? text.slice(h.bodyStart, rawEnd) : '';
  });
  // From the last heading back, so a stack of any height takes the body under its last heading.
  // Only 8-K items stack (a 10-K's table of contents is a column of bodiless headings too), and
  // never onto Item 9.01, whose body is its own list of exhibits.
  const shared = new Array<string>(headings.length);
  const stacks = (h: Heading): boolean => h.items.every((it) => it.includes('.') && it !== '9.01');
  for (let i = headings.length - 1; i >= 0; i--) {
    const stacked = bodies[i]!.trim() === '' && i + 1 < headings.length && !laterSame(i) && stacks(headings[i]!) && stacks(headings[i + 1]!);
    shared[i] = stacked ? shared[i + 1]! : cutBoilerplate(bodies[i]!);
  }
  const sections: ItemSection[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const body = shared[i]!;
    if (laterSame(i) && body.replace(/[\d\s.]+/g, '').length < 80) continue;
    for (const item of h.items) sections.push({ item, title: h.title, titled: h.titled, text: body, start: h.start, part: h.part });
  }
  // Keep one section per item of a part: the longest (a repeated heading is a TOC line or a running header).
  const best = new Map<string, ItemSection>();
  const key = (s: ItemSection): string => `${s.part ?? ''}|${s.item}`;
  for (const s of sections) {
    const b = best.get(key(s));
    if (!b || s.text.length > b.text.length) best.set(key(s), s);
  }
  return sections.filter((s) => best.get(key(s)) === s);
}
