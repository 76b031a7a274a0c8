// Backfill from EDGAR's daily index, over real HTTP against the replay server serving a synthetic
// month, on PGlite and on PostgreSQL.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { createEdgarClient, type EdgarClient } from '../../src/edgar/client.ts';
import { easternMidnight } from '../../src/calendar/index.ts';
import { filingUrls } from '../../src/edgar/urls.ts';
import { backfillRange, BACKFILL_SOURCE, BackfillError, extendRange, runBackfill, type BackfillProgress } from '../../src/ingest/backfill.ts';
import { createProgressReporter, formatDuration, formatProgressBar, formatProgressLine } from '../../src/ingest/progress.ts';
import { createReplayServer, type FaultHook, type ReplayServer } from '../../src/replay/index.ts';
import { ACCESS_DENIED_XML } from '../../src/replay/pages.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { expectIngestedExactly, readIngested } from '../helpers/ingested.ts';
import { DECLARED_UA, REPLAY_CORPUS } from '../replay/helpers.ts';

const WANTED = ['8-K', '8-K/A', '10-Q', '10-Q/A', '10-K', '10-K/A'];
// 20 weekdays of 15 filings: 2024-04-01 (a Monday) through 2024-04-26.
const MONTH = { from: '2024-04-01', businessDays: 20, perDay: 15, seed: 11 };
const FROM = '2024-04-01';
const TO = '2024-04-26';
const indexPath = (date: string) => `/Archives/edgar/daily-index/2024/QTR2/form.${date.replace(/-/g, '')}.idx`;

function edgarFor(base: string, options: { maxRetries?: number } = {}): EdgarClient {
  // 8 requests a second stays under the replay server's (and SEC's) 10.
  return createEdgarClient({ userAgent: DECLARED_UA, baseUrls: { www: base, data: base, efts: base }, requestsPerSecond: 8, timeoutMs: 10_000, ...options });
}

describeEachDatabase('A replayed month of daily indexes', (getDb) => {
  const repositories = () => createRepositories(getDb().database.db);
  const messages: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void messages.push(JSON.parse(line).msg) });
  let replay: ReplayServer;
  let edgar: EdgarClient;
  let base: string;
  let fault: FaultHook | undefined;

  beforeAll(async () => {
    replay = await createReplayServer({ corpusDir: REPLAY_CORPUS, synthetic: MONTH, faults: (req) => fault?.(req) });
    base = await replay.listen({ port: 0 });
    replay.releaseAll();
    edgar = edgarFor(base);
  });
  afterAll(async () => {
    await edgar?.close();
    await replay?.close();
  });
  beforeEach(() => {
    fault = undefined;
    messages.length = 0;
  });

  /** What the indexes list in the range, of the wanted forms (synthetic and real alike). */
  const expected = (from = FROM, to = TO) =>
    replay.filings.filter((f) => f.filedDate >= from && f.filedDate <= to && WANTED.includes(f.form)).map((f) => f.accession).sort();
  const indexRequests = () => replay.stats.byKind['daily-index'] ?? 0;
  async function stored() {
    const ingested = await readIngested(getDb().database);
    return { ...ingested, accessions: ingested.filings };
  }

  it('backfills, resumes after an interruption, and ends with every filing present exactly once', async () => {
    const all = expected();
    expect(all.length).toBeGreaterThan(200);
    const controller = new AbortController();
    const first = await runBackfill({ repositories: repositories(),
      edgar,
      log,
      from: FROM,
      to: TO,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.daysDone === 7) controller.abort();
      },
    });
    expect(first).toMatchObject({ interrupted: true, daysTotal: 20, daysDone: 7, daysSkipped: 0 });
    const afterFirst = await stored();
    expect(afterFirst.accessions).toEqual(expected(FROM, '2024-04-09'));

    const before = indexRequests();
    const second = await runBackfill({ repositories: repositories(), edgar, log, from: FROM, to: TO });
    expect(second).toMatchObject({ interrupted: false, daysSkipped: 7, daysDone: 13, alreadyKnown: 0 });
    expect(indexRequests() - before).toBe(13);
    expect(messages).toContain(`backfill ${FROM} → ${TO}: resuming at 2024-04-10 (7 days done by an earlier run)`);

    // Each listed filing once, with one analysis job, queued and never tried: none lost, none twice.
    expectIngestedExactly(await stored(), all, { state: 'queued', attempts: 0 });
    expect(first.discovered + second.discovered).toBe(all.length);
  });

  it('fetches nothing and duplicates nothing over days already done, and extends the done range', async () => {
    await runBackfill({ repositories: repositories(), edgar, log, from: '2024-04-08', to: TO });
    const before = indexRequests();
    const again = await runBackfill({ repositories: repositories(), edgar, log, from: '2024-04-08', to: TO });
    expect(again).toMatchObject({ daysDone: 0, daysSkipped: 15, discovered: 0 });
    expect(indexRequests()).toBe(before);

    // An earlier start reads only the new week, and the remembered range now covers both.
    const wider = await runBackfill({ repositories: repositories(), edgar, log, from: FROM, to: TO });
    expect(wider).toMatchObject({ daysDone: 5, daysSkipped: 15 });
    expect(indexRequests() - before).toBe(5);
    const state = await repositories().pollState.get(BACKFILL_SOURCE);
    expect(state?.cursor).toEqual({ from: FROM, through: TO });
    expectIngestedExactly(await stored(), expected(), { state: 'queued', attempts: 0 });
    expect(wider.discovered).toBe(expected(FROM, '2024-04-05').length);
  });

  it('records each filing as discovery does: the index facts, its URLs, a midnight-Eastern placeholder time and an analysis job', async () => {
    const { database } = getDb();
    await runBackfill({ repositories: repositories(), edgar, log, from: '2024-04-02', to: '2024-04-02' });
    const [row] = await database.query<{ accession_number: string; cik: string; company_name: string; form: string; items: string[]; filed_at: string; accepted_at: Date; index_url: string; submission_url: string; status: string }>(
      sql`select accession_number, cik, company_name, form, items, filed_at::text, accepted_at, index_url, submission_url, status from filings order by accession_number limit 1`,
    );
    const info = replay.filings.find((f) => f.accession === row!.accession_number)!;
    const urls = filingUrls(base, info.cik, info.accession);
    expect(row).toMatchObject({ cik: info.cik, company_name: info.company, form: info.form, items: [], filed_at: '2024-04-02', index_url: urls.index, submission_url: urls.submission, status: 'pending' });
    expect(new Date(row!.accepted_at).toISOString()).toBe(easternMidnight('2024-04-02').toISOString());
    const [job] = await database.query<{ kind: string; state: string }>(sql`select kind, state from jobs where key = ${row!.accession_number}`);
    expect(job).toEqual({ kind: 'analyze-filing', state: 'queued' });
    // The 6-Ks of the day are in the index but not among the wanted forms.
    const sixK = replay.filings.filter((f) => f.filedDate === '2024-04-02' && f.form === '6-K');
    expect(sixK.length).toBeGreaterThan(0);
    expect((await stored()).accessions).not.toContain(sixK[0]!.accession);
  });

  it('counts a business day without an index (EDGAR closed: 403 AccessDenied) as a day without filings', async () => {
    fault = (req) => (req.path === indexPath('2024-04-10') ? { status: 403, body: ACCESS_DENIED_XML, headers: { 'content-type': 'application/xml' } } : undefined);
    const result = await runBackfill({ repositories: repositories(), edgar, log, from: '2024-04-08', to: '2024-04-12' });
    expect(result).toMatchObject({ daysDone: 5, daysWithoutIndex: ['2024-04-10'], interrupted: false });
    const ids = (await stored()).accessions;
    expect(ids).toEqual(expected('2024-04-08', '2024-04-12').filter((a) => replay.filings.find((f) => f.accession === a)!.filedDate !== '2024-04-10'));
  });

  it('skips weekends and federal holidays without asking EDGAR, and keeps the range whole across them', async () => {
    const before = indexRequests();
    const requested: string[] = [];
    fault = (req) => void (req.kind === 'daily-index' && requested.push(req.path));
    // Friday before Memorial Day 2024 through the Tuesday after it.
    const result = await runBackfill({ repositories: repositories(), edgar, log, from: '2024-05-24', to: '2024-05-28' });
    expect(result).toMatchObject({ daysTotal: 2, daysDone: 2, daysWithoutIndex: [], interrupted: false });
    expect(indexRequests() - before).toBe(2);
    expect(requested).toEqual([indexPath('2024-05-24'), indexPath('2024-05-28')]);
    expect((await repositories().pollState.get(BACKFILL_SOURCE))?.cursor).toEqual({ from: '2024-05-24', through: '2024-05-28' });
  });

  it('stops with an error naming the day EDGAR failed, and the next run resumes from that day', async () => {
    const impatient = edgarFor(base, { maxRetries: 0 });
    try {
      fault = (req) => (req.path === indexPath('2024-04-03') ? { status: 500, body: 'boom' } : undefined);
      const failed = runBackfill({ repositories: repositories(), edgar: impatient, log, from: FROM, to: '2024-04-05' });
      await expect(failed).rejects.toThrow(BackfillError);
      await expect(failed).rejects.toThrow(/backfill stopped at 2024-04-03 after 2 days \(EDGAR is unavailable \(500\).*run the same command again to resume from 2024-04-03/);
      const state = await repositories().pollState.get(BACKFILL_SOURCE);
      expect(state).toMatchObject({ cursor: { from: FROM, through: '2024-04-02' }, lastError: expect.stringMatching(/^2024-04-03: EDGAR is unavailable/) });

      fault = undefined;
      const resumed = await runBackfill({ repositories: repositories(), edgar: impatient, log, from: FROM, to: '2024-04-05' });
      expect(resumed).toMatchObject({ daysSkipped: 2, daysDone: 3, interrupted: false });
      expect((await stored()).accessions).toEqual(expected(FROM, '2024-04-05'));
    } finally {
      await impatient.close();
    }
  });
});

describe('backfill range', () => {
  const at = (iso: string) => new Date(iso);

  it('ends yesterday (US Eastern) by default and never later: today has no index yet', () => {
    // 2024-04-10 02:00 UTC is still 2024-04-09 in New York.
    expect(backfillRange('2024-04-01', undefined, at('2024-04-10T02:00:00Z'))).toEqual({ from: '2024-04-01', to: '2024-04-08', clamped: false });
    expect(backfillRange('2024-04-01', '2030-01-01', at('2024-04-10T12:00:00Z'))).toEqual({ from: '2024-04-01', to: '2024-04-09', clamped: true });
    expect(backfillRange('2024-04-01', '2024-04-03', at('2024-04-10T12:00:00Z'))).toEqual({ from: '2024-04-01', to: '2024-04-03', clamped: false });
  });

  it('refuses a range that ends before it starts, or a date that is not one', () => {
    expect(() => backfillRange('2024-04-05', '2024-04-01', at('2024-05-01T12:00:00Z'))).toThrow(/--from 2024-04-05 is after --to 2024-04-01/);
    expect(() => backfillRange('2024-04-10', undefined, at('2024-04-10T12:00:00Z'))).toThrow(/--from 2024-04-10 is after yesterday \(2024-04-09\): today's daily index is only built around 22:00/);
    expect(() => backfillRange('2024-13-01', undefined, at('2024-04-10T12:00:00Z'))).toThrow(/--from must be a date written YYYY-MM-DD/);
  });

  it('remembers done days as one range that grows over weekends and holidays and absorbs an earlier range it meets', () => {
    expect(extendRange(null, '2024-04-05', null)).toEqual({ from: '2024-04-05', through: '2024-04-05' });
    expect(extendRange({ from: '2024-04-01', through: '2024-04-05' }, '2024-04-08', null)).toEqual({ from: '2024-04-01', through: '2024-04-08' });
    expect(extendRange({ from: '2024-05-20', through: '2024-05-24' }, '2024-05-28', null)).toEqual({ from: '2024-05-20', through: '2024-05-28' });
    const earlier = { from: '2024-04-08', through: '2024-04-30' };
    expect(extendRange({ from: '2024-04-01', through: '2024-04-04' }, '2024-04-05', earlier)).toEqual({ from: '2024-04-01', through: '2024-04-30' });
    expect(extendRange({ from: '2024-04-01', through: '2024-04-04' }, '2024-06-03', null)).toEqual({ from: '2024-06-03', through: '2024-06-03' });
  });
});

describe('backfill progress', () => {
  const progress = (over: Partial<BackfillProgress> = {}): BackfillProgress => ({
    date: '2024-04-09',
    daysDone: 7,
    daysThisRun: 5,
    daysTotal: 20,
    listed: 12,
    discovered: 10,
    indexFound: true,
    totalListed: 80,
    totalDiscovered: 75,
    elapsedMs: 10_000,
    ...over,
  });

  it('prints a plain line per day when stderr is not a terminal, with an ETA at the pace of this run', () => {
    const out: string[] = [];
    const reporter = createProgressReporter({ write: (t: string) => out.push(t), isTTY: false });
    reporter.update(progress());
    reporter.update(progress({ date: '2024-04-10', indexFound: false, listed: 0, discovered: 0, daysDone: 8, daysThisRun: 6 }));
    reporter.done();
    expect(out).toEqual([
      'backfill 2024-04-09: 12 listed, 10 new — 7/20 days, 75 filings discovered, ETA 26s\n',
      'backfill 2024-04-10: no index (holiday?) — 8/20 days, 75 filings discovered, ETA 20s\n',
    ]);
  });

  it('redraws one bar in place on a terminal and ends its line when done', () => {
    const out: string[] = [];
    const reporter = createProgressReporter({ write: (t: string) => out.push(t), isTTY: true, columns: 100 });
    reporter.update(progress());
    reporter.update(progress({ daysDone: 20, daysThisRun: 18 }));
    reporter.done();
    expect(out[0]).toMatch(/^\r\[#{14}-{26}\] 7\/20 days · 75 filings · 2024-04-09 · ETA 26s\x1b\[K$/);
    expect(out[1]).toMatch(/^\r\[#{40}\] 20\/20 days/);
    expect(out[2]).toBe('\n');
    expect(formatProgressBar(progress(), 40)).toMatch(/^\[#+-+\] 7\/20/);
    expect(formatProgressLine(progress({ daysThisRun: 0 }))).not.toMatch(/ETA/);
    expect(formatDuration(3_723_000)).toBe('1h02m');
    expect(formatDuration(245_000)).toBe('4m05s');
  });
});
