// The EDGAR complete submission (`<accession>.txt`): an SGML header, then one `<DOCUMENT>` block
// per document. Binary documents are uuencoded; HTML, XML and text documents are inline.

import { easternToUtcIso } from '../calendar/eastern-time.ts';
import { itemNumberForTitle } from './item-titles.ts';
import { isUuencoded, uudecode } from './uudecode.ts';

export interface Filer {
  company: string | null;
  cik: string | null;
  sic: string | null;
  /** The SIC code's title as the header spells it (`SERVICES-PREPACKAGED SOFTWARE`); the tag form has none. */
  sicDescription: string | null;
  /** State of incorporation. */
  state: string | null;
  /** The SEC office reviewing its filings (`ORGANIZATION NAME`, e.g. `06 Technology`). */
  secOffice: string | null;
  fiscalYearEnd: string | null;
  businessCity: string | null;
  businessState: string | null;
  /** `FORMER COMPANY` blocks: the name and the date (`YYYY-MM-DD`) it was changed. */
  formerNames: Array<{ name: string; changedAt: string | null }>;
  role: string;
}

const newFiler = (role: string): Filer => ({
  company: null,
  cik: null,
  sic: null,
  sicDescription: null,
  state: null,
  secOffice: null,
  fiscalYearEnd: null,
  businessCity: null,
  businessState: null,
  formerNames: [],
  role,
});

export interface SubmissionHeader {
  accessionNumber: string | null;
  form: string | null;
  /** Numeric 8-K items (`1.05`), from `<ITEMS>` tags and from item titles. */
  items: string[];
  /** `YYYY-MM-DD` */
  period: string | null;
  /** `YYYY-MM-DD` */
  filedAt: string | null;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ` */
  acceptedAt: string | null;
  company: string | null;
  cik: string | null;
  /** Four-digit SIC code. */
  sic: string | null;
  /** State of incorporation. */
  state: string | null;
  filers: Filer[];
  /** The filer the filing is about (the filer, else the subject company), with all its company data. */
  registrant: Filer | null;
}

export interface SubmissionDocument {
  type: string;
  sequence: number | null;
  filename: string | null;
  description: string | null;
  /** The document's text as filed (HTML, XML or plain text); absent for binary documents. */
  text?: string;
  /** Decoded bytes of a uuencoded (binary) document. */
  bytes?: Uint8Array;
}

export interface Submission {
  header: SubmissionHeader;
  documents: SubmissionDocument[];
}

/** Complete-submission files start with one of these tags. */
export function looksLikeSubmission(text: string): boolean {
  const head = text.slice(0, 2000);
  return /<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-DOCUMENT>/i.test(head) || (/<DOCUMENT>/i.test(head) && /<TYPE>/i.test(head));
}

const yyyymmdd = (v: string | undefined): string | null => {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec((v ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

function toText(input: Uint8Array | string): string {
  return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

/** Parse a complete submission. Bytes are read as Latin-1, as EDGAR serves them. */
export function parseSubmission(input: Uint8Array | string): Submission {
  const text = toText(input);
  const firstDoc = text.search(/<DOCUMENT>/i);
  const headerEnd = text.search(/<\/SEC-HEADER>/i);
  const headerText = text.slice(0, headerEnd >= 0 ? headerEnd : firstDoc >= 0 ? firstDoc : Math.min(text.length, 20000));
  return { header: parseHeader(headerText), documents: parseDocuments(text, firstDoc) };
}

/** Parses both header spellings: `ITEM INFORMATION:\t<value>` lines and `<ITEMS>value` tags. */
export function parseHeader(headerText: string): SubmissionHeader {
  const header: SubmissionHeader = {
    accessionNumber: null,
    form: null,
    items: [],
    period: null,
    filedAt: null,
    acceptedAt: null,
    company: null,
    cik: null,
    sic: null,
    state: null,
    filers: [],
    registrant: null,
  };
  const items: string[] = [];
  const addItem = (value: string): void => {
    const v = value.replace(/<ITEMS>/i, '').trim();
    if (!v) return;
    const num = /^\d{1,2}\.\d{2}$/.test(v) ? v : itemNumberForTitle(v);
    if (num && !items.includes(num)) items.push(num);
  };
  let filer: Filer | null = null;
  let role = 'FILER';
  // The block a field is in: CITY and STATE mean the business address only inside it.
  let section = '';
  const value1 = (v: string): string | null => v.trim() || null;
  for (const rawLine of headerText.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const tag = /^<([A-Z0-9-]+)>(.*)$/.exec(line.trim());
    if (tag) {
      const [, name = '', value = ''] = tag;
      switch (name) {
        case 'ACCEPTANCE-DATETIME':
          header.acceptedAt = easternToUtcIso(value);
          break;
        case 'ACCESSION-NUMBER':
          header.accessionNumber ??= value.trim();
          break;
        case 'TYPE':
          header.form ??= value.trim();
          break;
        case 'PERIOD':
          header.period ??= yyyymmdd(value);
          break;
        case 'FILING-DATE':
          header.filedAt ??= yyyymmdd(value);
          break;
        case 'ITEMS':
          addItem(value);
          break;
        case 'FILER':
        case 'FILED-BY':
        case 'SUBJECT-COMPANY':
        case 'REPORTING-OWNER':
        case 'ISSUER':
          role = name.replace(/-/g, ' ');
          filer = newFiler(role);
          header.filers.push(filer);
          break;
        case 'CONFORMED-NAME':
          if (filer) filer.company ??= value.trim();
          break;
        case 'CIK':
          if (filer) filer.cik ??= value.trim();
          break;
        case 'ASSIGNED-SIC':
          if (filer) filer.sic ??= value.trim();
          break;
        case 'STATE-OF-INCORPORATION':
          if (filer) filer.state ??= value.trim();
          break;
        case 'ORGANIZATION-NAME':
          if (filer) filer.secOffice ??= value1(value);
          break;
        case 'FISCAL-YEAR-END':
          if (filer) filer.fiscalYearEnd ??= value1(value);
          break;
        case 'BUSINESS-ADDRESS':
        case 'MAIL-ADDRESS':
          section = name;
          break;
        case 'FORMER-COMPANY':
          section = name;
          filer?.formerNames.push({ name: '', changedAt: null });
          break;
        case 'FORMER-CONFORMED-NAME': {
          const former = filer?.formerNames.at(-1);
          if (former && section === 'FORMER-COMPANY') former.name = value.trim();
          break;
        }
        case 'DATE-CHANGED': {
          const former = filer?.formerNames.at(-1);
          if (former && section === 'FORMER-COMPANY') former.changedAt = yyyymmdd(value);
          break;
        }
        case 'CITY':
          if (filer && section === 'BUSINESS-ADDRESS') filer.businessCity ??= value1(value);
          break;
        case 'STATE':
          if (filer && section === 'BUSINESS-ADDRESS') filer.businessState ??= value1(value);
          break;
      }
      continue;
    }
    if (/^<\/(BUSINESS-ADDRESS|MAIL-ADDRESS|FORMER-COMPANY)>/.test(line.trim())) {
      section = '';
      continue;
    }
    const kv = /^\s*([A-Z][A-Z ]*[A-Z]):[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    const [, key = '', value = ''] = kv;
    switch (key) {
      case 'ACCESSION NUMBER':
        header.accessionNumber ??= value.trim();
        break;
      case 'CONFORMED SUBMISSION TYPE':
        header.form ??= value.trim();
        break;
      case 'CONFORMED PERIOD OF REPORT':
        header.period ??= yyyymmdd(value);
        break;
      case 'FILED AS OF DATE':
        header.filedAt ??= yyyymmdd(value);
        break;
      case 'ITEM INFORMATION':
        addItem(value);
        break;
      case 'FILER':
      case 'FILED BY':
      case 'SUBJECT COMPANY':
      case 'REPORTING OWNER':
      case 'ISSUER':
        role = key;
        filer = newFiler(role);
        header.filers.push(filer);
        break;
      case 'COMPANY CONFORMED NAME':
        if (filer) filer.company ??= value.trim();
        break;
      case 'CENTRAL INDEX KEY':
        if (filer) filer.cik ??= value.trim();
        break;
      case 'STANDARD INDUSTRIAL CLASSIFICATION': {
        const sic = /\[(\d{3,4})\]/.exec(value)?.[1] ?? (/^\d{3,4}$/.test(value.trim()) ? value.trim() : null);
        if (filer) filer.sic ??= sic;
        if (filer && sic) filer.sicDescription ??= value1(value.replace(/\s*\[\d{3,4}\]\s*$/, ''));
        break;
      }
      case 'STATE OF INCORPORATION':
        if (filer) filer.state ??= value.trim() || null;
        break;
      case 'ORGANIZATION NAME':
        if (filer) filer.secOffice ??= value1(value);
        break;
      case 'FISCAL YEAR END':
        if (filer) filer.fiscalYearEnd ??= value1(value);
        break;
      case 'COMPANY DATA':
      case 'FILING VALUES':
      case 'BUSINESS ADDRESS':
      case 'MAIL ADDRESS':
        section = key;
        break;
      case 'FORMER COMPANY':
        section = key;
        filer?.formerNames.push({ name: '', changedAt: null });
        break;
      case 'FORMER CONFORMED NAME': {
        const former = filer?.formerNames.at(-1);
        if (former && section === 'FORMER COMPANY') former.name = value.trim();
        break;
      }
      case 'DATE OF NAME CHANGE': {
        const former = filer?.formerNames.at(-1);
        if (former && section === 'FORMER COMPANY') former.changedAt = yyyymmdd(value);
        break;
      }
      case 'CITY':
        if (filer && section === 'BUSINESS ADDRESS') filer.businessCity ??= value1(value);
        break;
      case 'STATE':
        if (filer && section === 'BUSINESS ADDRESS') filer.businessState ??= value1(value);
        break;
    }
  }
  header.items = items;
  // The registrant is the filer (or the subject company of a third-party filing), listed first.
  const main =
    header.filers.find((f) => f.role === 'FILER') ??
    header.filers.find((f) => f.role === 'SUBJECT COMPANY') ??
    header.filers[0];
  if (main) {
    header.company = main.company;
    header.cik = main.cik;
    header.sic = main.sic;
    header.state = main.state;
  }
  header.registrant = main ?? null;
  for (const f of header.filers) f.formerNames = f.formerNames.filter((n) => n.name !== '');
  return header;
}

/** The one-line tags of a document's metadata, compiled once. */
const DOCUMENT_TAG = {
  type: /<TYPE>([^\r\n<]*)/i,
  sequence: /<SEQUENCE>([^\r\n<]*)/i,
  filename: /<FILENAME>([^\r\n<]*)/i,
  description: /<DESCRIPTION>([^\r\n<]*)/i,
};

const tagValue = (block: string, tag: RegExp): string | null => {
  const v = tag.exec(block)?.[1]?.trim();
  return v ? v : null;
};

function parseDocuments(text: string, from: number): SubmissionDocument[] {
  const docs: SubmissionDocument[] = [];
  if (from < 0) return docs;
  const openRe = /<DOCUMENT>/gi;
  openRe.lastIndex = from;
  // The next closing tag at or after the current position, found once and reused: searching
  // afresh for a tag that is missing would rescan the rest of the file for every document.
  let close = -2;
  let nextOpen = -2;
  let m: RegExpExecArray | null;
  while ((m = openRe.exec(text))) {
    const start = m.index + m[0].length;
    if (close !== -1 && close < start) close = text.indexOf('</DOCUMENT>', start);
    let end = close;
    if (end < 0) {
      if (nextOpen !== -1 && nextOpen < start) nextOpen = text.indexOf('<DOCUMENT>', start);
      end = nextOpen < 0 ? text.length : nextOpen;
    }
    docs.push(parseDocument(text.slice(start, end)));
    openRe.lastIndex = end;
  }
  return docs;
}

function parseDocument(block: string): SubmissionDocument {
  const textStart = block.search(/<TEXT>/i);
  const meta = textStart >= 0 ? block.slice(0, textStart) : block.slice(0, 2000);
  const seq = tagValue(meta, DOCUMENT_TAG.sequence);
  const doc: SubmissionDocument = {
    type: tagValue(meta, DOCUMENT_TAG.type) ?? '',
    sequence: seq && /^\d+$/.test(seq) ? Number(seq) : null,
    filename: tagValue(meta, DOCUMENT_TAG.filename),
    description: tagValue(meta, DOCUMENT_TAG.description),
  };
  if (textStart < 0) return doc;
  let body = block.slice(textStart + 6);
  const textEnd = body.lastIndexOf('</TEXT>');
  if (textEnd >= 0) body = body.slice(0, textEnd);
  // Content wrappers EDGAR puts inside <TEXT>: <XBRL>, <XML>, <PDF>, <PRE> on plain text.
  const wrapped = /^\s*<(XBRL|XML|PDF)>/i.exec(body);
  if (wrapped) {
    const tag = wrapped[1] ?? '';
    body = body.slice(wrapped[0].length);
    const close = body.toUpperCase().lastIndexOf(`</${tag.toUpperCase()}>`);
    if (close >= 0) body = body.slice(0, close);
  }
  if (isUuencoded(body)) {
    doc.bytes = uudecode(body).bytes;
  } else {
    doc.text = body.replace(/^\r?\n/, '');
  }
  return doc;
}
