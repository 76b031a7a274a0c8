// EDGAR embeds binary documents (PDF, XLSX, ZIP, JPG) in the complete submission as classic
// uuencoded text: `begin 644 name`, lines whose first character encodes the byte count, `end`.

const BEGIN = /^begin [0-7]{3,4} (.+)$/m;

/** True when the document body is uuencoded (it starts with a `begin NNN name` line). */
export function isUuencoded(body: string): boolean {
  return /^\s*begin [0-7]{3,4} \S/.test(body);
}

/** Decode a uuencoded block; returns the bytes and the file name from the `begin` line. */
export function uudecode(body: string): { name: string; bytes: Uint8Array } {
  const m = BEGIN.exec(body);
  if (!m) throw new Error('not uuencoded: no "begin" line');
  const name = (m[1] ?? '').trim();
  const start = (m.index ?? 0) + m[0].length;
  const lines = body.slice(start).split(/\r?\n/);
  // Upper bound: each line carries at most 45 bytes.
  const out = new Uint8Array(lines.length * 45);
  let n = 0;
  for (const line of lines) {
    if (line === 'end' || line.startsWith('end')) break;
    if (line.length === 0) continue;
    const count = (line.charCodeAt(0) - 32) & 63;
    if (count === 0) continue;
    let i = 1;
    let written = 0;
    while (written < count) {
      const c0 = (line.charCodeAt(i) - 32) & 63;
      const c1 = (line.charCodeAt(i + 1) - 32) & 63;
      const c2 = (line.charCodeAt(i + 2) - 32) & 63;
      const c3 = (line.charCodeAt(i + 3) - 32) & 63;
      // Missing trailing characters (some encoders trim spaces) decode as zero: `NaN & 63` is 0.
      const b0 = (c0 << 2) | (c1 >> 4);
      const b1 = ((c1 & 15) << 4) | (c2 >> 2);
      const b2 = ((c2 & 3) << 6) | c3;
      out[n++] = b0;
      written++;
      if (written < count) {
        out[n++] = b1;
        written++;
      }
      if (written < count) {
        out[n++] = b2;
        written++;
      }
      i += 4;
    }
  }
  return { name, bytes: out.slice(0, n) };
}

/** Encode bytes the way EDGAR embeds binaries in a submission (45 bytes a line, backquote for zero). */
export function uuencode(name: string, bytes: Uint8Array): string {
  const enc = (v: number) => String.fromCharCode(v === 0 ? 96 : v + 32);
  const lines = [`begin 644 ${name}`];
  for (let at = 0; at < bytes.length; at += 45) {
    const chunk = bytes.subarray(at, at + 45);
    let line = enc(chunk.length);
    for (let i = 0; i < chunk.length; i += 3) {
      const b0 = chunk[i] ?? 0;
      const b1 = chunk[i + 1] ?? 0;
      const b2 = chunk[i + 2] ?? 0;
      line += enc(b0 >> 2) + enc(((b0 & 3) << 4) | (b1 >> 4)) + enc(((b1 & 15) << 2) | (b2 >> 6)) + enc(b2 & 63);
    }
    lines.push(line);
  }
  lines.push(enc(0), 'end');
  return lines.join('\n');
}
