import { uuencode } from '../analysis/uudecode.ts';
import { EdgarError, type EdgarClient } from '../edgar/client.ts';
import { parseIndexHeaders, type IndexedDocument } from '../edgar/index-headers.ts';
import { filingUrls } from '../edgar/urls.ts';

export interface FetchedFiling {
  /** A complete-submission SGML text holding the header and the documents the analysis reads. */
  submission: Buffer;
  documents: string[];
  /** HTTP requests spent on this filing, retries included. */
  requests: number;
  bytes: number;
  /** True when the index was missing and the whole `.txt` submission was fetched instead. */
  fullSubmission: boolean;
}

export interface FilingRef {
  accessionNumber: string;
  cik: string;
  form: string;
}

/** At most this many exhibits per filing: press releases and letters, where the substance often is. */
const MAX_EXHIBITS = 4;
const TEXT_DOCUMENT = /\.(htm|html|txt|xml)$/i;

/**
 * Picks what the analysis needs: the primary document (the filing's own form) and its EX-99
 * exhibits — never the XBRL archives, spreadsheets and images that make a 20 KB 8-K a 20 MB
 * submission.
 */
export function selectDocuments(documents: IndexedDocument[], form: string): IndexedDocument[] {
  const base = form.replace(/\/A$/, '');
  const primary =
    documents.find((d) => d.type === form) ?? documents.find((d) => d.type === base) ?? documents.find((d) => d.sequence === 1) ?? documents[0];
  const exhibits = documents
    .filter((d) => d !== primary && /^EX-99/i.test(d.type) && (TEXT_DOCUMENT.test(d.filename) || /\.pdf$/i.test(d.filename)))
    .slice(0, MAX_EXHIBITS);
  return primary ? [primary, ...exhibits] : exhibits;
}

/** Fetches a filing with as few requests and bytes as its analysis allows. */
export async function fetchFiling(edgar: EdgarClient, filing: FilingRef, signal?: AbortSignal): Promise<FetchedFiling> {
  const urls = filingUrls(edgar.baseUrls.www, filing.cik, filing.accessionNumber);
  let requests = 0;
  let bytes = 0;
  const get = async (url: string) => {
    const res = await edgar.get(url, { signal });
    requests += res.requests;
    bytes += res.body.length;
    return res.body;
  };

  let index;
  try {
    index = parseIndexHeaders((await get(urls.indexHeaders)).toString('latin1'));
  } catch (err) {
    if (!(err instanceof EdgarError && err.code === 'edgar.not_found')) throw err;
    index = null;
  }
  if (!index || index.documents.length === 0) {
    const submission = await get(urls.submission);
    return { submission, documents: [`${filing.accessionNumber}.txt`], requests, bytes, fullSubmission: true };
  }

  const parts = [index.header];
  const selected = selectDocuments(index.documents, filing.form);
  for (const doc of selected) {
    const body = await get(`${urls.folder}/${doc.filename}`);
    const text = /\.pdf$/i.test(doc.filename) ? uuencode(doc.filename, body) : body.toString('latin1');
    parts.push(
      [
        '<DOCUMENT>',
        `<TYPE>${doc.type}`,
        ...(doc.sequence !== null ? [`<SEQUENCE>${doc.sequence}`] : []),
        `<FILENAME>${doc.filename}`,
        ...(doc.description ? [`<DESCRIPTION>${doc.description}`] : []),
        '<TEXT>',
        text,
        '</TEXT>',
        '</DOCUMENT>',
      ].join('\n'),
    );
  }
  return {
    submission: Buffer.from(parts.join('\n'), 'latin1'),
    documents: selected.map((d) => d.filename),
    requests,
    bytes,
    fullSubmission: false,
  };
}
