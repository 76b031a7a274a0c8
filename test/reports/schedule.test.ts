import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { ReportRepository } from '../../db/repositories/reports.ts';
import { publishDueReports, publishedEvent, REPORT_CRON, REPORT_RETRY_DELAYS_MS, REPORT_TIMEZONE, reportRetryDelayMs, startReportSchedule, weeksToPublish, type ScheduleTimers } from '../../src/reports/schedule.ts';
import { buildWeeklyReport } from '../../src/reports/weekly.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

const log = pino({ level: 'silent' });
// Monday 2024-03-04 07:30 EST.
const MONDAY_MORNING = new Date('2024-03-04T12:30:00Z');

describe('the weekly report schedule', () => {
  it('fires on Mondays at 07:00 New York time, EST or EDT', () => {
    const cron = new Cron(REPORT_CRON, { timezone: REPORT_TIMEZONE, paused: true });
    expect(cron.nextRuns(3, new Date('2026-10-28T00:00:00Z')).map((d) => d.toISOString())).toEqual(['2026-11-02T12:00:00.000Z', '2026-11-09T12:00:00.000Z', '2026-11-16T12:00:00.000Z']);
    expect(cron.nextRun(new Date('2025-07-01T00:00:00Z'))!.toISOString()).toBe('2025-07-07T11:00:00.000Z');
    cron.stop();
  });
});

/** The schedule's clocks, worked by hand: `monday()` is the cron firing, `due()` the retries waiting. */
function manualTimers() {
  let cron: (() => unknown) | null = null;
  const timers: Array<{ run: () => unknown; ms: number; cleared: boolean }> = [];
  const api: ScheduleTimers = {
    cron(run) {
      cron = run;
      return { stop: () => void (cron = null) };
    },
    setTimeout(run, ms) {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  return {
    api,
    /** Retries set and not cleared or run yet. */
    due: () => timers.filter((t) => !t.cleared),
    /** Runs every retry waiting, as their time comes. */
    async fire() {
      const waiting = timers.filter((t) => !t.cleared);
      for (const t of waiting) t.cleared = true;
      await Promise.all(waiting.map((t) => t.run()));
    },
    monday: async () => cron?.(),
  };
}

/** A report repository whose first `failures` loadWeek calls fail, as a database failover does. */
function failing(reports: ReportRepository, failures: number): ReportRepository {
  let left = failures;
  return {
    ...reports,
    loadWeek: async (week) => {
      if (left-- > 0) throw new Error('Connection terminated unexpectedly');
      return reports.loadWeek(week);
    },
  };
}

describe('the weekly report retries', () => {
  it('back off from a minute to an hour, the hour repeating', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(reportRetryDelayMs)).toEqual([60_000, 300_000, 900_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(REPORT_RETRY_DELAYS_MS.at(-1)).toBe(3_600_000);
  });
});

describeEachDatabase('weekly reports built and stored on schedule', (getDb) => {
  it('builds the due week once when three instances run the schedule at the same moment', async () => {
    const { url, database } = getDb();
    // Three instances: three connection pools on a server; the one embedded database otherwise.
    const dbs = url ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, dataDir: '', maxConnections: 2, migrate: false }))) : [database, database, database];
    try {
      const results = await Promise.all(dbs.map((d) => publishDueReports({ reports: createRepositories(d.db).reports, log, now: MONDAY_MORNING })));
      expect(results.flat()).toEqual(['2024-W09']);
      const repos = createRepositories(database.db);
      expect((await repos.reports.list()).map((r) => r.week)).toEqual(['2024-W09']);
      const events = (await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published');
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toMatchObject({ report: { week: '2024-W09', links: { html: '/v1/reports/weekly/2024-W09.html' }, headline: { newIncidents: 0 } } });
      // Again later the same day: nothing new.
      expect(await publishDueReports({ reports: repos.reports, log, now: new Date('2024-03-04T20:00:00Z') })).toEqual([]);
    } finally {
      if (url) await Promise.all(dbs.map((d) => d.close()));
    }
  });

  it('catches up after downtime on every week missed since the newest stored, and not before Monday 07:00', async () => {
    const repos = createRepositories(getDb().database.db);
    const w05 = await buildWeeklyReport(repos.reports, '2024-W05');
    await repos.reports.publish(w05, publishedEvent(w05));
    // Monday 06:59 EST: last week's report is not due yet.
    expect(await weeksToPublish(repos.reports, new Date('2024-03-04T11:59:00Z'))).toEqual(['2024-W06', '2024-W07', '2024-W08']);
    const schedule = startReportSchedule({ reports: repos.reports, log, clock: () => MONDAY_MORNING, publicUrl: 'https://cyber8k.example.com' });
    await schedule.firstCycle;
    await schedule.stop();
    expect((await repos.reports.list()).map((r) => r.week)).toEqual(['2024-W09', '2024-W08', '2024-W07', '2024-W06', '2024-W05']);
    const events = (await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published');
    expect(events.map((e) => (e.payload as { report: { week: string } }).report.week)).toEqual(['2024-W05', '2024-W06', '2024-W07', '2024-W08', '2024-W09']);
    expect(events[1]!.payload).toMatchObject({ report: { links: { csv: 'https://cyber8k.example.com/v1/reports/weekly/2024-W06.csv' } } });
  });

  it('builds only the due week on a first run, and at most eight after a long outage', async () => {
    const repos = createRepositories(getDb().database.db);
    expect(await weeksToPublish(repos.reports, MONDAY_MORNING)).toEqual(['2024-W09']);
    await repos.reports.publish(await buildWeeklyReport(repos.reports, '2023-W30'), {});
    const weeks = await weeksToPublish(repos.reports, MONDAY_MORNING);
    expect(weeks).toHaveLength(8);
    expect([weeks[0], weeks.at(-1)]).toEqual(['2024-W02', '2024-W09']);
  });

  it('retries a failed build with backoff until it is stored, then sets no more retries', async () => {
    const repos = createRepositories(getDb().database.db);
    const timers = manualTimers();
    const schedule = startReportSchedule({ reports: failing(repos.reports, 2), log, clock: () => MONDAY_MORNING, timers: timers.api });
    await schedule.firstCycle;
    expect(await repos.reports.list()).toEqual([]);
    expect(timers.due().map((t) => t.ms)).toEqual([60_000]);
    expect(schedule.retryAt()).toEqual(new Date(MONDAY_MORNING.getTime() + 60_000));
    await timers.fire();
    expect(timers.due().map((t) => t.ms)).toEqual([300_000]);
    await timers.fire();
    expect((await repos.reports.list()).map((r) => r.week)).toEqual(['2024-W09']);
    expect(timers.due()).toEqual([]);
    expect(schedule.retryAt()).toBeNull();
    // Monday's run finds the week stored: nothing is built again.
    await timers.monday();
    await schedule.stop();
    expect((await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published')).toHaveLength(1);
  });

  it('lets the Monday run replace a waiting retry, and stopping (a demoted leader) cancel it', async () => {
    const repos = createRepositories(getDb().database.db);
    const w08 = await buildWeeklyReport(repos.reports, '2024-W08');
    await repos.reports.publish(w08, publishedEvent(w08));
    const timers = manualTimers();
    let now = MONDAY_MORNING;
    const schedule = startReportSchedule({ reports: failing(repos.reports, 1), log, clock: () => now, timers: timers.api });
    await schedule.firstCycle;
    expect(timers.due()).toHaveLength(1);
    // A week later the cron fires first: it builds the week that failed and the new one, and clears the retry.
    now = new Date('2024-03-11T12:00:00Z');
    await timers.monday();
    expect(timers.due()).toEqual([]);
    expect((await repos.reports.list()).map((r) => r.week)).toEqual(['2024-W10', '2024-W09', '2024-W08']);
    const again = startReportSchedule({ reports: failing(repos.reports, 5), log, clock: () => new Date('2024-03-18T12:00:00Z'), timers: timers.api });
    await again.firstCycle;
    expect(timers.due()).toHaveLength(1);
    await again.stop();
    expect(timers.due()).toEqual([]);
    await schedule.stop();
  });

  it('catches up after downtime by retrying, each missed week stored once when three instances fail and retry at once', async () => {
    const { url, database } = getDb();
    const repos = createRepositories(database.db);
    const w05 = await buildWeeklyReport(repos.reports, '2024-W05');
    await repos.reports.publish(w05, publishedEvent(w05));
    const dbs = url ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, dataDir: '', maxConnections: 2, migrate: false }))) : [database, database, database];
    try {
      const timers = [manualTimers(), manualTimers(), manualTimers()];
      // Each instance's first build fails (2024-W06), the later weeks of its catch-up do not.
      const schedules = dbs.map((d, i) => startReportSchedule({ reports: failing(createRepositories(d.db).reports, 1), log, clock: () => MONDAY_MORNING, timers: timers[i]!.api }));
      await Promise.all(schedules.map((s) => s.firstCycle));
      const stored = (await repos.reports.list()).map((r) => r.week);
      expect(stored.slice(0, 3)).toEqual(['2024-W09', '2024-W08', '2024-W07']);
      // Every instance failed on W06 and waits to retry it; the later weeks did not wait for it.
      expect(stored).not.toContain('2024-W06');
      expect(timers.every((t) => t.due().length === 1)).toBe(true);
      await Promise.all(timers.map((t) => t.fire()));
      expect((await repos.reports.list()).map((r) => r.week)).toEqual(['2024-W09', '2024-W08', '2024-W07', '2024-W06', '2024-W05']);
      expect(timers.every((t) => t.due().length === 0)).toBe(true);
      await Promise.all(schedules.map((s) => s.stop()));
      const events = (await repos.incidents.events(0, 100)).filter((e) => e.type === 'report.published');
      expect(events.map((e) => (e.payload as { report: { week: string } }).report.week).sort()).toEqual(['2024-W05', '2024-W06', '2024-W07', '2024-W08', '2024-W09']);
      // Each event's alerts are fanned out by one job.
      const jobs = await database.query<{ key: string }>(sql`select key from jobs where kind = 'fan-out-event' order by key`);
      expect(jobs.map((j) => Number(j.key)).sort((a, b) => a - b)).toEqual(events.map((e) => e.id).sort((a, b) => a - b));
    } finally {
      if (url) await Promise.all(dbs.map((d) => d.close()));
    }
  });
});
