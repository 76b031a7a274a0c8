// `cyber8k reanalyze` over filings stored by an analyzer from before the threading facts: the
// stored source is read again, the facts appear in the stored analysis and on the API detail.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { ANALYZER_VERSION } from '../../src/analysis/index.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { analyzeSubmission } from '../../src/ingest/analyze-submission.ts';
import { reanalyzeStored } from '../../src/ingest/reanalyze.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { REPO } from '../analysis/corpus.ts';
import { usePglite } from '../api/app.ts';

// Nucor's 8-K/A of June 20, 2025 in a built complete-submission envelope (the replay corpus).
const NUE_A = '0001193125-25-143135';
const SUBMISSION = readFileSync(join(REPO, 'test/fixtures/replay', `${NUE_A}.built.txt`));
const FILING = {
  accessionNumber: NUE_A,
  cik: '0000073309',
  companyName: 'NUCOR CORP',
  form: '8-K/A',
  items: ['1.05'],
  filedAt: '2025-06-20',
  acceptedAt: '2025-06-20T20:35:05Z',
  indexUrl: `https://www.sec.gov/Archives/edgar/data/73309/000119312525143135/${NUE_A}-index.htm`,
  submissionUrl: `https://www.sec.gov/Archives/edgar/data/73309/000119312525143135/${NUE_A}.txt`,
};

describe('reanalyze fills the threading facts of stored filings [pglite]', () => {
  const db = usePglite();

  it('stores, re-analyzes and serves reportDate, amendment, references and the incident on the detail', async () => {
    const { database } = db();
    const repositories = createRepositories(database.db);
    const { filings } = repositories;
    await filings.recordDiscovered(FILING);
    // What analyzer 1.2.1 stored: its analysis without the threading facts, and the fetched source.
    const { analysis } = await analyzeSubmission(SUBMISSION, (await filings.get(NUE_A))!);
    const { reportDate: _r, amendment: _a, references: _f, incidentName: _n, incidents: _i, ...before } = analysis;
    await recordAnalysis(repositories, NUE_A, {
      analysis: { ...before, analyzerVersion: '1.2.1' } as Analysis,
      item105Text: null,
      source: { submission: SUBMISSION, documents: [`${NUE_A}.txt`], requests: 1, bytes: SUBMISSION.length },
    });

    const app = await buildApp({ database });
    try {
      // Before: the detail serves the facts as unknown rather than failing on the older analysis.
      const old = (await app.inject({ method: 'GET', url: `/v1/filings/${NUE_A}` })).json();
      expect(old).toMatchObject({ analyzerVersion: '1.2.1', reportDate: null, amendment: null, references: [], incidentName: null, incidents: [] });

      const result = await reanalyzeStored({ repositories });
      expect(result).toMatchObject({ reanalyzed: 1, failed: [] });
      const stored = (await filings.get(NUE_A))!;
      expect(stored.analyzerVersion).toBe(ANALYZER_VERSION);
      expect(stored.analysis).toMatchObject({ reportDate: '2025-05-13', amendment: { number: 1, of: { filedOn: '2025-05-14' } } });

      const res = await app.inject({ method: 'GET', url: `/v1/filings/${NUE_A}` });
      expect(res.statusCode).toBe(200);
      const detail = res.json();
      expect(detail).toMatchObject({
        analyzerVersion: ANALYZER_VERSION,
        reportDate: '2025-05-13',
        amendment: { number: 1, of: { filedOn: '2025-05-14' } },
        references: [{ form: '8-K', filedOn: '2025-05-14' }],
        incidentName: null,
        incidents: [{ name: null, dates: detail.dates }],
      });
      expect(detail.evidence.amendment).toMatch(/^This Amendment No\. 1/);
      // The list stays lean: the facts are on the detail only.
      const list = (await app.inject({ method: 'GET', url: '/v1/filings' })).json();
      expect(list.data[0]).not.toHaveProperty('references');
    } finally {
      await app.close();
    }
  });
});
