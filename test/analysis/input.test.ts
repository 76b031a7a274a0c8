// What the analyzer is handed is not always a filing: an executable, a gzip file, random bytes,
// NULs. It says so instead of reporting "no incident"; and UTF-16 text is read, not refused.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import { fixture } from './corpus.ts';

const UNH_SUBMISSION = fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt');
// UnitedHealth's primary document (inline XBRL), as UTF-8 text.
const UNH_HTML = Buffer.from(parseSubmission(UNH_SUBMISSION).documents[0]!.text!, 'latin1').toString('utf8');
const MSFT_TEXT = fixture('raw/item105/msft-2024-01-19-0001193125-24-011295.txt');

const utf16le = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

describe('binary input', () => {
  it.each([
    ['an ELF executable (node itself)', () => readFileSync(process.execPath).subarray(0, 256 * 1024), /^binary data, not a readable filing \(an ELF executable\)$/],
    ['a gzip-compressed filing', () => gzipSync(UNH_SUBMISSION), /^binary data, not a readable filing \(a gzip-compressed file: decompress it first\)$/],
    ['random bytes', () => randomBytes(64 * 1024), /^binary data, not a readable filing \(not text: control characters and NUL bytes throughout\)$/],
    ['100 KB of NUL bytes', () => Buffer.alloc(100 * 1024), /^binary data, not a readable filing \(not text: control characters and NUL bytes throughout\)$/],
  ])('refuses %s with the reason instead of reading it as a filing without an incident', async (_, bytes, reason) => {
    await expect(analyze(bytes(), { source: 'x' })).rejects.toThrow(reason);
  });

  it('still reads a text filing that happens to start with the letters of a binary signature', async () => {
    const a = await analyze(Buffer.concat([Buffer.from('MZ Holdings Inc.\n'), MSFT_TEXT]), { source: 'x' });
    expect(a.incident).toBe(true);
  });

  it('names what a binary primary document of a submission is', async () => {
    const [head, rest] = [UNH_SUBMISSION.toString('latin1').split('<TEXT>\n')[0]!, '\n</TEXT>\n</DOCUMENT>\n'];
    const submission = Buffer.concat([Buffer.from(`${head}<TEXT>\n`, 'latin1'), gzipSync(Buffer.from(UNH_HTML)), Buffer.from(rest)]);
    await expect(analyze(submission)).rejects.toThrow(/primary document unh-20240221\.htm \(8-K\) is binary data, not a readable filing \(a gzip-compressed file\)$/);
  });
});

describe('UTF-16 input', () => {
  it.each([
    ['UTF-16LE with a byte-order mark', utf16le],
    ['UTF-16BE with a byte-order mark', utf16be],
    ['UTF-16LE without a byte-order mark', (t: string) => utf16le(t, false)],
  ])('reads an inline-XBRL filing saved as %s as it reads the UTF-8 file', async (_, encode) => {
    const expected = await analyze(Buffer.from(UNH_HTML), { source: 'x', filedAt: '2024-02-22' });
    expect(expected.incident).toBe(true);
    expect(await analyze(encode(UNH_HTML), { source: 'x', filedAt: '2024-02-22' })).toEqual(expected);
  });

  it('reads a complete submission whose primary document is UTF-16 as it reads the original', async () => {
    const text = UNH_SUBMISSION.toString('latin1');
    const start = text.indexOf('<TEXT>\n') + 7;
    const end = text.indexOf('</TEXT>', start);
    const submission = Buffer.concat([Buffer.from(text.slice(0, start), 'latin1'), utf16le(UNH_HTML), Buffer.from(`\n${text.slice(end)}`, 'latin1')]);
    expect(await analyze(submission, { source: 'x' })).toEqual(await analyze(UNH_SUBMISSION, { source: 'x' }));
  });

  it('refuses bytes that start like UTF-16 but do not decode', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Item 1.05', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    await expect(analyze(broken)).rejects.toThrow('not valid UTF-16LE text, though it starts like it');
  });
});
