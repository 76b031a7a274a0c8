import { Cron } from 'croner';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { publishDueReports, publishedEvent, REPORT_CRON, REPORT_TIMEZONE, startReportSchedule, weeksToPublish } from '../../src/reports/schedule.ts';
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
});
