// What kind of bytes were handed in, and how to read them as text.

import { looksLikeSubmission } from './submission.ts';

export type InputKind = 'submission' | 'pdf' | 'html' | 'cyd-ndjson' | 'text';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to a string. UTF-8 when the bytes are valid UTF-8 (renderings and most modern
 * documents), Latin-1 otherwise (EDGAR's own encoding). ASCII reads the same either way.
 */
export function decodeBytes(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii) return buf.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return buf.toString('latin1');
  }
}

/**
 * A document of a submission (read as Latin-1) as text: UTF-16 decoded, UTF-8 repaired. Null
 * for UTF-16 that does not decode.
 */
export function documentText(latin1: string): string | null {
  // Only a document that starts like UTF-16 (a byte-order mark, or NUL bytes) is worth the copy.
  const c0 = latin1.charCodeAt(0);
  const c1 = latin1.charCodeAt(1);
  if (c0 === 0xff || c0 === 0xfe || c0 === 0 || c1 === 0) {
    try {
      const utf16 = decodeUtf16(Buffer.from(latin1, 'latin1'));
      if (utf16 !== null) return utf16;
    } catch {
      return null;
    }
  }
  return repairUtf8(latin1);
}

/** Re-read a Latin-1 string as UTF-8 when it is valid UTF-8 (a UTF-8 document inside a submission). */
export function repairUtf8(latin1: string): string {
  if (!/[\u0080-\u00ff]/.test(latin1)) return latin1;
  try {
    return utf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

// Leading bytes of binary formats people hand in by mistake, and what to call them. Signatures
// that are printable text ("MZ", "BZh") count only when the rest is binary too.
const SIGNATURES: ReadonlyArray<readonly [number[], string, string?]> = [
  [[0x1f, 0x8b], 'a gzip-compressed file', 'decompress it first'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)', 'extract the filing first'],
  [[0x42, 0x5a, 0x68], 'a bzip2-compressed file', 'decompress it first'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file', 'decompress it first'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive', 'extract the filing first'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd-compressed file', 'decompress it first'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0x4d, 0x5a], 'a Windows executable'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a Mach-O executable'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'a legacy Microsoft Office document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
];

/** Code units no text document holds: NUL and the C0 controls but tab, line breaks, form feed and escape. */
const isControl = (c: number): boolean => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
/** Text in any encoding holds almost no control characters; binary data, one in eight or more. */
const tooManyControls = (count: number, length: number): boolean => count > Math.max(8, length / 100);
export const NOT_TEXT = 'not text: control characters and NUL bytes throughout';

/**
 * Why these bytes are not a text document (a gzip file, an executable, random bytes, NULs), or
 * null; with `hint`, what to do about it ("decompress it first").
 */
export function binaryReason(bytes: Uint8Array, hint = false): string | null {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) if (isControl(bytes[i]!)) control++;
  const binary = tooManyControls(control, bytes.length);
  for (const [magic, what, todo] of SIGNATURES) {
    if (bytes.length < magic.length || !magic.every((b, i) => bytes[i] === b)) continue;
    if (binary || magic.some(isControlOrHigh)) return hint && todo ? `${what}: ${todo}` : what;
  }
  return binary ? NOT_TEXT : null;
}
const isControlOrHigh = (b: number): boolean => isControl(b) || b >= 0x7f;

/** Why a decoded text is not a text document, or null. */
function binaryTextReason(text: string): string | null {
  let control = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) control++;
  return tooManyControls(control, text.length) ? NOT_TEXT : null;
}

/**
 * UTF-16 text (Windows "Unicode" files) decoded, or null when the bytes are not UTF-16: with a
 * byte-order mark, or without one when every other byte is NUL (ASCII text in UTF-16).
 */
export function decodeUtf16(bytes: Uint8Array): string | null {
  let encoding: 'utf-16le' | 'utf-16be' | null = null;
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes.length >= 16) {
    let evenNul = 0;
    let oddNul = 0;
    const n = Math.min(bytes.length, 4096) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul > 0.9 * pairs && evenNul < 0.1 * pairs) encoding = 'utf-16le';
    else if (evenNul > 0.9 * pairs && oddNul < 0.1 * pairs) encoding = 'utf-16be';
  }
  if (!encoding) return null;
  // A byte left over (the newline EDGAR's wrapper adds after a document) is not half a character.
  const end = (bytes.length - start) % 2 === 1 ? bytes.length - 1 : bytes.length;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start, end));
  } catch {
    throw new UnreadableInputError(`not valid ${encoding.toUpperCase()} text, though it starts like it`);
  }
  const why = binaryTextReason(text);
  if (why) throw new UnreadableInputError(`binary data, not a readable filing (${why})`);
  return text;
}

/** Input that is not a document the analyzer can read (binary data, broken UTF-16). */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

/**
 * A file handed to the analyzer, as text. A complete submission is parsed from its bytes as
 * Latin-1 later (decoding it here would only cost time), so only its head is read; UTF-16 is
 * decoded (its bytes then say nothing more); binary data is refused with the reason.
 */
export function readInput(bytes: Uint8Array): { text: string; bytes?: Uint8Array } {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  if (looksLikeSubmission(head)) return { text: head, bytes };
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== null) return { text: utf16 };
  if (!isPdf(bytes)) {
    const why = binaryReason(bytes, true);
    if (why) throw new UnreadableInputError(`binary data, not a readable filing (${why})`);
  }
  return { text: decodeBytes(bytes), bytes };
}

export function isPdf(bytes: Uint8Array): boolean {
  // %PDF may follow a few bytes of junk; the spec allows it within the first 1024 bytes.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export function detectKind(text: string, bytes?: Uint8Array): InputKind {
  if (bytes && isPdf(bytes) && /^\s*%PDF-|^[\s\S]{0,1024}%PDF-/.test(text.slice(0, 1100))) return 'pdf';
  if (looksLikeSubmission(text)) return 'submission';
  const head = text.slice(0, 4000);
  if (/^\s*\{"t"\s*:\s*"filing"/.test(head)) return 'cyd-ndjson';
  if (/^\s*(?:<\?xml|<!DOCTYPE\s+html|<html|<XBRL>|<body|<div|<p[\s>]|<table)/i.test(head) || /<(?:html|body)[\s>]/i.test(head)) return 'html';
  return 'text';
}
