// `{accession}-index-headers.html`: EDGAR's small page that carries the header twice — in an HTML
// comment in the tagged SGML form (`<ITEMS>7.01`, `<CONFORMED-NAME>…`), which is where clients find
// numeric item codes, and in a <PRE> block as the human-readable header followed by one link per
// document. Written from the parsed submission header; test/replay/index-headers.test.ts checks the
// writer against the two real pages in the corpus.

import { itemNumberForTitle } from '../analysis/item-titles.ts';
import { escapeXml } from './feed.ts';
import type { HeaderField, SubmissionHeader } from './sgml-header.ts';
import type { SubmissionDocument } from './submission.ts';

/** Top-level header labels → tags. */
const TOP_TAGS: Readonly<Record<string, string>> = {
  'ACCESSION NUMBER': 'ACCESSION-NUMBER',
  'CONFORMED SUBMISSION TYPE': 'TYPE',
  'PUBLIC DOCUMENT COUNT': 'PUBLIC-DOCUMENT-COUNT',
  'CONFORMED PERIOD OF REPORT': 'PERIOD',
  'ITEM INFORMATION': 'ITEMS',
  'FILED AS OF DATE': 'FILING-DATE',
  'DATE AS OF CHANGE': 'DATE-OF-FILING-DATE-CHANGE',
  'EFFECTIVENESS DATE': 'EFFECTIVENESS-DATE',
  'GROUP MEMBERS': 'GROUP-MEMBERS',
};

/** Field labels inside party sections → tags. [REAL] for those in the corpus samples, else [MEM]. */
const FIELD_TAGS: Readonly<Record<string, string>> = {
  'COMPANY CONFORMED NAME': 'CONFORMED-NAME',
  'CENTRAL INDEX KEY': 'CIK',
  'STANDARD INDUSTRIAL CLASSIFICATION': 'ASSIGNED-SIC',
  'ORGANIZATION NAME': 'ORGANIZATION-NAME',
  'IRS NUMBER': 'IRS-NUMBER',
  EIN: 'IRS-NUMBER', // newer headers say "EIN:"; the tagged form is assumed unchanged [MEM]
  'STATE OF INCORPORATION': 'STATE-OF-INCORPORATION',
  'FISCAL YEAR END': 'FISCAL-YEAR-END',
  'FORM TYPE': 'FORM-TYPE',
  'SEC ACT': 'ACT',
  'SEC FILE NUMBER': 'FILE-NUMBER',
  'FILM NUMBER': 'FILM-NUMBER',
  'STREET 1': 'STREET1',
  'STREET 2': 'STREET2',
  'BUSINESS PHONE': 'PHONE',
  'FORMER CONFORMED NAME': 'FORMER-CONFORMED-NAME',
  'DATE OF NAME CHANGE': 'DATE-CHANGED',
};

const hyphenate = (label: string): string => label.trim().replace(/\s+/g, '-');

function topTag(field: HeaderField): string {
  const tag = TOP_TAGS[field.label] ?? hyphenate(field.label);
  let value = field.value;
  if (tag === 'ITEMS') {
    // The tagged form carries item numbers where the human header carries titles.
    value = /^<ITEMS>\s*(\S+)/.exec(value)?.[1] ?? itemNumberForTitle(value) ?? value;
  }
  return `<${tag}>${value}`;
}

function fieldTag(field: HeaderField): string {
  const tag = FIELD_TAGS[field.label] ?? hyphenate(field.label);
  let value = field.value;
  if (tag === 'ASSIGNED-SIC') value = /\[(\d+)\]/.exec(value)?.[1] ?? value; // "SERVICES-… [7372]" → 7372
  if (tag === 'ACT') value = /^(\d{2})(\d{2}) Act$/.exec(value)?.[2] ?? value; // "1934 Act" → 34
  return `<${tag}>${value}`;
}

/** The header in EDGAR's tagged SGML form, as inside the page's HTML comment. */
export function taggedHeader(header: SubmissionHeader): string[] {
  const out = [`<SEC-HEADER>${header.secHeader}`, `<ACCEPTANCE-DATETIME>${header.acceptanceDateTime}`];
  for (const t of header.tags) out.push(`<${t.label}>${t.value}`);
  for (const f of header.fields) {
    if (f.label === 'ITEM INFORMATION' && f.value === '') continue;
    out.push(topTag(f));
  }
  for (const party of header.parties) {
    const block = hyphenate(party.block);
    out.push(`<${block}>`);
    for (const section of party.sections) {
      const tag = hyphenate(section.label);
      out.push(`<${tag}>`);
      for (const f of section.fields) out.push(fieldTag(f));
      out.push(`</${tag}>`);
    }
    out.push(`</${block}>`);
  }
  out.push('</SEC-HEADER>');
  return out;
}

function documentLinks(doc: SubmissionDocument): string[] {
  const n = `Document ${doc.sequence}`;
  // XML data documents get a rendered (xsl) link and a raw one, as on the real pages.
  if (doc.type === 'XML' && /\.xml$/i.test(doc.filename)) {
    const html = doc.filename.replace(/\.xml$/i, '.html');
    return [`<a href="xsl/${doc.filename}">${n} - file: ${html}</a><br>`, `<a href="${doc.filename}">${n} - RAW XML: ${doc.filename}</a><br>`];
  }
  return [`<a href="${doc.filename}">${n} - file: ${doc.filename}</a><br>`];
}

/** The whole `-index-headers.html` page. `secDocumentDate` is the date after the `.txt :` of the submission. */
export function writeIndexHeadersPage(header: SubmissionHeader, documents: readonly SubmissionDocument[], secDocumentDate: string): string {
  const lines: string[] = [];
  lines.push(`<HTML><HEAD><TITLE>SEC EDGAR Submission ${header.accession}</TITLE>`, '<!--');
  lines.push(...taggedHeader(header));
  lines.push('-->', '</HEAD><BODY>');
  const pre: string[] = [`<SEC-DOCUMENT>${header.accession}-index.html : ${secDocumentDate}`, `<SEC-HEADER>${header.secHeader}`];
  pre.push(...header.lines);
  pre.push('</SEC-HEADER>');
  const body: string[] = pre.map(escapeXml);
  for (const doc of documents) {
    body.push(escapeXml('<DOCUMENT>'), escapeXml(`<TYPE>${doc.type}`), escapeXml(`<SEQUENCE>${doc.sequence}`), escapeXml(`<FILENAME>${doc.filename}`));
    if (doc.description !== undefined) body.push(escapeXml(`<DESCRIPTION>${doc.description}`));
    body.push(escapeXml('<TEXT>'), ...documentLinks(doc), escapeXml('</DOCUMENT>'));
  }
  body.push(`${escapeXml('</SEC-DOCUMENT>')}</PRE></BODY></HTML>`);
  lines.push(`<PRE>${body.join('\n')}`);
  return `${lines.join('\n')}\n`;
}
