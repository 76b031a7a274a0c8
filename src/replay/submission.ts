// The documents inside an EDGAR complete submission (`<DOCUMENT>` blocks), and the bytes EDGAR
// serves for each at its own URL: the `<TEXT>` content without the SGML-only `<XBRL>`, `<XML>` or
// `<PDF>` wrapper, uudecoded when binary. Checked against the real NVIDIA filing, whose index page
// lists the served sizes (31103 bytes for the iXBRL primary document, 2711 for the `<XML>`-wrapped
// instance).

import { isUuencoded, uudecode } from '../analysis/uudecode.ts';

export interface SubmissionDocument {
  type: string;
  sequence: string;
  filename: string;
  description: string | undefined;
  /** Offsets of the `<TEXT>` content in the submission (the file read as latin1, so byte offsets). */
  textStart: number;
  textEnd: number;
  /** The content is wrapped in `<XBRL>` (inline XBRL documents). */
  xbrl: boolean;
}

const WRAPPERS = ['XBRL', 'XML', 'PDF'] as const;

/** Lists the `<DOCUMENT>` blocks of a submission given as latin1 text. */
export function listDocuments(text: string): SubmissionDocument[] {
  const docs: SubmissionDocument[] = [];
  const re = /<DOCUMENT>\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const headStart = m.index + m[0].length;
    const textTag = text.indexOf('<TEXT>', headStart);
    if (textTag < 0) break;
    const head = text.slice(headStart, textTag);
    const tag = (name: string): string | undefined => new RegExp(`^<${name}>(.*)$`, 'm').exec(head)?.[1]?.trim();
    let textStart = textTag + '<TEXT>'.length;
    if (text[textStart] === '\r') textStart++;
    if (text[textStart] === '\n') textStart++;
    const textEnd = text.indexOf('</TEXT>', textStart);
    if (textEnd < 0) break;
    docs.push({
      type: tag('TYPE') ?? '',
      sequence: tag('SEQUENCE') ?? '',
      filename: tag('FILENAME') ?? '',
      description: tag('DESCRIPTION'),
      textStart,
      textEnd,
      xbrl: text.startsWith('<XBRL>', textStart),
    });
    re.lastIndex = textEnd;
  }
  return docs;
}

/** The bytes EDGAR serves for one document of the submission. */
export function extractDocument(submission: Buffer, doc: SubmissionDocument): Buffer {
  let start = doc.textStart;
  let end = doc.textEnd;
  const at = (s: string, i: number): boolean => submission.toString('latin1', i, i + s.length) === s;
  for (const w of WRAPPERS) {
    const open = `<${w}>\n`;
    const close = `</${w}>\n`;
    if (at(open, start) && at(close, end - close.length)) {
      start += open.length;
      end -= close.length;
      break;
    }
  }
  const body = submission.subarray(start, end);
  const head = body.toString('latin1', 0, 32);
  return isUuencoded(head) ? Buffer.from(uudecode(body.toString('latin1')).bytes) : Buffer.from(body);
}
