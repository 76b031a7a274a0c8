// The earlier filings a filing cites: "our Current Report on Form 8-K filed on October 15, 2025",
// "as previously disclosed in our Form 10-Q for the quarter ended September 30, 2025", "two Item
// 7.01 Current Reports on Form 8-K, furnished to the SEC on March 12, 2026, and March 23, 2026".
// Threading joins a follow-up to the filing it points back to, so a citation counts only when it
// points back: the filing's own "this Current Report", a report it "will file", "Item 1.05 of
// Form 8-K" and the risk-factor cross-references of forward-looking boilerplate do not.

import { findDates, type DateMention } from './dates.ts';
import type { Sentence } from './sentences.ts';
import type { FilingReference } from './types.ts';

/** One citation of another filing, with where it was found. */
export interface Citation extends FilingReference {
  /** The term the filing defines for it right after the citation ("Original Report"), if any. */
  defines: string | null;
  sentence: string;
}

const FORMS = '8-K|10-Q|10-K|6-K|20-F|40-F|10-KT|10-QT';
const SEC = String.raw`(?:the\s+)?(?:SEC|Commission|Securities\s+and\s+Exchange\s+Commission)`;
// "Current Report on Form 8-K", "Current Report filed by the Company on Form 8-K", "Quarterly
// Reports on Form 10-Q", "Form 8-K/A", a bare "Current Report", and "our 8-K filed …".
const MENTION = new RegExp(
  String.raw`\b(?:(Current|Quarterly|Annual)\s+Reports?(?:\s+(?:(?:filed|furnished)\s+(?:by\s+[^,.;()]{1,60}?\s+|with\s+${SEC}\s+)?)?on\s+Forms?\s+(${FORMS})(\/A)?)?` +
    String.raw`|Forms?\s+(${FORMS})(\/A)?` +
    String.raw`|(?<=\b(?:our|its|their|the|an?|prior|previous|earlier|original|initial)\s)(${FORMS})(\/A)?(?=\s+(?:filed|furnished|dated|for|on|that|which|\())` +
    String.raw`)(?![\w-])`,
  'g',
);
const FORM_OF_REPORT: Record<string, string> = { current: '8-K', quarterly: '10-Q', annual: '10-K' };

/** The sentence reads as boilerplate whose citations never point at an incident disclosure. */
const BOILERPLATE = /forward[-\s]looking|\brisk\s+factors\b|\brisks\s+(?:and\s+uncertainties\s+)?(?:listed|described|discussed|detailed|identified|set\s+forth)|incorporated\s+(?:herein\s+)?by\s+reference|\bExhibit\s+\d|filing\s+is\s+intended\s+to\s+simultaneously/i;
/** "this Current Report", "these reports": the filing speaking of itself. */
const SELF = /\b(?:this|these|the\s+present)\s+(?:amended\s+)?$/i;
/** A report still to come: "will file an amendment to", "intends to furnish a Current Report". */
const FUTURE = /\b(?:will|shall|would|may|intends?\s+to|expects?\s+to|plans?\s+to|undertakes?\s+to|required\s+to|obligat\w+\s+to)\s+(?:\w+\s+){0,2}?(?:file|furnish|amend|update|supplement)\w*\b[^.;]{0,60}$|\b(?:preparation\s+(?:of|for)|in\s+connection\s+with\s+the\s+(?:preparation|filing)\s+of|prior\s+to\s+the\s+filing\s+of|the\s+(?:upcoming|forthcoming|next))\b[^.;]{0,80}$/i;
/** "…, which the Company expects to release in mid-November": the cited report is not filed yet. */
const NOT_YET_FILED = /^[^.;]{0,120}?\b(?:expects?|intends?|plans?)\s+to\s+(?:file|release|furnish|issue)\b|^[^.;]{0,40}?\b(?:to\s+be\s+filed|not\s+yet\s+(?:been\s+)?filed)/i;
/** A rule, not a filing: "Item 1.05 of Form 8-K", "pursuant to General Instruction B.2 of Form 8-K". */
const RULE = /(?:\bItems?\s+\d{1,2}\.\d{2}(?:\s*\([a-z]\))?(?:\s+and\s+\d{1,2}\.\d{2})?|\bInstructions?\s+[\w.]+|\brequirements?|\bpurposes)\s+(?:of|to|under)\s+(?:the\s+)?$|\b(?:under|pursuant\s+to)\s+$/i;
/** The clause before the citation says it told something: "as disclosed in", "previously reported on". */
const CITED_FOR = /\b(?:disclosed|reported|announced|described|set\s+forth|discussed|detailed|noted|stated|explained|referenced|included|provided|filed|furnished|amends?|supplements?|updates?|to)\b[^.;]{0,40}$/i;
const CITED_AFTER = /^\s*,?\s*(?:\([^()]{0,80}\)\s*)?(?:previously|originally|initially)\s+(?:filed|furnished)|^\s*(?:\([^()]{0,160}\))/i;
const ORIGINAL_TERM = /[“"]([^”"]{0,40}\b(?:Original|Initial|Prior|Previous|Earlier|First)\b[^”"]{0,30})[”"]/;

const PARENS = /\([^()]*\)/g;
const CORPORATE_SUFFIX = /,\s*(?:Inc|Corp|Co|Ltd|L\.?P|LLC|N\.A|plc|S\.A)\.?/gi;
const FILED_BEFORE_DATE = /^\s*,?\s*(?:and\s+)?(?:as\s+)?(?:(?:that|which)\s+)?(?:(?:we|it|they|the\s+Company|the\s+Registrant)\s+)?(?:(?:originally|previously|initially|first)\s+)?(?:filed|furnished|submitted)\b[^,;:]{0,160}?(?:\b(?:on|in)\s+(?:or\s+about\s+)?)?$/i;
/** The subject of "a Form 8-K that we filed on": not a new clause. */
const FILER_SUBJECT = /^\s*,?\s*(?:and\s+)?(?:as\s+)?(?:that|which)\s+(?:we|it|they|the\s+Company|the\s+Registrant)\s+/i;
const CLAUSE_WORDS = /\b(?:that|which|who|when|where|disclos\w*|report(?:s|ed|ing)?|announc\w*|describ\w*|detect\w*|identif\w*|experienc\w*|learn\w*)\b/i;
const DATED_BEFORE_DATE = /^\s*,?\s*dated\s+(?:as\s+of\s+)?$/i;
const ON_BEFORE_DATE = /^\s+(?:on|in)\s+$/i;
const PERIOD_BEFORE_DATE = /^\s*,?\s*(?:\(\s*)?for\s+the\s+(?:fiscal\s+)?(?:quarter(?:ly\s+period)?|year|period|fiscal\s+year|(?:three|six|nine|twelve)\s+months|transition\s+period)s?\s+ended\s+$/i;
const FISCAL_YEAR = /^\s*,?\s*for\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?((?:19|20)\d{2})\b/i;
const NEXT_IN_LIST = /^\s*,?\s*(?:and|&)?\s*$/i;
const AMENDED_ON = /^\s*,?\s*(?:and\s+|as\s+)?(?:subsequently\s+)?amended\s+(?:by\s+[^,;.]{0,80}?\s+)?(?:on\s+)?$/i;
const FILED_ON_LEFT = /\bOn\s+$/i;
const FILED_AFTER_LEFT_DATE = /^\s*,\s+(?:(?:[^,;]|&\w+;){1,80}?\s+)?(?:filed|furnished)\s+(?:with\s+the\s+\w+(?:\s+and\s+Exchange\s+Commission)?\s+)?(?:a|an|its|the|our|two|three|several)\s+(?:(?:Item\s+\d\.\d\d|previous|prior)\s+)?$/i;
const ACCESSION = /\b(\d{10}-\d{2}-\d{6})\b/;

/** Every citation of another filing in one sentence, in text order. */
export function citationsIn(sentence: string, filedAt?: string | null): Citation[] {
  if (!MENTION_HINT.test(sentence) || BOILERPLATE.test(sentence)) return [];
  const mentions: Array<{ start: number; end: number; form: string }> = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(sentence); m; m = MENTION.exec(sentence)) {
    const base = m[2] ?? m[4] ?? m[6] ?? FORM_OF_REPORT[(m[1] ?? '').toLowerCase()];
    if (!base || insideQuotedTerm(sentence, m.index)) continue;
    mentions.push({ start: m.index, end: m.index + m[0].length, form: base + (m[3] ?? m[5] ?? m[7] ?? '') });
  }
  const out: Citation[] = [];
  mentions.forEach((mention, i) => {
    const prevEnd = i > 0 ? mentions[i - 1]!.end : 0;
    const nextStart = i + 1 < mentions.length ? mentions[i + 1]!.start : sentence.length;
    const left = sentence.slice(Math.max(prevEnd, mention.start - 160), mention.start);
    const right = sentence.slice(mention.end, Math.min(nextStart, mention.end + 300));
    if (SELF.test(left) || FUTURE.test(left) || RULE.test(left) || NOT_YET_FILED.test(right)) return;

    const cited = citedDates(left, right, filedAt);
    const defines = ORIGINAL_TERM.exec(right.slice(0, 220).match(PARENS)?.find((p) => ORIGINAL_TERM.test(p)) ?? '')?.[1] ?? null;
    const accession = ACCESSION.exec(right.slice(0, 120))?.[1];
    const dated = cited.filedOn.length > 0 || cited.periods.length > 0 || cited.reportDate !== undefined;
    // An undated mention must say it told something ("as disclosed in our Form 10-Q"); an amended
    // form mentioned without date or past tense is the amendment itself ("this Amendment on Form 8-K/A").
    if (!dated && !defines && !accession && (!CITED_FOR.test(left) && !CITED_AFTER.test(right))) return;
    if (!dated && !defines && mention.form.endsWith('/A') && !/\bpreviously|\bfiled\b/i.test(left + right.slice(0, 40))) return;

    const common = {
      ...(cited.reportDate ? { reportDate: cited.reportDate } : {}),
      ...(accession ? { accessionNumber: accession } : {}),
      defines,
      sentence,
    };
    const periods: Array<string | undefined> = cited.periods.length > 0 ? cited.periods : [undefined];
    const filed: Array<string | null> = cited.filedOn.length > 0 ? cited.filedOn : [null];
    // "for the quarters ended …" names several reports; "filed on … and …" too; both at once name one each.
    const count = Math.max(periods.length, filed.length);
    for (let k = 0; k < count; k++) {
      const period = periods[periods.length === count ? k : 0];
      out.push({ form: mention.form, filedOn: filed[filed.length === count ? k : 0] ?? null, ...(period ? { period } : {}), ...common });
    }
    for (const filedOn of cited.amendedOn) out.push({ form: mention.form.replace(/(?:\/A)?$/, '/A'), filedOn, defines: null, sentence });
  });
  return out;
}

/** "(the “Original Form 8-K”)": the form is part of a defined term, not a citation of its own. */
function insideQuotedTerm(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('‘'));
  if (open >= 0 && open > Math.max(before.lastIndexOf('”'), before.lastIndexOf('’'))) return true;
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

interface CitedDates {
  filedOn: string[];
  amendedOn: string[];
  /** "for the quarters ended June 30, 2023, September 30, 2023 …": one report per period. */
  periods: string[];
  reportDate?: string;
}

/** The dates that belong to a citation: filed on, furnished on, dated, for the quarter ended. */
function citedDates(left: string, right: string, filedAt?: string | null): CitedDates {
  const out: CitedDates = { filedOn: [], amendedOn: [], periods: [] };
  const dates = findDates(right, filedAt);
  let role: 'filed' | 'amended' | 'period' | null = null;
  let from = 0;
  for (const d of dates) {
    const between = right.slice(from, d.start);
    const gap = between.replace(PARENS, ' ').replace(CORPORATE_SUFFIX, ' ');
    if (role !== null && NEXT_IN_LIST.test(between)) {
      // "furnished on March 12, 2026, and March 23, 2026": one report per date of the list.
      (role === 'filed' ? out.filedOn : role === 'amended' ? out.amendedOn : out.periods).push(d.value);
    } else if (from === 0 && PERIOD_BEFORE_DATE.test(gap)) {
      out.periods.push(d.value);
      role = 'period';
    } else if (from === 0 && DATED_BEFORE_DATE.test(gap)) {
      out.reportDate = d.value;
      role = null;
    } else if ((FILED_BEFORE_DATE.test(gap) && !CLAUSE_WORDS.test(gap.replace(FILER_SUBJECT, ' '))) || (from === 0 && ON_BEFORE_DATE.test(between))) {
      out.filedOn.push(d.value);
      role = 'filed';
    } else if (AMENDED_ON.test(gap) && out.filedOn.length > 0) {
      out.amendedOn.push(d.value);
      role = 'amended';
    } else break;
    from = d.end;
  }
  if (out.periods.length === 0 && dates.length === 0) {
    const fy = FISCAL_YEAR.exec(right)?.[1];
    if (fy) out.periods.push(fy);
  }
  if (out.filedOn.length === 0) {
    // "On May 14, 2025, the Company filed a Current Report on Form 8-K".
    const before = findDates(left, filedAt);
    const last: DateMention | undefined = before[before.length - 1];
    if (last && FILED_ON_LEFT.test(left.slice(Math.max(0, last.start - 4), last.start)) && FILED_AFTER_LEFT_DATE.test(left.slice(last.end))) {
      out.filedOn.push(last.value);
    }
  }
  return out;
}

/**
 * The earlier filings among these citations, each once: a citation without a date is dropped when
 * the same form is also cited with one (it is almost always the same report).
 */
export function referencesFrom(found: readonly Citation[]): Array<{ reference: FilingReference; sentence: string }> {
  const seen = new Set<string>();
  const out: Array<{ reference: FilingReference; sentence: string }> = [];
  for (const c of found) {
    const { defines: _d, sentence, ...reference } = c;
    const undated = reference.filedOn === null && reference.period === undefined && reference.reportDate === undefined;
    if (undated && found.some((o) => o.form === c.form && (o.filedOn !== null || o.period !== undefined || o.reportDate !== undefined))) continue;
    const key = JSON.stringify([reference.form, reference.filedOn, reference.period ?? null, reference.reportDate ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ reference, sentence });
  }
  return out;
}

/** Cheap test before the citation pass: most sentences cite nothing. */
const MENTION_HINT = /Report|Form|8-K|10-[QK]|6-K|20-F/;
