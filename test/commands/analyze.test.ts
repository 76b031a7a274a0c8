import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runAnalyzeCommand } from '../../src/commands/analyze.ts';
import { FIXTURE_CORPUS } from '../analysis/corpus.ts';

function capture() {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    out: () => stdout,
    err: () => stderr,
  };
}

const UNH = join(FIXTURE_CORPUS, 'raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt');
const COST = join(FIXTURE_CORPUS, 'raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt');

describe('runAnalyzeCommand', () => {
  it('writes one JSON line per file, in order, and exits 0', async () => {
    const c = capture();
    const code = await runAnalyzeCommand([UNH, COST], { json: true }, c.io);
    expect(code).toBe(0);
    const lines = c.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.source, l.incident])).toEqual([
      [UNH, true],
      [COST, false],
    ]);
    expect(lines[0].dates.detected).toBe('2024-02-21');
  });

  it('reports an unreadable file with an error object, still analyzes the rest, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyber8k-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const missing = join(dir, 'missing.txt');
    const c = capture();
    const code = await runAnalyzeCommand([missing, empty, COST], { json: true }, c.io);
    expect(code).toBe(1);
    const lines = c.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ source: missing, error: 'file not found' });
    expect(lines[1]).toEqual({ source: empty, error: 'empty input' });
    expect(lines[2].incident).toBe(false);
    expect(c.err()).toContain(missing);
  });

  it('reports each binary file (an executable, a gzip file, random bytes, NULs) with its reason and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyber8k-'));
    const files = {
      elf: readFileSync(process.execPath).subarray(0, 64 * 1024),
      gz: gzipSync(readFileSync(UNH)),
      random: randomBytes(16 * 1024),
      nul: Buffer.alloc(100 * 1024),
    };
    const paths = Object.entries(files).map(([name, bytes]) => {
      const p = join(dir, `${name}.bin`);
      writeFileSync(p, bytes);
      return p;
    });
    const c = capture();
    const code = await runAnalyzeCommand([...paths, UNH], { json: true }, c.io);
    expect(code).toBe(1);
    const lines = c.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, 4).map((l) => l.error)).toEqual([
      'binary data, not a readable filing (an ELF executable)',
      'binary data, not a readable filing (a gzip-compressed file: decompress it first)',
      'binary data, not a readable filing (not text: control characters and NUL bytes throughout)',
      'binary data, not a readable filing (not text: control characters and NUL bytes throughout)',
    ]);
    expect(lines[4]).toMatchObject({ source: UNH, incident: true });
    expect(c.err().trimEnd().split('\n')).toEqual(paths.map((p, i) => `cyber8k analyze: ${p}: ${lines[i].error}`));
  });

  it('prints a readable summary without --json', async () => {
    const c = capture();
    await runAnalyzeCommand([UNH], { json: false }, c.io);
    expect(c.out()).toContain('UNITEDHEALTH GROUP INC · 8-K · filed 2024-02-22');
    expect(c.out()).toContain('incident: yes under Item 1.05');
    expect(c.out()).toContain('detected 2024-02-21');
  });

  it('exits 2 when no file is given', async () => {
    const c = capture();
    expect(await runAnalyzeCommand([], { json: true }, c.io)).toBe(2);
  });
});
