// Does a filing present itself as a follow-up on an incident it (or an earlier filing) already
// disclosed? An 8-K/A says so by its form; an update filed as a plain 8-K, a rendering without its
// header and a 10-Q say so in words: "As previously disclosed", "the Original Report", "Amendment
// No. 1 to the Current Report", "supplements the Current Report", "since the original report
// was filed".

import { splitSentences, type Sentence } from './sentences.ts';

/** A sentence that talks about an incident (rather than the business around it). */
export const INCIDENT_TALK =
  /\b(?:cyber|incident|attack|unauthori[sz]ed|threat\s+actor|intrusion|breach|ransomware|malware|exfiltrat|hack|compromis|Original\s+Report|Initial\s+Report|Prior\s+8-K)/i;

/** A pointer back to an earlier disclosure, for sentences that also talk about the incident. */
const PREVIOUSLY_DISCLOSED =
  /\b(?:(?:as\s+)?(?:previously\s+)?(?:disclosed|reported|announced|described)\s+(?:in|on)\s+(?:a|an|the|our|its)\s+(?:Current\s+Report|Form\s+8-K|8-K|press\s+release|Original|Initial|Prior|Previous)\b|(?:the|our|its)\s+previously\s+(?:disclosed|reported|announced)\b|(?:filed|furnished)\s+(?:a\s+)?(?:Current\s+Report\s+on\s+)?Form\s+8-K\s+(?:\w+\s+){0,4}?(?:regarding|relating\s+to|related\s+to|about|disclosing|announcing|concerning)|we\s+announced\s+that|(?:we|the\s+Company)\s+(?:previously\s+)?(?:reported|disclosed|announced)\s+the\s+discovery\b|\b(?:incident|attack|breach|event)\s+(?:first\s+)?(?:disclosed|reported|announced|communicated)\s+(?:publicly\s+)?on\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2})|follow[-\s]?up\s+to\s+(?:its|our|the)\s+(?:\w+\s+){0,2}(?:disclosure|report|Current\s+Report|Form\s+8-K)|disclos\w+\s+in\s+Item\s+\d\.\d\d\s+of\s+(?:a|an|the|its|our)\s+(?:Current\s+Report|Form\s+8-K))|\b(?:as\s+(?:was\s+)?previously\s+(?:disclosed|reported|announced)|as\s+(?:disclosed|reported|described)\s+in\s+(?:the|our|its)\s+(?:Original|Initial|Prior|Previous|Earlier)\b|previously\s+(?:disclosed|reported)\s+(?:cyber|incident|in\s+(?:a|the|our|its)\s+(?:Current\s+Report|Form\s+8-K))|as\s+set\s+forth\s+in\s+(?:its|our|the)\s+Form\s+8-K\s+filed|previously\s+(?:disclosed|reported|announced)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\s+)?(?:cyber|incident|ransomware|data\s+breach)|\b(?:attack|incident|breach|intrusion)\s+(?:that\s+)?(?:we|the\s+Company)\s+(?:previously\s+)?(?:announced|disclosed|reported)\s+(?:on|in)\s+)/i;
/** "the cybersecurity incident that Equifax reported on September 7, 2017": the filer by its name (capitalised). */
const REPORTED_BY_NAME =
  /\b(?:[Aa]ttack|[Ii]ncident|[Bb]reach|[Ii]ntrusion)\s+(?:that\s+)?(?!(?:We|The|It|They)\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+(?:previously\s+)?(?:announced|disclosed|reported)\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d/;

/**
 * A periodic report telling, by its date, what the registrant itself reported then: "On June 3,
 * 2019, the Company reported that Retrieval-Masters Creditors Bureau, Inc./American Medical
 * Collection Agency (“AMCA”) had informed the Company …". It points back to that announcement. (An
 * 8-K's "On <date>, the Company announced that" is mostly the press release it furnishes.)
 */
const DATED_OWN_REPORT =
  /\b(?:[Oo]n|[Ii]n)\s+(?:or\s+about\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?\d{4},?\s+(?:we|the\s+(?:Company|Registrant|Corporation|Bank))\s+(?:first\s+|publicly\s+)?(?:reported|announced|disclosed)\s+(?:publicly\s+)?that\b/;

const EARLIER = '(?:original|initial|prior|previous|earlier)';
const REPORT = '(?:Current\\s+Report(?:\\s+on\\s+Form\\s+8-K)?|Form\\s+8-K|8-K|report|filing|disclosure)';

/**
 * Wording that makes the report itself a follow-up on an earlier one, whatever else the sentence
 * is about ("Since the date of the original filing, the investigation has progressed").
 */
const FOLLOWS_UP = new RegExp(
  [
    // "This Amendment No. 1 to the Current Report on Form 8-K filed on May 14, 2025"
    `\\bAmendment\\s+No\\.?\\s*\\d+\\b[^.;]{0,120}?\\b(?:to|amends?|amending)\\s+(?:the|its|our|a|an)\\s+(?:(?:${EARLIER})\\s+)?(?:Current\\s+Report|Form\\s+8-K|8-K)`,
    // "supplements the Current Report", "is being filed to amend and supplement the Original Report"
    `\\b(?:supplements|amends|updates|(?:(?:is|being)\\s+)?(?:filed|furnished)\\s+(?:solely\\s+)?to\\s+(?:supplement|amend|update))\\s+(?:and\\s+(?:supplements?|amends?|updates?)\\s+)?(?:the|its|our|certain)\\s+(?:information\\s+(?:in|disclosed\\s+in|provided\\s+in|included\\s+in|contained\\s+in)\\s+(?:the|its|our)\\s+)?(?:${EARLIER}\\s+)?${REPORT}`,
    // "since the original report was filed", "Since the filing of the Original Report", "since the date of the initial filing"
    `\\bsince\\s+(?:the\\s+(?:date\\s+of\\s+(?:the\\s+)?|filing\\s+of\\s+(?:the\\s+)?)?)?${EARLIER}\\s+${REPORT}`,
    `\\bsince\\s+(?:we|the\\s+Company|the\\s+Registrant)\\s+(?:filed|furnished)\\s+the\\s+${EARLIER}\\s+${REPORT}`,
  ].join('|'),
  'i',
);
/** A defined term for the filing followed up on: "the Original Report", "the Prior 8-K" (capitalised, as defined). */
const EARLIER_REPORT_TERM = /\bthe\s+(?:Original|Initial|Prior|Previous)\s+(?:Report|Current\s+Report|Form\s+8-K|8-K|Filing|Disclosure)\b/;
const AS_PREVIOUSLY = /\bas\s+(?:was\s+)?previously\s+(?:disclosed|reported|announced|described)\b/i;
/** What else an 8-K says was "previously announced": a call, a dividend, a deal. */
const SOMETHING_ELSE =
  /\b(?:conference\s+call|webcast|dividends?|earnings\s+(?:call|release)|(?:share|stock|offering|purchase|DRP|NAV)\s+price|merger|acquisition|agreement|offering|annual\s+meeting|guidance|appointment|retirement|resignation)\b/i;

/** The sentence presents the text as a follow-up on an earlier disclosure. */
export function followsUp(text: string, periodic: boolean): boolean {
  if ((PREVIOUSLY_DISCLOSED.test(text) || REPORTED_BY_NAME.test(text)) && INCIDENT_TALK.test(text)) return true;
  if (periodic && DATED_OWN_REPORT.test(text) && INCIDENT_TALK.test(text)) return true;
  if (FOLLOWS_UP.test(text) || EARLIER_REPORT_TERM.test(text)) return true;
  // A 10-K says "as previously disclosed" about anything; an 8-K section about the incident means it.
  return !periodic && AS_PREVIOUSLY.test(text) && !SOMETHING_ELSE.test(text);
}

/** The first sentence, in the order given, that presents the filing as a follow-up. */
export function followUpSentence(sentences: Iterable<Sentence>, periodic: boolean): Sentence | null {
  for (const s of sentences) if (followsUp(s.text, periodic)) return s;
  return null;
}

/**
 * The "Explanatory Note" of an amendment: between the cover page and the first item heading, it
 * says what the amendment amends. Empty when the text before the first item has none.
 */
export function explanatoryNote(text: string, firstItemAt: number | null): Sentence[] {
  const before = text.slice(Math.max(0, (firstItemAt ?? text.length) - 4000), firstItemAt ?? Math.min(text.length, 20000));
  const at = before.search(/\bExplanatory\s+Note\b/i);
  return at < 0 ? [] : splitSentences(before.slice(at));
}
