// Parsing real complete submissions: header fields, parties, items, and the bytes of each document.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSubmissionHeader } from '../../src/replay/sgml-header.ts';
import { extractDocument, listDocuments } from '../../src/replay/submission.ts';
import { uudecode as decode } from '../../src/analysis/uudecode.ts';

const uudecode = (text: string) => Buffer.from(decode(text).bytes);
import { FIXTURE_CORPUS } from './helpers.ts';

const read = (rel: string): Buffer => readFileSync(path.join(FIXTURE_CORPUS, rel));
const UNH = 'raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt';
const NVIDIA = 'raw/formats/8k-nvidia-0001045810-26-000024.txt';
const COSTCO = 'raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt';
const BANCORP = 'raw/formats/8k-1895bancorp-0000943374-24-000509.txt';

describe('SGML header', () => {
  it('reads Item 1.05 from the untitled <ITEMS> tag and the identity of the UnitedHealth filing', () => {
    const h = parseSubmissionHeader(read(UNH).toString('latin1'));
    expect(h.accession).toBe('0000731766-24-000045');
    expect(h.form).toBe('8-K');
    expect(h.acceptanceDateTime).toBe('20240222160847');
    expect(h.filedDate).toBe('20240222');
    expect(h.period).toBe('20240221');
    expect(h.documentCount).toBe(15);
    expect(h.items).toEqual(['1.05']);
    expect(h.parties).toHaveLength(1);
    expect(h.parties[0]).toMatchObject({ block: 'FILER', role: 'Filer', cik: '0000731766', name: 'UNITEDHEALTH GROUP INC' });
  });

  it('turns item titles into item numbers', () => {
    expect(parseSubmissionHeader(read(COSTCO).toString('latin1')).items).toEqual(['8.01', '9.01']);
    expect(parseSubmissionHeader(read(NVIDIA).toString('latin1')).items).toEqual(['5.02', '9.01']);
    expect(parseSubmissionHeader(read(BANCORP).toString('latin1')).unknownItems).toEqual([]);
  });

  it('keeps the party sections, including former names', () => {
    const h = parseSubmissionHeader(read(NVIDIA).toString('latin1'));
    const sections = h.parties[0]?.sections.map((s) => s.label);
    expect(sections).toEqual(['COMPANY DATA', 'FILING VALUES', 'BUSINESS ADDRESS', 'MAIL ADDRESS', 'FORMER COMPANY', 'FORMER COMPANY']);
    expect(h.parties[0]?.sections[0]?.fields.find((f) => f.label === 'EIN')?.value).toBe('943177549');
  });

  it('reads subject, filed-by, reporting-owner and issuer blocks as separate parties', () => {
    const text = [
      '<SEC-HEADER>0000000000-26-000001.hdr.sgml : 20260112',
      '<ACCEPTANCE-DATETIME>20260112082429',
      'ACCESSION NUMBER:\t\t0000000000-26-000001',
      'CONFORMED SUBMISSION TYPE:\t425',
      'FILED AS OF DATE:\t\t20260112',
      '',
      'SUBJECT COMPANY:\t',
      '',
      '\tCOMPANY DATA:\t',
      '\t\tCOMPANY CONFORMED NAME:\t\t\tTARGET CO',
      '\t\tCENTRAL INDEX KEY:\t\t\t0001743907',
      '',
      'FILED BY:\t',
      '',
      '\tCOMPANY DATA:\t',
      '\t\tCOMPANY CONFORMED NAME:\t\t\tBUYER CO',
      '\t\tCENTRAL INDEX KEY:\t\t\t0001362468',
      '</SEC-HEADER>',
    ].join('\n');
    const h = parseSubmissionHeader(text);
    expect(h.parties.map((p) => [p.role, p.cik, p.name])).toEqual([
      ['Subject', '0001743907', 'TARGET CO'],
      ['Filed by', '0001362468', 'BUYER CO'],
    ]);
  });
});

describe('documents of a complete submission', () => {
  it('serves the iXBRL primary document byte for byte as EDGAR does (no <XBRL> wrapper)', () => {
    const sub = read(NVIDIA);
    const docs = listDocuments(sub.toString('latin1'));
    const primary = docs.find((d) => d.filename === 'nvda-20260302.htm');
    expect(primary).toMatchObject({ type: '8-K', sequence: '1', description: '8-K', xbrl: true });
    expect(extractDocument(sub, primary!).equals(read('raw/formats/8k-nvidia-nvda-20260302.htm'))).toBe(true);
  });

  it('gives each document the size the real index page lists', () => {
    // Sizes from the Data Files table of the real NVIDIA index page (EX-101 in <XBRL>, instance in <XML>).
    const sub = read(NVIDIA);
    const docs = listDocuments(sub.toString('latin1'));
    const size = (name: string): number => extractDocument(sub, docs.find((d) => d.filename === name)!).length;
    expect(size('nvda-20260302.xsd')).toBe(1876);
    expect(size('nvda-20260302_lab.xml')).toBe(21885);
    expect(size('nvda-20260302_pre.xml')).toBe(12599);
    expect(size('nvda-20260302_htm.xml')).toBe(2711);
  });

  it('lists documents without a DESCRIPTION (the Costco GRAPHIC) and decodes the uuencoded JPEG', () => {
    const sub = read(COSTCO);
    const docs = listDocuments(sub.toString('latin1'));
    const graphics = docs.filter((d) => d.type === 'GRAPHIC');
    expect(graphics.length).toBeGreaterThan(0);
    const jpg = extractDocument(sub, graphics[0]!);
    expect(jpg.subarray(0, 2).toString('hex')).toBe('ffd8'); // JPEG SOI
    expect(jpg.subarray(-2).toString('hex')).toBe('ffd9'); // JPEG EOI
  });

  it('decodes uuencoded ZIP and XLSX into archives whose central directory is where the end record says', () => {
    for (const file of [UNH, BANCORP, NVIDIA]) {
      const sub = read(file);
      for (const doc of listDocuments(sub.toString('latin1')).filter((d) => d.type === 'ZIP' || d.type === 'EXCEL')) {
        const zip = extractDocument(sub, doc);
        const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
        expect(eocd, doc.filename).toBeGreaterThan(0);
        const cdSize = zip.readUInt32LE(eocd + 12);
        const cdOffset = zip.readUInt32LE(eocd + 16);
        expect(cdOffset + cdSize, doc.filename).toBe(eocd);
        expect(zip.readUInt32LE(cdOffset), doc.filename).toBe(0x02014b50); // central directory header
      }
    }
  });

  it('finds every <DOCUMENT> block, each with a file name and its own sequence number', () => {
    // (PUBLIC DOCUMENT COUNT is no guide: UnitedHealth's header says 15 and the file holds 13.)
    for (const file of [UNH, BANCORP, NVIDIA, COSTCO]) {
      const text = read(file).toString('latin1');
      const docs = listDocuments(text);
      expect(docs.length).toBe(text.split('\n<DOCUMENT>\n').length - 1);
      expect(new Set(docs.map((d) => d.sequence)).size).toBe(docs.length);
      for (const d of docs) expect(d.filename).toMatch(/^[\w.-]+$/);
    }
  });
});

describe('uudecode', () => {
  it('decodes what a standard encoder produced', () => {
    // "Cat" encodes as "#0V%T" in every uuencode implementation (a worked example of the format).
    expect(uudecode('begin 644 cat.txt\n#0V%T\n`\nend\n').toString()).toBe('Cat');
  });

  it('round-trips arbitrary bytes through an independent encoder', () => {
    const bytes = createHash('sha512').update('cyber8k').digest();
    const data = Buffer.concat([bytes, bytes.subarray(0, 7)]); // 71 bytes: one full line and a short one
    const enc = (n: number): string => String.fromCharCode(n === 0 ? 96 : n + 32);
    const lines: string[] = [];
    for (let i = 0; i < data.length; i += 45) {
      const chunk = data.subarray(i, i + 45);
      let line = enc(chunk.length);
      for (let j = 0; j < chunk.length; j += 3) {
        const [a = 0, b = 0, c = 0] = [chunk[j], chunk[j + 1], chunk[j + 2]];
        line += enc(a >> 2) + enc(((a & 3) << 4) | (b >> 4)) + enc(((b & 15) << 2) | (c >> 6)) + enc(c & 63);
      }
      lines.push(line);
    }
    expect(uudecode(`begin 644 x.bin\n${lines.join('\n')}\n\`\nend\n`).equals(data)).toBe(true);
  });
});
