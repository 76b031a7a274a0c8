// The replay loader over every complete submission in the shared corpus (most may not be
// committed): the items it reads from the SGML headers — titles mapped back to numbers — must
// equal the items SOURCES.tsv records for the same accession from EDGAR's metadata.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/replay/corpus.ts';
import { SHARED_CORPUS } from './helpers.ts';

const present = existsSync(path.join(SHARED_CORPUS, 'SOURCES.tsv'));
if (!present) console.warn(`[skip] ${SHARED_CORPUS} is missing: set CYBER8K_SHARED_CORPUS to run the shared-corpus replay tests`);

describe.skipIf(!present)('replay loader over the shared corpus', () => {
  it('reads the same item numbers from each real header as SOURCES.tsv records', () => {
    const corpus = loadCorpus(SHARED_CORPUS);
    expect(corpus.filings.length).toBeGreaterThanOrEqual(10);
    const rows = readFileSync(path.join(SHARED_CORPUS, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    let compared = 0;
    for (const f of corpus.filings) {
      const row = rows.find((r) => r[5] === f.accession && path.resolve(SHARED_CORPUS, r[0] ?? '') === f.source);
      if (!row) continue;
      const recorded = [...((row[3] ?? '').split('(')[0] ?? '').matchAll(/\d\.\d\d/g)].map((m) => m[0]);
      expect(f.items, f.source).toEqual(recorded);
      expect(f.header.unknownItems, f.source).toEqual([]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });
});
