// Characters read as a reader of the filing sees them. EDGAR serves documents as Latin-1; a
// document written in Windows-1252 then holds C1 code points where a browser shows "’", "“ ”" and
// "–" (0x92, 0x93/0x94, 0x96), and HTML may carry soft hyphens and zero-width spaces inside words.
// The sentences are Microsoft's Item 1.05 text of January 19, 2024 (committed fixture); the
// Windows-1252 bytes and the invisible characters are written into them.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { htmlToText } from '../../src/analysis/html-text.ts';
import { findItemSections } from '../../src/analysis/items.ts';

const cp1252 = (s: string): Buffer =>
  Buffer.from(
    s.replace(/[’“”–]/g, (c) => ({ '’': '\x92', '“': '\x93', '”': '\x94', '–': '\x96' })[c]!),
    'latin1',
  );

const heading = 'Item 1.05 – Material Cybersecurity Incidents';
const detected =
  'On January 12, 2024, Microsoft (the “Company” or “we”) detected that beginning in late November 2023, a nation-state associated threat actor had gained access to and exfiltrated information from a very small percentage of employee email accounts.';
const removed = 'We were able to remove the threat actor’s access to the email accounts on or about January 13, 2024.';

describe('Windows-1252 punctuation in a Latin-1 document', () => {
  it('reads an HTML 8-K in Windows-1252 with its quotes, apostrophes and the dash of its heading', async () => {
    const bytes = cp1252(`<html><body><p>${heading}</p><p>${detected} ${removed}</p><p>SIGNATURES</p></body></html>`);
    expect(bytes.includes(0x96)).toBe(true);
    const a = await analyze(bytes, { form: '8-K', filedAt: '2024-01-19' });
    expect(a).toMatchObject({ incident: true, item: '1.05', items: ['1.05'] });
    expect(a.evidence.item).toBe(heading);
    expect(a.evidence.incident).toBe(detected);
    expect(a.evidence['dates.contained']).toBe(removed);
  });

  it('reads the same bytes in a complete submission', async () => {
    const sub = Buffer.concat([
      Buffer.from(
        '<SEC-DOCUMENT>0001193125-24-011295.txt : 20240119\n<SEC-HEADER>0001193125-24-011295.hdr.sgml : 20240119\nACCESSION NUMBER:\t\t0001193125-24-011295\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nITEM INFORMATION:\t\tMaterial Cybersecurity Incidents\nFILED AS OF DATE:\t\t20240119\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d717104d8k.htm\n<TEXT>\n',
        'latin1',
      ),
      cp1252(`<html><body><p>${heading}</p><p>${detected}</p></body></html>`),
      Buffer.from('\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n', 'latin1'),
    ]);
    const a = await analyze(sub);
    expect(a.evidence.item).toBe(heading);
    expect(a.evidence.incident).toBe(detected);
  });

  it('gives a plain-text 8-K in Windows-1252 its heading’s title', () => {
    const text = htmlToText(`<pre>${cp1252(`${heading}\n${detected}`).toString('latin1')}</pre>`);
    expect(findItemSections(text)).toMatchObject([{ item: '1.05', title: 'Material Cybersecurity Incidents', titled: true }]);
  });

  it('leaves UTF-8 text and its own dashes and quotes as they are', async () => {
    const a = await analyze(Buffer.from(`<html><body><p>${heading}</p><p>${detected}</p></body></html>`, 'utf8'), { form: '8-K', filedAt: '2024-01-19' });
    expect(a.evidence.item).toBe(heading);
    expect(a.evidence.incident).toBe(detected);
  });
});

describe('characters a reader never sees', () => {
  it('joins a word split by a soft hyphen or a zero-width space', () => {
    expect(htmlToText('<p>a nation-state associated threat actor gained access to our cyber&shy;security and le&#8203;gal functions&#xFEFF;.</p>')).toBe(
      'a nation-state associated threat actor gained access to our cybersecurity and legal functions.',
    );
  });

  it('still turns a no-break space into a space: “Item&#160;1.05”', () => {
    expect(htmlToText('<p>Item&#160;1.05&#160;&#8211;&#160;Material Cybersecurity Incidents</p>')).toBe(heading);
  });
});
