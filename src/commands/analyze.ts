// `cyber8k analyze FILE... [--json]`: analyze local files. With --json, JSON Lines on stdout, one
// §4.2 object per file in the order given; without, a readable summary. A file that cannot be
// read or parsed yields `{ source, error }` and the others still run; the exit code is 1 if any
// file failed.

import { readFile } from 'node:fs/promises';
import { analyze, type Analysis, type AnalysisError } from '../analysis/index.ts';
import { processIo, type CommandIo } from './context.ts';

export async function runAnalyzeCommand(files: string[], opts: { json: boolean }, io: CommandIo = processIo): Promise<number> {
  if (files.length === 0) {
    io.stderr.write('cyber8k analyze: no files given. Usage: cyber8k analyze FILE... [--json]\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let out: Analysis | AnalysisError;
    try {
      const bytes = await readFile(file);
      out = await analyze(bytes, { source: file });
    } catch (err) {
      failed++;
      out = { source: file, error: reason(err) };
      io.stderr.write(`cyber8k analyze: ${file}: ${out.error}\n`);
    }
    io.stdout.write(opts.json ? `${JSON.stringify(out)}\n` : summary(out));
  }
  return failed > 0 ? 1 : 0;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EISDIR') return 'is a directory, not a file';
  if (e?.code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

function summary(a: Analysis | AnalysisError): string {
  if ('error' in a) return `${a.source}\n  error: ${a.error}\n\n`;
  const lines = [a.source];
  const who = [a.company, a.form, a.filedAt && `filed ${a.filedAt}`, a.accessionNumber].filter(Boolean).join(' · ');
  if (who) lines.push(`  ${who}`);
  if (a.items.length > 0) lines.push(`  items: ${a.items.join(', ')}`);
  if (!a.incident) {
    lines.push(`  incident: no (confidence ${a.confidence})`);
    return `${lines.join('\n')}\n\n`;
  }
  lines.push(
    `  incident: yes${a.item ? ` under Item ${a.item}` : ''}${a.update ? ', an update' : ''} (confidence ${a.confidence})`,
    `  material impact: ${a.materialImpact ?? 'not stated'}`,
  );
  const dates = Object.entries(a.dates).filter(([, v]) => v !== null);
  if (dates.length > 0) lines.push(`  dates: ${dates.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const flags = Object.entries(a.flags).filter(([, v]) => v).map(([k]) => k);
  if (flags.length > 0) lines.push(`  flags: ${flags.join(', ')}`);
  for (const [field, sentence] of Object.entries(a.evidence)) {
    if (field.startsWith('dates.') || field === 'incident' || field === 'materialImpact') lines.push(`  ${field}: “${clip(sentence)}”`);
  }
  return `${lines.join('\n')}\n\n`;
}

const clip = (s: string, n = 200): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
