// Nightly reconciliation: the getcurrent feed is a short window (pages stop around 5,000 entries,
// and a poller that was down or fell behind misses what scrolled past), so each night the day's
// daily index, EDGAR's complete list, is compared with what was discovered, and anything missing
// is stored and queued for analysis like any discovered filing (EDGAR.md §10).
//
// The index is built around 22:00 US Eastern, so the run is scheduled for 02:00 Eastern and covers
// every business day since the last reconciled one (kept in poll_state), so a restart or a night off
// never skips a day.

import type { Repositories } from '../../db/repositories/index.ts';
import type { EdgarClient } from '../edgar/client.ts';
import { addDays, assertIsoDate, businessDaysBetween, easternDate, easternWallTime, previousBusinessDay } from '../calendar/index.ts';
import { fetchDailyIndex } from '../edgar/daily-index.ts';
import type { Logger } from '../logger.ts';
import { DEFAULT_FORMS, recordIndexedFilings } from './backfill.ts';
import { PRIORITY } from '../jobs/catalogue.ts';

export const RECONCILE_SOURCE = 'reconcile:daily-index';
/** When the nightly run starts, US Eastern: hours after the index is built, before the next day opens at 06:00. */
export const RECONCILE_AT = { hour: 2, minute: 0 } as const;
/** Longest catch-up after downtime, in business days; older gaps are a job for `cyber8k backfill`. */
const MAX_CATCH_UP_DAYS = 10;

export interface ReconcileResult {
  /** YYYY-MM-DD */
  date: string;
  /** Filings of the wanted forms in the day's index. */
  listed: number;
  /** Accession numbers that had not been discovered, now stored and queued. */
  missing: string[];
  /** False when EDGAR has no index for the day (a holiday, or not built yet). */
  indexFound: boolean;
}

export interface ReconcileDayOptions {
  repositories: Pick<Repositories, 'filings' | 'pollState' | 'httpCache' | 'reconciliations'>;
  edgar: EdgarClient;
  log: Logger;
  /** YYYY-MM-DD */
  date: string;
  /** Forms to check (default: those backfill keeps). */
  forms?: readonly string[];
  signal?: AbortSignal;
}

interface ReconcileCursor {
  /** The newest day reconciled against an index that existed. */
  date: string;
}

/** Compares one day's daily index with the filings table and queues what is missing. */
export async function reconcileDay(options: ReconcileDayOptions): Promise<ReconcileResult> {
  const { edgar, log, date } = options;
  const { filings, pollState, httpCache, reconciliations } = options.repositories;
  assertIsoDate(date);
  const index = await fetchDailyIndex(edgar, date, { signal: options.signal, cache: httpCache });
  if (index.unchanged) {
    log.info({ date }, `reconciliation of ${date}: the daily index has not changed since it was last reconciled`);
    return { date, listed: 0, missing: [], indexFound: true };
  }
  for (const problem of index.problems) log.warn({ url: index.url }, `skipped a daily index line: ${problem}`);
  const forms = options.forms ?? DEFAULT_FORMS;
  const recorded = await recordIndexedFilings(filings, edgar.baseUrls.www, index.entries, forms, PRIORITY.live);
  const result: ReconcileResult = { date, listed: recorded.listed, missing: recorded.recorded, indexFound: index.exists };
  // Kept for the weekly report's data quality (EDGAR's count beside ours), before the index is
  // remembered as seen: a crash in between reconciles the day again rather than losing its count.
  await reconciliations.record({ date, listed: result.listed, missing: result.missing.length, indexFound: result.indexFound, forms });
  await index.remember?.();

  if (!index.exists) {
    log.info({ date }, `reconciliation of ${date}: EDGAR has no daily index for it (holiday, or not built yet)`);
    return result;
  }
  const last = ((await pollState.get(RECONCILE_SOURCE))?.cursor as Partial<ReconcileCursor> | null | undefined)?.date;
  // A day reconciled again by hand must not move the nightly cursor back.
  await pollState.recordSuccess(RECONCILE_SOURCE, last && last > date ? null : { date });
  if (result.missing.length > 0) {
    log.warn(
      { date, listed: result.listed, missing: result.missing },
      `reconciliation of ${date}: ${result.missing.length} of ${result.listed} filings in the daily index had not been discovered; queued for analysis`,
    );
  } else {
    log.info({ date, listed: result.listed }, `reconciliation of ${date}: all ${result.listed} filings in the daily index were discovered`);
  }
  return result;
}

/** The next RECONCILE_AT (02:00 US Eastern) strictly after `now`. */
export function nextReconcileAt(now: Date): Date {
  const today = easternDate(now);
  const tonight = easternWallTime(today, RECONCILE_AT.hour, RECONCILE_AT.minute);
  if (tonight.getTime() > now.getTime()) return tonight;
  return easternWallTime(addDays(today, 1), RECONCILE_AT.hour, RECONCILE_AT.minute);
}

/**
 * The EDGAR business days still to reconcile at `now`: those after the last reconciled one, up to
 * the newest complete index (the business day before today, Eastern); only that one on a first run.
 */
export function daysToReconcile(lastReconciled: string | null, now: Date): string[] {
  const newest = previousBusinessDay(easternDate(now));
  if (!lastReconciled) return [newest];
  if (lastReconciled >= newest) return [];
  return businessDaysBetween(addDays(lastReconciled, 1), newest);
}

export interface ReconcilePendingOptions extends Omit<ReconcileDayOptions, 'date'> {
  now?: () => Date;
}

/**
 * What the leader runs each night (and once at start-up, to catch up): reconciles every pending
 * day in order. A day without an index is passed over once a later day has one (EDGAR was closed);
 * while it is the newest, it is tried again next time, as its index may not be built yet.
 */
export async function reconcilePending(options: ReconcilePendingOptions): Promise<ReconcileResult[]> {
  const { log } = options;
  const { pollState } = options.repositories;
  const now = (options.now ?? (() => new Date()))();
  const last = ((await pollState.get(RECONCILE_SOURCE))?.cursor as Partial<ReconcileCursor> | null | undefined)?.date ?? null;
  let days = daysToReconcile(last, now);
  if (days.length > MAX_CATCH_UP_DAYS) {
    log.warn(
      `reconciliation is ${days.length} business days behind (last reconciled ${last}); checking the newest ${MAX_CATCH_UP_DAYS} — ` +
        `run \`cyber8k backfill --from ${days[0]} --to ${days[days.length - MAX_CATCH_UP_DAYS - 1]}\` for the rest`,
    );
    days = days.slice(-MAX_CATCH_UP_DAYS);
  }
  const results: ReconcileResult[] = [];
  for (const date of days) {
    if (options.signal?.aborted) break;
    results.push(await reconcileDay({ ...options, date }));
  }
  return results;
}
