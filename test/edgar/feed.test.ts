import { describe, expect, it } from 'vitest';
import { parseCurrentFeed } from '../../src/edgar/feed.ts';
import { writeFeed, type FeedEntryData } from '../../src/replay/feed.ts';

// Entries written by the replay server's writer, which test/replay/feed-real.test.ts checks byte
// for byte against real getcurrent pages (those pages may not be committed).
const acceptedAt = Date.parse('2024-02-22T21:08:47Z');
const unh = (role: string, cik: string, name: string): FeedEntryData => ({
  form: '8-K',
  name,
  cik,
  role,
  accession: '0000731766-24-000045',
  filedDate: '2024-02-22',
  sizeBytes: 182_532,
  items: [{ code: '1.05', title: 'Material Cybersecurity Incidents' }, { code: '9.01', title: 'Financial Statements and Exhibits' }],
  acceptedAt,
});
const costco: FeedEntryData = {
  form: '8-K/A',
  name: 'COSTCO WHOLESALE CORP /NEW',
  cik: '0000909832',
  role: 'Filer',
  accession: '0000909832-25-000105',
  filedDate: '2025-10-15',
  sizeBytes: 95_000,
  items: [{ code: '8.01', title: 'Other Events' }],
  acceptedAt: Date.parse('2025-10-15T20:31:02Z'),
};

describe('getcurrent feed parsing', () => {
  it('reads each filing once, preferring the Filer entry among its per-role entries', () => {
    const xml = writeFeed(Date.now(), [
      costco,
      unh('Subject', '0000000001', 'SOME SUBJECT CO'),
      unh('Filer', '0000731766', 'UNITEDHEALTH GROUP INC'),
    ]);
    const { filings, problems } = parseCurrentFeed(xml);
    expect(problems).toEqual([]);
    expect(filings.map((f) => f.accessionNumber)).toEqual(['0000909832-25-000105', '0000731766-24-000045']);
    expect(filings[1]).toMatchObject({
      form: '8-K',
      companyName: 'UNITEDHEALTH GROUP INC',
      cik: '0000731766',
      role: 'Filer',
      filedAt: '2024-02-22',
      items: ['1.05', '9.01'],
    });
  });

  it('converts the Eastern-time acceptance stamp (EST and EDT) to UTC', () => {
    const { filings } = parseCurrentFeed(writeFeed(Date.now(), [costco, unh('Filer', '0000731766', 'UNITEDHEALTH GROUP INC')]));
    expect(filings[0]?.acceptedAt).toBe('2025-10-15T20:31:02Z'); // EDT, -04:00 in the feed
    expect(filings[1]?.acceptedAt).toBe('2024-02-22T21:08:47Z'); // EST, -05:00 in the feed
  });

  it('keeps the CIK and item numbers as text (no 0000320193 → 320193, no "1.05" → 1.05)', () => {
    const { filings } = parseCurrentFeed(writeFeed(Date.now(), [unh('Filer', '0000731766', 'UNITEDHEALTH GROUP INC')]));
    expect(filings[0]?.cik).toBe('0000731766');
    expect(filings[0]?.items[0]).toBe('1.05');
  });

  it('rejects a page cut off mid-way instead of reading it as a shorter feed', () => {
    const xml = writeFeed(Date.now(), [costco, unh('Filer', '0000731766', 'UNITEDHEALTH GROUP INC')]);
    expect(() => parseCurrentFeed(xml.slice(0, Math.floor(xml.length * 0.6)))).toThrow(/not well-formed XML/);
  });

  it('skips and reports one odd entry without losing the rest of the page', () => {
    const xml = writeFeed(Date.now(), [costco]).replace('</feed>', '<entry><title>garbled</title><id>nothing here</id></entry>\n</feed>');
    const { filings, problems } = parseCurrentFeed(xml);
    expect(filings).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no accession number/);
  });

  it('reads an empty page past the end of the feed as no filings', () => {
    expect(parseCurrentFeed(writeFeed(Date.now(), [])).filings).toEqual([]);
  });
});
