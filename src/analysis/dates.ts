// Dates in filing prose, at the precision the filing states, and the role each plays in the
// incident's timeline: when access began, when it was detected, when it was determined to be
// material, when it was contained.

import type { IncidentDates, PartialDate } from './types.ts';
import type { Sentence } from './sentences.ts';

export interface DateMention {
  value: PartialDate;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
// Month names are matched capitalised only: "may" the verb is not May the month.
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: ReadonlyArray<{ re: RegExp; kind: 'mdy' | 'dmy' | 'numeric' | 'my' | 'md' | 'y' }> = [
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\s*,?\\s*${YEAR}(?!\\d)`, 'g'), kind: 'mdy' },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`, 'g'), kind: 'dmy' },
  { re: /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/g, kind: 'numeric' },
  { re: new RegExp(`\\b${MONTH}\\s*,?\\s+(?:of\\s+)?${YEAR}(?!\\d)`, 'g'), kind: 'my' },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?![,\\s]*(?:19|20)\\d{2})(?!\\s*(?:%|percent|million|billion))`, 'g'), kind: 'md' },
  { re: /\b(?:in|during|since|throughout|early|mid|late|calendar(?: year)?)[-\s]+((?:19|20)\d{2})\b(?![-\s]*(?:\d|first|second|third|fourth|fiscal|full|quarter|year|annual|Form|10-K))/gi, kind: 'y' },
];

const pad = (n: number): string => String(n).padStart(2, '0');
const monthOf = (name: string): number | undefined => MONTHS[name.toLowerCase().replace(/\.$/, '')];

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Every date in a piece of text. `filedAt` (YYYY-MM-DD) resolves dates written without a year:
 * "On August 25" in a filing of 2025-08-29 is 2025-08-25, and in one of 2026-01-05 it is
 * 2025-08-25 too, because a disclosure reports the past.
 */
export function findDates(text: string, filedAt?: string | null): DateMention[] {
  // Dates of the earlier (more precise) patterns, sorted and disjoint: a later pattern's match
  // that overlaps one is found by binary search, not by a scan.
  let found: DateMention[] = [];
  const taken = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (found[mid]!.end <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < found.length && found[lo]!.start < e;
  };
  const filed = filedAt && /^\d{4}-\d{2}-\d{2}$/.test(filedAt) ? filedAt : null;
  for (const { re, kind } of PATTERNS) {
    // One pattern's matches never overlap each other, so they only need checking against `found`.
    const pass: DateMention[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      let value: string | null = null;
      if (kind === 'mdy' || kind === 'dmy') {
        const [mon, day, year] = kind === 'mdy' ? [m[1], m[2], m[3]] : [m[2], m[1], m[3]];
        const mo = monthOf(mon ?? '');
        const d = Number(day);
        const y = Number(year);
        if (mo && validDay(y, mo, d)) value = `${y}-${pad(mo)}-${pad(d)}`;
      } else if (kind === 'numeric') {
        const mo = Number(m[1]);
        const d = Number(m[2]);
        const y = Number(m[3]);
        if (validDay(y, mo, d)) value = `${y}-${pad(mo)}-${pad(d)}`;
      } else if (kind === 'my') {
        const mo = monthOf(m[1] ?? '');
        if (mo) value = `${m[2]}-${pad(mo)}`;
      } else if (kind === 'md') {
        const mo = monthOf(m[1] ?? '');
        const d = Number(m[2]);
        if (mo && filed) {
          const fy = Number(filed.slice(0, 4));
          const y = `${pad(mo)}-${pad(d)}` > filed.slice(5) ? fy - 1 : fy;
          if (validDay(y, mo, d)) value = `${y}-${pad(mo)}-${pad(d)}`;
        }
      } else {
        value = m[1] ?? null;
      }
      if (value) pass.push({ value, start: s, end: e });
    }
    if (pass.length > 0) found = mergeByStart(found, pass);
  }
  return found;
}

/** Two lists sorted by start, merged. */
function mergeByStart(a: DateMention[], b: DateMention[]): DateMention[] {
  if (a.length === 0) return b;
  const out: DateMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export type DateRole = keyof IncidentDates;

// Phrases that name the moment a date refers to. Order matters only for ties.
const CUES: ReadonlyArray<{ role: DateRole | 'determined' | 'none'; re: RegExp }> = [
  {
    role: 'contained',
    re: /\b(?:contained|eradicated|evicted|expelled|remediated\s+the\s+(?:threat|activity)|remov(?:e|ed|ing)\s+(?:the\s+)?(?:threat\s+actor|attacker|intruder|unauthorized\s+(?:party|user|actor|access))|(?:terminated|ended|blocked|cut\s+off|revoked|shut\s+off|eliminated|stopped)\s+(?:the\s+)?(?:threat\s+actor['’]s\s+|attacker['’]s\s+)?(?:unauthorized\s+)?(?:access|activity)|(?:threat\s+actors?|attackers?|intruders?|unauthori[sz]ed\s+(?:third\s+)?(?:party|parties|users?|actors?|access|activity)|(?:the|its|their)\s+access)\s+(?:was|were|had\s+been|has\s+been)\s+(?:successfully\s+|fully\s+)?(?:removed|terminated|ended|blocked|cut\s+off|revoked|eliminated|stopped|evicted|expelled|eradicated))/gi,
  },
  {
    role: 'began',
    re: /\b(?:(?:first|initially)\s+(?:gained|accessed|obtained|infiltrated)|used\s+(?:[\w-]+\s+){0,3}?(?:credentials|login\s+details|logins?|passwords?)\s+to\s+(?:access|enter)|initial\s+(?:access|intrusion|compromise)|(?:gained|obtained)\s+(?:unauthorized\s+|initial\s+)?access|(?:activity|access|intrusion|attack|compromise)\s+(?:began|commenced|started))\b/gi,
  },
  {
    role: 'detected',
    re: /\b(?:detected|detecting|detection|discovered|discovering|discovery|identified|identifying|identification|(?:became|become|becoming)\s+aware|(?:was|were|been)\s+(?:first\s+)?(?:notified|alerted|informed|made\s+aware)|notified\s+by|received\s+(?:a\s+|an\s+)?(?:notice|notification|email|e-mail|communication|message|letter|report|alert|ransom|call)|notified\s+(?:us|the\s+Company|the\s+Registrant)|learned|observed|noticed|experienced|suffered|(?:initiated|activated|invoked)\s+(?:its|our|the\s+Company['’]s)\s+(?:[\w-]+\s+){0,3}?(?:protocols?|plans?|procedures)\s+in\s+response\s+to|(?:was|were)\s+the\s+(?:victim|target)\s+of|took\s+place|occurred)\b/gi,
  },
  // Active determinations only: "investigations were concluded in 2024" dates nothing.
  { role: 'determined', re: /(?<!\b(?:was|were|been|being)\s)\b(?:determined|concluded|deemed)\b/gi },
  // Announcing or reporting an incident is not an event in it.
  { role: 'none', re: /\b(?:announced|disclosed|reported|filed|published|posted|issued)\b/gi },
];

// A date introduced by one of these is not an incident event (a filing date, a deadline, a period).
const NOT_AN_EVENT_BEFORE =
  /(?:\b(?:filed|furnished|dated|submitted|published|issued)\b[^.;()]{0,80}?\bon\s+(?:or\s+about\s+)?$|\bForm\s+8-K(?:\/A)?\s+(?:on\s+)?$|\b(?:as\s+of|ended|ending|through|until|by|before|prior\s+to|scheduled\s+for|due|effective|expires?|expiring|period\s+from|quarter|year)\s+(?:on\s+)?$|\bresigned\b[^.]{0,40}$|\$\s?[\d.,]+\s*(?:million|billion|thousand)?\s+(?:(?:in|during|for)\s+)?$)/i;
const ADJACENT_BEGAN = /\b(?:beginning|began|begun|commencing|starting|started|as\s+early\s+as|at\s+least\s+as\s+early\s+as|since\s+at\s+least|dating\s+back\s+to|first\s+occurred|initially)\s+(?:(?:on|in|at|around|about)\s+)?(?:or\s+(?:about|around)\s+)?(?:(?:early|mid|late|the\s+(?:beginning|end|middle)\s+of)[-\s]+)?$/i;
/** "… and ended in December 2016" (not "the year ended"): the end of a window of access. */
const ADJACENT_ENDED = /(?<!\b(?:year|quarter|period|month|week|months|years)\s+(?:that\s+|which\s+)?)\b(?:ended|ceased|stopped)\s+(?:(?:on|in|at|around|about|approximately)\s+)*(?:or\s+(?:about|around)\s+)?$/i;
const WINDOW_OF_ACCESS = /\b(?:intrusion|unauthori[sz]ed\s+(?:access|activity)|access|activity|attack|compromise)\s+(?:\w+\s+){0,2}?(?:began|started|commenced)\b/i;
/** "between April 14 and April 25, 2024, exfiltrated files": the window of access opens at the first date. */
const RANGE_OPENS_BEFORE = /\b(?:between|from)\s+(?:approximately\s+|about\s+|on\s+or\s+about\s+)?$/i;
const ACCESS_VERB = /\b(?:accessed|exfiltrated|downloaded|copied|acquired|obtained|stole|infiltrated|gained\s+(?:unauthorized\s+)?access|had\s+(?:unauthorized\s+)?access|was\s+present|were\s+present|remained)\b/i;
const RANGE_OF_ACCESS_AFTER = /^\s*(?:and|to|through|until)\s+[^;.]{3,40}?,?\s+(?:[\w-]+\s+){0,4}?(?:accessed|exfiltrated|downloaded|copied|acquired|obtained|stole|infiltrated|gained\s+(?:unauthorized\s+)?access|had\s+(?:unauthorized\s+)?access)\b/i;
const RECOVERY_AFTER = /^[,\s]*(?:\w+\s+){0,3}?(?:resumed|restored|restarted|reopened|returned|recovered|brought)\b/i;
const ADJACENT_SINCE = /\bsince\s+$/i;
/** "there had been unauthorized access to the Starwood network since 2014": access stated to run since then. */
const ACCESS_SINCE = /\b(?:(?:had|has|have)\s+(?:been\s+)?(?:unauthori[sz]ed\s+)?access(?:ed|ing)?|unauthori[sz]ed\s+access|(?:was|were|had\s+been|has\s+been)\s+present)\b[^.;]{0,100}?\bsince\s+(?:at\s+least\s+)?$/i;
/**
 * A press release's dateline ("LITTLE ROCK, Ark.—June 14, 2022--", "BETHESDA, MD - November 30,
 * 2018 - "): the day of the release, an announcement date, not an event of the incident.
 */
const DATELINE_BEFORE = /(?:^|\s)[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*,\s*(?:[A-Z][A-Za-z.]*\.?\s*){1,3}(?:\([^)]{1,30}\)\s*)?[-–—]+\s*$/;
const DATELINE_AFTER = /^\s*(?:[-–—]+|\/\s*PRNewswire|\/\s*(?:Business|Globe)\s*Wire)/i;
/** "has experienced disruptions since June 19": the disruption, and so the incident, began to be felt. */
const EXPERIENCED_SINCE = /\bexperienc\w+\s+(?:[\w-]+\s+){0,2}?(?:disruptions?|outages?|interruptions?)\s+(?:\w+\s+){0,2}?since\s+$/i;
/** A date inside the incident's name: "the January 2025 Cyber Incident", "our August 2023 cyberattack". */
const NAMES_INCIDENT_AFTER = /^\s*(?:[\w-]+\s+)?(?:cyber[-\s]?(?:security\s+)?(?:incident|attack|event|matter|intrusion)|ransomware\s+(?:attack|incident|event)|security\s+incident|data\s+(?:breach|security\s+incident)|incident|attack|breach)\b/i;
const NAME_OPENS_BEFORE = /\b(?:the|our|its|a|an)\s+(?:previously\s+(?:disclosed|reported|announced)\s+)?$/i;
/** "a cyber incident in March 2025", "the cyberattack of August 2023". */
const INCIDENT_IN_BEFORE = /\b(?:cyber[-\s]?(?:security\s+)?(?:incident|attack|event|matter)|ransomware\s+(?:attack|incident)|security\s+incident|data\s+breach)\s+(?:(?:against|on)\s+(?:us|the\s+Company)\s+)?(?:that\s+)?(?:in|of|during)\s+(?:(?:early|mid|late)[-\s]+)?$/i;
const REPORTED_CLAUSE_OPENS = /\b(?:announced|disclosed|reported|stated)\s+that\s+(?:on|in|during|around)?\s*(?:or\s+(?:about|around)\s+)?$/i;
const NEGATED_ACTIVITY = /\b(?:no|not|never|nor)\b[^.;]{0,80}\b(?:activity|access|observed|detected|evidence|signs?)\b/i;
const MATERIAL = /\bmaterial(?:ly)?\b/i;
const NOT_DETERMINED = /\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:determined|concluded)|whether|if\s+the|unable\s+to\s+determine|cannot\s+be\s+determined|did\s+not|does\s+not|was\s+not|is\s+not|not\s+material)\b/i;
/** "We discovered the incident on the same day, May 3, 2024, …": the date restates a day the clause already named. */
const APPOSITIVE_DAY = /\b(?:(?:on\s+)?(?:the|that)\s+(?:same\s+|following\s+|next\s+)?(?:day|date)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*,\s*$/i;
/** "on the evening of May 28, 2023": the part of the day before the date. */
const PART_OF_DAY = '(?:the\\s+(?:evening|morning|afternoon|night|weekend)\\s+of\\s+)?';
const POINTER_THEN_DATE = new RegExp(`(?:^|,)\\s*(?:on|in|during|at|around|over)?\\s*${PART_OF_DAY}(?:or\\s+(?:about|around)\\s+)?(?:(?:early|mid|late)[-\\s]+)?$`, 'i');
const INTRO_ONLY = new RegExp(`^(?:[^,]*,\\s*)?(?:on|in|during|at|around|by|as\\s+of|over)?\\s*${PART_OF_DAY}(?:or\\s+(?:about|around)\\s+)?(?:(?:early|mid|late|the\\s+(?:beginning|end|middle)\\s+of)[-\\s]+)?$`, 'i');
interface Cue {
  role: DateRole | 'determined' | 'none';
  start: number;
  end: number;
}

function cuesIn(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const { role, re } of CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) cues.push({ role, start: m.index, end: m.index + m[0].length });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** "determined" is a materiality determination when its clause speaks of materiality, else detection. */
function resolveDetermined(clause: string): DateRole | null {
  if (MATERIAL.test(clause)) return NOT_DETERMINED.test(clause) ? null : 'determinedMaterial';
  return /\b(?:experienced|incident|unauthorized|attack|intrusion|ransomware|compromise)\b/i.test(clause) ? 'detected' : null;
}

/**
 * `text.replace(/\([^)]*\)/g, '')` in one pass: the regex rescans to the end of the text from
 * every "(" that no ")" follows, which is quadratic.
 */
function withoutParentheses(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The role of one date within its sentence, or null when it is not an incident event. */
function roleOfDate(sentence: string, date: DateMention, prevEnd: number, nextStart: number): DateRole | null {
  // The clause runs back to the previous date or a semicolon, whichever is nearer; looking no
  // further back than the previous date keeps a sentence with many dates linear.
  const sincePrev = sentence.slice(prevEnd, date.start);
  const left = sincePrev.slice(sincePrev.lastIndexOf(';') + 1);
  const leftClauseStart = date.start - left.length;
  if (NOT_AN_EVENT_BEFORE.test(left)) return null;
  const right = sentence.slice(date.end, nextStart);
  if (DATELINE_AFTER.test(right) && DATELINE_BEFORE.test(left.slice(-60))) return null;
  // "beginning June 30, we resumed processing" dates the recovery, not the intrusion.
  if (ADJACENT_BEGAN.test(left.slice(-40))) return RECOVERY_AFTER.test(right.slice(0, 60)) ? null : 'began';
  // "the intrusion began in approximately February 2016 and ended in December 2016": the window closes.
  if (ADJACENT_ENDED.test(left.slice(-40)) && WINDOW_OF_ACCESS.test(sentence.slice(Math.max(0, date.start - 200), date.start))) return 'contained';
  if (RANGE_OPENS_BEFORE.test(left.slice(-30)) && (ACCESS_VERB.test(left.slice(-60)) || RANGE_OF_ACCESS_AFTER.test(sentence.slice(date.end, date.end + 160)))) return 'began';
  if (ADJACENT_SINCE.test(left.slice(-12))) return NEGATED_ACTIVITY.test(left) ? 'contained' : EXPERIENCED_SINCE.test(left.slice(-80)) ? 'detected' : ACCESS_SINCE.test(left.slice(-160)) ? 'began' : null;
  // A bare year carries its "since" inside the match ("since 2014").
  const since = /^since\s+/i.exec(sentence.slice(date.start, date.end));
  if (since && !NEGATED_ACTIVITY.test(left) && ACCESS_SINCE.test(left.slice(-160) + since[0])) return 'began';
  // "the January 2025 Cyber Incident", or a heading that names it: "November 2022 Cyber Incident".
  if (((NAME_OPENS_BEFORE.test(left.slice(-40)) || left.trim() === '') && NAMES_INCIDENT_AFTER.test(right.slice(0, 60))) || INCIDENT_IN_BEFORE.test(left.slice(-60))) return 'detected';

  const pick = (cue: Cue, clause: string): DateRole | null =>
    cue.role === 'determined' ? resolveDetermined(clause) : cue.role === 'none' ? null : cue.role;

  // "we announced that on January 23, 2021, we detected…": the date opens the reported clause.
  if (REPORTED_CLAUSE_OPENS.test(left)) {
    const first = cuesIn(right)[0];
    return first ? pick(first, right.slice(first.start)) : null;
  }

  const leftCues = cuesIn(left);
  // "On March 1, 2025, the Company detected…": the date opens the clause, the verb follows it.
  // "As previously disclosed, on October 3, 2024, the Company identified…": a pointer back, then the date.
  if (APPOSITIVE_DAY.test(left) && leftCues.length > 0) {
    const nearest = leftCues[leftCues.length - 1]!;
    return pick(nearest, sentence.slice(leftClauseStart + nearest.start, nextStart));
  }
  const onlyPointers = leftCues.every((c) => c.role === 'none') && POINTER_THEN_DATE.test(left);
  if (leftCues.length === 0 || onlyPointers || INTRO_ONLY.test(withoutParentheses(left))) {
    const rightCues = cuesIn(right);
    const first = rightCues[0];
    if (first) return pick(first, right.slice(first.start));
    return null;
  }
  const nearest = leftCues[leftCues.length - 1]!;
  return pick(nearest, sentence.slice(leftClauseStart + nearest.start, nextStart));
}

export interface DatedFact {
  role: DateRole;
  value: PartialDate;
  sentence: string;
}

/**
 * The first date stated for each role, in text order. A later sentence's date never overrides an
 * earlier one: filings state the primary timeline first and refer back to it afterwards.
 */
export function extractDates(sentences: readonly Sentence[], filedAt?: string | null): DatedFact[] {
  const facts: DatedFact[] = [];
  for (const s of sentences) {
    const dates = findDates(s.text, filedAt);
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      const prevEnd = i > 0 ? dates[i - 1]!.end : 0;
      const nextStart = i + 1 < dates.length ? dates[i + 1]!.start : s.text.length;
      const role = roleOfDate(s.text, d, prevEnd, nextStart);
      if (role) facts.push({ role, value: d.value, sentence: s.text });
    }
  }
  return facts;
}

/**
 * "The incident was contained on the day it was discovered", "believes that it contained the
 * intrusion within hours" (Aflac's 10-Q, after "On June 12, 2025, the Company identified …"):
 * containment dated by detection.
 */
const CONTAINED_SAME_DAY =
  /\bcontained\b[^.;]{0,40}\b(?:on\s+)?the\s+(?:same\s+)?day\s+(?:(?:it|that\s+it)\s+was\s+|of\s+(?:its\s+)?)(?:discover|detect|identif)\w*|\bcontained\s+(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:intrusion|incident|attack|activity|threat|access|breach|event)\s+|it\s+)?within\s+(?:(?:a\s+few|several|a\s+matter\s+of|approximately|about|less\s+than|under)\s+)?(?:(?:\d{1,2}|one|two|three|four|five|six|twelve|twenty-four)\s+)?(?:hours?|minutes)\b/i;
/** A plan or a target, not what happened: "aims to contain incidents within 24 hours". */
const CONTAINMENT_PLAN = /\b(?:will|would|could|should|aims?\s+to|seeks?\s+to|designed\s+to|intends?\s+to|expects?\s+to|goal|objective|target)\b[^.;]{0,40}\bcontain/i;

export function containedOnDetectionDay(sentences: readonly Sentence[]): string | null {
  return sentences.find((s) => CONTAINED_SAME_DAY.test(s.text) && !CONTAINMENT_PLAN.test(s.text))?.text ?? null;
}
