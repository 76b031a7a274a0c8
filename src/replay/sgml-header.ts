// The SGML header of an EDGAR complete submission (`<SEC-HEADER>` … `</SEC-HEADER>`), parsed just
// far enough for the replay server: identity (accession, form, dates), the 8-K items, and the
// parties with their role, CIK and name — the feed writes one entry per party — plus the section
// tree so the `-index-headers.html` page can be written in EDGAR's tagged form.
//
// Layout (EDGAR.md §5): top-level `LABEL:\t\tvalue` lines, party blocks (`FILER:`, `SUBJECT
// COMPANY:`, …) holding one-tab section lines (`\tCOMPANY DATA:`) and two-tab field lines. The
// number of tabs between label and value varies, and item lines may carry `<ITEMS>1.05` instead of
// a title, so labels are split at the first colon and values trimmed.
//
// The analyzer's parseHeader (src/analysis/submission.ts) reads the same header into a flat summary
// (first filer's company, SIC, state). The replay server needs what that summary drops: every party
// with its feed role, the section tree and field order, the `<TAG>` lines and the verbatim lines, to
// write the -index-headers page and submissions JSON; so it keeps this parser. Item titles map to
// numbers through the analyzer's itemNumberForTitle.

import { itemNumberForTitle } from '../analysis/item-titles.ts';

export type PartyBlock = 'FILER' | 'SUBJECT COMPANY' | 'FILED BY' | 'REPORTING-OWNER' | 'ISSUER';
export type FeedRole = 'Filer' | 'Subject' | 'Filed by' | 'Reporting' | 'Issuer';

/** How the getcurrent feed names each header block in its `(Role)` suffix [REAL role names]. */
export const ROLE_BY_BLOCK: Readonly<Record<PartyBlock, FeedRole>> = {
  FILER: 'Filer',
  'SUBJECT COMPANY': 'Subject',
  'FILED BY': 'Filed by',
  'REPORTING-OWNER': 'Reporting',
  ISSUER: 'Issuer',
};

export interface HeaderField {
  label: string;
  value: string;
}

export interface HeaderSection {
  label: string;
  fields: HeaderField[];
}

export interface HeaderParty {
  block: PartyBlock;
  role: FeedRole;
  /** 10 digits, as in the header. */
  cik: string;
  name: string;
  sections: HeaderSection[];
}

export interface SubmissionHeader {
  /** `0000731766-24-000045.hdr.sgml : 20240222` (the text after `<SEC-HEADER>`). */
  secHeader: string;
  acceptanceDateTime: string;
  /** `<TAG>value` lines inside the header other than ACCEPTANCE-DATETIME, in order. */
  tags: HeaderField[];
  /** Top-level `LABEL: value` lines in order (ITEM INFORMATION repeats). */
  fields: HeaderField[];
  accession: string;
  form: string;
  documentCount: number | undefined;
  /** YYYYMMDD */
  period: string | undefined;
  /** YYYYMMDD */
  filedDate: string;
  /** Item numbers, from `<ITEMS>1.05` or from the title. */
  items: string[];
  /** ITEM INFORMATION values that are neither `<ITEMS>n` nor a known 8-K title. */
  unknownItems: string[];
  parties: HeaderParty[];
  /** Every line between the `<SEC-HEADER>` line and `</SEC-HEADER>`, verbatim. */
  lines: string[];
}

/** The value of `label` in the party's first `section` of that name (`BUSINESS ADDRESS` → `CITY`). */
export function partyField(party: HeaderParty | undefined, section: string, label: string): string | undefined {
  return party?.sections.find((s) => s.label === section)?.fields.find((f) => f.label === label)?.value;
}

const PARTY_BLOCKS = new Set<string>(Object.keys(ROLE_BY_BLOCK));

/** A top-level label that opens a party block (`FILER:`, `SUBJECT COMPANY:`, …). */
export function isPartyBlock(label: string): label is PartyBlock {
  return PARTY_BLOCKS.has(label);
}

function splitLabel(line: string): HeaderField | undefined {
  const m = /^([^:<][^:]*):[ \t]*(.*)$/.exec(line);
  if (!m) return undefined;
  return { label: (m[1] ?? '').trim(), value: (m[2] ?? '').trim() };
}

/** Parses the header of a complete submission given as text (read the bytes as latin1). */
export function parseSubmissionHeader(text: string): SubmissionHeader {
  const open = /<SEC-HEADER>([^\n]*)\n/.exec(text);
  if (!open) throw new Error('not an EDGAR submission: no <SEC-HEADER>');
  const bodyStart = open.index + open[0].length;
  const close = text.indexOf('</SEC-HEADER>', bodyStart);
  if (close < 0) throw new Error('not an EDGAR submission: no </SEC-HEADER>');
  const lines = text.slice(bodyStart, close).replace(/\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));

  const tags: HeaderField[] = [];
  const fields: HeaderField[] = [];
  const parties: HeaderParty[] = [];
  let acceptanceDateTime = '';
  let party: HeaderParty | undefined;
  let section: HeaderSection | undefined;

  for (const line of lines) {
    if (line.trim() === '') continue;
    const tag = /^<([A-Z0-9-]+)>(.*)$/.exec(line);
    if (tag) {
      if (tag[1] === 'ACCEPTANCE-DATETIME') acceptanceDateTime = (tag[2] ?? '').trim();
      else tags.push({ label: tag[1] ?? '', value: (tag[2] ?? '').trim() });
      continue;
    }
    const depth = /^\t*/.exec(line)?.[0].length ?? 0;
    const field = splitLabel(line.replace(/^\t+/, ''));
    if (!field) continue;
    if (depth === 0) {
      section = undefined;
      if (isPartyBlock(field.label) && field.value === '') {
        party = { block: field.label, role: ROLE_BY_BLOCK[field.label], cik: '', name: '', sections: [] };
        parties.push(party);
      } else {
        party = undefined;
        fields.push(field);
      }
    } else if (depth === 1 || !section) {
      if (!party) continue;
      section = { label: field.label, fields: [] };
      party.sections.push(section);
    } else {
      section.fields.push(field);
      if (party && field.label === 'CENTRAL INDEX KEY' && !party.cik) party.cik = field.value;
      if (party && field.label === 'COMPANY CONFORMED NAME' && !party.name) party.name = field.value;
    }
  }

  const first = (label: string): string | undefined => fields.find((f) => f.label === label)?.value;
  const items: string[] = [];
  const unknownItems: string[] = [];
  for (const f of fields) {
    if (f.label !== 'ITEM INFORMATION' || f.value === '') continue;
    const numeric = /^<ITEMS>\s*(\S+)/.exec(f.value);
    const code = numeric ? numeric[1] : itemNumberForTitle(f.value);
    if (code) items.push(code);
    else unknownItems.push(f.value);
  }

  const accession = first('ACCESSION NUMBER');
  const form = first('CONFORMED SUBMISSION TYPE');
  const filedDate = first('FILED AS OF DATE');
  if (!accession || !form || !filedDate || !acceptanceDateTime) {
    throw new Error(`incomplete SGML header (accession=${accession}, form=${form}, filed=${filedDate}, accepted=${acceptanceDateTime})`);
  }
  const count = first('PUBLIC DOCUMENT COUNT');
  return {
    secHeader: (open[1] ?? '').trim(),
    acceptanceDateTime,
    tags,
    fields,
    accession,
    form,
    documentCount: count ? Number(count) : undefined,
    period: first('CONFORMED PERIOD OF REPORT'),
    filedDate,
    items,
    unknownItems,
    parties,
    lines,
  };
}
