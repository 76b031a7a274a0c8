// Nightly reconciliation: the feed poller runs over a replayed month with one 8-K left out of the
// feed on purpose, and the daily index finds exactly that one. Real HTTP against the replay server,
// on PGlite and on PostgreSQL.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import type { EdgarClient } from '../../src/edgar/client.ts';
import { createFeedPoller } from '../../src/ingest/feed-poller.ts';
import { daysToReconcile, nextReconcileAt, reconcileDay, reconcilePending, RECONCILE_SOURCE } from '../../src/ingest/reconcile.ts';
import type { FaultHook, ReplayServer } from '../../src/replay/index.ts';
import { ACCESS_DENIED_XML } from '../../src/replay/pages.ts';
import { buildReportModel } from '../../src/reports/model.ts';
import { isoWeekOf } from '../../src/reports/week.ts';
import { startReplayWithClient } from '../helpers/replay-client.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { REPLAY_CORPUS } from '../replay/helpers.ts';

const CURRENT_REPORTS = ['8-K', '8-K/A'];
const MONTH = { from: '2024-04-01', businessDays: 20, perDay: 15, seed: 11, hiddenFromFeed: 1, corrupt: 1 };
/** 02:30 New York time (EDT) on `date`. */
const nightOf = (date: string) => () => new Date(`${date}T06:30:00Z`);

describeEachDatabase('Reconciliation against a replayed month of daily indexes', (getDb) => {
  const messages: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void messages.push(JSON.parse(line).msg) });
  let replay: ReplayServer;
  let edgar: EdgarClient;
  let close: () => Promise<void>;
  let fault: FaultHook | undefined;

  beforeAll(async () => {
    ({ replay, edgar, close } = await startReplayWithClient({ corpusDir: REPLAY_CORPUS, synthetic: MONTH, faults: (req) => fault?.(req), releaseAll: true }));
  });
  afterAll(() => close?.());
  beforeEach(() => {
    fault = undefined;
    messages.length = 0;
  });

  const repositories = () => createRepositories(getDb().database.db);
  const lastReconciled = async () => (await repositories().pollState.get(RECONCILE_SOURCE))?.cursor;

  it('finds the filing left out of the feed on purpose, and nothing else', async () => {
    const { database } = getDb();
    const { filings, pollState } = repositories();
    const poller = createFeedPoller({ edgar, filings, pollState, log, feedType: '8-K', maxPages: 20 });
    const polled = await poller.pollOnce();
    expect(polled.gap).toBe(false);
    const [hidden] = replay.synthetic!.hiddenFromFeed;
    expect(await filings.get(hidden!)).toBeUndefined();

    const missing: string[] = [];
    for (const date of replay.synthetic!.days) {
      const result = await reconcileDay({ repositories: repositories(), edgar, log, date, forms: CURRENT_REPORTS });
      const listed = replay.filings.filter((f) => f.filedDate === date && CURRENT_REPORTS.includes(f.form)).length;
      expect(result).toMatchObject({ date, listed, indexFound: true });
      missing.push(...result.missing);
    }
    expect(missing).toEqual([hidden]);

    // Now stored and queued like any discovered filing, and said so in the log.
    expect(await filings.get(hidden!)).toMatchObject({ status: 'pending' });
    const [job] = await database.query<{ kind: string }>(sql`select kind from jobs where key = ${hidden!}`);
    expect(job).toEqual({ kind: 'analyze-filing' });
    const day = replay.filings.find((f) => f.accession === hidden)!.filedDate;
    expect(messages.some((m) => new RegExp(`^reconciliation of ${day}: 1 of \\d+ filings in the daily index had not been discovered`).test(m))).toBe(true);
    expect(await lastReconciled()).toEqual({ date: '2024-04-26' });

    // The weekly report of that week says so: EDGAR's count, ours, and the one the feed missed.
    const week = isoWeekOf(day);
    const report = buildReportModel(await repositories().reports.loadWeek(week), week, '1.8.0');
    const row = report.dataQuality.days.find((d) => d.date === day)!;
    const listedThatDay = replay.filings.filter((f) => f.filedDate === day && CURRENT_REPORTS.includes(f.form)).length;
    expect(row).toMatchObject({ listed: listedThatDay, missedByFeed: 1, indexFound: true, discovered: listedThatDay });
    expect(report.dataQuality.reconciliation).toMatchObject({ daysChecked: 5, businessDays: 5, missedByFeed: 1, coverage: 1 });
  });

  it('remembers the last night reconciled, so a restart catches up every weekday it missed', async () => {
    await reconcileDay({ repositories: repositories(), edgar, log, date: '2024-04-02', forms: CURRENT_REPORTS });
    // Down from Wednesday to Tuesday morning: the weekdays since are reconciled in order.
    const caughtUp = await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-09') });
    expect(caughtUp.map((r) => r.date)).toEqual(['2024-04-03', '2024-04-04', '2024-04-05', '2024-04-08']);
    expect(await lastReconciled()).toEqual({ date: '2024-04-08' });
    expect(await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-09') })).toEqual([]);
    // Reconciling an older day by hand does not move the nightly cursor back.
    await reconcileDay({ repositories: repositories(), edgar, log, date: '2024-04-01', forms: CURRENT_REPORTS });
    expect(await lastReconciled()).toEqual({ date: '2024-04-08' });
  });

  it('checks only the newest day on a first run, and at most ten weekdays after a long outage', async () => {
    expect((await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-10') })).map((r) => r.date)).toEqual(['2024-04-09']);
    await repositories().pollState.recordSuccess(RECONCILE_SOURCE, { date: '2024-03-01' });
    const results = await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-27') });
    expect(results.map((r) => r.date)).toEqual(['2024-04-15', '2024-04-16', '2024-04-17', '2024-04-18', '2024-04-19', '2024-04-22', '2024-04-23', '2024-04-24', '2024-04-25', '2024-04-26']);
    expect(messages).toContain('reconciliation is 40 business days behind (last reconciled 2024-03-01); checking the newest 10 — run `cyber8k backfill --from 2024-03-04 --to 2024-04-12` for the rest');
  });

  it('tries a day without an index again while it is the newest, and passes over it once a later day has one', async () => {
    fault = (req) => (req.path.endsWith('form.20240408.idx') ? { status: 403, body: ACCESS_DENIED_XML, headers: { 'content-type': 'application/xml' } } : undefined);
    await reconcileDay({ repositories: repositories(), edgar, log, date: '2024-04-05', forms: CURRENT_REPORTS });
    const monday = await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-09') });
    expect(monday).toEqual([{ date: '2024-04-08', listed: 0, missing: [], indexFound: false }]);
    expect(await lastReconciled()).toEqual({ date: '2024-04-05' });
    const tuesday = await reconcilePending({ repositories: repositories(), edgar, log, forms: CURRENT_REPORTS, now: nightOf('2024-04-10') });
    expect(tuesday.map((r) => [r.date, r.indexFound])).toEqual([['2024-04-08', false], ['2024-04-09', true]]);
    expect(await lastReconciled()).toEqual({ date: '2024-04-09' });
  });
});

describe('reconciliation schedule', () => {
  it('runs at 02:00 New York time, the next one strictly after now, in summer and in winter', () => {
    expect(nextReconcileAt(new Date('2024-04-09T05:59:00Z')).toISOString()).toBe('2024-04-09T06:00:00.000Z');
    expect(nextReconcileAt(new Date('2024-04-09T06:00:00Z')).toISOString()).toBe('2024-04-10T06:00:00.000Z');
    expect(nextReconcileAt(new Date('2024-01-15T12:00:00Z')).toISOString()).toBe('2024-01-16T07:00:00.000Z');
    // 02:00 does not exist when clocks spring forward, and happens once when they fall back.
    expect(nextReconcileAt(new Date('2024-03-10T06:00:00Z')).toISOString()).toBe('2024-03-10T07:00:00.000Z');
    expect(nextReconcileAt(new Date('2024-11-03T04:30:00Z')).toISOString()).toBe('2024-11-03T07:00:00.000Z');
  });

  it('covers the weekdays since the last reconciled one, up to the newest built index', () => {
    // Monday 02:30: Friday's index is the newest.
    expect(daysToReconcile(null, new Date('2024-04-08T06:30:00Z'))).toEqual(['2024-04-05']);
    expect(daysToReconcile('2024-04-03', new Date('2024-04-08T06:30:00Z'))).toEqual(['2024-04-04', '2024-04-05']);
    expect(daysToReconcile('2024-04-05', new Date('2024-04-08T06:30:00Z'))).toEqual([]);
    // Before midnight New York time it is still the previous day there.
    expect(daysToReconcile('2024-04-03', new Date('2024-04-09T03:00:00Z'))).toEqual(['2024-04-04', '2024-04-05']);
  });
});
