import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { createPollStateRepository } from '../../db/repositories/poll-state.ts';
import type { EdgarClient } from '../../src/edgar/client.ts';
import { DEMO_CORPUS } from '../../src/replay/index.ts';
import { createFeedPoller } from '../../src/ingest/feed-poller.ts';
import type { ReplayServer } from '../../src/replay/index.ts';
import { startReplayWithClient } from '../helpers/replay-client.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('feed poller paging', (getDb) => {
  let replay: ReplayServer;
  let edgar: EdgarClient;
  let close: () => Promise<void>;
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });

  beforeAll(async () => {
    ({ replay, edgar, close } = await startReplayWithClient({
      corpusDir: DEMO_CORPUS,
      speed: 1e-6,
      synthetic: { from: '2025-03-03', businessDays: 1, perDay: 250, seed: 11 },
      client: { requestsPerSecond: 10, timeoutMs: 5000 },
    }));
  });
  afterAll(() => close?.());

  const poller = (maxPages: number) => {
    const db = getDb().database.db;
    return createFeedPoller({ edgar, filings: createFilingRepository({ db }), pollState: createPollStateRepository({ db }), log, feedType: '8-K', maxPages, pageSize: 40 });
  };
  const synthetic = () => replay.synthetic!.accessions;
  const feedRequests = () => replay.stats.byKind.feed ?? 0;

  it('pages back only until it reaches a filing it has seen', async () => {
    const all = synthetic();
    for (const a of all.slice(0, 100)) replay.release(a);
    const first = await poller(20).pollOnce();
    expect(first.discovered).toBeGreaterThan(80); // the 8-Ks and 8-K/As among them
    expect(first.pages).toBeGreaterThan(2);

    for (const a of all.slice(100, 110)) replay.release(a);
    const before = feedRequests();
    const second = await poller(20).pollOnce();
    expect(second.discovered).toBeGreaterThan(5);
    expect(second.pages).toBe(1); // the new filings and a known one fit in the first page
    expect(feedRequests() - before).toBe(1);
    expect(second.gap).toBe(false);
  });

  it('warns of a gap when the page limit runs out before reaching what it has seen', async () => {
    const all = synthetic();
    // Learn everything released so far, then let more than a page of new filings pile up.
    await poller(50).pollOnce();
    const unreleased = all.filter((a) => !replay.isReleased(a));
    for (const a of unreleased.slice(0, 60)) replay.release(a);
    const result = await poller(1).pollOnce();
    expect(result).toMatchObject({ pages: 1, gap: true });
    expect(warnings.some((w) => /without reaching the last filing seen; older filings may have been missed/.test(w))).toBe(true);
  });
});
