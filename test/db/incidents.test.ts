import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import { rebuildIncidents } from '../../src/incidents/rethread.usecase.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

// Two filings of other companies beside the threads, so a mix-up would show.
const OTHERS = ['0001193125-24-011295', '0001493152-26-013239'];

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await analyzeReplay([...Object.values(THREADS).flat(), ...OTHERS]);
});

async function discover(repos: Repositories, filings: AnalyzedReplayFiling[]) {
  for (const f of filings) {
    await repos.filings.recordDiscovered({
      accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
      indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
    });
  }
}

const analyzed = (repos: Repositories, f: AnalyzedReplayFiling, analysis = f.analysis) => recordAnalysis(repos, f.accessionNumber, { analysis, item105Text: null });

/** Every incident as (cik, its filings with roles, status, item path), in a stable order. */
async function threads(repos: Repositories) {
  const { rows } = await repos.incidents.list({}, { limit: 100 });
  return rows
    .map((r) => ({ cik: r.cik, filings: r.filings.map((f) => `${f.accessionNumber}:${f.role}`), status: r.status, itemPath: r.itemPath, facts: r.facts }))
    .sort((a, b) => (a.filings[0]! < b.filings[0]! ? -1 : 1));
}

describeEachDatabase('incidents threaded as filings are analyzed', (getDb) => {
  it('threads the replay corpus into one incident per company with the right roles, none mixing companies', async () => {
    const repos = createRepositories(getDb().database.db);
    await discover(repos, corpus);
    for (const f of corpus) await analyzed(repos, f);
    const result = await threads(repos);
    expect(result.map((t) => t.filings)).toEqual(
      [
        ['0000105770-26-000077:amendment'],
        ['0001020859-25-000036:original', '0001020859-25-000054:periodic'],
        ['0001193125-24-011295:original'],
        ['0001193125-24-033753:original', '0001193125-24-040749:amendment'],
        ['0001193125-25-143135:amendment'],
        ['0001193125-26-282946:original', '0001193125-26-307288:amendment'],
        ['0001493152-26-013239:original'],
        ['0001683168-25-006583:original', '0001683168-26-000732:amendment'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    for (const t of result) {
      const ciks = new Set(t.filings.map((f) => corpus.find((c) => c.accessionNumber === f.split(':')[0])!.cik));
      expect([...ciks]).toEqual([t.cik]);
    }
    const prudential = await repos.incidents.forFiling('0001193125-24-040749');
    expect(prudential?.role).toBe('amendment');
    const detail = await repos.incidents.get(prudential!.id);
    expect(detail?.filings.map((f) => f.linkedBy)).toEqual(['auto', 'auto']);
    expect(detail?.status).toBe('updated');
  });

  it('summaries() pages exactly as list() does, search hits and companies included, only without the filings', async () => {
    const repos = createRepositories(getDb().database.db);
    await discover(repos, corpus);
    for (const f of corpus) await analyzed(repos, f);
    for (const filters of [{}, { q: 'cybersecurity' }]) {
      let after: Parameters<typeof repos.incidents.list>[1]['after'];
      let pages = 0;
      do {
        const [listed, summed] = await Promise.all([repos.incidents.list(filters, { limit: 3, after }), repos.incidents.summaries(filters, { limit: 3, after })]);
        expect(summed.rows.length).toBeGreaterThan(0);
        expect(summed).toEqual({ rows: listed.rows.map(({ filings: _f, ...row }) => row), next: listed.next });
        expect(summed.rows.every((r) => !('filings' in r))).toBe(true);
        after = listed.next ?? undefined;
        pages++;
      } while (after);
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('writes created, then updated with the changed fields from → to, and nothing for a re-analysis that changes nothing', async () => {
    const repos = createRepositories(getDb().database.db);
    const [original, amendment] = corpus.filter((f) => (THREADS.wytec as readonly string[]).includes(f.accessionNumber));
    await discover(repos, [original!, amendment!]);
    await analyzed(repos, original!);
    let events = await repos.incidents.events(0, 100);
    expect(events.map((e) => [e.type, e.accessionNumber])).toEqual([['incident.created', original!.accessionNumber]]);
    await analyzed(repos, amendment!);
    events = await repos.incidents.events(events[0]!.id, 100);
    expect(events.map((e) => e.type)).toEqual(['incident.updated']);
    const changes = (events[0]!.payload as { changes: Array<{ field: string; from: unknown; to: unknown }> }).changes;
    expect(changes).toContainEqual({ field: 'status', from: 'open', to: 'updated' });
    expect(changes).toContainEqual({ field: 'lastFiledAt', from: '2025-08-29', to: '2026-02-03' });
    expect(changes.find((c) => c.field === 'filings')?.to).toEqual([original!.accessionNumber, amendment!.accessionNumber]);

    // The same analysis again (a retried job), three times at once as three instances would: nothing new.
    await Promise.all([analyzed(repos, amendment!), analyzed(repos, amendment!), analyzed(repos, original!)]);
    expect(await repos.incidents.events(events[0]!.id, 100)).toEqual([]);
  });

  it('a filing re-analyzed as no incident leaves its incident; an incident with none left is retracted, with an event', async () => {
    const repos = createRepositories(getDb().database.db);
    const [eightK, amendment] = corpus.filter((f) => (THREADS.prudential as readonly string[]).includes(f.accessionNumber));
    await discover(repos, [eightK!, amendment!]);
    await analyzed(repos, eightK!);
    await analyzed(repos, amendment!);
    const { id } = (await repos.incidents.forFiling(eightK!.accessionNumber))!;
    // A new analyzer version re-reads them (the same version reads the same bytes the same way).
    await analyzed(repos, amendment!, { ...amendment!.analysis, incident: false, analyzerVersion: '99.0.0' });
    expect((await repos.incidents.get(id))?.filings.map((f) => f.accessionNumber)).toEqual([eightK!.accessionNumber]);
    await analyzed(repos, eightK!, { ...eightK!.analysis, incident: false, analyzerVersion: '99.0.0' });
    const retracted = await repos.incidents.get(id);
    expect(retracted?.status).toBe('retracted');
    expect(retracted?.filings).toEqual([]);
    const events = await repos.incidents.events(0, 100);
    expect(events.map((e) => e.type)).toEqual(['incident.created', 'incident.updated', 'incident.updated', 'incident.retracted']);
  });

  it('threading in any arrival order gives what a rebuild from the stored analyses gives (property)', async () => {
    const repos = createRepositories(getDb().database.db);
    const { database } = getDb();
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(corpus, { minLength: corpus.length, maxLength: corpus.length }), async (arrival) => {
        await getDb().reset();
        await discover(repos, arrival);
        for (const f of arrival) await analyzed(repos, f);
        const arrived = await threads(repos);
        await database.query(sql.raw('truncate events, incident_filings, incidents restart identity cascade'));
        await rebuildIncidents(repos);
        expect(await threads(repos)).toEqual(arrived);
      }),
      { numRuns: 4 },
    );
  });
});
