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

/** Re-read a Latin-1 string as UTF-8 when it is valid UTF-8 (a UTF-8 document inside a submission). */
export function repairUtf8(latin1: string): string {
  if (!/[\u0080-\u00ff]/.test(latin1)) return latin1;
  try {
    return utf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
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
