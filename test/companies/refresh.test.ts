// Company profiles read from EDGAR over HTTP, against the replay server serving the committed
// corpus's companies (built tickers, SIC codes and states; see scripts/build-replay-companies.ts):
// company_tickers.json once a day, each company's submissions JSON at most once a day, as jobs
// through the worker; faults are the replay server's own.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import type { NewFiling } from '../../db/repositories/filings.ts';
import { createRefreshCompanyHandler, createRefreshCompanyTickersHandler, scheduleCompanyRefresh } from '../../src/companies/refresh.ts';
import { REFRESH_COMPANY, REFRESH_COMPANY_TICKERS } from '../../src/jobs/catalogue.ts';
import { createWorker } from '../../src/ingest/worker.ts';
import { createLogger } from '../../src/logger.ts';
import { DEMO_CORPUS } from '../../src/replay/corpus.ts';
import type { FaultHook } from '../../src/replay/server.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startReplayWithClient, type ReplayWithClient } from '../helpers/replay-client.ts';

const PRUDENTIAL = '0001137774';
const F5 = '0001048695';
const UNKNOWN = '0000000042';
const DAY_MS = 24 * 3600_000;

let faults: FaultHook | undefined;
let env: ReplayWithClient;
beforeAll(async () => {
  env = await startReplayWithClient({ corpusDir: DEMO_CORPUS, releaseAll: true, faults: (req) => faults?.(req) });
});
afterAll(async () => {
  await env?.close();
});

function filing(cik: string, name: string, n: number): NewFiling {
  const accession = `${cik}-25-${String(n).padStart(6, '0')}`;
  return { accessionNumber: accession, cik, companyName: name, form: '8-K', items: ['8.01'], filedAt: '2025-06-01', acceptedAt: `2025-06-01T20:00:0${n}Z`, indexUrl: 'https://www.sec.gov/', submissionUrl: 'https://www.sec.gov/' };
}

describeEachDatabase('company profiles read from EDGAR', (getDb) => {
  let clock = new Date('2026-12-01T09:00:00Z');
  const now = () => clock;
  const log = createLogger('silent');

  function worker(repos: Repositories) {
    const options = { edgar: env.edgar, companies: repos.companies, log, refreshMs: DAY_MS, now };
    return createWorker({
      jobs: repos.jobs,
      handlers: { [REFRESH_COMPANY]: createRefreshCompanyHandler(options), [REFRESH_COMPANY_TICKERS]: createRefreshCompanyTickersHandler(options) },
      log,
      retryDelayMs: () => 0,
    });
  }

  async function seed(repos: Repositories) {
    await repos.filings.recordDiscovered(filing(PRUDENTIAL, 'PRUDENTIAL FINANCIAL INC', 1));
    await repos.filings.recordDiscovered(filing(F5, 'F5, INC.', 2));
  }

  const schedule = (repos: Repositories) => scheduleCompanyRefresh({ companies: repos.companies, jobs: repos.jobs, refreshMs: DAY_MS, now });

  it('reads company_tickers.json once and each company’s submissions JSON once, as background jobs, and keeps what they say', async () => {
    const repos = createRepositories(getDb().database.db);
    await seed(repos);
    clock = new Date('2026-12-01T09:00:00Z');
    env.replay.stats.reset();
    expect(await schedule(repos)).toEqual({ enqueued: 3 });
    expect((await repos.jobs.list()).map((j) => [j.kind, j.key, j.priority]).sort()).toEqual([
      [REFRESH_COMPANY, `${F5}:2026-12-01`, -10],
      [REFRESH_COMPANY, `${PRUDENTIAL}:2026-12-01`, -10],
      [REFRESH_COMPANY_TICKERS, '2026-12-01', -10],
    ]);
    expect(await worker(repos).drain()).toBe(3);
    expect(env.replay.stats.byKindAndStatus).toEqual({ 'company-tickers 200': 1, 'submissions-json 200': 2 });

    const pru = await repos.companies.get(PRUDENTIAL);
    expect(pru).toMatchObject({ name: 'PRUDENTIAL FINANCIAL INC', profileFetchedAt: clock });
    expect([...pru!.tickers].sort()).toEqual(['PFH', 'PRH', 'PRS', 'PRU']);
    // F5's SIC code (computer communications equipment) puts it among the telecom suppliers.
    expect(await repos.companies.get(F5)).toMatchObject({ tickers: ['FFIV'], sic: '3576', state: 'WA', businessState: 'WA' });
    expect((await repos.companies.list({ sector: 'telecom' }, { limit: 10 })).rows.map((c) => c.cik)).toEqual([F5]);
  });

  it('asks again no sooner than a day later, however often it is scheduled', async () => {
    const repos = createRepositories(getDb().database.db);
    await seed(repos);
    clock = new Date('2026-12-01T23:00:00Z');
    await schedule(repos);
    await worker(repos).drain();
    env.replay.stats.reset();
    // Later the same day, and early the next (less than 24 hours on): nothing to read.
    for (const at of ['2026-12-01T23:30:00Z', '2026-12-02T01:00:00Z']) {
      clock = new Date(at);
      const { enqueued } = await schedule(repos);
      // The next day's company_tickers.json is its own, daily read.
      expect(enqueued).toBe(at.startsWith('2026-12-02') ? 1 : 0);
      await worker(repos).drain();
    }
    expect(env.replay.stats.byKind['submissions-json'] ?? 0).toBe(0);
    // A refresh job that runs anyway (another instance's, a retry) makes no request either.
    await repos.jobs.enqueue({ kind: REFRESH_COMPANY, key: `${F5}:2026-12-02` });
    await worker(repos).drain();
    expect(env.replay.stats.byKind['submissions-json'] ?? 0).toBe(0);
    clock = new Date('2026-12-02T23:30:00Z');
    expect(await schedule(repos)).toEqual({ enqueued: 1 });
    await worker(repos).drain();
    expect(env.replay.stats.byKind['submissions-json']).toBe(1);
  });

  it('records a company EDGAR does not know on its job, set aside, and leaves it out of the next schedules that day', async () => {
    const repos = createRepositories(getDb().database.db);
    await repos.filings.recordDiscovered(filing(UNKNOWN, 'NOBODY CORP', 3));
    clock = new Date('2026-12-03T09:00:00Z');
    await schedule(repos);
    await worker(repos).drain();
    const [job] = await repos.jobs.list({ kind: REFRESH_COMPANY });
    expect(job).toMatchObject({ state: 'dead', lastError: expect.stringContaining(`no submissions JSON for CIK ${UNKNOWN}`) });
    expect((await repos.companies.get(UNKNOWN))?.profileFetchedAt).toBeNull();
    expect(await schedule(repos)).toEqual({ enqueued: 0 });
  });

  it('retries a failed read like any job: a second attempt reads it', async () => {
    const repos = createRepositories(getDb().database.db);
    await seed(repos);
    clock = new Date('2026-12-04T09:00:00Z');
    let failures = 0;
    faults = (req) => (req.kind === 'submissions-json' && req.path.includes(F5.slice(3)) && failures++ < 1 ? { status: 400, body: 'bad request' } : undefined);
    try {
      await schedule(repos);
      await worker(repos).drain();
    } finally {
      faults = undefined;
    }
    const job = (await repos.jobs.list({ kind: REFRESH_COMPANY })).find((j) => j.key.startsWith(F5));
    expect(failures).toBe(2);
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    expect((await repos.companies.get(F5))?.tickers).toEqual(['FFIV']);
  });

  it('leaves the tickers of companies unchanged when company_tickers.json is not JSON, and says why on the job', async () => {
    const repos = createRepositories(getDb().database.db);
    await seed(repos);
    clock = new Date('2026-12-05T09:00:00Z');
    faults = (req) => (req.kind === 'company-tickers' ? { status: 200, body: '<html>maintenance</html>' } : undefined);
    try {
      await repos.jobs.enqueue({ kind: REFRESH_COMPANY_TICKERS, key: '2026-12-05', maxAttempts: 1 });
      await worker(repos).drain();
    } finally {
      faults = undefined;
    }
    expect((await repos.jobs.list({ kind: REFRESH_COMPANY_TICKERS }))[0]).toMatchObject({ state: 'dead', lastError: expect.stringContaining('not JSON') });
    expect((await repos.companies.get(PRUDENTIAL))?.tickers).toEqual([]);
  });
});
