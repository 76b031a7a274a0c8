// Full-text search on the replay server, in the shape of the real EFTS answers in the corpus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS, startReplay, type Started } from './helpers.ts';

interface Efts {
  hits: { total: { value: number; relation: string }; hits: { _index: string; _id: string; _source: Record<string, unknown> }[] };
  aggregations: Record<string, { buckets: { key: string; doc_count: number }[] }>;
  query: unknown;
}

const real = JSON.parse(readFileSync(path.join(FIXTURE_CORPUS, 'raw/formats/efts-search-index-10000_hits.json'), 'utf8')) as Efts;

let started: Started | undefined;
afterEach(async () => {
  await started?.server.close();
  started = undefined;
});

async function search(s: Started, query: string): Promise<Efts> {
  const res = await s.get(`/LATEST/search-index?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  return JSON.parse(res.body.toString('utf8')) as Efts;
}

describe('full-text search (efts.sec.gov)', () => {
  it('answers with the keys and _source fields of a real EFTS answer', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const mine = await search(started, 'q=%22cybersecurity%20incident%22&forms=8-K');
    expect(Object.keys(mine).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(mine.aggregations).sort()).toEqual(Object.keys(real.aggregations).sort());
    expect(mine.hits.hits.length).toBeGreaterThan(5);
    const realKeys = Object.keys(real.hits.hits[0]?._source ?? {}).sort();
    for (const hit of mine.hits.hits) {
      expect(Object.keys(hit._source).sort()).toEqual(realKeys);
      expect(hit._id).toBe(`${hit._source.adsh}:${hit._id.split(':')[1]}`);
    }
  });

  it('finds only released filings, all words and phrases required, filtered by form, date, CIK and item', async () => {
    started = await startReplay();
    const adsh = async (q: string): Promise<string[]> => [...new Set((await search(started!, q)).hits.hits.map((h) => String(h._source.adsh)))];
    expect(await adsh('q=ransomware')).toEqual([]);
    started.server.releaseAll();
    const ransomware = await adsh('q=ransomware');
    expect(ransomware.length).toBeGreaterThan(0);
    for (const acc of ransomware) {
      const info = started.server.filings.find((f) => f.accession === acc);
      expect(readFileSync(info!.source, 'latin1').toLowerCase()).toContain('ransomware');
    }
    expect(await adsh('q=ransomware%20zzzqqq')).toEqual([]);
    const amendments = await adsh('q=cybersecurity&forms=8-K%2FA');
    expect(amendments.length).toBeGreaterThan(0);
    for (const acc of amendments) expect(started.server.filings.find((f) => f.accession === acc)?.form).toBe('8-K/A');
    expect(await adsh('q=cybersecurity&dateRange=custom&startdt=2024-02-22&enddt=2024-02-22')).toEqual(['0000731766-24-000045']);
    expect(await adsh('q=cybersecurity&ciks=0000731766')).toEqual(['0000731766-24-000045']);
    const costco = await adsh('forms=8-K&items=8.01');
    expect(costco).toContain('0000909832-25-000105');
    expect(costco).not.toContain('0000731766-24-000045');
  });

  it('pages with from and size', async () => {
    started = await startReplay();
    started.server.releaseAll();
    const all = (await search(started, 'q=company&size=100')).hits.hits.map((h) => h._id);
    const second = (await search(started, 'q=company&from=3&size=3')).hits.hits.map((h) => h._id);
    expect(all.length).toBeGreaterThan(6);
    expect(second).toEqual(all.slice(3, 6));
  });
});
