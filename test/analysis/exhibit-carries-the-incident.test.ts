// A current report whose body only furnishes an exhibit, the exhibit telling the incident: the
// item is the one whose text furnishes that exhibit, not another item of the same report. Item
// 7.01's and the exhibit's sentences are Microsoft's 8-K of January 19, 2024 (Item 1.05 left out,
// so that the exhibit carries the incident); the Item 8.01 beside them is written.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const submission = (itemTitles: string[], primary: string, exhibit: string, exhibitType = 'EX-99.1'): string =>
  [
    '<SEC-DOCUMENT>0001193125-24-011295.txt : 20240119',
    '<SEC-HEADER>0001193125-24-011295.hdr.sgml : 20240119',
    'ACCESSION NUMBER:\t\t0001193125-24-011295',
    'CONFORMED SUBMISSION TYPE:\t8-K',
    'PUBLIC DOCUMENT COUNT:\t\t2',
    ...itemTitles.map((t) => `ITEM INFORMATION:\t\t${t}`),
    'FILED AS OF DATE:\t\t20240119',
    '</SEC-HEADER>',
    `<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d717104d8k.htm\n<TEXT>\n<html><body>${primary}</body></html>\n</TEXT>\n</DOCUMENT>`,
    `<DOCUMENT>\n<TYPE>${exhibitType}\n<SEQUENCE>2\n<FILENAME>d717104dex991.htm\n<TEXT>\n<html><body>${exhibit}</body></html>\n</TEXT>\n</DOCUMENT>`,
    '</SEC-DOCUMENT>',
  ].join('\n');

const item701 =
  '<p>Item 7.01. Regulation FD Disclosure</p><p>On January 19, 2024, the Company posted a blog regarding the incident. A copy of the blog is furnished as Exhibit 99.1 to this report.</p>';
const item801 = '<p>Item 8.01. Other Events</p><p>On January 17, 2024, the Board of Directors declared a quarterly dividend of $0.75 per share.</p>';
const item901 = '<p>Item 9.01. Financial Statements and Exhibits</p><p>(d) Exhibits:</p><p>99.1 Microsoft Blog Post dated January 19, 2024</p>';
const blog =
  '<p>Microsoft Actions Following Attack by Nation State Actor Midnight Blizzard</p><p>The Microsoft security team detected a nation-state attack on our corporate systems on January 12, 2024, and immediately activated our response process to investigate, disrupt malicious activity, mitigate the attack, and deny the threat actor further access.</p>';

describe('the item of an incident an exhibit tells', () => {
  it('is the item that furnishes the exhibit: Item 7.01, not the dividend under Item 8.01', async () => {
    const a = await analyze(submission(['Regulation FD Disclosure', 'Other Events', 'Financial Statements and Exhibits'], item701 + item801 + item901, blog));
    expect(a).toMatchObject({ incident: true, item: '7.01', items: ['7.01', '8.01', '9.01'] });
    expect(a.evidence.item).toBe('Item 7.01. Regulation FD Disclosure');
    expect(a.evidence.incident).toMatch(/^The Microsoft security team detected a nation-state attack/);
  });

  it('is Item 8.01 when Item 8.01 furnishes it', async () => {
    const body801 = '<p>Item 8.01. Other Events</p><p>On January 19, 2024, the Company posted a blog regarding the incident. A copy of the blog is filed as Exhibit No. 99.1 to this report.</p>';
    const dividend701 = '<p>Item 7.01. Regulation FD Disclosure</p><p>The Company will present at an investor conference on January 23, 2024.</p>';
    const a = await analyze(submission(['Regulation FD Disclosure', 'Other Events', 'Financial Statements and Exhibits'], dividend701 + body801 + item901, blog));
    expect(a).toMatchObject({ incident: true, item: '8.01' });
  });

  it('still follows the items’ order when no item names the exhibit', async () => {
    const bare701 = '<p>Item 7.01. Regulation FD Disclosure</p><p>On January 19, 2024, the Company posted a blog regarding the incident.</p>';
    const a = await analyze(submission(['Regulation FD Disclosure', 'Other Events', 'Financial Statements and Exhibits'], bare701 + item801 + item901, blog));
    expect(a.item).toBe('8.01');
  });

  it('does not take Exhibit 99.2 for Exhibit 99.1', async () => {
    const cites992 = '<p>Item 7.01. Regulation FD Disclosure</p><p>The investor presentation is furnished as Exhibit 99.2.</p>';
    const a = await analyze(submission(['Regulation FD Disclosure', 'Other Events', 'Financial Statements and Exhibits'], cites992 + item801 + item901, blog));
    expect(a.item).toBe('8.01');
  });
});
