import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// pdf.js (through pdf-parse) costs ~140 MB of RSS once loaded (bench/memory.ts): a process that
// analyzes filings without PDFs, or only serves the API, should never load it. Checked in a
// process of its own, since this test process may have loaded it already; pdf.js announces itself
// with a `pdfjsLib` global.
const SCRIPT = `
const { analyze } = await import('./src/analysis/index.ts');
const { makePdf } = await import('./test/analysis/make-pdf.ts');
const html = new TextEncoder().encode('<html><body><p>Item 8.01 Other Events.</p><p>The Board declared a quarterly dividend.</p></body></html>');
await analyze(html, { form: '8-K', filedAt: '2024-01-05' });
const afterHtml = typeof globalThis.pdfjsLib;
const pdf = await analyze(makePdf(['Item 8.01 Other Events', 'The Board declared a quarterly dividend.']), { form: '8-K', filedAt: '2024-01-05' });
console.log(JSON.stringify({ afterHtml, afterPdf: typeof globalThis.pdfjsLib, pdfIncident: pdf.incident }));
`;

describe('pdf.js is loaded on the first PDF, not with the analyzer', () => {
  it('analyzes an HTML filing without loading pdf.js, and a PDF with it', { timeout: 60_000 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ afterHtml: 'undefined', afterPdf: 'object', pdfIncident: false });
  });
});
