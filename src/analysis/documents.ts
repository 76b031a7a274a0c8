// The readable documents of a filing, whatever form it came in: the primary document and its
// exhibits as text, with any inline-XBRL `cyd:` facts they carry.

import { normalizeText, readHtml, textReader } from './html-text.ts';
import { binaryReason, documentText, NOT_TEXT } from './input.ts';
import type { SubmissionDocument } from './submission.ts';
import { cydReader, hasCydFacts, type CydFact } from './xbrl-cyd.ts';

export interface TextDocument {
  /** EDGAR document type: `8-K`, `EX-99.1`, `10-Q`; `TEXT` for a bare text input. */
  type: string;
  filename: string | null;
  primary: boolean;
  text: string;
  /** Raw HTML when the document was HTML. */
  html?: string;
  /** The inline-XBRL `cyd:` facts of a primary HTML document. */
  cyd?: CydFact[];
  /** Bytes of a PDF document still to be read. */
  pdf?: Uint8Array;
}

// Machine-readable companions of a filing, never prose.
const NON_PROSE_TYPE = /^(?:EX-101|XML|ZIP|EXCEL|GRAPHIC|JSON|EX-104|XBRL|EX-FILING FEES|EX-27)/i;
const NON_PROSE_FILE = /\.(?:xsd|xml|js|css|json|jpe?g|gif|png|xlsx?|zip)$/i;

function looksLikeHtml(text: string): boolean {
  return /<(?:html|body|p|div|table|font|span|br)[\s>/]/i.test(text.slice(0, 5000));
}

/**
 * An HTML document's text and, for the primary document, its `cyd:` facts: one parse for both
 * (HTML parsing is the largest part of reading a filing).
 */
export function htmlDocument(html: string, primary: boolean): Pick<TextDocument, 'text' | 'html' | 'cyd'> {
  const text = textReader();
  const cyd = primary && hasCydFacts(html) ? cydReader() : null;
  readHtml(html, cyd ? [text, cyd] : [text]);
  return { text: text.text(), html, ...(cyd ? { cyd: cyd.facts() } : {}) };
}

/** Plain-text documents in a submission may be wrapped in <PRE> and carry <PAGE> markers. */
function plainText(text: string): string {
  return normalizeText(text.replace(/<\/?(?:PRE|PAGE|S|C|FN|CAPTION|TABLE)>/gi, '\n'));
}

/** A filing whose main document is not a document: it is set aside with this reason, not read as empty. */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/**
 * Text documents (HTML, plain text) hold almost no control characters; a document made of
 * binary data read as Latin-1 holds about one in four (bytes 0-31 and 127-159).
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 127 && c < 160)) control++;
  }
  return control / sample.length > 0.05;
}

/** The documents worth reading: the primary document (sequence 1) and exhibits with prose. */
export function readableDocuments(docs: readonly SubmissionDocument[], form: string | null): TextDocument[] {
  const out: TextDocument[] = [];
  let hasPrimary = false;
  const keep = (doc: TextDocument): void => {
    hasPrimary ||= doc.primary;
    out.push(doc);
  };
  docs.forEach((d, i) => {
    const primary = i === 0 || (form !== null && d.type === form && !hasPrimary);
    if (!primary && (NON_PROSE_TYPE.test(d.type) || (d.filename && NON_PROSE_FILE.test(d.filename)))) return;
    if (!primary && !/^EX-99|^EX-20|^EX-17|^8-K|^10-[KQ]|^6-K|^20-F/i.test(d.type)) return;
    const isPdf = (d.filename && /\.pdf$/i.test(d.filename)) || (d.bytes && d.bytes[0] === 0x25 && d.bytes[1] === 0x50);
    if (d.bytes) {
      if (isPdf) keep({ type: d.type, filename: d.filename, primary, text: '', pdf: d.bytes });
      return;
    }
    if (d.text === undefined) return;
    const raw = documentText(d.text);
    if (primary && (raw === null || looksBinary(raw))) {
      const kind = binaryReason(Buffer.from(d.text.slice(0, 8192), 'latin1'));
      const named = kind && kind !== NOT_TEXT ? ` (${kind})` : '';
      throw new UnreadableDocumentError(`the primary document${d.filename ? ` ${d.filename}` : ''} (${d.type}) is binary data, not a readable filing${named}`);
    }
    if (raw === null) return;
    if (looksLikeHtml(raw)) keep({ type: d.type, filename: d.filename, primary, ...htmlDocument(raw, primary) });
    else keep({ type: d.type, filename: d.filename, primary, text: plainText(raw) });
  });
  return out;
}
