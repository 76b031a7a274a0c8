// The pure core: bytes of a filing in, the analysis object of DESIGN.md §4.2 out. No network,
// no database, no clock.

import { ANALYZER_VERSION } from './version.ts';
import { aboutOthers, CYBER_WORDS, DATED, deniesAttack, followUpMentions, incidentEvidence, incidentMentions, plainNearMisses, reportedSentences, reportOfEvent, setAsideEvents } from './classify.ts';
import { assess } from './confidence.ts';
import { parseCydNdjson } from './cyd-ndjson.ts';
import { containedOnDetectionDay, extractDates } from './dates.ts';
import { htmlDocument, readableDocuments, type TextDocument } from './documents.ts';
import { emptyFlags, extractFlags } from './flags.ts';
import { explanatoryNote, followUpSentence, INCIDENT_TALK } from './follow-up.ts';
import { normalizeText } from './html-text.ts';
import { impactStatements, materiality } from './impacts.ts';
import { detectKind, readInput } from './input.ts';
import { cutBoilerplate, findItemSections, type ItemSection } from './items.ts';
import { pdfToText } from './pdf.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { parseSubmission, type Filer } from './submission.ts';
import { extractThreadingFacts } from './threading-facts.ts';
import type { Analysis, IncidentDates } from './types.ts';
import { INCIDENT_CONCEPT_ORDER, isIncidentConcept, type CydFact } from './xbrl-cyd.ts';

/** What the caller already knows about the filing (from an index, a feed or a label file). */
export interface AnalysisContext {
  source?: string;
  form?: string | null;
  /** `YYYY-MM-DD`; resolves dates written without a year. */
  filedAt?: string | null;
  items?: string[] | null;
  accessionNumber?: string | null;
  cik?: string | null;
  company?: string | null;
}

export type Stage = 'parse' | 'text' | 'classify' | 'extract';
/** Receives the time spent in each stage (for the benchmark). */
export type StageTimer = (stage: Stage, ms: number) => void;

/** Who filed what and when: from the filing's own header, else from the context. */
type FilingHeader = Pick<Analysis, 'accessionNumber' | 'form' | 'cik' | 'company' | 'filedAt' | 'acceptedAt' | 'items'>;

/** A stretch of text that may carry the incident: an item section, an exhibit, XBRL text blocks. */
interface Segment {
  item: string | null;
  /** The heading that opened the section, as filed ("Item 1.05. Material Cybersecurity Incidents"). */
  heading?: string;
  origin: 'xbrl' | 'primary' | 'exhibit';
  /** An exhibit's document type ("EX-99.1"). */
  type?: string;
  text: string;
  sentences: Sentence[];
}

const PERIODIC_FORM = /^(?:10-K|10-Q|20-F|40-F|6-K|10-KT|10-QT|N-CSR|ARS)/i;
const INCIDENT_ITEMS_BY_PRIORITY = ['1.05', '8.01', '7.01'];
const sortItems = (items: Iterable<string>): string[] => [...new Set(items)].sort((a, b) => Number(a) - Number(b));

/** What the filing's own header states beyond the analysis: empty when the input has no header. */
export interface FiledHeader {
  /** The header's numeric 8-K items, as filed (the analysis's `items` may come from the context). */
  items: string[];
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ` */
  acceptedAt: string | null;
  /** Four-digit SIC code of the registrant. */
  sic: string | null;
  /** State of incorporation of the registrant. */
  state: string | null;
  /** The rest of what the header says of the registrant (SIC title, SEC office, location, former names). */
  registrant: Filer | null;
}

/** One analysis pass and what it read on the way, for callers that keep more than the analysis. */
export interface FilingAnalysis {
  analysis: Analysis;
  header: FiledHeader;
  /** The Item 1.05 section of the primary document as text, trimmed; null when there is none. */
  item105Text: string | null;
}

export async function analyze(input: Uint8Array | string, context: AnalysisContext = {}, timer?: StageTimer): Promise<Analysis> {
  return (await analyzeFiling(input, context, timer)).analysis;
}

export async function analyzeFiling(input: Uint8Array | string, context: AnalysisContext = {}, timer?: StageTimer): Promise<FilingAnalysis> {
  let t0 = performance.now();
  const lap = (stage: Stage): void => {
    if (!timer) return;
    const now = performance.now();
    timer(stage, now - t0);
    t0 = now;
  };

  // Binary data is refused here, with its reason; UTF-16 is decoded.
  const { text, bytes } = typeof input === 'string' ? { text: input, bytes: undefined } : readInput(input);
  if (text.trim().length === 0) throw new Error('empty input');
  const kind = detectKind(text, bytes);

  let header: FilingHeader = {
    accessionNumber: context.accessionNumber ?? null,
    form: context.form ?? null,
    cik: context.cik ?? null,
    company: context.company ?? null,
    filedAt: context.filedAt ?? null,
    acceptedAt: null,
    items: [...(context.items ?? [])],
  };
  let filed: FiledHeader = { items: [], acceptedAt: null, sic: null, state: null, registrant: null };
  let docs: TextDocument[] = [];
  let cyd: CydFact[] = [];
  let period: string | null = null;

  if (kind === 'submission') {
    // EDGAR serves Latin-1; re-read as such so byte offsets and uuencoded lines are exact.
    const sub = parseSubmission(bytes ?? text);
    const h = sub.header;
    header = withOwnHeader(header, h);
    filed = { items: h.items, acceptedAt: h.acceptedAt, sic: h.sic, state: h.state, registrant: h.registrant };
    period = h.period;
    lap('parse');
    docs = readableDocuments(sub.documents, header.form);
  } else if (kind === 'cyd-ndjson') {
    const nd = parseCydNdjson(text);
    header = withOwnHeader(header, nd);
    filed = { items: [], acceptedAt: nd.acceptedAt, sic: nd.sic, state: null, registrant: null };
    cyd = nd.facts;
    lap('parse');
  } else {
    lap('parse');
    if (kind === 'pdf') docs = [{ type: header.form ?? 'PDF', filename: null, primary: true, text: '', pdf: bytes }];
    else if (kind === 'html') {
      const html = text.replace(/^\s*<XBRL>/i, '').replace(/<\/XBRL>\s*$/i, '');
      docs = [{ type: header.form ?? 'HTML', filename: null, primary: true, ...htmlDocument(html, true) }];
    } else docs = [{ type: header.form ?? 'TEXT', filename: null, primary: true, text: normalizeText(text.replace(/\r\n?/g, '\n')) }];
  }

  for (const d of docs) {
    if (d.pdf) d.text = await pdfToText(d.pdf);
    if (d.cyd) cyd = cyd.concat(d.cyd);
  }
  if (!header.form) {
    // At most 20 tags between the fact and its text: an unbounded run made this quadratic.
    const dei = docs.find((d) => d.primary)?.html?.match(/name="dei:DocumentType"[^>]*>(?:<[^>]+>){0,20}\s*([^<\s][^<]*)</i)?.[1]?.trim();
    if (dei) header.form = dei;
  }
  lap('text');

  const primary = docs.find((d) => d.primary);
  const primarySections = primary ? findItemSections(primary.text) : [];
  const result = classifyAndExtract(header, docs, primary, primarySections, cyd, lap, period);
  return {
    analysis: { source: context.source ?? '', ...result },
    header: filed,
    item105Text: primarySections.find((s) => s.item === '1.05')?.text.trim() || null,
  };
}

/** What the filing's own header states wins over what the caller knew; its acceptance time always does. */
function withOwnHeader(known: FilingHeader, own: Omit<FilingHeader, 'items'> & { items?: string[] }): FilingHeader {
  return {
    accessionNumber: own.accessionNumber ?? known.accessionNumber,
    form: own.form ?? known.form,
    cik: own.cik ?? known.cik,
    company: own.company ?? known.company,
    filedAt: own.filedAt ?? known.filedAt,
    acceptedAt: own.acceptedAt,
    items: own.items !== undefined && own.items.length > 0 ? own.items : known.items,
  };
}

function classifyAndExtract(
  header: FilingHeader,
  docs: TextDocument[],
  primary: TextDocument | undefined,
  primarySections: ItemSection[],
  cyd: CydFact[],
  lap: (stage: Stage) => void,
  period: string | null,
): Omit<Analysis, 'source'> {
  const form = header.form;
  const periodic = form !== null && PERIODIC_FORM.test(form);

  // Items: the header's numeric list when there is one, else the 8-K item headings.
  let items = sortItems(header.items);
  if (items.length === 0 && !periodic) {
    items = sortItems(primarySections.filter((s) => s.item.includes('.') && (s.text.length > 0 || s.titled)).map((s) => s.item));
  }

  const segments: Segment[] = [];
  const incidentFacts = orderFacts(cyd.filter((f) => isIncidentConcept(f.concept) && f.text.length > 0));
  // Item 1.05 text blocks when tagged; otherwise (10-K Item 1C, 20-F Item 16K) every cyd text
  // block, because filers narrate incidents in the process and strategy blocks as well.
  const xbrlFacts = incidentFacts.length > 0 ? incidentFacts : orderFacts(cyd.filter((f) => /TextBlock$/i.test(f.concept) && f.text.length > 0));
  if (xbrlFacts.length > 0) {
    const sentences = uniqueSentences(xbrlFacts.map((f) => f.text));
    segments.push({ item: incidentFacts.length > 0 && !periodic ? '1.05' : null, origin: 'xbrl', text: sentences.map((x) => x.text).join('\n'), sentences });
  }
  // Risk factors (10-K / 10-Q Item 1A) are read last, only when no other part tells an incident:
  // their generic "have previously been, and may in the future be" sentences must not lend flags
  // to an incident told elsewhere, but an incident told only as a risk factor's example ("For
  // example, in February 2024, we detected unauthorized access …") is still one.
  const riskFactors: Segment[] = [];
  for (const d of docs) {
    const sections = d.primary ? primarySections : findItemSections(d.text);
    const isRiskFactors = (s: { item: string }) => s.item.toUpperCase() === '1A';
    const usable = sections.filter((s) => s.item !== '9.01' && !isRiskFactors(s) && s.text.length > 0);
    if (d.primary && periodic) {
      for (const s of sections) if (isRiskFactors(s) && s.text.length > 0) riskFactors.push({ item: null, heading: headingOf(d.text, s), origin: 'primary', text: s.text, sentences: splitSentences(s.text) });
    }
    if (d.primary && usable.length > 0) {
      for (const s of usable) {
        segments.push({ item: s.item.includes('.') ? s.item : null, heading: headingOf(d.text, s), origin: 'primary', text: s.text, sentences: splitSentences(s.text) });
      }
    } else if (sections.length === 0 || !d.primary) {
      const body = cutBoilerplate(d.text);
      if (body) segments.push({ item: null, origin: d.primary ? 'primary' : 'exhibit', ...(d.primary ? {} : { type: d.type }), text: body, sentences: splitSentences(body) });
    }
  }

  // Classification.
  // Tagged Item 1.05 blocks alone do not make an incident: some filers tag program descriptions.
  const hasItem105 = items.includes('1.05');
  const scored = segments.map((seg) => ({ seg, evidence: incidentEvidence(seg.sentences, periodic) }));
  if (riskFactors.length > 0 && scored.every((x) => x.evidence.length === 0)) {
    segments.push(...riskFactors);
    scored.push(...riskFactors.map((seg) => ({ seg, evidence: incidentEvidence(seg.sentences, periodic) })));
  }
  const allSentences = segments.flatMap((s) => s.sentences);
  const denial = deniesAttack(allSentences);
  const cyberText = segments.some((s) => CYBER_WORDS.test(s.text));
  // A follow-up (an 8-K/A, "as previously disclosed") may name the incident only where it speaks of
  // its impact: the name then stands for the incident, so that its update and materiality are read.
  const amended = /^(?:8-K|6-K)\/A$/i.test(form ?? '');
  if (!periodic && !hasItem105 && cyberText && scored.every((x) => x.evidence.length === 0) && (amended || followUpSentence(allSentences, false))) {
    for (const x of scored) x.evidence.push(...followUpMentions(x.seg.sentences));
  }
  // Tagged XBRL text first when it reports the incident; some filers tag only part of the section.
  let carrier = scored.find((x) => x.seg.origin === 'xbrl' && x.evidence.length > 0);
  // An Item 1.05 section reports a material cybersecurity incident by definition, even a short
  // amendment that only speaks of "the incident".
  carrier ??= scored.find((x) => hasItem105 && x.seg.item === '1.05' && x.seg.origin === 'primary' && INCIDENT_TALK.test(x.seg.text));
  carrier ??= scored.find((x) => x.seg.origin === 'xbrl' && incidentFacts.length > 0 && hasItem105);
  carrier ??= [...scored].filter((x) => x.evidence.length > 0).sort((a, b) => (b.evidence[0]?.strength ?? 0) - (a.evidence[0]?.strength ?? 0) || originRank(a.seg) - originRank(b.seg))[0];
  // An Item 1.05 report whose only text is the rendered section (no heading).
  if (!carrier && hasItem105) carrier = scored.find((x) => CYBER_WORDS.test(x.seg.text)) ?? scored.find((x) => x.seg.origin !== 'exhibit' && INCIDENT_TALK.test(x.seg.text));

  let incident = carrier !== undefined && (carrier.evidence.length > 0 || hasItem105);
  if (incident && denial && !hasItem105 && (carrier?.evidence[0]?.strength ?? 0) < 1) incident = false;
  // An earnings release on a known attack's effects (costs per share, a "Cyberattack Update") is not
  // an incident disclosure: there only a dated report of the event or an actor's deed makes one.
  const earningsOnly = !periodic && items.length > 0 && items.every((i) => i === '2.02' || i === '9.01');
  if (incident && earningsOnly && !carrier?.evidence.some((e) => e.strength >= 1 || (!e.reference && DATED.test(e.sentence)))) incident = false;
  lap('classify');

  const evidence: Record<string, string> = {};
  const dates: IncidentDates = { began: null, detected: null, determinedMaterial: null, contained: null };
  let flags = emptyFlags();
  let materialImpact: Analysis['materialImpact'] = null;
  let statements: Analysis['statements'] = [];
  let item: string | null = null;
  // An amended current report follows up on what it amends; an S-1/A or 10-K/A does not.
  let update = false;
  let incidentSentences: Sentence[] = [];
  let materialityConflict = false;

  if (incident && carrier) {
    update = amended;
    item = periodic ? null : pickItem(carrier.seg, items, hasItem105, segments);
    // The first sentence that reports the event (not the strongest: a filing tells what happened
    // first and how it responded after), in the item's own text when tagged blocks carried it; a
    // bare reference only when nothing reports it.
    const itemText = scored.find((x) => x.seg.origin === 'primary' && x.seg.item !== null && x.seg.item === item && x !== carrier);
    const told = carrier.seg.origin === 'xbrl' && itemText ? itemText : carrier;
    const reported = reportedSentences(told.evidence);
    evidence.incident =
      (told.seg.item === '1.05' ? reportOfEvent(told.seg.sentences, told.evidence) : told.seg.sentences.find((s) => reported.has(s.text))?.text) ??
      carrier.evidence[0]?.sentence ??
      carrier.seg.sentences.find((s) => CYBER_WORDS.test(s.text) || INCIDENT_TALK.test(s.text))?.text ??
      carrier.seg.sentences[0]?.text ??
      '';
    if (item) {
      evidence.item =
        segments.find((x) => x.item === item && x.heading)?.heading ??
        (item === '1.05' ? carrier.seg.sentences.find((s) => ITEM_105_WORDING.test(s.text))?.text : undefined) ??
        (item === '2.02' && items.length === 0 ? earningsAnnouncement(carrier.seg.sentences)?.text : undefined) ??
        evidence.incident;
    }

    // The carrier first, then every other segment that speaks of the incident. Outside an Item
    // 1.05 text only the neighbourhood of sentences about the incident counts: a 10-K's MD&A or an
    // earnings release says much else with "material" and dates in it.
    // Items headed together ("Items 1.05 and 8.01", or stacked headings) share one text: read it once.
    const seenText = new Set([carrier.seg.text]);
    const related = [carrier.seg, ...scored.filter((x) => x !== carrier && (x.evidence.length > 0 || (x.seg.origin !== 'primary' && CYBER_WORDS.test(x.seg.text)))).map((x) => x.seg)].filter(
      (s, i) => i === 0 || (!seenText.has(s.text) && seenText.add(s.text) !== undefined),
    );
    // The sentences that report the event anchor the neighbourhood too, whatever words they use.
    const anchors = new Set(scored.flatMap((x) => x.evidence.map((e) => e.sentence)));
    const whole = (s: Segment): boolean => s.item === '1.05' || (s.origin === 'xbrl' && !periodic);
    // What other companies went through ("several healthcare companies … experienced ransomware
    // attacks") dates and flags nothing of this incident.
    const ours = (list: Sentence[]): Sentence[] => list.filter((x) => !aboutOthers(x.text));
    const focused = related.map((s) => ours(whole(s) ? s.sentences : aroundIncidentTalk(s.sentences, anchors, 2)));
    const sentences = focused.flat();
    incidentSentences = sentences;
    // What the incident did is often told a sentence further on than what it was worth ("Optum
    // Insight also experienced business disruption impacts of $867 million").
    const effects = ours(related.flatMap((s) => (whole(s) ? s.sentences : aroundIncidentTalk(s.sentences, anchors, 3))));

    for (const fact of focused.flatMap((s) => extractDates(s, header.filedAt))) {
      if (dates[fact.role] === null) {
        dates[fact.role] = fact.value;
        evidence[`dates.${fact.role}`] = fact.sentence;
      }
    }
    const sameDay = dates.contained === null && dates.detected !== null ? containedOnDetectionDay(sentences) : null;
    if (sameDay) {
      dates.contained = dates.detected;
      evidence['dates.contained'] = sameDay;
    }
    const f = extractFlags(effects);
    // A current report's incident section is about the incident throughout: its "has notified the
    // FBI" may come several sentences after the last one that names the incident.
    if (!periodic && !f.flags.lawEnforcementNotified && carrier.seg.origin === 'primary' && carrier.seg.item !== null) {
      const le = extractFlags(carrier.seg.sentences.filter((x) => LAW_ENFORCEMENT.test(x.text)));
      if (le.flags.lawEnforcementNotified) {
        f.flags.lawEnforcementNotified = true;
        f.evidence.lawEnforcementNotified = le.evidence.lawEnforcementNotified;
      }
    }
    flags = f.flags;
    for (const [k, v] of Object.entries(f.evidence)) evidence[`flags.${k}`] = v;
    const m = materiality(focused[0] ?? [], { hedgesNeedTheIncident: periodic });
    const mat = m.materialImpact ? m : materiality(sentences, { hedgesNeedTheIncident: periodic });
    materialImpact = mat.materialImpact;
    materialityConflict = mat.conflict === true;
    if (mat.sentence) evidence.materialImpact = mat.sentence;
    statements = impactStatements(sentences);
    // Tagged text blocks may start or end inside a sentence: quote the whole sentence as filed.
    if (carrier.seg.origin === 'xbrl' && primary) {
      const whole = splitSentences(primary.text);
      for (const [k, v] of Object.entries(evidence)) if (k !== 'item') evidence[k] = wholeSentence(v, whole);
      statements = statements.map((st) => ({ ...st, text: wholeSentence(st.text, whole) }));
    }
    // An amendment's explanatory note, then the report's own item text (tagged blocks may leave out
    // its first sentence), then whatever else speaks of the incident.
    const own = item ? segments.filter((s) => s.origin === 'primary' && s.item === item).flatMap((s) => s.sentences) : [];
    const prev = followUpSentence([...(primary ? explanatoryNote(primary.text, primarySections[0]?.start ?? null) : []), ...own, ...sentences], periodic);
    if (prev) update = true;
    // An amendment quoted without its explanatory note: the sentence that measures the news against
    // the first account ("additional data, beyond what was initially identified, had been
    // exfiltrated", Cencora's 8-K/A) presents it as a follow-up; the form's name is the last resort.
    if (update) evidence.update = prev?.text ?? sentences.find((s) => UPDATED_ACCOUNT.test(s.text))?.text ?? `Form ${form}`;
  }
  const threading = extractThreadingFacts({
    form,
    filedAt: header.filedAt,
    headerPeriod: period,
    primary: primary ? { text: primary.text, html: primary.html, firstItemAt: primarySections[0]?.start ?? null } : null,
    incident,
    incidentSentences,
    dates,
    cyd,
  });
  Object.assign(evidence, threading.evidence);
  lap('extract');
  const { confidence, review } = assess({
    incident,
    periodic,
    item105: hasItem105,
    tagged: incidentFacts.length > 0,
    evidence: incident ? (carrier?.evidence ?? []) : [],
    dated: incident && (dates.began !== null || dates.detected !== null || (carrier?.evidence.some((e) => !e.reference && DATED.test(e.sentence)) ?? false)),
    cyberText,
    // A negative whose text had an incident report that a rule then overrode, or dated event wording set aside.
    setAside: incident ? 0 : (carrier?.evidence.filter((e) => !e.reference).length ?? 0) + (cyberText ? setAsideEvents(allSentences) : 0),
    denial: denial !== null,
    item,
    materialityConflict,
    mentions: incident || !cyberText ? 0 : incidentMentions(allSentences),
    plainNearMisses: incident || cyberText ? 0 : plainNearMisses(allSentences),
  });

  return {
    accessionNumber: header.accessionNumber,
    form,
    cik: header.cik,
    company: header.company,
    filedAt: header.filedAt,
    acceptedAt: header.acceptedAt,
    items,
    incident,
    item,
    update,
    materialImpact,
    dates,
    flags,
    statements,
    ...threading.facts,
    evidence,
    ...(cyd.length > 0
      ? { cyd: { concepts: [...new Set(cyd.map((f) => f.concept))], incidents: [...new Set(cyd.flatMap((f) => (f.incident ? [f.incident] : [])))] } }
      : {}),
    confidence,
    review,
    analyzerVersion: ANALYZER_VERSION,
  };
}

/**
 * The heading of a section as filed: its line up to the end of the title, since renderings run
 * the body on after the title ("Material Cybersecurity Incidents. On March 16, …").
 */
function headingOf(text: string, s: ItemSection): string {
  const lineEnd = text.indexOf('\n', s.start);
  let line = text.slice(s.start, lineEnd < 0 ? undefined : lineEnd);
  // The number in one cell, the title in the next ("Item 1.05." / "Material Cybersecurity Incidents."): one heading.
  if (s.title && lineEnd >= 0 && !line.toLowerCase().includes(s.title.toLowerCase())) {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const next = text.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd);
    if (next.toLowerCase().startsWith(s.title.toLowerCase())) line = `${line} ${next}`;
  }
  const at = s.title ? line.toLowerCase().indexOf(s.title.toLowerCase()) : -1;
  const end = at < 0 ? line.length : at + s.title.length + (line[at + s.title.length] === '.' ? 1 : 0);
  return line.slice(0, end).replace(/^[\s.:\-–—•]+/, '').trim().slice(0, 200);
}

/** The sentence of the document that contains a fragment, or the fragment itself. */
function wholeSentence(fragment: string, sentences: Sentence[]): string {
  if (fragment.length < 20) return fragment;
  const whole = sentences.find((s) => s.text.length >= fragment.length && s.text.includes(fragment))?.text;
  if (!whole) return fragment;
  // The page around a tagged block may glue the cover page and the item heading to the item's
  // first sentence: that is not the sentence the block starts inside.
  const before = whole.slice(0, whole.indexOf(fragment));
  return before.length > 400 || /\b(?:check\s+mark|emerging\s+growth\s+company|Material\s+Cybersecurity\s+Incidents?)\b/i.test(before) ? fragment : whole;
}

/** Sentences that talk about the incident, with the sentence before and `after` sentences after each. */
function aroundIncidentTalk(sentences: Sentence[], anchors: ReadonlySet<string>, after: number): Sentence[] {
  const keep = new Set<number>();
  sentences.forEach((s, i) => {
    if (!INCIDENT_TALK.test(s.text) && !anchors.has(s.text)) return;
    for (let j = Math.max(0, i - 1); j <= Math.min(sentences.length - 1, i + after); j++) keep.add(j);
  });
  return sentences.filter((_, i) => keep.has(i));
}

/** Sentences of several text blocks, each sentence once (tagged blocks overlap heavily). */
function uniqueSentences(texts: string[]): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  for (const t of texts) {
    for (const s of splitSentences(t)) {
      if (seen.has(s.text)) continue;
      seen.add(s.text);
      out.push(s);
    }
  }
  return out;
}

function originRank(seg: Segment): number {
  return seg.origin === 'xbrl' ? 0 : seg.origin === 'primary' ? 1 : 2;
}

function orderFacts(facts: CydFact[]): CydFact[] {
  const rank = (c: string): number => {
    const i = INCIDENT_CONCEPT_ORDER.indexOf(c);
    return i < 0 ? INCIDENT_CONCEPT_ORDER.length : i;
  };
  // One text per concept and incident: some filers tag the same paragraph under two concepts.
  const seen = new Set<string>();
  return [...facts]
    .sort((a, b) => rank(a.concept) - rank(b.concept))
    .filter((f) => {
      const key = f.text;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** News told against the first account: "beyond what was initially identified", "has since determined". */
const UPDATED_ACCOUNT =
  /\b(?:beyond|more\s+than|other\s+than|than)\s+(?:what\s+(?:was|had\s+been)\s+)?(?:initially|originally|previously|first)\s+(?:identified|reported|disclosed|believed|known|thought|estimated|announced|determined)\b|\b(?:has|have)\s+since\s+(?:learned|determined|identified|confirmed|discovered|concluded)\b|\bsubsequently\s+(?:learned|determined|identified|confirmed|discovered|concluded)\b/i;

/** Cheap pre-filter for sentences that may say law enforcement was told. */
const LAW_ENFORCEMENT = /\b(?:law\s+enforcement|FBI|Federal\s+Bureau|Secret\s+Service|police|authorities|Department\s+of\s+Justice|CISA)\b/i;

/**
 * A release announcing a period's results: "Intel Reports Fourth-Quarter and Full-Year 2023
 * Financial Results", "NVIDIA Announces Financial Results for Second Quarter Fiscal 2026",
 * "UnitedHealth Group Reports First Quarter 2024 Results", "announces preliminary results for the
 * fourth quarter of fiscal year 2024" — not "results of its investigation".
 */
const EARNINGS_ANNOUNCEMENT =
  /\b(?:reports?|reported|announces?|announced)\s+(?:its\s+)?(?:(?:preliminary|unaudited)\s+)?(?:(?:financial|operating)\s+)?(?:results|earnings)\s+(?:for|of)\s+(?:the\s+|its\s+)?(?:(?:first|second|third|fourth|fiscal|full|[\w-]+\s+months)[\s-]+)?(?:(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d{2}\s+)?(?:quarter|fiscal|year|full[-\s]year)\b|\b(?:reports?|reported|announces?|announced)\s+(?:its\s+)?(?:(?:preliminary|unaudited)\s+)?(?:(?:first|second|third|fourth)[-\s]quarter|Q[1-4]|full[-\s]year|fiscal(?:\s+year)?|(?:19|20)\d{2})(?:[\s-]+(?:and|full[-\s]year|fiscal|year|quarter|(?:19|20)\d{2}))*\s+(?:financial\s+)?(?:results|earnings)\b/i;
/** The announcement, or the headline line it starts on when the headline runs over two lines ("… ANNOUNCES PRELIMINARY RESULTS" / "FOR THE FOURTH QUARTER …"). */
function earningsAnnouncement(sentences: readonly Sentence[]): Sentence | undefined {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const prev = sentences[i - 1];
    if (prev && /\b(?:reports?|announces?)\b[^.]{0,80}\b(?:results|earnings)$/i.test(prev.text) && EARNINGS_ANNOUNCEMENT.test(`${prev.text} ${s.text}`)) return prev;
    if (EARNINGS_ANNOUNCEMENT.test(s.text)) return s;
  }
  return undefined;
}

/** What Item 1.05 asks the filer to say: a material cybersecurity incident, its reasonably likely material impact. */
const ITEM_105_WORDING = /\breasonably\s+likely\s+to\s+materially\s+impact\b|\bmaterial\s+cybersecurity\s+incidents?\b/i;

/** The 8-K item that carries the incident. */
function pickItem(seg: Segment, items: string[], hasItem105: boolean, segments: Segment[]): string | null {
  if (hasItem105) return '1.05';
  if (seg.item && seg.item !== '9.01') return seg.item;
  // An exhibit: the item whose text furnishes it ("the press release attached as Exhibit 99.1"
  // under Item 7.01), not another incident item of the same report (a dividend under Item 8.01).
  const number = seg.origin === 'exhibit' ? /^EX-(\d{1,3}(?:\.\d{1,3})?)/i.exec(seg.type ?? '')?.[1] : undefined;
  if (number) {
    // "Exhibit 99.1", "Exhibit No. 99.1", "Exhibits 99.1 and 99.2": a number within the same sentence.
    const cites = new RegExp(`\\bExhibits?\\b(?:\\s+No\\.)?(?:[^.]|\\.(?=\\d)){0,80}?(?<![\\d.])${number.replace('.', '\\.')}(?![\\d])`, 'i');
    const furnishing = segments.filter((x) => x.origin === 'primary' && x.item !== null && x.item !== '9.01' && items.includes(x.item) && cites.test(x.text)).map((x) => x.item!);
    for (const it of INCIDENT_ITEMS_BY_PRIORITY) if (furnishing.includes(it)) return it;
    if (furnishing[0]) return furnishing[0];
  }
  // An exhibit or an unheaded text: the item it was filed or furnished under.
  for (const it of INCIDENT_ITEMS_BY_PRIORITY) if (items.includes(it)) return it;
  // A bare text with neither header nor headings: the wording of Item 1.05 names its item.
  if (items.length === 0 && seg.origin === 'primary' && seg.sentences.some((s) => ITEM_105_WORDING.test(s.text))) return '1.05';
  // An earnings release that itself reports the incident, filed without its 8-K (Key Tronic's
  // EX-99.1, "KEY TRONIC CORPORATION ANNOUNCES PRELIMINARY RESULTS FOR THE FOURTH QUARTER OF FISCAL
  // YEAR 2024"): Item 2.02 is the item that furnishes an announcement of a period's results.
  if (items.length === 0 && seg.origin !== 'xbrl' && earningsAnnouncement(seg.sentences)) return '2.02';
  return items.find((it) => it !== '9.01') ?? null;
}
