// The committed replay corpus must be exactly what scripts/build-replay-corpus.ts builds from the
// committed real corpus, so nobody hand-edits a built envelope and the two never drift apart.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReplayCorpus } from '../../scripts/build-replay-corpus.ts';
import { parseSubmission } from '../../src/analysis/submission.ts';
import type { BuiltCompanies } from '../../src/replay/companies.ts';
import { parseSubmissionHeader } from '../../src/replay/sgml-header.ts';
import { FIXTURE_CORPUS, REPLAY_CORPUS } from './helpers.ts';

describe('replay corpus build', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'replay-build-'));
  buildReplayCorpus({ sourceDir: FIXTURE_CORPUS, outDir: out, log: () => {} });
  const built = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.built.txt')).sort();

  it('rebuilds the committed envelopes and timeline byte for byte', () => {
    expect(built(out)).toEqual(built(REPLAY_CORPUS));
    for (const f of [...built(out), 'timeline.json']) {
      expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(REPLAY_CORPUS, f))), f).toBe(true);
    }
  });

  it('lists the same original submissions in corpus.json', () => {
    const resolved = (dir: string): string[] => (JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as { include: string[] }).include.map((p) => path.resolve(dir, p));
    expect(resolved(out)).toEqual(resolved(REPLAY_CORPUS));
  });

  it('writes Item 1.05 as a bare <ITEMS> tag and other items by title, as EDGAR does', () => {
    // BayFirst's row lists items 1.05, 2.02, 7.01 and 9.01.
    const text = readFileSync(path.join(out, '0001649739-25-000246.built.txt'), 'latin1');
    expect(text.match(/^ITEM INFORMATION:.*$/gm)).toEqual([
      'ITEM INFORMATION:\t\t<ITEMS>1.05',
      'ITEM INFORMATION:\t\tResults of Operations and Financial Condition',
      'ITEM INFORMATION:\t\tRegulation FD Disclosure',
      'ITEM INFORMATION:\t\tFinancial Statements and Exhibits',
    ]);
    expect(parseSubmissionHeader(text).items).toEqual(['1.05', '2.02', '7.01', '9.01']);
  });

  it('takes the company CIK from the SOURCES note, not the filer-agent prefix of the accession', () => {
    // Microsoft's 8-K was filed by Donnelley (accession prefix 0001193125); cik=0000789019 in the note.
    const h = parseSubmissionHeader(readFileSync(path.join(out, '0001193125-24-011295.built.txt'), 'latin1'));
    expect(h.parties.map((p) => [p.cik, p.name])).toEqual([['0000789019', 'MICROSOFT CORP']]);
    expect(h.form).toBe('8-K');
    expect(h.period).toBe('20240117');
  });

  it("names the company's SIC code and state of incorporation in a built header, from the data-set row, as the analysis reads them", () => {
    // F5's 8-K exists only as a rendering; its SIC is in the data-set row of its later 10-K.
    const text = readFileSync(path.join(out, '0001048695-25-000149.built.txt'), 'latin1');
    expect(text).toMatch(/^\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t\[3576\]$/m);
    expect(text).toMatch(/^<CYBER8K-BUILT>.*; SIC 3576 and state of incorporation WA added from the SEC Financial Statement data-set row in test\/fixtures\/corpus\/raw\/periodic\/ffiv-10-k-2025-11-25-0001048695-25-000157-cyd-facts\.ndjson/m);
    const { header } = parseSubmission(text);
    expect([header.cik, header.sic, header.state]).toEqual(['0001048695', '3576', 'WA']);
    expect(header.registrant?.sicDescription).toBeNull();
  });

  it('gives every built header the SIC code companies.built.json gives its company, and none where the data sets state none', () => {
    const companies = (JSON.parse(readFileSync(path.join(REPLAY_CORPUS, 'companies.built.json'), 'utf8')) as BuiltCompanies).companies;
    const sicOf = new Map(companies.map((c) => [c.cik, c.sic ?? null]));
    const seen = built(out).map((f) => {
      const { header } = parseSubmission(readFileSync(path.join(out, f), 'latin1'));
      return [header.cik, header.sic, sicOf.get(header.cik ?? '') ?? null];
    });
    for (const [cik, sic, expected] of seen) expect(sic, cik ?? '').toBe(expected);
    // Wytec's filings: no data-set row, so no SIC (none is invented).
    expect(seen.filter(([cik]) => cik === '0001560143').map(([, sic]) => sic)).toEqual([null, null]);
  });
});
