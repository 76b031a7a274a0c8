import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { createSubscription } from '../../src/alerts/subscriptions.usecase.ts';
import { SECTOR_NAMES } from '../../src/companies/sectors.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { loadConfig } from '../../src/config.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await analyzeReplay(Object.values(THREADS).flat());
});

// The companies of the corpus's incidents, with tickers and SIC codes set by this test (the
// companies table fills them from EDGAR in production).
const COMPANIES = [
  { cik: '0001137774', name: 'PRUDENTIAL FINANCIAL INC', tickers: ['PRU'], sic: '6311' },
  { cik: '0001560143', name: 'Wytec International Inc', tickers: ['WYTC'], sic: '4899' },
  { cik: '0001020859', name: 'UNITED NATURAL FOODS INC', tickers: ['UNFI'], sic: '5141' },
  { cik: '0000105770', name: 'WEST PHARMACEUTICAL SERVICES INC', tickers: ['WST'], sic: '3841' },
  { cik: '0000073309', name: 'NUCOR CORP', tickers: ['NUE'], sic: '3312' },
  { cik: '0001641601', name: 'River Financial Corp', tickers: ['RVRF'], sic: '6022' },
];

describeEachDatabase('alert filters on real filings', (getDb) => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('sends a watchlist by ticker, by sector and by flag exactly the incidents that match', async () => {
    const repos = createRepositories(getDb().database.db);
    for (const c of COMPANIES) await getDb().database.query(sql`insert into companies (cik, name, tickers, sic) values (${c.cik}, ${c.name}, ${`{${c.tickers.join(",")}}`}::text[], ${c.sic})`);
    const policy = { allowPrivate: true, emailEnabled: false, resolveTickers: (t: string[]) => repos.companies.ciksOfTickers(t), sectorNames: SECTOR_NAMES };
    const subscribe = async (name: string, filter: Record<string, unknown>) =>
      (await createSubscription(repos, policy, { name, channel: { type: 'webhook', url: `${receiver.url}/${name}` }, filter: { ...filter, events: ['created'] } }, null)).secret;
    const secrets = {
      ticker: await subscribe('ticker', { tickers: ['nue'] }),
      sector: await subscribe('sector', { sectors: ['telecom'] }),
      flag: await subscribe('flag', { flags: ['operationalDisruption'] }),
      banks: await subscribe('banks', { sectors: ['banking'], items: ['1.05', '8.01'] }),
    };

    for (const f of corpus) {
      await repos.filings.recordDiscovered({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
        indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
      });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
    const w = createAlertWorker({ repositories: repos, config: { ...loadConfig({}), alertsAllowPrivateUrls: true }, log: createLogger('silent'), metrics: createMonitorMetrics(), idleMs: 50 });
    try {
      await w.drain();
      await w.drain();
    } finally {
      await w.close();
    }

    const incidents = (await repos.incidents.list({}, { limit: 100 })).rows;
    const received = (name: keyof typeof secrets) =>
      receiver.received
        .filter((r) => r.path.endsWith(`/${name}`))
        .map((r) => (new Webhook(secrets[name]).verify(r.body, r.headers as Record<string, string>) as { data: { incident: { id: number; cik: string } } }).data.incident)
        .map((i) => i.cik)
        .sort();
    expect(received('ticker')).toEqual(['0000073309']);
    expect(received('sector')).toEqual(['0001560143']);
    expect(received('banks')).toEqual(['0001641601']);
    const disrupted = incidents.filter((i) => i.flags.includes('operationalDisruption')).map((i) => i.cik).sort();
    expect(disrupted.length).toBeGreaterThan(0);
    expect(disrupted.length).toBeLessThan(incidents.length);
    expect(received('flag')).toEqual(disrupted);
  });
});
