import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/commands/report.ts';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (c: string) => (out.stdout += c) }, stderr: { write: (c: string) => (out.stderr += c) } } };
}

describe('cyber8k report', () => {
  let dir: string;
  const saved = { dataDir: process.env.CYBER8K_DATA_DIR, databaseUrl: process.env.DATABASE_URL };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-report-'));
    process.env.CYBER8K_DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env.CYBER8K_DATA_DIR = saved.dataDir;
    if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl;
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the last complete week by default (the clock is injected) and prints Markdown', async () => {
    const { out, io } = capture();
    expect(await reportCommand({ format: 'md' }, io, () => new Date('2026-01-05T14:00:00Z'))).toBe(0);
    expect(out.stdout).toMatch(/^# Cyber-incident disclosures, week 2026-W01\n/);
    expect(out.stdout).toContain('No incident was disclosed or updated this week.');
  });

  it('writes the chosen format to --out', async () => {
    const { out, io } = capture();
    const file = path.join(dir, 'w53.html');
    expect(await reportCommand({ week: '2026-W53', format: 'html', out: file }, io, () => new Date('2027-01-12T14:00:00Z'))).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<title>Cyber-incident disclosures — week 2026-W53<\/title>/);
    expect(out.stderr).toBe(`wrote the html report of 2026-W53 to ${file}\n`);
  });

  it('refuses a bad week, a week not yet ended and an unknown format with exit code 2', async () => {
    const now = () => new Date('2025-10-22T14:00:00Z');
    for (const opts of [{ week: '2025-W53', format: 'md' }, { week: '2025-W43', format: 'md' }, { week: '2025-W42', format: 'pdf' }]) {
      const { out, io } = capture();
      expect(await reportCommand(opts, io, now)).toBe(2);
      expect(out.stderr).toMatch(/^cyber8k report: /);
      expect(out.stdout).toBe('');
    }
  });
});
