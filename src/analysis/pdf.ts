// PDF exhibits (and PDF inputs) to text through pdf-parse 2.x.

import { normalizeText } from './html-text.ts';

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // Loaded on the first PDF, not with the analyzer: pdf.js costs ~140 MB of RSS, and most filings
  // carry no PDF (bench/memory.ts).
  const { PDFParse } = await import('pdf-parse');
  // pdf.js may transfer (detach) the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return normalizeText(result.text);
  } finally {
    await parser.destroy();
  }
}
