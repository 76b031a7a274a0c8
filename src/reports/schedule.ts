// The weekly report is built and stored every Monday at 07:00 America/New_York, by the leader
// only, and once when an instance becomes leader, to catch up on Mondays missed while no
// instance led. Storing is idempotent per (week, analyzer version) in the database, so a second
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

/** The weeks due by `now` without a stored report of this analyzer version: the due week, and those missed since the newest stored. */
export async function weeksToPublish(reports: Pick<ReportRepository, 'list'>, now: Date, analyzerVersion = ANALYZER_VERSION): Promise<IsoWeek[]> {
  const due = latestDueWeek(now);
  const stored = new Set((await reports.list()).filter((r) => r.analyzerVersion === analyzerVersion).map((r) => r.week));
  const newest = [...stored].filter((w) => w <= due).sort().at(-1);
  const weeks: IsoWeek[] = [];
  for (let w = due; weeks.length < MAX_CATCH_UP_WEEKS && (newest === undefined ? weeks.length === 0 : w > newest); w = addWeeks(w, -1)) {
    if (!stored.has(w)) weeks.push(w);
  }
  return weeks.reverse();
}

/** Builds and stores every week due; returns the weeks this call published (not those another instance did). */
export async function publishDueReports(options: PublishOptions): Promise<IsoWeek[]> {
  const { reports, log } = options;
  const analyzerVersion = options.analyzerVersion ?? ANALYZER_VERSION;
  const published: IsoWeek[] = [];
  for (const week of await weeksToPublish(reports, options.now, analyzerVersion)) {
    const model = await buildWeeklyReport(reports, week, analyzerVersion);
    const result = await reports.publish(model, publishedEvent(model, options.publicUrl));
    if (result.published) {
      published.push(week);
      log.info({ week, analyzerVersion }, `published the weekly report of ${week}: ${model.headline.incidents.new.value} new incidents, ${model.headline.filings.value} incident filings`);
    }
  }
  return published;
}

export interface ReportSchedule {
  /** Resolves once the start-up catch-up has run. */
  firstCycle: Promise<void>;
  stop(): Promise<void>;
}

/** Runs publishDueReports now (catch-up) and every Monday 07:00 New York time, until stopped. */
export function startReportSchedule(options: Omit<PublishOptions, 'now'> & { clock?: () => Date }): ReportSchedule {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const run = (): Promise<void> => {
    running = publishDueReports({ ...options, now: clock() }).then(
      () => undefined,
      (err: unknown) => options.log.error({ err: errorMessage(err) }, 'building the weekly report failed; it is tried again at the next start or the next Monday'),
    );
    return running;
  };
  // protect: a run still going when the next is due is not started twice in this process.
  const cron = new Cron(REPORT_CRON, { timezone: REPORT_TIMEZONE, protect: true, unref: true }, run);
  const firstCycle = run();
  return {
    firstCycle,
    async stop() {
      cron.stop();
      await running;
    },
  };
}
