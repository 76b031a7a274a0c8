// The facts incident threading joins filings on (issue 8 §3): the report date, what an amendment
// amends, the earlier filings cited, and the incident's name(s). Each is read from where filers
// state it: the header and cover page, the explanatory note before the first item, and the
// sentences about the incident.

import { extractAmendment } from './amendment.ts';
import { extractIncidentNames } from './incident-name.ts';
import { citationsIn, referencesFrom } from './references.ts';
import { extractReportDate } from './report-date.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import type { Analysis, IncidentDates } from './types.ts';
import type { CydFact } from './xbrl-cyd.ts';

export type ThreadingFacts = Pick<Analysis, 'reportDate' | 'amendment' | 'references' | 'incidentName' | 'incidents'>;

/** Explanatory notes say "amend", "supplement", "Original Report" or "previously": only those sentences of the cover are read. */
const NOTE = /\bamend|\bAmendment\b|\bsupplement|\bOriginal\b|\bInitial\s+Report|\bpreviously\b|\bupdate/i;
/** The cover page and explanatory note end at the first item; past this much it is a 10-K's table of contents. */
const MAX_COVER = 20000;

export function extractThreadingFacts(input: {
  form: string | null;
  filedAt: string | null;
  /** CONFORMED PERIOD OF REPORT, `YYYY-MM-DD`. */
  headerPeriod: string | null;
  /** The primary document: text, HTML when it was HTML, and where its first item heading starts. */
  primary: { text: string; html?: string; firstItemAt: number | null } | null;
  incident: boolean;
  /** The sentences the analysis read about the incident (empty when there is none). */
  incidentSentences: readonly Sentence[];
  dates: IncidentDates;
  cyd: readonly CydFact[];
}): { facts: ThreadingFacts; evidence: Record<string, string> } {
  const evidence: Record<string, string> = {};
  const text = input.primary?.text ?? '';
  // A document without item headings (a cover page alone, an excerpt) is all cover.
  const cover = text.slice(0, Math.min(input.primary?.firstItemAt ?? text.length, MAX_COVER));
  // Most covers say none of it: split the cover into sentences only when one does.
  const note = cover && NOTE.test(cover) ? splitSentences(cover).filter((s) => NOTE.test(s.text)) : [];

  const reportDate = extractReportDate({ form: input.form, headerPeriod: input.headerPeriod, text, ...(input.primary?.html ? { html: input.primary.html } : {}) });
  if (reportDate) evidence.reportDate = reportDate.evidence;

  const read = [...note, ...input.incidentSentences];
  const citations = read.flatMap((sentence) => citationsIn(sentence.text, input.filedAt));
  const amendment = extractAmendment({ form: input.form, cover, sentences: read, citations });
  if (amendment) evidence.amendment = amendment.evidence ?? `Form ${input.form}`;

  // "This earnings release and the Form 8-K dated April 16, 2024": a report filed on the filing's own
  // date, or dated its own report date, is the filing itself — unless it is an amendment, whose
  // original shares its report date.
  const inNote = new Set(note.map((n) => n.text));
  const references = referencesFrom(input.incident ? citations : citations.filter((c) => inNote.has(c.sentence))).filter(
    (r) => (r.reference.filedOn === null || r.reference.filedOn !== input.filedAt) && (amendment !== null || !r.reference.reportDate || r.reference.reportDate !== reportDate?.value),
  );
  references.forEach((r, i) => (evidence[`references.${i}`] = r.sentence));

  // An amendment's explanatory note may define the incident's term before the item text uses it:
  // "… regarding the cybersecurity incident disclosed … in Item 1.05 of the Original Report (the
  // “cybersecurity incident”)" (Brandywine's 8-K/A).
  const told = new Set(input.incidentSentences.map((s) => s.text));
  const named = [...note.filter((s) => !told.has(s.text) && /\(\s*(?:the\s+)?[“"]/.test(s.text)), ...input.incidentSentences];
  const names = input.incident ? extractIncidentNames({ sentences: named, cyd: input.cyd, dates: input.dates, filedAt: input.filedAt }) : null;
  Object.assign(evidence, names?.evidence ?? {});

  return {
    facts: {
      reportDate: reportDate?.value ?? null,
      amendment: amendment?.amendment ?? null,
      references: references.map((r) => r.reference),
      incidentName: names?.incidentName ?? null,
      incidents: names?.incidents ?? [],
    },
    evidence,
  };
}
