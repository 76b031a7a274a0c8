// West Pharmaceutical's and Nucor's original 8-Ks may not be committed (SOURCES.tsv may_commit=no):
// read from ../shared/corpus at run time, skipped visibly without it.

import { describe, expect, it } from 'vitest';
import { analyzeFiling } from '../../src/analysis/index.ts';
import { threadCompany, type ThreadFiling } from '../../src/incidents/thread.ts';
import { hasShared, shared } from '../analysis/corpus.ts';

interface CorpusFiling {
  path: string;
  form: string;
  filedAt: string;
  accessionNumber: string;
  cik: string;
}

const WEST: CorpusFiling[] = [
  { path: 'raw/item105/wst-2026-05-11-0000105770-26-000068.txt', form: '8-K', filedAt: '2026-05-11', accessionNumber: '0000105770-26-000068', cik: '0000105770' },
  { path: 'raw/item105-amend/wst-2026-05-20-0000105770-26-000077.txt', form: '8-K/A', filedAt: '2026-05-20', accessionNumber: '0000105770-26-000077', cik: '0000105770' },
];
const NUCOR: CorpusFiling[] = [
  { path: 'raw/item105/nue-2025-05-14-0001193125-25-119311-ixbrl.htm', form: '8-K', filedAt: '2025-05-14', accessionNumber: '0001193125-25-119311', cik: '0000073309' },
  { path: 'raw/item105-amend/nue-2025-06-20-0001193125-25-143135-ixbrl.htm', form: '8-K/A', filedAt: '2025-06-20', accessionNumber: '0001193125-25-143135', cik: '0000073309' },
];

async function analyzed(filings: CorpusFiling[]): Promise<ThreadFiling[]> {
  const out: ThreadFiling[] = [];
  for (const f of filings) {
    const bytes = shared(f.path)!;
    const { analysis } = await analyzeFiling(bytes, { source: f.path, form: f.form, filedAt: f.filedAt, accessionNumber: f.accessionNumber, cik: f.cik, company: 'x', items: ['1.05'] });
    out.push({ accessionNumber: f.accessionNumber, cik: f.cik, form: f.form, items: ['1.05'], filedAt: f.filedAt, acceptedAt: `${f.filedAt}T20:00:00Z`, analysis });
  }
  return out;
}

const available = (filings: CorpusFiling[]) => filings.every((f) => hasShared(f.path));

describe('threading originals read from ../shared', () => {
  it.skipIf(!available(WEST))("threads West Pharmaceutical's 8-K/A into its 8-K's incident ('as previously disclosed', detected on the same day)", async () => {
    const threads = threadCompany(await analyzed(WEST));
    expect(threads.map((t) => t.filings.map((f) => f.role))).toEqual([['original', 'amendment']]);
    expect(threads[0]!.filings[1]!.reason).toContain('2026-05-04');
  });

  it.skipIf(!available(NUCOR))("threads Nucor's 8-K/A into its 8-K's incident (amends the 8-K filed on 2025-05-14)", async () => {
    const threads = threadCompany(await analyzed(NUCOR));
    expect(threads.map((t) => t.filings.map((f) => f.role))).toEqual([['original', 'amendment']]);
    expect(threads[0]!.filings[1]!.reason).toBe('amends the 8-K filed on 2025-05-14');
    expect(threads[0]!.filings[1]!.confidence).toBe(0.99);
  });

  if (!available(WEST) || !available(NUCOR)) console.warn('skipped: West Pharmaceutical / Nucor originals not available under ../shared/corpus');
});
