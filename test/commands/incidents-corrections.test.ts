// `cyber8k incidents split | merge | rebuild` as a user runs them: the real binary, on a database
// seeded with Prudential's real 8-K and 8-K/A (embedded PGlite in a folder, and a PostgreSQL server
// database when one is reachable). A correction is kept by the rebuild that follows it.

import { describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { seededCli } from '../helpers/seeded-cli.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';
import { discover, record } from '../incidents/helpers.ts';
import { analyzeReplay, THREADS } from '../incidents/replay-corpus.ts';

const [EIGHT_K, AMENDMENT] = THREADS.prudential;

async function seed(database: Database) {
  const repos = createRepositories(database.db);
  const filings = await analyzeReplay(THREADS.prudential);
  await discover(repos, filings);
  for (const f of filings) await record(repos, f);
}

const postgresRuns = inject('postgresAvailable') || REQUIRE_POSTGRES;

for (const backend of ['pglite', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && !postgresRuns)(`cyber8k incidents corrections [${backend}]`, () => {
    const cli = seededCli(backend, seed, 'incidents');
    const listed = () => {
      const res = cli('--json');
      expect(res.status, res.stderr).toBe(0);
      return res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; status: string; filings: Array<{ accessionNumber: string; role: string; linkedBy: string }> });
    };

    it('splits the 8-K/A off, keeps the split through a rebuild, and merges it back', { timeout: 300_000 }, () => {
      const [incident, ...none] = listed();
      expect(none).toEqual([]);
      expect(incident!.filings.map((f) => f.accessionNumber)).toEqual([EIGHT_K, AMENDMENT]);

      const split = cli('split', String(incident!.id), AMENDMENT);
      expect(split.status, split.stderr).toBe(0);
      expect(split.stdout).toMatch(new RegExp(`^split ${AMENDMENT} off incident #${incident!.id}: it is incident #\\d+ now`));
      const rebuilt = cli('rebuild');
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toMatch(/^rebuilt 2 incidents of 1 companies in \d+\.\d\d s; 0 events written$/m);
      const after = listed().filter((i) => i.status !== 'retracted');
      expect(after.map((i) => i.filings.map((f) => `${f.accessionNumber}:${f.linkedBy}`)).sort()).toEqual([[`${EIGHT_K}:auto`], [`${AMENDMENT}:user`]]);
      expect(cli().stdout).toContain(`${AMENDMENT} amendment [linked by a user]`);

      const splitOff = after.find((i) => i.filings[0]!.accessionNumber === AMENDMENT)!;
      const merged = cli('merge', String(incident!.id), String(splitOff.id));
      expect(merged.status, merged.stderr).toBe(0);
      const back = listed().filter((i) => i.status !== 'retracted');
      expect(back).toHaveLength(1);
      expect(back[0]!.id).toBe(incident!.id);
      expect(back[0]!.filings.map((f) => `${f.accessionNumber}:${f.role}:${f.linkedBy}`)).toEqual([`${EIGHT_K}:original:auto`, `${AMENDMENT}:amendment:user`]);
    });

    it('refuses corrections that name nothing, or cannot be made, with one line on stderr and exit code 2', { timeout: 180_000 }, () => {
      for (const args of [['merge', '1', 'x'], ['split', '1', 'not-an-accession'], ['merge', '999', '998'], ['split', '999', AMENDMENT]]) {
        const res = cli(...args);
        expect(res.status, `${args.join(' ')}: ${res.stderr}`).toBe(2);
        expect(res.stderr.trim().split('\n')).toHaveLength(1);
      }
    });
  });
}
