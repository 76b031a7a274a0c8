// How a filing names its incident, and how many incidents it reports. Names come from, strongest
// first: a defined term ("… unauthorized access to customer accounts (the “Incident”)"), a
// capitalised name used as one ("the Cyber Incident", "the March 2026 Incident", a heading such as
// "November 2022 Cyber Incident"), the label of a
// cyd MaterialCybersecurityIncidentAxis member (`syk:March112026IncidentMember`), and descriptive
// names ("the previously disclosed March 2024 cybersecurity matter", "the CDK Global cyber
// incident"). A filing reports several incidents when its cyd axis has several members, or when
// it names several incidents that differ in more than the generic words ("the Cybersecurity
// Incident" and "the Incident" are one; "the March Incident" and "the August Incident" are two).

import { extractDates } from './dates.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import type { IncidentDates, NamedIncident } from './types.ts';
import type { CydFact } from './xbrl-cyd.ts';

const HEAD = String.raw`(?:Incident|Attack|Cyberattack|Cyber-?Attack|Breach|Intrusion|Event|Matter|Compromise)s?`;
/** "(the “Incident”)", "(collectively, the “Security Incidents”)", and with the quotes lost: "(the Cybersecurity Incident)". */
const DEFINED = new RegExp(
  String.raw`\(\s*(?:(?:collectively|together|hereinafter|such\s+incident)\s*,?\s*)?(?:referred\s+to\s+(?:herein\s+)?as\s+)?(?:the\s+|this\s+)?(?:[“"]([^”"()]{1,60})[”"]|((?:[A-Z0-9][\w’'&.-]*\s+){0,4}${HEAD}))\s*\)`,
  'g',
);
// A defined term may name the incident by what was exploited: "(the “MOVEit Vulnerability”)".
const QUOTED_HEAD = new RegExp(String.raw`(?:^|\s)(?:cyber\s*)?(?:${HEAD}|Vulnerability)$`, 'i');
const NOT_A_NAME_AFTER = /^\s+(?:Response|Surface|Vectors?|Plan|Management|Team|Notification|Reporting|Report|Polic(?:y|ies)|Program|Preparedness|Handling|Committee|Procedures?|Protocols?|Playbook|Readiness|Insurance)\b/i;
/** "the Cyber Incident", "the MOVEit Cybersecurity Incident", "the September Incident". */
const CAPITALISED = /\b[Tt]he\s+((?:(?:[A-Z][\w’'&.-]*|\d{1,2},?|(?:19|20)\d{2})\s+){0,4})(Incident|Attack|Cyberattack|Cyber-Attack|Breach|Intrusion)\b/g;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A heading that names the incident, run into the paragraph it opens: "November 2022 Cyber Incident Following the detection …". */
const HEADING = new RegExp(
  String.raw`(?:^|(?<!\b[Tt]he)[\s|])((?:${MONTH}\s+)?(?:19|20)\d{2}\s+(?:(?:Cyber(?:security)?|Ransomware|Security|Data(?:\s+Security)?|Network|IT)\s+)?(?:Incident|Attack|Cyberattack|Cyber-Attack|Breach|Intrusion))\s+(?=[A-Z][a-z]+\s)`,
);
/** "the previously disclosed March 2024 cybersecurity matter", "our previously disclosed August 2023 cyberattack". */
const DATED = new RegExp(
  String.raw`\b(?:the|our|its|the\s+Company['’]?s)\s+(?:previously\s+(?:disclosed|reported|announced)\s+)?((?:${MONTH}\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}\s+(?:(?:cyber(?:security)?|ransomware|security|data(?:\s+security)?|network|IT)\s+)?(?:incident|attack|cyberattack|cyber-attack|breach|intrusion|matter|event))\b`,
  'g',
);
/**
 * The date told after the noun: "the ransomware attack we experienced in May 2023" is "the May
 * 2023 ransomware attack". Only the date of the event itself (experienced, suffered, detected),
 * not of its announcement ("the attack we announced on May 31, 2022").
 */
const DATED_AFTER = new RegExp(
  String.raw`\b[Tt]he\s+((?:(?:cyber(?:security)?|ransomware|security|data(?:\s+security)?|network|IT)\s+)?(?:incident|attack|cyberattack|cyber-attack|breach|intrusion))\s+(?:that\s+|which\s+)?(?:we|the\s+Company|it)\s+(?:experienced|suffered|detected|discovered|identified)\s+(?:in|on|during)\s+((?:${MONTH}\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2})\b`,
  'g',
);
/** "the CDK Global cyber incident", "the Change Healthcare cyberattack", "the Snowflake incident". */
const VENDOR = /\bthe\s+((?:[A-Z][\w.&-]*\s+){1,3}(?:(?:cyber(?:security)?|ransomware|security|data(?:\s+security)?)\s+)?(?:incident|attack|cyberattack|cyber-attack|breach|intrusion|event|matter))\b/g;
const NOT_A_VENDOR = /^(?:Compan(?:y|ys|ies)|Company['’]s|Registrant|Corporation|Bank|Board|Group|Item|Form|SEC|Original|Current|Annual|Quarterly|Material|Initial|Cybersecurity|Cyber|Security|Data|Incident|Subsidiary|Partnership|Trust|Fund|Parent|Firm|U\.S\.|United|Our|We|Such|This|That|Any|Each|Other)\b/;
const NOT_A_MODIFIER = /['’]s$|^(?:Companys|Company|Registrant|Corporation|Material|Bank|Group)$/;

/** Words every incident name shares: names made only of these do not tell incidents apart. */
const GENERIC = new Set([
  'the', 'cyber', 'cybersecurity', 'security', 'information', 'data', 'incident', 'incidents', 'attack', 'attacks', 'cyberattack',
  'cyber-attack', 'breach', 'intrusion', 'event', 'matter', 'compromise', 'ransomware', 'network', 'it', 'systems', 'technology',
  'privacy', 'previously', 'disclosed', 'reported', 'announced',
]);

type Strength = 'defined' | 'capitalised' | 'member' | 'dated' | 'vendor';
const RANK: Record<Strength, number> = { defined: 0, capitalised: 1, member: 2, dated: 3, vendor: 4 };

interface Found {
  name: string;
  strength: Strength;
  sentence: string;
  count: number;
  first: number;
}

export interface IncidentNames {
  incidentName: string | null;
  incidents: NamedIncident[];
  /** `incidentName` and `incidents.N` → the sentence each name came from. */
  evidence: Record<string, string>;
}

/**
 * Names in the sentences about the incident, and the incidents they tell apart. `dates` are the
 * analysis's own, used for the one incident of a filing that reports one.
 */
export function extractIncidentNames(input: {
  sentences: readonly Sentence[];
  cyd: readonly CydFact[];
  dates: IncidentDates;
  filedAt?: string | null;
}): IncidentNames {
  const found = new Map<string, Found>();
  let order = 0;
  const add = (name: string, strength: Strength, sentence: string): void => {
    const clean = name.replace(/\s+/g, ' ').replace(/,$/, '').trim();
    const key = clean.toLowerCase();
    const f = found.get(key);
    if (f) {
      f.count++;
      if (RANK[strength] < RANK[f.strength]) f.strength = strength;
      return;
    }
    found.set(key, { name: clean, strength, sentence, count: 1, first: order++ });
  };

  for (const { text } of input.sentences) {
    if (!/[Ii]ncident|[Aa]ttack|[Bb]reach|[Ii]ntrusion|[Ee]vent|[Mm]atter|[Cc]ompromise|[Vv]ulnerabilit/.test(text)) continue;
    for (const m of text.matchAll(DEFINED)) {
      const term = (m[1] ?? m[2] ?? '').trim();
      if (m[1] !== undefined && !QUOTED_HEAD.test(term)) continue;
      if (term.split(/\s+/).length > 6) continue;
      add(`the ${term}`, 'defined', text);
    }
    for (const m of text.matchAll(CAPITALISED)) {
      const modifiers = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
      if (modifiers.some((w) => NOT_A_MODIFIER.test(w))) continue;
      if (NOT_A_NAME_AFTER.test(text.slice((m.index ?? 0) + m[0].length))) continue;
      // "The Incident" opening a sentence may be plain title case; mid-sentence it is a name.
      if (modifiers.length === 0 && m.index === 0) continue;
      add(`the ${[...modifiers, m[2]].join(' ')}`, 'capitalised', text);
    }
    const heading = HEADING.exec(text);
    if (heading) add(`the ${heading[1]}`, 'capitalised', text);
    for (const m of text.matchAll(DATED)) add(`the ${m[1]}`, 'dated', text);
    for (const m of text.matchAll(DATED_AFTER)) add(`the ${m[2]!.replace(/,$/, '')} ${m[1]}`, 'dated', text);
    for (const m of text.matchAll(VENDOR)) {
      const phrase = m[1] ?? '';
      if (NOT_A_VENDOR.test(phrase) || NOT_A_NAME_AFTER.test(text.slice((m.index ?? 0) + m[0].length))) continue;
      add(`the ${phrase}`, 'vendor', text);
    }
  }

  const members = [...new Set(input.cyd.flatMap((f) => (f.incident && !/^0x[0-9a-f]+$/i.test(f.incident) ? [f.incident] : [])))];
  const ranked = [...found.values()].sort((a, b) => RANK[a.strength] - RANK[b.strength] || b.count - a.count || a.first - b.first);
  const best = ranked[0];
  const evidence: Record<string, string> = {};
  const memberLabel = members.length > 0 ? memberToLabel(members[0]!) : null;
  let incidentName: string | null = null;
  if (best && RANK[best.strength] < RANK.member) {
    incidentName = best.name;
    evidence.incidentName = best.sentence;
  } else if (memberLabel) incidentName = memberLabel;
  else if (best) {
    incidentName = best.name;
    evidence.incidentName = best.sentence;
  }

  // Several incidents: one per cyd axis member, each dated from its own tagged text.
  if (members.length > 1) {
    const incidents = members.map((member) => ({
      name: memberToLabel(member),
      member,
      dates: datesOf(input.cyd.filter((f) => f.incident === member).flatMap((f) => splitSentences(f.text)), input.filedAt),
    }));
    return { incidentName, incidents, evidence };
  }
  // Several distinctive names in the text: one incident per name, dated from the sentences naming it.
  const distinct = distinctNames(ranked);
  if (distinct.length > 1) {
    const incidents = distinct.map((f, i) => {
      const tokens = distinctive(f.name);
      const naming = input.sentences.filter((s) => tokens.every((t) => s.text.toLowerCase().includes(t)));
      evidence[`incidents.${i}`] = f.sentence;
      return { name: f.name, dates: datesOf(naming, input.filedAt) };
    });
    return { incidentName, incidents, evidence };
  }
  // Several unnamed incidents told as a list in one sentence and then spoken of together: "(i)
  // sophisticated threat actors accessed our … systems in 2023 and 2024 and (ii) we experienced a
  // ransomware attack … in 2023. … We do not believe these incidents had …" (Lumen's 10-K).
  const listed = listedIncidents(input.sentences);
  if (listed.length > 1 && distinct.length <= 1) {
    return { incidentName, incidents: listed.map((part) => ({ name: null, dates: datesOf([{ text: part, start: 0 }], input.filedAt) })), evidence };
  }
  const one: NamedIncident = { name: incidentName, dates: input.dates };
  if (members.length === 1) one.member = members[0]!;
  return { incidentName, incidents: [one], evidence };
}

/** An item of a list "(i) …", "(ii) …" that tells an event: an actor's deed or what the company experienced. */
const LISTED_EVENT =
  /\b(?:threat\s+actors?|attackers?|hackers?|intruders?|unauthori[sz]ed\s+(?:third\s+)?(?:part(?:y|ies)|actors?|users?))\b[^;]{0,120}?\b(?:accessed|gained|obtained|stole|exfiltrated|encrypted|deployed|compromised)\b|\b(?:experienced|suffered|detected|discovered|identified)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:cyber[-\s]?(?:security\s+)?(?:incident|attack|intrusion)|ransomware(?:\s+attack)?|(?:security|data)\s+(?:incident|breach)|intrusion|breach)\b/i;
/** The incidents spoken of together afterwards: "these incidents", "both attacks", "the two incidents". */
const SEVERAL_AFTER = /\b(?:these|both|the\s+(?:two|three))\s+(?:(?:cyber(?:security)?|security|prior|previous)\s+)?(?:incidents|attacks|cyber-?attacks|breaches|events|matters)\b/i;

/** The parts of the first sentence that lists two or more incidents ("(i) …, and (ii) …"), when later text speaks of them together. */
function listedIncidents(sentences: readonly Sentence[]): string[] {
  for (let i = 0; i < sentences.length; i++) {
    const t = sentences[i]!.text;
    const marker = t.includes('(i)') && t.includes('(ii)') ? /\((?:i{1,3}|iv)\)\s*/ : t.includes('(a)') && t.includes('(b)') ? /\([a-d]\)\s*/ : t.includes('(1)') && t.includes('(2)') ? /\([1-4]\)\s*/ : null;
    if (!marker) continue;
    const parts = t.split(marker).slice(1);
    if (parts.length < 2 || !parts.every((p) => LISTED_EVENT.test(p))) continue;
    if (sentences.slice(i, i + 4).some((s) => SEVERAL_AFTER.test(s.text))) return parts;
  }
  return [];
}

const distinctive = (name: string): string[] =>
  name
    .toLowerCase()
    .replace(/[,’'"“”]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !GENERIC.has(w));

/**
 * Names that tell incidents apart: each has a distinctive word, and none's distinctive words are
 * contained in another's ("the September Incident" and "the September 2025 incident" are one).
 */
function distinctNames(ranked: readonly Found[]): Found[] {
  const out: Array<{ f: Found; tokens: string[] }> = [];
  for (const f of ranked) {
    const tokens = distinctive(f.name);
    if (tokens.length === 0) continue;
    const same = out.find((o) => o.tokens.every((t) => tokens.includes(t)) || tokens.every((t) => o.tokens.includes(t)));
    if (!same) out.push({ f, tokens });
  }
  return out.map((o) => o.f);
}

function datesOf(sentences: readonly Sentence[], filedAt?: string | null): IncidentDates {
  const dates: IncidentDates = { began: null, detected: null, determinedMaterial: null, contained: null };
  for (const fact of extractDates(sentences, filedAt)) dates[fact.role] ??= fact.value;
  return dates;
}

/** `syk:March112026IncidentMember` → "March 11, 2026 Incident". */
export function memberToLabel(member: string): string {
  const local = member.replace(/^[\w-]+:/, '').replace(/Member$/, '');
  const words = local
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = out[out.length - 1] ?? '';
    // "March 112026" is March 11, 2026; "March 2026" stays.
    const dayYear = /^(\d{1,2})((?:19|20)\d{2})$/.exec(w);
    if (dayYear && new RegExp(`^${MONTH}$`).test(prev)) out.push(`${dayYear[1]},`, dayYear[2]!);
    else out.push(w);
  }
  return out.join(' ');
}
