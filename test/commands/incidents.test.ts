// `cyber8k incidents [--cik] [--ticker] [--json]` as a user runs it: the real binary, on a database
// seeded with UnitedHealth's real Item 1.05 8-K and NVIDIA's 8-K (embedded PGlite in a folder, and
// a PostgreSQL server database when one is reachable).

import { describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { analyzeFiling } from '../../src/analysis/index.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { fixture } from '../analysis/corpus.ts';
import { seededCli } from '../helpers/seeded-cli.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';


async function seed(database: Database) {
  const repos = createRepositories(database.db);
  for (const [file, cik, name, accession, acceptedAt] of [
    ['raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt', '0000731766', 'UNITEDHEALTH GROUP INC', '0000731766-24-000045', '2024-02-22T21:08:47Z'],
    ['raw/formats/8k-nvidia-0001045810-26-000024.txt', '0001045810', 'NVIDIA CORP', '0001045810-26-000024', '2026-03-06T21:11:25Z'],
  ] as const) {
    const analyzed = await analyzeFiling(fixture(file));
    await repos.filings.recordDiscovered({ accessionNumber: accession, cik, companyName: name, form: '8-K', items: analyzed.header.items, filedAt: acceptedAt.slice(0, 10), acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
    await recordAnalysis(repos, accession, { analysis: analyzed.analysis, item105Text: analyzed.item105Text, header: analyzed.header });
  }
  await repos.companies.applyTickers(new Map([['0000731766', ['UNH']], ['0001045810', ['NVDA']]]));
}

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;
if (!postgresRuns) console.warn('[skipped] cyber8k incidents on PostgreSQL: no server reachable (set DATABASE_URL or REQUIRE_POSTGRES=1)');

for (const backend of ['pglite', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && !postgresRuns)(`cyber8k incidents [${backend}]`, () => {
    const cli = seededCli(backend, seed, 'incidents');

    it('lists the incidents of the company with a ticker, in any case, as JSON Lines in the API’s shape', { timeout: 120_000 }, () => {
      const res = cli('--ticker', 'unh', '--json');
      expect(res.status, res.stderr).toBe(0);
      const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ cik: '0000731766', company: 'UNITEDHEALTH GROUP INC', tickers: ['UNH'], sic: '6324', sectors: ['insurance', 'healthcare'], filings: [{ accessionNumber: '0000731766-24-000045', role: 'original' }] });
      // NVIDIA's 8-K (Item 5.02) is no incident.
      const none = cli('--ticker', 'NVDA', '--json');
      expect(none.status, none.stderr).toBe(0);
      expect(none.stdout).toBe('');
    });

    it('lists by CIK with or without leading zeros, in a human summary naming the tickers', { timeout: 120_000 }, () => {
      const res = cli('--cik', '731766');
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/^#\d+ .*UnitedHealth.* \(UNH\) \[open, 1\.05/im);
      expect(res.stdout).toContain('0000731766-24-000045 original');
      expect(cli('--cik', '0000731766', '--ticker', 'NVDA').stdout).toBe('');
    });

    it('refuses a malformed ticker or CIK with one line on stderr and exit code 2', () => {
      for (const args of [['--ticker', '$UNH'], ['--cik', 'UNH']]) {
        const res = cli(...args);
        expect(res.status, args.join(' ')).toBe(2);
        expect(res.stderr.trim().split('\n')).toHaveLength(1);
      }
    });
  });
}
