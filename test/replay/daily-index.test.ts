// Daily index files: the writer against real ones (read from the shared corpus, which may not be
// committed), and the server's files for the dates of released filings.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDailyIndex, type DailyIndexKind, type DailyIndexRow } from '../../src/replay/daily-index.ts';
import { sharedFile, startReplay, type Started } from './helpers.ts';

/** Rows of a real fixed-width index, sliced at the column starts EDGAR.md gives. */
function rowsOf(kind: DailyIndexKind, text: string): DailyIndexRow[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^-{20,}$/.test(l)) + 1;
  const trim = (s: string): string => s.replace(/\s+$/, '');
  return lines.slice(start).filter(Boolean).map((l) =>
    kind === 'form'
      ? { form: trim(l.slice(0, 12)), company: trim(l.slice(12, 74)), cik: trim(l.slice(74, 86)), dateFiled: trim(l.slice(86, 98)), file: trim(l.slice(98)) }
      : { company: trim(l.slice(0, 62)), form: trim(l.slice(62, 74)), cik: trim(l.slice(74, 86)), dateFiled: trim(l.slice(86, 98)), file: trim(l.slice(98)) },
  );
}

for (const [kind, rel, date] of [
  ['form', 'raw/formats/daily-form.20200318.idx', '20200318'],
  ['company', 'raw/formats/daily-company.20221003.idx', '20221003'],
] as const) {
  const file = sharedFile(rel);
  describe.skipIf(!file)(`daily ${kind}.idx writer`, () => {
    it(`reproduces the real ${rel} from its rows, in any input order`, () => {
      const real = readFileSync(file!, 'latin1');
      const rows = rowsOf(kind, real);
      expect(rows.length).toBeGreaterThan(1000);
      expect(writeDailyIndex(kind, date, [...rows].reverse())).toBe(real);
    });
  });
}

describe('daily index on the replay server', () => {
  let started: Started | undefined;
  afterEach(async () => {
    await started?.server.close();
    started = undefined;
  });

  it('lists a released filing on its filing date, one line per filer, and nothing unreleased', async () => {
    started = await startReplay();
    const path = '/Archives/edgar/daily-index/2024/QTR1/form.20240222.idx';
    const before = await started.get(path);
    expect(before.status).toBe(200);
    expect(before.body.toString('latin1')).not.toContain('0000731766-24-000045');
    started.server.release('0000731766-24-000045');
    const text = (await started.get(path)).body.toString('latin1');
    expect(text).toContain('Last Data Received:    Feb 22, 2024\n');
    expect(text).toContain(`${'8-K'.padEnd(12)}${'UNITEDHEALTH GROUP INC'.padEnd(62)}${'731766'.padEnd(12)}${'20240222'.padEnd(12)}${'edgar/data/731766/0000731766-24-000045.txt'.padEnd(52)}\n`);
    const master = (await started.get('/Archives/edgar/daily-index/2024/QTR1/master.20240222.idx')).body.toString('latin1');
    expect(master).toContain('\n731766|UNITEDHEALTH GROUP INC|8-K|20240222|edgar/data/731766/0000731766-24-000045.txt\n');
  });

  it('answers 403 AccessDenied for weekends, future dates and a quarter that does not match the date', async () => {
    started = await startReplay(); // clock: Monday 2026-03-09
    for (const p of [
      '/Archives/edgar/daily-index/2024/QTR1/form.20240224.idx', // Saturday
      '/Archives/edgar/daily-index/2026/QTR1/form.20260310.idx', // tomorrow
      '/Archives/edgar/daily-index/2024/QTR2/form.20240222.idx', // wrong quarter
    ]) {
      const res = await started.get(p);
      expect(res.status, p).toBe(403);
      expect(res.body.toString()).toContain('<Code>AccessDenied</Code>');
    }
    expect((await started.get('/Archives/edgar/daily-index/2026/QTR1/company.20260309.idx')).status).toBe(200);
  });
});
