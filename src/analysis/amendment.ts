// What an amendment amends: "This Amendment No. 1 (this “Amendment”) to the Current Report on
// Form 8-K filed by Nucor Corporation (the “Company”) on May 14, 2025 (the “Original Form 8-K”)".
// The number comes from that sentence or the cover ("FORM 8-K/A (Amendment No. 1)"); the amended
// filing is the citation the filing defines as its Original (or Initial) Report, else the one the
// amending sentence cites. An 8-K/A is an amendment even when it says nothing of the kind.

import type { Citation } from './references.ts';
import type { Sentence } from './sentences.ts';
import type { Amendment } from './types.ts';

const AMENDMENT_FORM = /\/A$/i;
/** The filing presents itself as an amendment of an earlier report. */
const AMENDS =
  /^\s*(?:This|The)\s+(?:Amendment|(?:Current\s+Report\s+on\s+)?Form\s+8-K\/A)\b|\bthis\s+(?:Amendment|(?:Current\s+Report\s+on\s+)?Form\s+8-K\/A)\s+(?:No\.?\s*\d{1,2}\s+)?(?:\([^()]{0,40}\)\s+)?(?:amends|supplements|updates|provides|is\s+being\s+filed|hereby|to\s+(?:the|its|our|amend|supplement|update|provide)|on\s+Form)\b|\bamends?\s+(?:and\s+(?:supplements|restates)\s+)?(?:the|its|our|that\s+certain)\s+(?:Current\s+Report|Form\s+8-K|Original|Initial|previously\s+filed|report)|\bAmendment\s+(?:No\.?|Number)\s*\d{1,2}\s*(?:\([^()]{0,40}\)\s*)?(?:to|on)\s+(?:the|its|our|Form|Current)/;
/** What an amending sentence must also name for a plain 8-K to be read as an amendment of one. */
const NAMES_A_FILING = /\b(?:Current\s+Report|Form\s+8-K|Original\s+(?:Report|Form|Filing|8-K)|Initial\s+(?:Report|Form|8-K))/;
const NUMBER = /\bAmendment\s+(?:No\.?|Number)\s*(\d{1,2})\b/i;
const COVER_NUMBER = /\(\s*Amendment\s+(?:No\.?|Number)\s*(\d{1,2})\s*\)|FORM\s+8-K\/A\s+Amendment\s+(?:No\.?|Number)\s*(\d{1,2})\b/i;
const ORIGINAL = /\b(?:Original|Initial|Prior|Previous|Earlier|First)\b/i;

export interface AmendmentFact {
  amendment: Amendment;
  /** The sentence it came from; null when only the form type says so. */
  evidence: string | null;
}

/**
 * The amendment, from the explanatory note and the sentences about the incident; null when the
 * filing neither is an amended form nor says it amends a report.
 */
export function extractAmendment(input: {
  form: string | null;
  /** The cover page and explanatory note (the primary document before its first item). */
  cover: string;
  sentences: readonly Sentence[];
  /** The citations of other filings in those sentences (references.ts). */
  citations: readonly Citation[];
}): AmendmentFact | null {
  const amendedForm = AMENDMENT_FORM.test(input.form ?? '');
  const amending = input.sentences.find((s) => AMENDS.test(s.text) && (amendedForm || NAMES_A_FILING.test(s.text)));
  if (!amendedForm && !amending) return null;

  const { citations } = input;
  const original =
    citations.find((c) => c.defines !== null && ORIGINAL.test(c.defines)) ??
    (amending ? citations.find((c) => c.sentence === amending.text && !c.form.endsWith('/A')) : undefined);
  const numberText = amending ? NUMBER.exec(amending.text)?.[1] : undefined;
  const cover = COVER_NUMBER.exec(input.cover.slice(0, 6000));
  const coverNumber = amendedForm ? (cover?.[1] ?? cover?.[2]) : undefined;
  const number = numberText ?? coverNumber;

  const of: Amendment['of'] = { filedOn: original?.filedOn ?? null };
  if (original?.reportDate) of.reportDate = original.reportDate;
  if (original?.accessionNumber) of.accessionNumber = original.accessionNumber;
  const evidence = amending?.text ?? (original?.sentence ?? (cover && coverNumber ? cover[0].replace(/\s+/g, ' ').trim() : null));
  return { amendment: { number: number ? Number(number) : null, of }, evidence };
}
