// Binary documents (JPG, XLSX, ZIP, PDF) travel inside the complete submission uuencoded:
// `begin 644 name` … lines whose first character encodes the line's byte count … `end`.
// EDGAR serves the decoded bytes at the document's own URL, so the replay server decodes them.

/** True when the text (after any wrapper tags) is a uuencoded block. */
export function isUuencoded(text: string): boolean {
  return /^begin [0-7]{3,4} \S/.test(text);
}

const value = (code: number): number => (code - 32) & 0x3f; // '`' (96) encodes 0 as well as ' '

/** Decodes the first `begin … end` block in `text` (read as latin1/ASCII). */
export function uudecode(text: string): Buffer {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^begin [0-7]{3,4} /.test(l));
  if (start < 0) throw new Error('uudecode: no "begin" line');
  const chunks: Buffer[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === 'end') break;
    if (line.length === 0) continue;
    const length = value(line.charCodeAt(0));
    if (length === 0) continue; // the "`" line before "end"
    const out = Buffer.alloc(length);
    let o = 0;
    for (let p = 1; o < length; p += 4) {
      const c0 = value(line.charCodeAt(p));
      const c1 = value(line.charCodeAt(p + 1));
      const c2 = value(line.charCodeAt(p + 2) || 32); // lines may drop trailing pad characters
      const c3 = value(line.charCodeAt(p + 3) || 32);
      const bytes = [(c0 << 2) | (c1 >> 4), ((c1 & 0x0f) << 4) | (c2 >> 2), ((c2 & 0x03) << 6) | c3];
      for (const b of bytes) {
        if (o < length) out[o++] = b & 0xff;
      }
    }
    chunks.push(out);
  }
  return Buffer.concat(chunks);
}
