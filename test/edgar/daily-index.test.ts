// The daily form index: parsing by column position (real files), the URL of a day, and fetching
// through the client against the replay server. The days EDGAR publishes one: test/calendar/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayWithClient } from '../helpers/replay-client.ts';
import type { EdgarClient } from '../../src/edgar/client.ts';
import { dailyIndexUrl, fetchDailyIndex, parseFormIndex } from '../../src/edgar/daily-index.ts';
import type { ReplayServer } from '../../src/replay/index.ts';
import { FIXTURE_CORPUS, REPLAY_CORPUS, sharedFile } from '../replay/helpers.ts';

const HEADER = [
  'Description:           Daily Index of EDGAR Dissemination Feed by Form Type',
  'Last Data Received:    Mar 18, 2020',
  'Comments:              webmaster@sec.gov',
  'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
  ' ',
  'Form Type   Company Name                                                  CIK         Date Filed  File Name',
  '-'.repeat(141),
];
const row = (form: string, company: string, cik: string, date: string, acc: string): string =>
  `${form.padEnd(12)}${company.padEnd(62)}${cik.padEnd(12)}${date.padEnd(12)}${`edgar/data/${cik}/${acc}.txt`.padEnd(52)}`;

describe('daily form index parser', () => {
  it('reads the committed empty index as a day without filings', () => {
    const text = readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/daily-empty-form.idx'), 'latin1');
    expect(parseFormIndex(text)).toEqual({ entries: [], problems: [] });
  });

  it('slices by position, so form names with spaces and company names with digits survive', () => {
    const text = [
      ...HEADER,
      row('1-A POS', 'DELHI BANK CORP', '927719', '20200318', '0001213900-20-006773'),
      row('8-K', '3M CO  2020 TRUST', '66740', '20200318', '0000066740-20-000016'),
      row('SC 13G/A', 'A & B Co', '1234567', '20200317', '0001234567-20-000001'),
    ].join('\n');
    const { entries, problems } = parseFormIndex(`${text}\n`);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { form: '1-A POS', company: 'DELHI BANK CORP', cik: '0000927719', filedAt: '2020-03-18', accessionNumber: '0001213900-20-006773', path: 'edgar/data/927719/0001213900-20-006773.txt' },
      { form: '8-K', company: '3M CO  2020 TRUST', cik: '0000066740', filedAt: '2020-03-18', accessionNumber: '0000066740-20-000016', path: 'edgar/data/66740/0000066740-20-000016.txt' },
      { form: 'SC 13G/A', company: 'A & B Co', cik: '0001234567', filedAt: '2020-03-17', accessionNumber: '0001234567-20-000001', path: 'edgar/data/1234567/0001234567-20-000001.txt' },
    ]);
  });

  it('keeps one entry per accession when co-registrants each have a line', () => {
    const text = [...HEADER, row('8-K', 'SOTHERLY HOTELS LP', '1313536', '20200318', '0001564590-20-011476'), row('8-K', 'Sotherly Hotels Inc.', '1301236', '20200318', '0001564590-20-011476')].join('\r\n');
    const { entries } = parseFormIndex(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ company: 'SOTHERLY HOTELS LP', cik: '0001313536' });
  });

  it('reports an unreadable line instead of dropping it silently', () => {
    const text = [...HEADER, row('8-K', 'GOOD CO', '1', '20200318', '0000000001-20-000001'), 'garbage line that is not a row'].join('\n');
    const { entries, problems } = parseFormIndex(text);
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([expect.stringMatching(/line 9: not a form-index row: "garbage line/)]);
  });

  it('refuses a body without the dashed line (an error page must not read as "no filings")', () => {
    expect(() => parseFormIndex('<html><body>File Unavailable</body></html>')).toThrow(/no dashed line/);
  });

  const real = sharedFile('raw/formats/daily-form.20200318.idx');
  it.skipIf(!real)('parses the real daily form index of 2020-03-18 (../shared, not committed)', () => {
    const text = readFileSync(real!, 'latin1');
    const { entries, problems } = parseFormIndex(text);
    expect(problems).toEqual([]);
    // 4,084 lines, one per filer; 2,666 accession numbers (one filing has 30 lines).
    expect(entries).toHaveLength(2666);
    expect(new Set(entries.map((e) => e.accessionNumber)).size).toBe(2666);
    expect(entries.filter((e) => e.form === '8-K')).toHaveLength(230);
    expect(entries.filter((e) => e.form === '1-A POS').map((e) => e.company)).toEqual(['Belpointe REIT, Inc.', 'DELHI BANK CORP']);
    expect(entries.find((e) => e.accessionNumber === '0001564590-20-011604')).toEqual({
      form: '8-K',
      company: '1Life Healthcare Inc',
      cik: '0001404123',
      filedAt: '2020-03-18',
      accessionNumber: '0001564590-20-011604',
      path: 'edgar/data/1404123/0001564590-20-011604.txt',
    });
    // Late disseminations keep the date they were filed.
    expect(entries.filter((e) => e.filedAt !== '2020-03-18').length).toBeGreaterThan(100);
    expect(entries.every((e) => /^\d{10}$/.test(e.cik) && /^\d{4}-\d{2}-\d{2}$/.test(e.filedAt))).toBe(true);
  });
});

describe('daily index URLs', () => {
  it('builds the URL of a day under its quarter', () => {
    expect(dailyIndexUrl('https://www.sec.gov', '2024-02-22')).toBe('https://www.sec.gov/Archives/edgar/daily-index/2024/QTR1/form.20240222.idx');
    expect(dailyIndexUrl('http://127.0.0.1:1', '2024-04-01')).toBe('http://127.0.0.1:1/Archives/edgar/daily-index/2024/QTR2/form.20240401.idx');
    expect(dailyIndexUrl('x', '2023-12-31', 'master')).toBe('x/Archives/edgar/daily-index/2023/QTR4/master.20231231.idx');
    expect(() => dailyIndexUrl('x', '2024-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('fetching a daily index from the replay server', () => {
  let replay: ReplayServer;
  let edgar: EdgarClient;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ replay, edgar, close } = await startReplayWithClient({ corpusDir: REPLAY_CORPUS, now: () => Date.parse('2026-03-09T15:00:00Z'), releaseAll: true }));
  });
  afterAll(() => close?.());

  it('lists the filings of a day', async () => {
    const index = await fetchDailyIndex(edgar, '2024-02-22');
    expect(index.exists).toBe(true);
    expect(index.entries).toContainEqual(expect.objectContaining({ accessionNumber: '0000731766-24-000045', form: '8-K', company: 'UNITEDHEALTH GROUP INC', cik: '0000731766' }));
  });

  it('reads a day without an index (403 AccessDenied) as a day without filings', async () => {
    const index = await fetchDailyIndex(edgar, '2024-02-24'); // a Saturday
    expect(index).toMatchObject({ exists: false, entries: [], problems: [] });
  });

  it('finds no index on a federal holiday, as on EDGAR (the replay server keeps its calendar)', async () => {
    expect(await fetchDailyIndex(edgar, '2024-05-27')).toMatchObject({ exists: false, entries: [] }); // Memorial Day, a Monday
    expect(await fetchDailyIndex(edgar, '2024-05-28')).toMatchObject({ exists: true });
  });
});
