import { describe, expect, it } from 'vitest';
import { easternToUtcIso } from '../../src/calendar/index.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import { uudecode, uuencode } from '../../src/analysis/uudecode.ts';
import { fixture } from './corpus.ts';

describe('parseSubmission', () => {
  const unh = parseSubmission(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));

  it('reads the header of UnitedHealth’s Item 1.05 submission, where the item has no title', () => {
    expect(unh.header).toMatchObject({
      accessionNumber: '0000731766-24-000045',
      form: '8-K',
      items: ['1.05'],
      period: '2024-02-21',
      filedAt: '2024-02-22',
      company: 'UNITEDHEALTH GROUP INC',
      cik: '0000731766',
      sic: '6324',
      state: 'DE',
    });
  });

  it('converts the Eastern acceptance time to UTC (EST in February: +5 hours)', () => {
    // <ACCEPTANCE-DATETIME>20240222160847
    expect(unh.header.acceptedAt).toBe('2024-02-22T21:08:47Z');
  });

  it('splits the documents with type, sequence, filename and description', () => {
    const first = unh.documents[0]!;
    expect(first).toMatchObject({ type: '8-K', sequence: 1, filename: 'unh-20240221.htm', description: '8-K' });
    expect(first.text).toContain('Item 1.05');
    expect(unh.documents.map((d) => d.type)).toContain('EX-101.SCH');
  });

  it('uudecodes binary documents (the XBRL zip starts with the PK signature)', () => {
    const zip = unh.documents.find((d) => d.type === 'ZIP')!;
    expect(zip.text).toBeUndefined();
    expect(Buffer.from(zip.bytes!.slice(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('maps item titles in the header to numbers', () => {
    const cost = parseSubmission(fixture('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt'));
    expect(cost.header.items).toEqual(['8.01', '9.01']);
    const nvda = parseSubmission(fixture('raw/formats/8k-nvidia-0001045810-26-000024.txt'));
    expect(nvda.header.items).toEqual(['5.02', '9.01']);
  });

  it('reads the tag form of the header used by -index-headers pages', () => {
    const h = parseSubmission(fixture('raw/formats/index-headers-23andme-0001193125-24-152391.html').toString('latin1')).header;
    expect(h).toMatchObject({ accessionNumber: '0001193125-24-152391', form: '8-K', items: ['7.01', '9.01'], cik: '0001804591' });
    expect(h.acceptedAt).toBe('2024-06-03T12:06:02Z');
  });
});

describe('easternToUtcIso', () => {
  it('uses EDT (+4) in summer and EST (+5) in winter', () => {
    expect(easternToUtcIso('20250715120000')).toBe('2025-07-15T16:00:00Z');
    expect(easternToUtcIso('20250115120000')).toBe('2025-01-15T17:00:00Z');
  });

  it('switches on the second Sunday of March and the first Sunday of November at 02:00', () => {
    // 2024: DST from 10 March to 3 November.
    expect(easternToUtcIso('20240310013000')).toBe('2024-03-10T06:30:00Z');
    expect(easternToUtcIso('20240310030000')).toBe('2024-03-10T07:00:00Z');
    expect(easternToUtcIso('20241103003000')).toBe('2024-11-03T04:30:00Z');
    expect(easternToUtcIso('20241103030000')).toBe('2024-11-03T08:00:00Z');
  });

  it('reads the skipped spring hour as EST and the repeated autumn hour as EDT, like every Eastern conversion', () => {
    expect(easternToUtcIso('20240310023000')).toBe('2024-03-10T07:30:00Z'); // = 03:30 EDT
    expect(easternToUtcIso('20241103013000')).toBe('2024-11-03T05:30:00Z'); // the first 01:30
  });

  it('crosses midnight into the next UTC day for evening filings', () => {
    expect(easternToUtcIso('20241231213000')).toBe('2025-01-01T02:30:00Z');
  });

  it('rejects malformed stamps', () => {
    expect(easternToUtcIso('2024-01-01')).toBeNull();
    expect(easternToUtcIso('20241301000000')).toBeNull();
  });
});

describe('uudecode', () => {
  it('decodes a classic uuencoded block', () => {
    // "Cat" encodes to "#0V%T".
    expect(Buffer.from(uudecode('begin 644 cat.txt\n#0V%T\n`\nend\n').bytes).toString()).toBe('Cat');
  });

  it('round-trips every byte value through uuencode', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 7 }, (_, i) => (i * 7) % 256);
    expect(uudecode(uuencode('x.bin', bytes))).toEqual({ name: 'x.bin', bytes });
  });
});
