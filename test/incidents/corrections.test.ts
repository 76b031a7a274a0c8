// A person's corrections — merge and split — recorded as `linkedBy: user`, kept through
// `incidents rebuild` and re-analysis, with their events written once.

import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import { mergeIncidents, splitIncident } from '../../src/incidents/corrections.usecase.ts';
import { rebuildIncidents } from '../../src/incidents/rethread.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { discover, record, shapes } from './helpers.ts';
import { analyzeReplay, oneCompanyTwoIncidents, THREADS, type AnalyzedReplayFiling } from './replay-corpus.ts';

let prudential: AnalyzedReplayFiling[];
let twoIncidents: AnalyzedReplayFiling[];
beforeAll(async () => {
  prudential = await analyzeReplay(THREADS.prudential);
  twoIncidents = await oneCompanyTwoIncidents();
});

async function retruncateAndRebuild(repos: Repositories, query: (q: ReturnType<typeof sql.raw>) => Promise<unknown>) {
  await query(sql.raw('truncate events, incident_filings, incidents restart identity cascade'));
  await rebuildIncidents(repos);
}

describeEachDatabase('incident corrections', (getDb) => {
  it('keeps two separate incidents of one company apart, and merges them on request; the merge survives a rebuild and re-analysis', async () => {
    const { database } = getDb();
    const repos = createRepositories(database.db);
    await discover(repos, twoIncidents);
    for (const f of twoIncidents) await record(repos, f);
    const before = await shapes(repos);
    const [wytec, built] = twoIncidents.map((f) => f.accessionNumber);
    expect(before.map((i) => i.filings).sort()).toEqual([[`${built}:original`], [`${wytec}:original`]]);
    const into = before.find((i) => i.filings[0]!.startsWith(wytec!))!;
    const from = before.find((i) => i.filings[0]!.startsWith(built!))!;
    const seen = (await repos.incidents.events(0, 100)).at(-1)!.id;

    const merged = await mergeIncidents(repos, into.id, from.id);
    expect(merged.incidentId).toBe(into.id);
    const after = await shapes(repos);
    // In filing order: the built 2024 filing first; Wytec's 8-K joined it by a user's hand.
    expect(after.find((i) => i.id === into.id)).toEqual({ id: into.id, cik: twoIncidents[0]!.cik, status: 'updated', filings: [`${built}:original`, `${wytec}:update+user`] });
    expect(after.find((i) => i.id === from.id)).toEqual({ id: from.id, cik: twoIncidents[0]!.cik, status: 'retracted', filings: [] });
    const events = await repos.incidents.events(seen, 100);
    expect(events.map((e) => [e.type, e.incidentId, e.analyzerVersion])).toEqual(
      expect.arrayContaining([['incident.updated', into.id, `correction ${merged.correction}`], ['incident.retracted', from.id, `correction ${merged.correction}`]]),
    );
    expect(events).toHaveLength(merged.events);
    expect((events.find((e) => e.type === 'incident.retracted')!.payload as { incident: { filingsNowIn?: number[] } }).incident.filingsNowIn).toEqual([into.id]);
    const merged2 = after.find((i) => i.id === into.id)!;

    // Rebuilding over its own result changes nothing and writes nothing.
    expect((await rebuildIncidents(repos)).events).toBe(0);
    expect(await shapes(repos)).toEqual(after);
    // From empty incident tables, and after a new analyzer version re-reads a filing: still one incident.
    await retruncateAndRebuild(repos, (q) => database.query(q));
    expect((await shapes(repos)).filter((i) => i.status !== 'retracted').map((i) => i.filings)).toEqual([merged2.filings]);
    await record(repos, twoIncidents[0]!, { ...twoIncidents[0]!.analysis, analyzerVersion: '99.0.0' });
    expect((await shapes(repos)).filter((i) => i.status !== 'retracted').map((i) => i.filings)).toEqual([merged2.filings]);
  });

  it("splits Prudential's 8-K/A off its 8-K's incident as a user's link; the split survives a rebuild and re-analysis", async () => {
    const { database } = getDb();
    const repos = createRepositories(database.db);
    const [eightK, amendment] = prudential;
    await discover(repos, prudential);
    for (const f of prudential) await record(repos, f);
    const [incident] = await shapes(repos);
    expect(incident!.filings).toEqual([`${eightK!.accessionNumber}:original`, `${amendment!.accessionNumber}:amendment`]);
    const seen = (await repos.incidents.events(0, 100)).at(-1)!.id;

    const split = await splitIncident(repos, incident!.id, amendment!.accessionNumber);
    expect(split.incidentId).not.toBe(incident!.id);
    const expected = [
      { id: incident!.id, cik: eightK!.cik, status: 'open', filings: [`${eightK!.accessionNumber}:original`] },
      { id: split.incidentId, cik: eightK!.cik, status: 'open', filings: [`${amendment!.accessionNumber}:amendment+user`] },
    ];
    expect(await shapes(repos)).toEqual(expected);
    const events = await repos.incidents.events(seen, 100);
    expect(events.map((e) => [e.type, e.incidentId])).toEqual(expect.arrayContaining([['incident.updated', incident!.id], ['incident.created', split.incidentId]]));
    expect(new Set(events.map((e) => e.analyzerVersion))).toEqual(new Set([`correction ${split.correction}`]));
    const detail = await repos.incidents.get(split.incidentId);
    expect(detail!.filings[0]).toMatchObject({ linkedBy: 'user', reason: 'split off by a user: an incident of its own' });

    expect((await rebuildIncidents(repos)).events).toBe(0);
    await retruncateAndRebuild(repos, (q) => database.query(q));
    expect((await shapes(repos)).map((i) => i.filings)).toEqual(expected.map((i) => i.filings));
    await record(repos, amendment!, { ...amendment!.analysis, analyzerVersion: '99.0.0' });
    await record(repos, eightK!, { ...eightK!.analysis, analyzerVersion: '99.0.0' });
    expect((await shapes(repos)).map((i) => i.filings)).toEqual(expected.map((i) => i.filings));

    // Merging them back undoes it: one incident again, the 8-K/A linked by a user.
    const [kept, splitOff] = await shapes(repos);
    await mergeIncidents(repos, kept!.id, splitOff!.id);
    expect((await shapes(repos)).find((i) => i.id === kept!.id)!.filings).toEqual([`${eightK!.accessionNumber}:original`, `${amendment!.accessionNumber}:amendment+user`]);
  });

  it('refuses corrections that cannot be made, with stable codes, and keeps nothing of them', async () => {
    const repos = createRepositories(getDb().database.db);
    const all = [...prudential, twoIncidents[0]!];
    await discover(repos, all);
    for (const f of all) await record(repos, f);
    const [pru, wytec] = await shapes(repos);
    await expect(mergeIncidents(repos, pru!.id, wytec!.id)).rejects.toMatchObject({ code: 'incidents.merge_companies' });
    await expect(mergeIncidents(repos, pru!.id, pru!.id)).rejects.toMatchObject({ code: 'incidents.merge_same' });
    await expect(mergeIncidents(repos, pru!.id, 999)).rejects.toMatchObject({ code: 'incidents.not_found', statusCode: 404 });
    await expect(splitIncident(repos, pru!.id, prudential[0]!.accessionNumber)).rejects.toMatchObject({ code: 'incidents.split_no_change' });
    await expect(splitIncident(repos, wytec!.id, twoIncidents[0]!.accessionNumber)).rejects.toMatchObject({ code: 'incidents.split_alone' });
    await expect(splitIncident(repos, wytec!.id, prudential[1]!.accessionNumber)).rejects.toMatchObject({ code: 'incidents.split_not_member' });
    expect(await repos.incidents.corrections(pru!.cik)).toEqual([]);
    expect((await shapes(repos)).map((i) => i.filings.length)).toEqual([2, 1]);
  });
});
