// PDF exhibits (and PDF inputs) to text through pdf-parse 2.x.

import { PDFParse } from 'pdf-parse';
import { normalizeText } from './html-text.ts';

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // pdf.js may transfer (detach) the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return normalizeText(result.text);
  } finally {
    await parser.destroy();
  }
}
