import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { createHttpCacheRepository } from '../../db/repositories/http-cache.ts';
import { createPollStateRepository } from '../../db/repositories/poll-state.ts';
import type { EdgarClient } from '../../src/edgar/client.ts';
import { getIfChanged } from '../../src/edgar/conditional-get.ts';
import { dailyIndexUrl } from '../../src/edgar/daily-index.ts';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { createFeedPoller } from '../../src/ingest/feed-poller.ts';
import { reconcileDay } from '../../src/ingest/reconcile.ts';
import type { FaultHook, ReplayServer } from '../../src/replay/index.ts';
import { startReplayWithClient } from '../helpers/replay-client.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('conditional GET with validators kept in the database', (getDb) => {
  let replay: ReplayServer;
  let edgar: EdgarClient;
  let fault: FaultHook = () => undefined;

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ replay, edgar, close } = await startReplayWithClient({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      synthetic: { from: '2025-03-03', businessDays: 2, perDay: 10, seed: 5 },
      faults: (req) => fault(req),
      releaseAll: true,
      client: { requestsPerSecond: 10, timeoutMs: 5000 },
    }));
  });
  afterAll(() => close?.());

  it('re-reads an unchanged daily index as a 304 once its content was processed, across a restart', async () => {
    const url = dailyIndexUrl(edgar.baseUrls.www, '2025-03-03');
    const first = await getIfChanged(edgar, createHttpCacheRepository({ db: getDb().database.db }), url);
    expect(first.changed).toBe(true);
    // Not remembered yet (say the process died while processing it): fetched again in full.
    expect((await getIfChanged(edgar, createHttpCacheRepository({ db: getDb().database.db }), url)).changed).toBe(true);
    if (first.changed) await first.remember();
    const before = replay.stats.byKindAndStatus['daily-index 304'] ?? 0;
    // A new repository: the validators come from the database, not from memory.
    const again = await getIfChanged(edgar, createHttpCacheRepository({ db: getDb().database.db }), url);
    expect(again.changed).toBe(false);
    expect(replay.stats.byKindAndStatus['daily-index 304']).toBe(before + 1);
  });

  it('reconciles a day whose daily index was already processed with a 304 and no work', async () => {
    const log = pino({ level: 'silent' });
    const before = replay.stats.byKindAndStatus['daily-index 304'] ?? 0;
    const first = await reconcileDay({ repositories: createRepositories(getDb().database.db), edgar, log, date: '2025-03-04' });
    expect(first.listed).toBeGreaterThan(0);
    const again = await reconcileDay({ repositories: createRepositories(getDb().database.db), edgar, log, date: '2025-03-04' });
    expect(again).toEqual({ date: '2025-03-04', listed: 0, missing: [], indexFound: true });
    expect(replay.stats.byKindAndStatus['daily-index 304']).toBe(before + 1);
  });

  it('skips a feed poll whose first page has not changed, when EDGAR sends validators', async () => {
    // The replay feed, like EDGAR's today, sends none: here it is made to.
    fault = (req) => {
      if (req.kind !== 'feed') return undefined;
      return req.headers['if-none-match'] === '"feed-v1"' ? { status: 304, body: '', headers: { etag: '"feed-v1"' } } : { headers: { etag: '"feed-v1"' } };
    };
    const db = getDb().database.db;
    const poller = createFeedPoller({
      edgar,
      filings: createFilingRepository({ db }),
      pollState: createPollStateRepository({ db }),
      httpCache: createHttpCacheRepository({ db }),
      log: pino({ level: 'silent' }),
      feedType: '8-K',
      maxPages: 5,
    });
    const first = await poller.pollOnce();
    expect(first.discovered).toBeGreaterThan(0);
    const second = await poller.pollOnce();
    expect(second).toEqual({ pages: 1, entries: 0, discovered: 0, gap: false });
    fault = () => undefined;
  });
});
