import { describe, expect, it } from 'vitest';
import { analyze, analyzeFiling, ANALYZER_VERSION } from '../../src/analysis/index.ts';
import { fixture } from './corpus.ts';

describe('analyze: UnitedHealth’s complete Item 1.05 submission', async () => {
  const a = await analyze(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'), { source: 'unh.txt' });

  it('fills the header fields', () => {
    expect(a).toMatchObject({
      source: 'unh.txt',
      accessionNumber: '0000731766-24-000045',
      form: '8-K',
      cik: '0000731766',
      company: 'UNITEDHEALTH GROUP INC',
      filedAt: '2024-02-22',
      acceptedAt: '2024-02-22T21:08:47Z',
      items: ['1.05'],
      analyzerVersion: ANALYZER_VERSION,
    });
  });

  it('reports an incident under Item 1.05, detected on February 21, 2024', () => {
    expect(a.incident).toBe(true);
    expect(a.item).toBe('1.05');
    expect(a.dates.detected).toBe('2024-02-21');
    expect(a.evidence['dates.detected']).toMatch(/^On February 21, 2024, UnitedHealth Group/);
  });

  it('flags the nation-state actor and the disrupted operations', () => {
    expect(a.flags.nationState).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
    expect(a.evidence['flags.nationState']).toContain('nation-state');
  });
});

describe('analyzeFiling: the analysis and what one pass read beside it', () => {
  it('returns the filing’s analysis, the header’s own facts and the Item 1.05 section the facts come from', async () => {
    const bytes = fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt');
    const filing = await analyzeFiling(bytes, { source: 'unh.txt' });
    expect(filing.analysis).toMatchObject({
      source: 'unh.txt',
      accessionNumber: '0000731766-24-000045',
      acceptedAt: '2024-02-22T21:08:47Z',
      items: ['1.05'],
      incident: true,
      item: '1.05',
      dates: { detected: '2024-02-21' },
      analyzerVersion: ANALYZER_VERSION,
    });
    // The evidence of the detection date is a sentence of the section returned beside it.
    expect(filing.item105Text).toContain(filing.analysis.evidence['dates.detected']);
    expect(filing.header).toMatchObject({ items: ['1.05'], acceptedAt: '2024-02-22T21:08:47Z', sic: '6324', state: 'DE' });
    // What the companies table keeps of the registrant: the SIC title, SEC office, fiscal year
    // end, the business address's city and state (not the mail address's Minnetonka), former names.
    expect(filing.header.registrant).toMatchObject({
      cik: '0000731766',
      sicDescription: 'HOSPITAL & MEDICAL SERVICE PLANS',
      secOffice: '02 Finance',
      fiscalYearEnd: '1231',
      businessCity: 'MINNEAPOLIS',
      businessState: 'MN',
      formerNames: [
        { name: 'UNITED HEALTHCARE CORP/', changedAt: '2000-03-09' },
        { name: 'UNITED HEALTHCARE CORP', changedAt: '1992-07-03' },
      ],
    });
    expect(filing.item105Text).toMatch(/^On February 21, 2024, UnitedHealth Group \(the “Company”\) identified/);
  });

  it('gives null for a filing without an Item 1.05 section, and an empty header for an input without one', async () => {
    const cost = await analyzeFiling(fixture('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt'));
    expect(cost.item105Text).toBeNull();
    expect(cost.header).toMatchObject({ items: ['8.01', '9.01'], sic: '5331', state: 'WA' });
    const text = await analyzeFiling('Item 8.01 Other Events\nThe Company held its annual meeting.', { items: ['8.01'] });
    expect(text.header).toEqual({ items: [], acceptedAt: null, sic: null, state: null, registrant: null });
  });
});

describe('analyze: negatives', () => {
  it('finds no incident in Costco’s routine Item 8.01 filing', async () => {
    const a = await analyze(fixture('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt'));
    expect(a).toMatchObject({ incident: false, item: null, items: ['8.01', '9.01'], materialImpact: null });
    expect(Object.values(a.dates).every((d) => d === null)).toBe(true);
  });

  it('finds no incident in CrowdStrike’s outage that was “not caused by a cyberattack”', async () => {
    const a = await analyze(fixture('raw/item801-701/crwd-8k-2024-07-22-item801-excerpt.txt'), { form: '8-K', filedAt: '2024-07-22' });
    expect(a.incident).toBe(false);
    expect(a.item).toBeNull();
  });
});

describe('unreadable filings', () => {
  it('refuses a submission whose primary document is binary data instead of reading it as an empty 8-K', async () => {
    const noise = Buffer.alloc(4000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const submission = Buffer.concat([
      Buffer.from('<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000001-24-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nITEM INFORMATION:\t\tOther Events\nFILED AS OF DATE:\t\t20240102\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>x8k.htm\n<TEXT>\n'),
      noise,
      Buffer.from('\n</TEXT>\n</DOCUMENT>\n'),
    ]);
    await expect(analyze(submission, { source: 'corrupt' })).rejects.toThrow(/primary document x8k\.htm \(8-K\) is binary data/);
  });

  it('still reads a primary document with a few stray control characters', async () => {
    const text = `<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t20240102\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>Item 8.01 Other Events\u0002</p><p>${'The Company held its annual meeting. '.repeat(40)}</p></body></html>\n</TEXT>\n</DOCUMENT>\n`;
    const analysis = await analyze(text, { source: 'stray' });
    expect(analysis.incident).toBe(false);
  });
});
