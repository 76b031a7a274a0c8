import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { pdfToText } from '../../src/analysis/pdf.ts';
import { uudecode, uuencode } from '../../src/analysis/uudecode.ts';
import { makePdf } from './make-pdf.ts';

const LINES = [
  'Item 1.05 Material Cybersecurity Incidents',
  'On January 3, 2024, the Company detected unauthorized access to its network by a threat actor.',
  'The Company has not yet determined whether the incident is reasonably likely to materially impact',
  'its financial condition or results of operations.',
];

describe('PDF documents', () => {
  it('reads the text of a PDF', async () => {
    const text = await pdfToText(makePdf(LINES));
    expect(text).toContain('Item 1.05 Material Cybersecurity Incidents');
    expect(text).toContain('On January 3, 2024, the Company detected');
  });

  it('analyzes a PDF given on its own', async () => {
    const a = await analyze(makePdf(LINES), { form: '8-K', filedAt: '2024-01-05', items: ['1.05'] });
    expect(a).toMatchObject({ incident: true, item: '1.05', materialImpact: 'not-determined' });
    expect(a.dates.detected).toBe('2024-01-03');
  });

  it('reads a uuencoded PDF exhibit inside a complete submission', async () => {
    const pdf = makePdf(['Exhibit 99.1', 'On March 4, 2025, Example Corp. discovered that a threat actor had gained access to its systems and exfiltrated files.']);
    expect(uudecode(uuencode('ex991.pdf', pdf)).bytes).toEqual(pdf);
    const submission = [
      '<SEC-DOCUMENT>0000000000-25-000001.txt : 20250306',
      '<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20250306',
      '<ACCEPTANCE-DATETIME>20250306171500',
      'ACCESSION NUMBER:\t\t0000000000-25-000001',
      'CONFORMED SUBMISSION TYPE:\t8-K',
      'ITEM INFORMATION:\t\tOther Events',
      'ITEM INFORMATION:\t\tFinancial Statements and Exhibits',
      'FILED AS OF DATE:\t\t20250306',
      '</SEC-HEADER>',
      '<DOCUMENT>',
      '<TYPE>8-K',
      '<SEQUENCE>1',
      '<FILENAME>form8k.htm',
      '<TEXT>',
      '<html><body><p>Item 8.01 Other Events</p><p>The Company is filing the press release attached as Exhibit 99.1.</p><p>Item 9.01 Financial Statements and Exhibits</p></body></html>',
      '</TEXT>',
      '</DOCUMENT>',
      '<DOCUMENT>',
      '<TYPE>EX-99.1',
      '<SEQUENCE>2',
      '<FILENAME>ex991.pdf',
      '<TEXT>',
      '<PDF>',
      uuencode('ex991.pdf', pdf),
      '</PDF>',
      '</TEXT>',
      '</DOCUMENT>',
      '</SEC-DOCUMENT>',
    ].join('\n');
    const a = await analyze(submission);
    expect(a).toMatchObject({ form: '8-K', items: ['8.01', '9.01'], incident: true, item: '8.01', acceptedAt: '2025-03-06T22:15:00Z' });
    expect(a.dates.detected).toBe('2025-03-04');
    expect(a.flags.dataAccessed).toBe(true);
  });
});
