// The weekly report is built and stored every Monday at 07:00 America/New_York, by the leader
// only, and once when an instance becomes leader, to catch up on Mondays missed while no
// instance led; a failed build is retried with backoff. Storing is idempotent per (week, analyzer version) in the database, so a second
// leader after a failover, or a run racing another, publishes nothing twice.

import { Cron } from 'croner';
import type { ReportRepository } from '../../db/repositories/reports.ts';
import { ANALYZER_VERSION } from '../analysis/version.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ReportModel } from './model.ts';
import { reportSummary } from './published.ts';
import { addWeeks, latestDueWeek, type IsoWeek } from './week.ts';
import { buildWeeklyReport } from './weekly.usecase.ts';

export const REPORT_CRON = '0 7 * * 1';
export const REPORT_TIMEZONE = 'America/New_York';
/** Weeks a catch-up builds at most, newest first; older ones: `cyber8k report --week`. */
export const MAX_CATCH_UP_WEEKS = 8;

export interface PublishOptions {
  reports: Pick<ReportRepository, 'loadWeek' | 'list' | 'publish'>;
  log: Logger;
  now: Date;
  analyzerVersion?: string;
  /** Base of the links in the event (PUBLIC_URL). */
  publicUrl?: string | null;
}

/** What `report.published` carries: what a Slack line or an e-mail needs, and where the report is. */
export function publishedEvent(model: ReportModel, publicUrl?: string | null): Record<string, unknown> {
  return { report: reportSummary(model, publicUrl) };
}

/**
 * The weeks due by `now` without a stored report of this analyzer version, oldest first: of the
 * last MAX_CATCH_UP_WEEKS weeks, every one after the oldest stored report (the Mondays missed while
 * no instance led, and a week whose build failed while a later one was stored); with none stored
 * (a first run, a new analyzer version), the due week alone.
 */
export async function weeksToPublish(reports: Pick<ReportRepository, 'list'>, now: Date, analyzerVersion = ANALYZER_VERSION): Promise<IsoWeek[]> {
  const due = latestDueWeek(now);
  const stored = new Set((await reports.list()).filter((r) => r.analyzerVersion === analyzerVersion).map((r) => r.week));
  const oldest = [...stored].sort()[0];
  const weeks: IsoWeek[] = [];
  for (let w = due, i = 0; i < MAX_CATCH_UP_WEEKS; w = addWeeks(w, -1), i++) {
    if (oldest === undefined ? i > 0 : w <= oldest) break;
    if (!stored.has(w)) weeks.push(w);
  }
  return weeks.reverse();
}

/**
 * Builds and stores every week due; returns the weeks this call published (not those another
 * instance did). A week that fails to build does not hold up the others: they are stored, and
 * then the first failure is thrown (the schedule retries what is left).
 */
export async function publishDueReports(options: PublishOptions): Promise<IsoWeek[]> {
  const { reports, log } = options;
  const analyzerVersion = options.analyzerVersion ?? ANALYZER_VERSION;
  const published: IsoWeek[] = [];
  const failed: Array<{ week: IsoWeek; err: unknown }> = [];
  for (const week of await weeksToPublish(reports, options.now, analyzerVersion)) {
    try {
      const model = await buildWeeklyReport(reports, week, analyzerVersion);
      const result = await reports.publish(model, publishedEvent(model, options.publicUrl));
      if (result.published) {
        published.push(week);
        log.info({ week, analyzerVersion }, `published the weekly report of ${week}: ${model.headline.incidents.new.value} new incidents, ${model.headline.filings.value} incident filings`);
      }
    } catch (err) {
      failed.push({ week, err });
    }
  }
  if (failed.length > 0) {
    const first = failed[0]!;
    throw new Error(`the weekly report of ${failed.map((f) => f.week).join(', ')} could not be built: ${errorMessage(first.err)}`, { cause: first.err });
  }
  return published;
}

/**
 * Waits before retrying a failed build, by failures in a row: a database failover or a restart
 * of the server takes minutes, so the report is late by minutes, not by a week. The last delay
 * repeats until a build succeeds, the next Monday's run, or the leader steps down.
 */
export const REPORT_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000] as const;

export function reportRetryDelayMs(failures: number): number {
  return REPORT_RETRY_DELAYS_MS[Math.min(Math.max(failures, 1), REPORT_RETRY_DELAYS_MS.length) - 1]!;
}

/** The schedule's clocks: the Monday cron, and the timer of a retry (tests inject both). */
export interface ScheduleTimers {
  /** Calls `run` at every REPORT_CRON time in REPORT_TIMEZONE until stopped. */
  cron(run: () => unknown): { stop(): void };
  setTimeout(run: () => unknown, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduleTimers: ScheduleTimers = {
  // protect: a run still going when the next is due is not started twice in this process.
  cron: (run) => new Cron(REPORT_CRON, { timezone: REPORT_TIMEZONE, protect: true, unref: true }, () => void run()),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ReportSchedule {
  /** Resolves once the start-up catch-up has run (failed or not). */
  firstCycle: Promise<void>;
  /** When the next retry of a failed build is due; null when none is waiting. */
  retryAt(): Date | null;
  stop(): Promise<void>;
}

/**
 * Runs publishDueReports now (catch-up) and every Monday 07:00 New York time, until stopped; a
 * failed run is retried with backoff (REPORT_RETRY_DELAYS_MS). Each run asks the database what is
 * still due, so a retry, the Monday run and another instance's run never store a week twice.
 */
export function startReportSchedule(options: Omit<PublishOptions, 'now'> & { clock?: () => Date; timers?: ScheduleTimers }): ReportSchedule {
  const clock = options.clock ?? (() => new Date());
  const timers = options.timers ?? realScheduleTimers;
  let running: Promise<void> | null = null;
  let retry: { handle: unknown; at: Date } | null = null;
  let failures = 0;
  let stopped = false;

  const cancelRetry = () => {
    if (retry) timers.clearTimeout(retry.handle);
    retry = null;
  };
  const run = (): Promise<void> => {
    // A retry falling due during the Monday run (or the other way round) joins it.
    if (running) return running;
    cancelRetry();
    running = publishDueReports({ ...options, now: clock() })
      .then(
        () => {
          failures = 0;
        },
        (err: unknown) => {
          failures += 1;
          if (stopped) return;
          const delay = reportRetryDelayMs(failures);
          retry = { handle: timers.setTimeout(run, delay), at: new Date(clock().getTime() + delay) };
          options.log.error({ err: errorMessage(err), failures, retryInSeconds: delay / 1000 }, `building the weekly report failed (${failures} in a row); trying again in ${delay / 60_000} min`);
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const cron = timers.cron(run);
  const firstCycle = run();
  return {
    firstCycle,
    retryAt: () => retry?.at ?? null,
    async stop() {
      stopped = true;
      cron.stop();
      cancelRetry();
      await running;
    },
  };
}
