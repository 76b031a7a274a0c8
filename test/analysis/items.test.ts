import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/analysis/html-text.ts';
import { findItemSections } from '../../src/analysis/items.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { fixture } from './corpus.ts';

const items = (text: string): string[] => findItemSections(text).map((s) => s.item);

describe('findItemSections', () => {
  it('finds headings in their usual spellings', () => {
    expect(items('Item 1.05. Material Cybersecurity Incidents.\nOn May 1, 2025, we detected it.')).toEqual(['1.05']);
    expect(items('ITEM 1.05\nMaterial Cybersecurity Incident.\nOn May 1, 2025, we detected it.')).toEqual(['1.05']);
    expect(items('Item 1.05 Material Event.\nThe Company detected it.')).toEqual(['1.05']);
    expect(items('Item No. 8.01 Other Events\nSomething happened.')).toEqual(['8.01']);
    expect(items('I T E M 7 . 0 1 Regulation FD Disclosure\nA press release.')).toEqual(['7.01']);
  });

  it('takes the title from the next line when the heading line holds only the number', () => {
    const [s] = findItemSections('Item 1.05\nMaterial Cybersecurity Incidents\nOn August 9, 2025, F5 learned that…');
    expect(s).toMatchObject({ item: '1.05', title: 'Material Cybersecurity Incidents' });
    expect(s!.text.startsWith('On August 9, 2025')).toBe(true);
  });

  it('opens a section at an item title standing without a number', () => {
    const [s] = findItemSections('Material Cybersecurity Incidents. On March 16, 2026, the Company experienced a disruption.');
    expect(s).toMatchObject({ item: '1.05' });
    expect(s!.text).toBe('On March 16, 2026, the Company experienced a disruption.');
  });

  it('gives each item of a combined heading the same section', () => {
    expect(items('Items 2.02 and 7.01 Results of Operations\nRevenue rose.')).toEqual(['2.02', '7.01']);
  });

  it('skips $1.05 in an earnings release', () => {
    const text = 'Item 2.02 Results of Operations and Financial Condition\nDiluted earnings per share were\n$1.05 per share, up from $0.98.\n1.05\nItem 9.01 Financial Statements and Exhibits\n99.1 Press release';
    expect(items(text)).toEqual(['2.02', '9.01']);
  });

  it('skips cross-references to Item 1.05 inside sentences and wrapped lines', () => {
    const text =
      'Item 8.01 Other Events\nThe Company will file an amendment under Item 1.05 if it determines the incident is material, as required by\nItem 1.05 of Form 8-K and the instructions thereto.';
    expect(items(text)).toEqual(['8.01']);
  });

  it('does not count a 10-K’s governance text that names Item 1.05', () => {
    const text =
      'Item 1C. Cybersecurity\nOur incident response plan requires an assessment of whether an incident requires disclosure under Item 1.05 of Form 8-K.\nItem 2. Properties\nWe lease offices.';
    expect(items(text)).toEqual(['1C', '2']);
  });

  it('drops table-of-contents lines and keeps the real section', () => {
    const text = 'Item 1A. Risk Factors 12\nItem 1C. Cybersecurity 30\nItem 2. Properties 31\nPART I\nItem 1A. Risk Factors\nRisks described at length here and more text to make this a real section of the report.\nItem 1C. Cybersecurity\nWe maintain a program for assessing, identifying and managing cybersecurity risks.\nItem 2. Properties\nWe lease our headquarters.';
    const sections = findItemSections(text);
    expect(sections.map((s) => s.item)).toEqual(['1A', '1C', '2']);
    expect(sections[1]!.text).toContain('We maintain a program');
  });

  it('ends a section at SIGNATURES and at forward-looking-statement boilerplate', () => {
    const text =
      'Item 1.05 Material Cybersecurity Incidents\nWe detected the intrusion.\nForward-Looking Statements\nThis report contains forward-looking statements.\nSIGNATURES\nPursuant to the requirements…';
    expect(findItemSections(text)[0]!.text).toBe('We detected the intrusion.');
    const collapsed =
      'Item 1.05 Material Cybersecurity Incidents On May 5, 2026, the Bank became aware of an incident. 2 SIGNATURES Pursuant to the requirements of the Securities Exchange Act of 1934';
    expect(findItemSections(collapsed)[0]!.text).toBe('On May 5, 2026, the Bank became aware of an incident. 2');
  });

  it('cuts Microsoft’s Item 1.05 section before its forward-looking paragraph and finds Item 7.01 after it', () => {
    const text = fixture('raw/item105/msft-2024-01-19-0001193125-24-011295.txt').toString('utf8');
    const sections = findItemSections(text);
    expect(sections.map((s) => s.item)).toEqual(['1.05', '7.01']);
    expect(sections[0]!.text).toMatch(/results of operations\.$/);
  });
});

describe('htmlToText', () => {
  it('keeps block structure and turns &#160; into a space', () => {
    expect(htmlToText('<div><p>Item&#160;1.05.&#160;Material</p><p>On <b>May</b> 1,\n2025.</p></div>')).toBe('Item 1.05. Material\nOn May 1, 2025.');
  });

  it('puts a heading laid out in table cells on one line', () => {
    expect(htmlToText('<table><tr><td>Item 1.05</td><td>Material Cybersecurity Incidents</td></tr></table><p>Body</p>')).toBe(
      'Item 1.05 Material Cybersecurity Incidents\nBody',
    );
  });

  it('keeps the hidden inline-XBRL header out of the text', () => {
    const html = '<html><body><div style="display:none"><ix:header><ix:hidden>8-K false 0000731766</ix:hidden></ix:header></div><p>Visible</p></body></html>';
    expect(htmlToText(html)).toBe('Visible');
  });

  it('reads UnitedHealth’s primary document with its Item 1.05 heading on its own line', () => {
    const sub = parseSubmission(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));
    const text = htmlToText(sub.documents[0]!.text!);
    expect(text).toContain('\nItem 1.05. Material Cybersecurity Incidents.\nOn February 21, 2024, UnitedHealth Group');
    expect(text).not.toContain('0000731766'); // hidden dei facts
    const sections = findItemSections(text);
    expect(sections.map((s) => s.item)).toEqual(['1.05']);
    expect(sections[0]!.text).toMatch(/financial condition or results of operations\.$/);
  });
});

// Heading shapes other EDGAR parsers' regression suites test, in real filings' wording.
describe('item headings as filings write them', () => {
  const body = 'On April 22, 2025, the Company entered into a Credit Agreement with the lenders party thereto, providing for a revolving credit facility of $500 million.';

  it('gives headings stacked over one body that body, each of them', () => {
    const text = `Item 1.01 Entry into a Material Definitive Agreement.\nItem 2.03 Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant.\n${body}\nItem 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n10.1 Credit Agreement`;
    const sections = findItemSections(text);
    expect(sections.map((s) => [s.item, s.text])).toEqual([
      ['1.01', body],
      ['2.03', body],
      ['9.01', '(d) Exhibits\n10.1 Credit Agreement'],
    ]);
  });

  it('counts every item of a stack in the analysis when the filing has no header', async () => {
    const a = await analyze(`Item 1.01 Entry into a Material Definitive Agreement\nItem 2.03 Creation of a Direct Financial Obligation\n${body}\nSIGNATURES`, { form: '8-K' });
    expect(a.items).toEqual(['1.01', '2.03']);
  });

  it('reads a text headed by several items once: no statement is reported twice', async () => {
    const incident = 'On March 1, 2025, the Company detected unauthorized access to its systems by a threat actor. The incident has not had a material impact on operations.';
    for (const text of [`Items 1.05 and 8.01 Material Cybersecurity Incidents\n${incident}`, `Item 1.05 Material Cybersecurity Incidents\nItem 8.01 Other Events\n${incident}`]) {
      const a = await analyze(text, { form: '8-K', filedAt: '2025-03-05' });
      expect(a).toMatchObject({ items: ['1.05', '8.01'], item: '1.05', incident: true });
      expect(a.statements.map((st) => st.text)).toEqual(['The incident has not had a material impact on operations.']);
    }
  });

  it('does not stack a 10-K’s table of contents onto the text after it', () => {
    const text = 'Item 1A. Risk Factors\nItem 1C. Cybersecurity\nForward-looking statements and a long introduction to the annual report that runs on for a while, long enough to pass for a section.\nItem 1A. Risk Factors\nRisks described at length here and more text to make this a real section of the report.\nItem 1C. Cybersecurity\nWe maintain a program for assessing, identifying and managing cybersecurity risks.';
    // The table's "Item 1A" has nothing under it: it is not given the introduction that follows.
    expect(findItemSections(text).find((s) => s.item === '1A')!.text).toMatch(/^Risks described at length/);
  });

  it.each([
    ['========Item 2.02 Results of Operations and Financial Condition', '2.02'],
    ['____ Item 7.01 Regulation FD Disclosure', '7.01'],
    ['***ITEM 8.01. OTHER EVENTS.', '8.01'],
    ['____ Material Cybersecurity Incidents', '1.05'],
  ])('finds a heading glued to a rule line: %s', (heading, item) => {
    const [s] = findItemSections(`${heading}\n${body}`);
    expect(s).toMatchObject({ item, text: body });
  });

  it('reads a subsection marker after the number as part of the heading: “ITEM 9.01(d). Exhibits” (Buckle)', async () => {
    const html = fixture('raw/negatives/buckle-8k-2024-11-22-primary.htm').toString('utf8');
    expect(findItemSections(htmlToText(html)).map((s) => [s.item, s.title])).toEqual([
      ['2.02', 'Results of Operations and Financial Condition'],
      ['9.01', 'Exhibits'],
    ]);
    expect((await analyze(Buffer.from(html), { form: '8-K' })).items).toEqual(['2.02', '9.01']);
  });

  it('keeps a subsection reference inside a sentence out of the headings', () => {
    const text = `Item 8.01 Other Events\n${body} The Company does not believe that a filing under\nItem 1.05(a) of Form 8-K is required, nor that a delay under\nItem 1.05(c) was warranted.`;
    expect(items(text)).toEqual(['8.01']);
  });

  it.each([
    ['Item 8.01 other events', '8.01'],
    ['item 1.05 material cybersecurity incidents', '1.05'],
    ['ITEM 7.01 regulation fd disclosure.', '7.01'],
  ])('finds a heading whose title is in lower case: %s', (heading, item) => {
    expect(findItemSections(`${heading}\n${body}`)).toMatchObject([{ item, text: body }]);
  });

  it('still reads a lower-case run-on as a sentence, not a title', () => {
    expect(items(`Item 8.01 Other Events\n${body}\nItem 1.05 and the instructions to it require a filing within four business days.`)).toEqual(['8.01']);
  });

  it('counts a real heading with no body as an item, and a bare number with no body as nothing', async () => {
    const a = await analyze(`Item 8.01 Other Events\n${body}\nItem 7.01 Regulation FD Disclosure\nSIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934`, { form: '8-K' });
    expect(a.items).toEqual(['7.01', '8.01']);
    const b = await analyze(`Item 8.01 Other Events\n${body}\nItem 3.02\nSIGNATURES`, { form: '8-K' });
    expect(b.items).toEqual(['8.01']);
  });

  it('reads the items of an EDGAR filing index page, where each is a heading with no body (NVIDIA)', async () => {
    const a = await analyze(fixture('raw/formats/8k-nvidia-0001045810-26-000024-index.html'), { form: '8-K' });
    expect(a.items).toEqual(['5.02', '9.01']);
  });

  it('never takes a bare 1.05 for an item', async () => {
    const text = `Item 2.02 Results of Operations and Financial Condition\nDiluted earnings per share were\n$1.05 per share.\n1.05\nAs described in Item 1.05 of Form 8-K, the Company reports incidents.\nItem 9.01 Financial Statements and Exhibits\n99.1 Press release`;
    expect((await analyze(text, { form: '8-K' })).items).toEqual(['2.02', '9.01']);
  });
});

describe('inline-XBRL elements styled inline', () => {
  it('keep a sentence on one line: “$5.22 per share” (Nextpoint)', () => {
    const text = htmlToText(fixture('raw/negatives/nextpoint-8k-item801.htm').toString('utf8'));
    expect(text).toMatch(/distribution reinvestment plan \(the “DRP”\) at \$5\.22 per share\. As previously disclosed/);
  });

  it('keep a block that is not styled inline on a line of its own', () => {
    expect(htmlToText('<div>FORM <div style="display:inline;">8-K</div></div><div style="display: inline-table">x</div><div style="width:100%">Item 1.05</div>')).toBe('FORM 8-K\nx\nItem 1.05');
  });
});

describe('a heading whose number and title stand in separate cells or blocks', () => {
  it('quotes Nucor’s “Item 1.05.” / “Material Cybersecurity Incidents.” as one heading (8-K/A of June 20, 2025)', async () => {
    const a = await analyze(fixture('raw/item105-amend/nue-2025-06-20-0001193125-25-143135-ixbrl.htm'), { form: '8-K/A', filedAt: '2025-06-20' });
    expect(a).toMatchObject({ incident: true, item: '1.05', items: ['1.05'] });
    expect(a.evidence.item).toBe('Item 1.05. Material Cybersecurity Incidents.');
  });

  it.each([
    ['<table><tr><td><p>Item 1.05</p></td><td><p>Material Cybersecurity Incidents</p></td></tr></table>', 'Item 1.05 Material Cybersecurity Incidents'],
    ['<p>Item 1.05<br/>Material Cybersecurity Incidents</p>', 'Item 1.05 Material Cybersecurity Incidents'],
    ['<div>Item 1.05.</div><div>Material Cybersecurity Incidents.</div>', 'Item 1.05. Material Cybersecurity Incidents.'],
  ])('reads %s as one heading with its number', async (html, heading) => {
    const a = await analyze(`<html><body>${html}<p>On March 1, 2025, the Company detected unauthorized access to its systems by a threat actor.</p></body></html>`, { form: '8-K', filedAt: '2025-03-05' });
    expect(a).toMatchObject({ items: ['1.05'], item: '1.05' });
    expect(a.evidence.item).toBe(heading);
  });

  it('still opens a section at a title standing alone, with no number before it', () => {
    const [s] = findItemSections('Some cover text.\nMaterial Cybersecurity Incidents\nOn March 1, 2025, the Company detected an incident.');
    expect(s).toMatchObject({ item: '1.05', title: 'Material Cybersecurity Incidents' });
  });
});
