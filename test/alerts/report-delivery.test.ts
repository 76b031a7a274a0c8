import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { Value } from 'typebox/value';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import { ReportPublishedEventSchema, TestEventSchema } from '../../api/schemas/webhook.ts';
import { createSubscription, replayDelivery, sendTestMessage } from '../../src/alerts/subscriptions.usecase.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { WEBHOOK_MAX_BYTES } from '../../src/alerts/webhook.ts';
import { SECTOR_NAMES } from '../../src/companies/sectors.ts';
import { loadConfig } from '../../src/config.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { FAN_OUT_EVENT } from '../../src/jobs/catalogue.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { renderReport } from '../../src/reports/render/index.ts';
import { publishDueReports } from '../../src/reports/schedule.ts';
import { isoWeekOf, weekRange } from '../../src/reports/week.ts';
import { startSlackReceiver, startTeamsReceiver, type ChannelReceiver } from '../helpers/channel-receivers.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

const PUBLIC_URL = 'https://cyber8k.example.net';
const log = createLogger('silent');

let prudential: AnalyzedReplayFiling[];
beforeAll(async () => {
  prudential = await analyzeReplay(THREADS.prudential);
});

describeEachDatabase('report.published alerts', (getDb) => {
  let webhook: Receiver;
  let slack: ChannelReceiver;
  let teams: ChannelReceiver;
  let smtp: SmtpReceiver;
  let repos: Repositories;
  const workers: Array<ReturnType<typeof createAlertWorker>> = [];
  beforeAll(async () => {
    [slack, teams, smtp] = await Promise.all([startSlackReceiver(), startTeamsReceiver(), startSmtpReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([slack.close(), teams.close(), smtp.close()]);
  });
  beforeEach(async () => {
    repos = createRepositories(getDb().database.db);
    webhook = await startReceiver();
    for (const r of [slack, teams, smtp]) r.received.length = 0;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await webhook.close();
  });

  const policy = { allowPrivate: true, emailEnabled: true, resolveTickers: async () => new Map<string, string>(), sectorNames: SECTOR_NAMES };
  const subscribe = (name: string, channel: { type: 'webhook' | 'slack' | 'teams'; url: string } | { type: 'email'; to: string[] }, filter: Record<string, unknown>, mode?: unknown) =>
    createSubscription(repos, policy, { name, channel, filter, ...(mode ? { mode } : {}) }, null);

  const worker = () => {
    const config = { ...loadConfig({}), alertsAllowPrivateUrls: true, publicUrl: PUBLIC_URL, smtpUrl: smtp.smtpUrl, alertsFrom: 'cyber8k alerts <alerts@cyber8k.example.net>' };
    const w = createAlertWorker({ repositories: repos, config, log, metrics: createMonitorMetrics(), random: () => 0.5, idleMs: 50 });
    workers.push(w);
    return w;
  };

  /** Prudential's two filings are recorded (an incident, created then updated) and the Monday after the first, the report of its week is published. */
  async function publishPrudentialWeek(): Promise<string> {
    for (const f of prudential) {
      await repos.filings.recordDiscovered({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
        indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/${f.accessionNumber}-index.htm`,
        submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
      });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
    const week = isoWeekOf(prudential[0]!.filedAt);
    const monday = new Date(`${weekRange(week).end}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() + 1); // Monday 07:00 EST
    expect(await publishDueReports({ reports: repos.reports, log, now: monday, publicUrl: null })).toEqual([week]);
    return week;
  }

  const deliveryStates = () => getDb().database.query<{ name: string; state: string; type: string }>(sql`select s.name, d.state, e.type from deliveries d join subscriptions s on s.id = d.subscription_id join events e on e.id = d.event_id order by s.id, d.id`);

  it('sends the weekly report once to every subscription naming report.published, on each channel, whatever its incident filters', async () => {
    const hook = await subscribe('reports by webhook', { type: 'webhook', url: webhook.url }, { events: ['report.published'] });
    // A watchlist of another company: its incident lists do not keep the market-wide report from it.
    const watchlist = await subscribe('watchlist and reports', { type: 'webhook', url: `${webhook.url}/watchlist` }, { ciks: ['320193'], items: ['1.05'], flags: ['ransomware'], events: ['created', 'report.published'] });
    await subscribe('incidents only', { type: 'webhook', url: `${webhook.url}/incidents` }, { ciks: ['320193'] });
    await subscribe('slack, in digest mode', { type: 'slack', url: slack.url }, { events: ['report.published'] }, { digest: { at: '07:00', timezone: 'America/New_York' } });
    await subscribe('teams', { type: 'teams', url: teams.url }, { events: ['report.published'] });
    await subscribe('e-mail', { type: 'email', to: ['risk@example.net'] }, { events: ['report.published'] });
    const week = await publishPrudentialWeek();
    const model = (await repos.reports.get(week, (await repos.reports.list())[0]!.analyzerVersion))!.model;
    expect(model.headline.incidents.new.value).toBe(1);

    const w = worker();
    await w.drain();
    await w.drain();

    // Webhook: Standard Webhooks signed, the summary with absolute links, under 20 KB.
    const reports = webhook.received.filter((r) => !r.path.endsWith('/incidents'));
    expect(reports.map((r) => r.path).sort()).toEqual(['/hooks/cyber8k', '/hooks/cyber8k/watchlist']);
    expect(webhook.received.filter((r) => r.path.endsWith('/incidents'))).toEqual([]);
    const request = reports.find((r) => r.path === '/hooks/cyber8k')!;
    expect(Buffer.byteLength(request.body)).toBeLessThan(WEBHOOK_MAX_BYTES);
    const body = new Webhook(hook.secret).verify(request.body, request.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, any> };
    expect(body.type).toBe('report.published');
    expect(body.data).toEqual({
      week,
      start: weekRange(week).start,
      end: weekRange(week).end,
      analyzerVersion: model.analyzerVersion,
      headline: { newIncidents: 1, updatedIncidents: model.headline.incidents.updated.value, escalatedIncidents: model.headline.incidents.escalated.value, filings: model.headline.filings.value, issuers: 1, item105Filings: model.headline.filingsByItem['1.05'] },
      links: { json: `${PUBLIC_URL}/v1/reports/weekly/${week}.json`, md: `${PUBLIC_URL}/v1/reports/weekly/${week}.md`, html: `${PUBLIC_URL}/v1/reports/weekly/${week}.html`, csv: `${PUBLIC_URL}/v1/reports/weekly/${week}.csv` },
    });
    // What the OpenAPI description's webhooks section promises.
    expect(Value.Check(ReportPublishedEventSchema, body)).toBe(true);
    const other = reports.find((r) => r.path.endsWith('/watchlist'))!;
    expect(() => new Webhook(watchlist.secret).verify(other.body, other.headers as Record<string, string>)).not.toThrow();

    // Slack (sent at once though the subscription is in digest mode) and Teams: valid, with the numbers and a link.
    expect(slack.received).toHaveLength(1);
    expect(slack.problems()).toEqual([]);
    expect(slack.received[0]!.raw).toContain(`${PUBLIC_URL}/v1/reports/weekly/${week}.html`);
    expect(slack.received[0]!.raw).toContain('*New incidents*\\n1');
    expect(teams.received).toHaveLength(1);
    expect(teams.problems()).toEqual([]);
    expect(teams.received[0]!.raw).toContain(`${PUBLIC_URL}/v1/reports/weekly/${week}.html`);

    // E-mail: the report's HTML page as the HTML part, its Markdown in the text part.
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!.parsed;
    expect(mail.subject).toMatch(new RegExp(`^\\[cyber8k\\] Weekly report ${week} \\(\\d[^)]* 2024\\): 1 new incident$`));
    expect(mail.html).toBe(renderReport(model, 'html', { baseUrl: PUBLIC_URL }));
    expect(mail.text).toContain(renderReport(model, 'md', { baseUrl: PUBLIC_URL }).split('\n')[0]);
    expect(mail.text).toContain(`HTML: ${PUBLIC_URL}/v1/reports/weekly/${week}.html`);
    expect(mail.headers.get('x-cyber8k-event')).toBe('report.published');

    const states = (await deliveryStates()).filter((d) => d.type === 'report.published');
    expect(states.map((s) => [s.name, s.state])).toEqual([
      ['reports by webhook', 'delivered'],
      ['watchlist and reports', 'delivered'],
      ['slack, in digest mode', 'delivered'],
      ['teams', 'accepted'],
      ['e-mail', 'delivered'],
    ]);
  });

  it('sends a report-only subscription\'s test as a sample weekly report marked as a test, on each channel, and an incident subscription\'s as a sample incident of the type it takes', async () => {
    const hook = await subscribe('reports by webhook', { type: 'webhook', url: webhook.url }, { events: ['report.published'] });
    const incidents = await subscribe('incidents and reports', { type: 'webhook', url: `${webhook.url}/incidents` }, { events: ['escalated', 'report.published'] });
    const others = await Promise.all([
      subscribe('slack', { type: 'slack', url: slack.url }, { events: ['report.published'] }),
      subscribe('teams', { type: 'teams', url: teams.url }, { events: ['report.published'] }),
      subscribe('e-mail', { type: 'email', to: ['risk@example.net'] }, { events: ['report.published'] }),
    ]);
    for (const { subscription } of [hook, incidents, ...others]) await sendTestMessage(repos, subscription.id, 'any');
    await worker().drain();

    // Webhook: a signed report.published body, what the OpenAPI description promises, with `test: true`.
    const report = webhook.received.find((r) => r.path === '/hooks/cyber8k')!;
    const body = new Webhook(hook.secret).verify(report.body, report.headers as Record<string, string>) as { type: string; test?: boolean; data: Record<string, any> };
    expect(body).toMatchObject({ type: 'report.published', test: true, data: { headline: { newIncidents: 0, filings: 0 } } });
    expect(body.data.links.html).toBe(`${PUBLIC_URL}/v1/reports/weekly/${body.data.week}.html`);
    expect(Value.Check(ReportPublishedEventSchema, body)).toBe(true);
    // A subscription that also takes incident events gets a sample incident, as the event it takes.
    const incident = webhook.received.find((r) => r.path.endsWith('/incidents'))!;
    const sample = new Webhook(incidents.secret).verify(incident.body, incident.headers as Record<string, string>);
    expect(sample).toMatchObject({ type: 'incident.escalated', test: true, data: { incident: { status: 'escalated', itemPath: '8.01 → 1.05' } } });
    expect(Value.Check(TestEventSchema, sample)).toBe(true);

    // Slack and Teams: valid payloads, the report's headline marked [TEST], saying the numbers are a sample's.
    expect(slack.received).toHaveLength(1);
    expect(slack.problems()).toEqual([]);
    const slackBody = slack.received[0]!.json as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(slackBody.blocks[0]!.text!.text).toMatch(/^\[TEST\] 📊 Weekly report: week \d{4}-W\d{2} — 0 new incidents$/);
    expect(slackBody.text).toMatch(/^\[TEST\] Weekly report/);
    expect(slack.received[0]!.raw).toContain('sample report');
    expect(teams.received).toHaveLength(1);
    expect(teams.problems()).toEqual([]);
    expect(teams.received[0]!.raw).toContain('[TEST] 📊 Weekly report');
    expect(teams.received[0]!.raw).toContain('sample report');

    // E-mail: the (empty) report page under a test banner, the subject and a header marking the test.
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!.parsed;
    expect(mail.subject).toMatch(/^\[TEST\] \[cyber8k\] Weekly report \d{4}-W\d{2} \([^)]+\): 0 new incidents$/);
    expect(mail.headers.get('x-cyber8k-test')).toBe('true');
    expect(mail.headers.get('x-cyber8k-event')).toBe('report.published');
    expect(mail.html).toContain('sample report of an empty week');
    expect(mail.text).toContain('sample report of an empty week');
  });

  it('sends a week once per subscription when three instances publish it, fan it out again and send at once', async () => {
    await subscribe('reports', { type: 'webhook', url: webhook.url }, { events: ['report.published'] });
    const week = await publishPrudentialWeek();
    const { url } = getDb();
    // Three instances publish the same week: on a server, over three connection pools.
    const dbs = url ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, dataDir: '', maxConnections: 2, migrate: false }))) : [];
    try {
      const monday = new Date(`${weekRange(week).end}T12:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() + 1);
      const again = await Promise.all((dbs.length ? dbs.map((d) => createRepositories(d.db)) : [repos, repos, repos]).map((r) => publishDueReports({ reports: r.reports, log, now: monday })));
      expect(again.flat()).toEqual([]);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
    const [event] = await getDb().database.query<{ id: number }>(sql`select id from events where type = 'report.published'`);
    // The fan-out job run a second time (a retry, another instance): nothing more is written.
    const workers3 = [worker(), worker(), worker()];
    await Promise.all(workers3.map((w) => w.drain()));
    await repos.jobs.enqueueAgain({ kind: FAN_OUT_EVENT, key: String(event!.id) });
    await Promise.all(workers3.map((w) => w.drain()));
    expect(webhook.received).toHaveLength(1);
    expect((await deliveryStates()).filter((d) => d.type === 'report.published')).toEqual([{ name: 'reports', state: 'delivered', type: 'report.published' }]);
  });

  it('retries a report the receiver refused twice under the same webhook-id, and sends it again when the delivery is replayed', async () => {
    const { secret } = await subscribe('reports', { type: 'webhook', url: webhook.url }, { events: ['report.published'] });
    webhook.answer({ status: 500, body: 'down' }, { status: 503, body: 'still down' }, { status: 200 });
    await publishPrudentialWeek();
    const w = worker();
    const retriesDue = () => getDb().database.query(sql`update jobs set run_at = now() where state = 'queued'`);
    for (let i = 0; i < 3; i++) {
      await w.drain();
      await retriesDue();
    }
    await w.drain();
    const [row] = await getDb().database.query<{ id: number; state: string; attempts: number; message_id: string }>(sql`select d.id, d.state, d.attempts, d.message_id from deliveries d join events e on e.id = d.event_id where e.type = 'report.published'`);
    expect(row).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(webhook.received.map((r) => r.headers['webhook-id'])).toEqual([row!.message_id, row!.message_id, row!.message_id]);
    for (const r of webhook.received) expect((new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string }).type).toBe('report.published');
    await replayDelivery(repos, Number(row!.id), 'any');
    await w.drain();
    expect(webhook.received).toHaveLength(4);
    expect(webhook.received[3]!.headers['webhook-id']).toBe(row!.message_id);
    expect(webhook.received[3]!.body).toBe(webhook.received[2]!.body);
  });
});
