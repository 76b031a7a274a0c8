// Synthetic volume in the replay server: filings derived from the real corpus, deterministic from a
// seed, with consistent headers, a timeline on the replay clock, daily indexes, and the corrupted
// and hidden-from-feed fixtures the ingestion tests aim at.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFormIndex } from '../../src/edgar/daily-index.ts';
import { loadCorpus, readFiling, type LoadedCorpus } from '../../src/replay/corpus.ts';
import { toEastern } from '../../src/calendar/index.ts';
import { extractDocument } from '../../src/replay/submission.ts';
import { generateSyntheticCorpus, SYNTHETIC_AGENT, type SyntheticOptions } from '../../src/replay/synthetic.ts';
import { feedAccessions, feedPath, REPLAY_CORPUS, startReplay, type Started } from './helpers.ts';

let corpus: LoadedCorpus;
beforeAll(() => {
  corpus = loadCorpus(REPLAY_CORPUS);
});

const generate = (opts: Partial<SyntheticOptions> = {}) => generateSyntheticCorpus(corpus.filings, { from: '2024-04-01', businessDays: 3, perDay: 40, seed: 7, ...opts });
const easternSeconds = (ms: number): number => {
  const t = toEastern(ms);
  return t.hour * 3600 + t.minute * 60 + t.second;
};

describe('synthetic filings', () => {
  it('are the same bytes for the same seed, and different for another seed', () => {
    const a = generate({ corrupt: 1, hiddenFromFeed: 2 });
    const b = generate({ corrupt: 1, hiddenFromFeed: 2 });
    expect(b.filings.map((f) => f.accession)).toEqual(a.filings.map((f) => f.accession));
    expect(b.filings.every((f, i) => f.bytes.equals(a.filings[i]!.bytes))).toBe(true);
    expect(b.corrupted).toEqual(a.corrupted);
    expect(b.hiddenFromFeed).toEqual(a.hiddenFromFeed);
    const c = generate({ seed: 8 });
    expect(c.filings.map((f) => `${f.company} ${f.acceptedAt}`)).not.toEqual(a.filings.map((f) => `${f.company} ${f.acceptedAt}`));
  });

  it('make a replayed day of 300 filings, with unique accession numbers no real filing uses', () => {
    const { filings, days } = generate({ from: '2024-04-03', businessDays: 1, perDay: 300 });
    expect(days).toEqual(['2024-04-03']);
    expect(filings).toHaveLength(300);
    expect(new Set(filings.map((f) => f.accession)).size).toBe(300);
    expect(filings.every((f) => f.accession.startsWith(`${SYNTHETIC_AGENT}-24-`) && f.filedDate === '2024-04-03')).toBe(true);
    expect(filings.every((f) => Number(f.cik) > 90_000_000)).toBe(true);
    // Numbered in acceptance order, as a filer agent's accession numbers run.
    expect(filings.map((f) => f.accession)).toEqual([...filings].sort((x, y) => x.acceptedAt - y.acceptedAt).map((f) => f.accession));
  });

  it("spread acceptance over EDGAR's hours, 06:00 to 22:00 Eastern, evenings included, on EDGAR business days only", () => {
    const { filings, days } = generate({ from: '2024-04-06', businessDays: 5, perDay: 60 }); // starts on a Saturday
    expect(days).toEqual(['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12']);
    const seconds = filings.map((f) => easternSeconds(f.acceptedAt));
    expect(Math.min(...seconds)).toBeGreaterThanOrEqual(6 * 3600);
    expect(Math.max(...seconds)).toBeLessThan(22 * 3600);
    expect(seconds.filter((s) => s > 17.5 * 3600).length).toBeGreaterThan(filings.length / 10);
    expect(filings.every((f) => f.filedDate === `${toEastern(f.acceptedAt).year}-${String(toEastern(f.acceptedAt).month).padStart(2, '0')}-${String(toEastern(f.acceptedAt).day).padStart(2, '0')}`)).toBe(true);
    // No filings on a federal holiday: Memorial Day 2024 is passed over like a weekend.
    expect(generate({ from: '2024-05-24', businessDays: 2, perDay: 5 }).days).toEqual(['2024-05-24', '2024-05-28']);
  });

  it('carry forms and items over from real filings: cyber Item 1.05 and other 8-Ks, 8-K/As, and a 6-K', () => {
    const { filings } = generate({ businessDays: 5, perDay: 60 });
    const cyber = filings.filter((f) => f.items.includes('1.05'));
    expect(cyber.length).toBeGreaterThan(filings.length / 5);
    expect(cyber.length).toBeLessThan(filings.length / 2);
    expect(new Set(filings.map((f) => f.form))).toEqual(new Set(['8-K', '8-K/A', '6-K']));
  });

  it('rewrite the SGML header consistently, keep the real document text, and say they are synthetic', () => {
    const { filings } = generate();
    const unh = filings.find((f) => f.source.includes('0000731766-24-000045'))!;
    expect(unh).toBeDefined();
    const source = corpus.byAccession.get('0000731766-24-000045')!;
    const text = unh.bytes.toString('latin1');
    // Parsed again from its own bytes, the filing says what the generator says it is.
    const reread = readFiling('reread.txt', unh.bytes);
    expect(reread).toMatchObject({ accession: unh.accession, cik: unh.cik, company: unh.company, filedDate: unh.filedDate, acceptedAt: unh.acceptedAt, form: '8-K', items: ['1.05'] });
    expect(text).toMatch(new RegExp(`^<SEC-DOCUMENT>${unh.accession}\\.txt : ${unh.filedDate.replace(/-/g, '')}\\n<SEC-HEADER>${unh.accession}\\.hdr\\.sgml : `));
    expect(text).toMatch(/\n<CYBER8K-SYNTHETIC>synthetic filing made by cyber8k .* from 0000731766-24-000045 /);
    const header = text.slice(0, text.indexOf('</SEC-HEADER>')).replace(/<CYBER8K-SYNTHETIC>.*\n/, '');
    expect(header).not.toMatch(/UNITEDHEALTH|0000731766-24-000045\.|FORMER COMPANY|9900 BREN/);
    expect(header).toContain(`CENTRAL INDEX KEY:\t\t\t${unh.cik}`);
    expect(unh.size).toBe(unh.bytes.length);
    // Every document is the source's, byte for byte.
    expect(unh.documents.map((d) => d.filename)).toEqual(source.documents.map((d) => d.filename));
    unh.documents.forEach((doc, i) => expect(extractDocument(unh.bytes, doc).equals(extractDocument(source.bytes, source.documents[i]!))).toBe(true));
  });

  it('corrupt the primary document of the chosen 8-Ks with bytes that cannot be a filing', () => {
    const { filings, corrupted } = generate({ corrupt: 2 });
    expect(corrupted).toHaveLength(2);
    for (const acc of corrupted) {
      const f = filings.find((x) => x.accession === acc)!;
      expect(['8-K', '8-K/A']).toContain(f.form);
      const primary = f.documents.find((d) => d.type === f.form)!;
      const body = extractDocument(f.bytes, primary);
      expect(body.length).toBeGreaterThan(1000);
      expect(body.includes(0)).toBe(true);
      expect(body.toString('latin1')).not.toMatch(/<|Item\s+\d/i);
      expect(f.bytes.toString('latin1')).toMatch(/primary document \S+ deliberately replaced with random bytes/);
    }
  });

  it('refuse to corrupt or hide more 8-Ks than they made', () => {
    expect(() => generate({ businessDays: 1, perDay: 2, corrupt: 3 })).toThrow(/only \d+ synthetic 8-Ks/);
  });
});

describe('synthetic filings on the replay server', () => {
  let started: Started | undefined;
  afterEach(async () => {
    await started?.server.close();
    started = undefined;
  });

  it('release each filing at its acceptance time-of-day mapped onto the replay clock', async () => {
    started = await startReplay({ speed: 100, synthetic: { from: '2024-04-01', businessDays: 2, perDay: 30, seed: 3 } });
    const { server, clock } = started;
    const synthetic = server.filings.filter((f) => f.synthetic);
    expect(synthetic).toHaveLength(60);
    expect(server.synthetic?.accessions).toEqual(synthetic.map((f) => f.accession));
    const first = Math.min(...synthetic.map((f) => Date.parse(f.acceptedAt)));
    const start = clock.now();
    for (const f of synthetic) expect(f.releaseAt).toBeCloseTo(start + (Date.parse(f.acceptedAt) - first) / 100, 3);
    // Halfway through the first day on the replay clock: only the morning's filings are out.
    const last = synthetic[29]!;
    clock.advance((Date.parse(last.acceptedAt) - first) / 100 / 2);
    const out = synthetic.filter((f) => server.isReleased(f.accession));
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(30);
  });

  it("serve a day's daily index, hidden filings included, once the day is out (at once after releaseAll)", async () => {
    started = await startReplay({ speed: 1, synthetic: { from: '2024-04-01', businessDays: 1, perDay: 300, seed: 5, hiddenFromFeed: 2 } });
    const path = '/Archives/edgar/daily-index/2024/QTR2/form.20240401.idx';
    const before = await started.get(path);
    expect(before.status).toBe(403);
    expect(before.body.toString()).toContain('<Code>AccessDenied</Code>');
    started.server.releaseAll();
    const res = await started.get(path);
    expect(res.status).toBe(200);
    const { entries, problems } = parseFormIndex(res.body.toString('latin1'));
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.accessionNumber).sort()).toEqual([...started.server.synthetic!.accessions].sort());
    for (const hidden of started.server.synthetic!.hiddenFromFeed) expect(entries.map((e) => e.accessionNumber)).toContain(hidden);
    expect((await started.get('/Archives/edgar/daily-index/2024/QTR2/company.20240401.idx')).status).toBe(200);
    expect((await started.get('/Archives/edgar/daily-index/2024/QTR2/master.20240401.idx')).body.toString('latin1')).toContain(`/${entries[0]!.accessionNumber}.txt\n`);
  });

  it('show the day index once its last filing is released on the replay clock', async () => {
    started = await startReplay({ speed: 1000, synthetic: { from: '2024-04-01', businessDays: 2, perDay: 20, seed: 5 } });
    const { server, clock } = started;
    const day1 = server.filings.filter((f) => f.synthetic && f.filedDate === '2024-04-01');
    const lastOfDay1 = Math.max(...day1.map((f) => f.releaseAt));
    clock.advance(lastOfDay1 - clock.now() - 1);
    expect((await started.get('/Archives/edgar/daily-index/2024/QTR2/form.20240401.idx')).status).toBe(403);
    clock.advance(1);
    expect((await started.get('/Archives/edgar/daily-index/2024/QTR2/form.20240401.idx')).status).toBe(200);
    expect((await started.get('/Archives/edgar/daily-index/2024/QTR2/form.20240402.idx')).status).toBe(403);
  });

  it('leave hidden filings out of the feed only, and serve the corrupted ones as they are', async () => {
    started = await startReplay({ synthetic: { from: '2024-04-01', businessDays: 1, perDay: 40, seed: 9, corrupt: 1, hiddenFromFeed: 1 } });
    const { server } = started;
    server.releaseAll();
    const [hidden] = server.synthetic!.hiddenFromFeed;
    const [corrupted] = server.synthetic!.corrupted;
    const feed: string[] = [];
    for (let start = 0; ; start += 100) {
      const page = feedAccessions((await started.get(feedPath({ start }))).body.toString('latin1'));
      if (page.length === 0) break;
      feed.push(...page);
    }
    expect(feed).not.toContain(hidden);
    expect(feed).toContain(corrupted);
    expect(new Set(feed).size).toBe(server.filings.length - 1);

    const info = server.filings.find((f) => f.accession === hidden)!;
    const txt = await started.get(info.submissionPath);
    expect(txt.status).toBe(200);
    expect(txt.body.toString('latin1')).toContain(`ACCESSION NUMBER:\t\t${hidden}`);
    const json = await started.get(`/submissions/CIK${info.cik}.json`);
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body.toString()).filings.recent.accessionNumber).toContain(hidden);

    const bad = server.filings.find((f) => f.accession === corrupted)!;
    const doc = await started.get(`${bad.submissionPath.replace(/[^/]+$/, '')}${bad.primaryDocument}`);
    expect(doc.status).toBe(200);
    expect(doc.body.includes(0)).toBe(true);
    const headers = await started.get(bad.submissionPath.replace(/\.txt$/, '-index-headers.html'));
    expect(headers.body.toString('latin1')).toContain(`&lt;CYBER8K-SYNTHETIC&gt;`);
  });
});
