// The record-analysis use case stores an analysis, rethreads the company and writes the events in
// one transaction: when any part fails, none of it is kept.

import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { createRecordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

let wytec: AnalyzedReplayFiling[];
beforeAll(async () => {
  wytec = await analyzeReplay(THREADS.wytec);
});

describeEachDatabase('recording an analysis', (getDb) => {
  it('stores the analysis, threads the incident and writes its event together', async () => {
    const repos = createRepositories(getDb().database.db);
    const [f] = wytec;
    await repos.filings.recordDiscovered({ accessionNumber: f!.accessionNumber, cik: f!.cik, companyName: f!.companyName, form: f!.form, items: f!.items, filedAt: f!.filedAt, acceptedAt: f!.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
    await createRecordAnalysis(repos)(f!.accessionNumber, { analysis: f!.analysis, item105Text: null, source: { submission: f!.bytes, documents: ['x.txt'], requests: 1, bytes: f!.bytes.length } });
    expect((await repos.filings.get(f!.accessionNumber))?.status).toBe('analyzed');
    expect((await repos.filings.source(f!.accessionNumber))?.submission.equals(f!.bytes)).toBe(true);
    expect(await repos.incidents.forFiling(f!.accessionNumber)).toMatchObject({ role: 'original' });
    expect((await repos.incidents.events(0, 10)).map((e) => e.type)).toEqual(['incident.created']);
  });

  it('keeps nothing of the analysis when the incident write fails (one transaction)', async () => {
    const { database } = getDb();
    const repos = createRepositories(database.db);
    const [f] = wytec;
    await repos.filings.recordDiscovered({ accessionNumber: f!.accessionNumber, cik: f!.cik, companyName: f!.companyName, form: f!.form, items: f!.items, filedAt: f!.filedAt, acceptedAt: f!.acceptedAt, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' });
    // A fault injected in the database itself: the incident insert fails after the analysis was written.
    await database.query(sql.raw(`create function fail_incident() returns trigger language plpgsql as $$ begin raise exception 'injected incident failure'; end $$`));
    await database.query(sql.raw('create trigger fail_incident before insert on incidents for each row execute function fail_incident()'));
    try {
      await expect(createRecordAnalysis(repos)(f!.accessionNumber, { analysis: f!.analysis, item105Text: null, source: { submission: f!.bytes, documents: ['x.txt'], requests: 1, bytes: f!.bytes.length } })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/injected incident failure/) } });
      const filing = await repos.filings.get(f!.accessionNumber);
      expect(filing?.status).toBe('pending');
      expect(filing?.analysis).toBeNull();
      expect(await repos.filings.source(f!.accessionNumber)).toBeUndefined();
      expect(await database.query(sql.raw('select 1 from analyses'))).toEqual([]);
      expect(await repos.incidents.events(0, 10)).toEqual([]);
    } finally {
      await database.query(sql.raw('drop trigger fail_incident on incidents'));
      await database.query(sql.raw('drop function fail_incident()'));
    }
  });
});
