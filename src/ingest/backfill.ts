// `cyber8k backfill --from 2023-12-18 [--to DATE]`: discovers history by walking EDGAR's daily
// form index day by day, and records each filing of the wanted forms exactly as live discovery
// does (filing row + company + analysis job, in one transaction), so the workers analyze it.
//
// Resumable: after each day the contiguous range of completed days is kept in poll_state, so an
// interrupted run (Ctrl-C, crash, EDGAR down) continues from the next day, and a re-run over done
// days fetches nothing. A day is recorded only once all its filings are stored; a day cut short is
// done again, and storing is idempotent (the accession number is unique).
//
// Weekends and federal holidays are skipped without asking EDGAR (it publishes no index for them);
// a business day without an index (EDGAR closed on a one-off occasion) answers 403 AccessDenied
// and counts as a day without filings.

import type { FilingRepository, Repositories } from '../../db/repositories/index.ts';
import { EdgarError, type EdgarClient } from '../edgar/client.ts';
import { addDays, assertIsoDate, businessDaysBetween, easternDate, easternMidnight, nextBusinessDay } from '../calendar/index.ts';
import { fetchDailyIndex, type DailyIndex, type DailyIndexEntry } from '../edgar/daily-index.ts';
import { AppError, errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { sleepUntilAborted } from '../sleep.ts';
import { PRIORITY } from '../jobs/catalogue.ts';
import { recordDiscovery } from './discover.ts';

export const BACKFILL_SOURCE = 'backfill:daily-index';
/** Current reports and periodic reports, with their amendments. */
export const DEFAULT_FORMS: readonly string[] = ['8-K', '8-K/A', '10-Q', '10-Q/A', '10-K', '10-K/A'];

export interface BackfillProgress {
  /** The day just finished, YYYY-MM-DD. */
  date: string;
  /** Days finished, including those done by an earlier run. */
  daysDone: number;
  /** Days this run has read (the pace for an estimate). */
  daysThisRun: number;
  daysTotal: number;
  /** Filings of the wanted forms in this day's index. */
  listed: number;
  /** Of those, newly recorded. */
  discovered: number;
  /** False when EDGAR has no index for the day (a holiday). */
  indexFound: boolean;
  totalListed: number;
  totalDiscovered: number;
  elapsedMs: number;
}

export interface BackfillOptions {
  repositories: Pick<Repositories, 'filings' | 'pollState' | 'httpCache'>;
  edgar: EdgarClient;
  log: Logger;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (default and latest: yesterday, US Eastern; today's index is built around 22:00). */
  to?: string;
  forms?: readonly string[];
  onProgress?: (progress: BackfillProgress) => void;
  /** Stops after the current request; the result says `interrupted`. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface BackfillResult {
  from: string;
  to: string;
  /** EDGAR business days in the range. */
  daysTotal: number;
  /** Business days done by an earlier run and skipped. */
  daysSkipped: number;
  /** Business days fetched and finished by this run. */
  daysDone: number;
  /** Business days without an index (EDGAR closed on a one-off occasion). */
  daysWithoutIndex: string[];
  /** Filings of the wanted forms listed in the indexes read. */
  listed: number;
  /** Newly recorded filings (each with its analysis job). */
  discovered: number;
  /** Listed filings already known (from the feed or an earlier run). */
  alreadyKnown: number;
  /** Index lines that could not be read. */
  problems: number;
  /** The run stopped on its signal before the last day. */
  interrupted: boolean;
}

/** Completed days, as one contiguous range (what poll_state keeps for the backfill). */
export interface BackfillCursor {
  from: string;
  through: string;
}

export class BackfillError extends AppError {
  constructor(code: 'backfill.bad_range' | 'backfill.failed', message: string, cause?: unknown) {
    super(code, message, { statusCode: code === 'backfill.bad_range' ? 400 : 502, cause });
    this.name = 'BackfillError';
  }
}

export interface RecordedDay {
  listed: number;
  /** Accession numbers recorded now. */
  recorded: string[];
  alreadyKnown: number;
}

/**
 * Records the filings of an index that are not known yet, through the same path as the feed:
 * filing + company + analysis job in one transaction. The index gives no acceptance time and no
 * items: the acceptance time is set to midnight US Eastern of the filing date as a placeholder,
 * which the analysis replaces with the header's, and the items come from the header too.
 */
export async function recordIndexedFilings(
  filings: FilingRepository,
  wwwBase: string,
  entries: readonly DailyIndexEntry[],
  forms: readonly string[],
  priority: number = PRIORITY.history,
): Promise<RecordedDay> {
  const wanted = entries.filter((e) => forms.includes(e.form));
  const known = new Set<string>();
  // Bounded IN lists: a busy day has a few hundred 8-Ks, 10-Qs and 10-Ks.
  for (let i = 0; i < wanted.length; i += 500) {
    for (const acc of await filings.knownAccessions(wanted.slice(i, i + 500).map((e) => e.accessionNumber))) known.add(acc);
  }
  const recorded: string[] = [];
  for (const entry of wanted) {
    if (known.has(entry.accessionNumber)) continue;
    const isNew = await recordDiscovery(
      filings,
      wwwBase,
      {
        accessionNumber: entry.accessionNumber,
        cik: entry.cik,
        companyName: entry.company,
        form: entry.form,
        items: [],
        filedAt: entry.filedAt,
        acceptedAt: easternMidnight(entry.filedAt).toISOString(),
      },
      priority,
    );
    // False when the feed poller stored it in the meantime.
    if (isNew) recorded.push(entry.accessionNumber);
  }
  return { listed: wanted.length, recorded, alreadyKnown: wanted.length - recorded.length };
}

/** Checks the range and settles `to`: not after yesterday, whose index is the newest complete one. */
export function backfillRange(from: string, to: string | undefined, now: Date): { from: string; to: string; clamped: boolean } {
  assertIsoDate(from, '--from');
  if (to !== undefined) assertIsoDate(to, '--to');
  const yesterday = addDays(easternDate(now), -1);
  const end = to === undefined || to > yesterday ? yesterday : to;
  if (from > end) {
    throw new BackfillError(
      'backfill.bad_range',
      to !== undefined && to < from
        ? `--from ${from} is after --to ${to}`
        : `--from ${from} is after yesterday (${yesterday}): today's daily index is only built around 22:00 US Eastern, so the newest day to backfill is yesterday`,
    );
  }
  return { from, to: end, clamped: to !== undefined && to > yesterday };
}

/** Walks the daily indexes from `from` to `to` and records what it finds; see the module comment. */
export async function runBackfill(options: BackfillOptions): Promise<BackfillResult> {
  const { edgar, log, signal } = options;
  const forms = options.forms ?? DEFAULT_FORMS;
  const { from, to, clamped } = backfillRange(options.from, options.to, (options.now ?? (() => new Date()))());
  if (clamped) log.warn(`--to ${options.to} is not complete yet on EDGAR; backfilling through ${to}`);
  const { filings, pollState, httpCache } = options.repositories;

  const stored = (await pollState.get(BACKFILL_SOURCE))?.cursor as Partial<BackfillCursor> | null | undefined;
  const earlier: BackfillCursor | null = stored?.from && stored.through ? { from: stored.from, through: stored.through } : null;
  let cursor = earlier;

  const days = businessDaysBetween(from, to);
  const pending = days.filter((d) => !(earlier && earlier.from <= d && d <= earlier.through));
  const result: BackfillResult = {
    from,
    to,
    daysTotal: days.length,
    daysSkipped: days.length - pending.length,
    daysDone: 0,
    daysWithoutIndex: [],
    listed: 0,
    discovered: 0,
    alreadyKnown: 0,
    problems: 0,
    interrupted: false,
  };
  if (pending.length === 0) {
    log.info(`backfill ${from} → ${to}: every day was done by an earlier run; nothing to fetch`);
    return result;
  }
  if (result.daysSkipped > 0) log.info(`backfill ${from} → ${to}: resuming at ${pending[0]} (${result.daysSkipped} days done by an earlier run)`);
  const started = performance.now();

  // Settled, so a fetch running ahead never surfaces as an unhandled rejection.
  type Fetched = { ok: true; index: DailyIndex } | { ok: false; err: unknown };
  const fetchDay = (day: string): Promise<Fetched> =>
    fetchDailyIndex(edgar, day, { signal, cache: httpCache }).then((index) => ({ ok: true as const, index }), (err: unknown) => ({ ok: false as const, err }));
  // The next day's index is fetched while this day's filings are stored, so the rate-limited
  // requests and the database writes overlap instead of adding up.
  let ahead: { day: string; fetched: Promise<Fetched> } | undefined;

  for (let i = 0; i < pending.length && !signal?.aborted; ) {
    const day = pending[i] as string;
    const fetched = ahead?.day === day ? await ahead.fetched : await fetchDay(day);
    ahead = undefined;
    if (!fetched.ok) {
      const err = fetched.err;
      if (signal?.aborted) break;
      if (err instanceof EdgarError && err.isPause) {
        // The breaker already paused every request; wait it out instead of giving up the run.
        const waitMs = Math.max(1000, edgar.breaker.remainingMs());
        log.warn(`backfill waits ${Math.ceil(waitMs / 1000)} s for SEC's rate-limit pause before ${day}`);
        await sleepUntilAborted(waitMs, signal ?? new AbortController().signal);
        continue; // the same day again
      }
      await pollState.recordError(BACKFILL_SOURCE, `${day}: ${errorMessage(err)}`);
      throw new BackfillError(
        'backfill.failed',
        `backfill stopped at ${day} after ${result.daysDone} days (${errorMessage(err)}); run the same command again to resume from ${day}`,
        err,
      );
    }
    const { index } = fetched;
    const following = pending[i + 1];
    if (following !== undefined && !signal?.aborted) ahead = { day: following, fetched: fetchDay(following) };
    for (const problem of index.problems) log.warn({ url: index.url }, `skipped a daily index line: ${problem}`);
    const recorded = await recordIndexedFilings(filings, edgar.baseUrls.www, index.entries, forms);
    await index.remember?.();

    cursor = extendRange(cursor, day, earlier);
    await pollState.recordSuccess(BACKFILL_SOURCE, { ...cursor });
    i += 1;

    result.daysDone += 1;
    result.listed += recorded.listed;
    result.discovered += recorded.recorded.length;
    result.alreadyKnown += recorded.alreadyKnown;
    result.problems += index.problems.length;
    if (!index.exists) result.daysWithoutIndex.push(day);
    log.debug({ day, listed: recorded.listed, discovered: recorded.recorded.length, indexFound: index.exists }, 'backfilled a day');
    options.onProgress?.({
      date: day,
      daysDone: result.daysSkipped + result.daysDone,
      daysThisRun: result.daysDone,
      daysTotal: result.daysTotal,
      listed: recorded.listed,
      discovered: recorded.recorded.length,
      indexFound: index.exists,
      totalListed: result.listed,
      totalDiscovered: result.discovered,
      elapsedMs: performance.now() - started,
    });
  }

  result.interrupted = result.daysSkipped + result.daysDone < result.daysTotal;
  log.info(
    `backfill ${from} → ${to}${result.interrupted ? ' interrupted' : ''}: ${result.daysDone} days read, ${result.discovered} filings discovered, ` +
      `${result.alreadyKnown} already known${result.daysWithoutIndex.length ? `, no index for ${result.daysWithoutIndex.join(', ')}` : ''}`,
  );
  return result;
}

/**
 * The completed range once `day` is done: `day` continues `range`, or starts a new one (a run over
 * days disjoint from the remembered ones); either way it absorbs an earlier run's range it reaches.
 * One range is remembered, so a run far from the earlier one forgets that one (it would only be
 * fetched again, never duplicated).
 */
export function extendRange(range: BackfillCursor | null, day: string, earlier: BackfillCursor | null): BackfillCursor {
  let next = range && nextBusinessDay(range.through) === day ? { from: range.from, through: day } : { from: day, through: day };
  if (earlier && earlier.from <= nextBusinessDay(next.through) && next.from <= nextBusinessDay(earlier.through)) {
    next = { from: earlier.from < next.from ? earlier.from : next.from, through: earlier.through > next.through ? earlier.through : next.through };
  }
  return next;
}
