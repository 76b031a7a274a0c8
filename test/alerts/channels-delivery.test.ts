import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import { createSubscription } from '../../src/alerts/subscriptions.usecase.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { SECTOR_NAMES } from '../../src/companies/sectors.ts';
import { loadConfig } from '../../src/config.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { startSlackReceiver, startTeamsReceiver, type ChannelReceiver } from '../helpers/channel-receivers.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

let prudential: AnalyzedReplayFiling[];
beforeAll(async () => {
  prudential = await analyzeReplay(THREADS.prudential);
});

describeEachDatabase('Slack, Teams and e-mail alerts', (getDb) => {
  let slack: ChannelReceiver;
  let teams: ChannelReceiver;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    [slack, teams, smtp] = await Promise.all([startSlackReceiver(), startTeamsReceiver(), startSmtpReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([slack.close(), teams.close(), smtp.close()]);
  });

  async function run(repos: Repositories, mode?: unknown) {
    const policy = { allowPrivate: true, emailEnabled: true, resolveTickers: async () => new Map<string, string>(), sectorNames: SECTOR_NAMES };
    for (const channel of [{ type: 'slack' as const, url: slack.url }, { type: 'teams' as const, url: teams.url }, { type: 'email' as const, to: ['risk@example.net'] }]) {
      await createSubscription(repos, policy, { name: channel.type, channel, ...(mode ? { mode } : {}) }, null);
    }
    for (const f of prudential) {
      await repos.filings.recordDiscovered({
        accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
        indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/`, submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
      });
      await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
    }
    const config = { ...loadConfig({}), alertsAllowPrivateUrls: true, smtpUrl: smtp.smtpUrl, alertsFrom: 'cyber8k alerts <alerts@cyber8k.example.net>' };
    const w = createAlertWorker({ repositories: repos, config, log: createLogger('silent'), metrics: createMonitorMetrics(), idleMs: 50 });
    try {
      await w.drain();
      await getDb().database.query(sql`update jobs set run_at = now() where state = 'queued'`);
      await w.drain();
    } finally {
      await w.close();
    }
  }

  it('sends each channel one valid message per event: Block Kit, an Adaptive Card (202 accepted) and a threaded e-mail', async () => {
    const repos = createRepositories(getDb().database.db);
    slack.received.length = 0;
    teams.received.length = 0;
    smtp.received.length = 0;
    await run(repos);
    expect(slack.received).toHaveLength(2);
    expect(slack.problems()).toEqual([]);
    expect(teams.received).toHaveLength(2);
    expect(teams.problems()).toEqual([]);
    expect(smtp.received).toHaveLength(2);
    // Sent at once, so in either order: the update replies in the thread the creation opened.
    const mails = smtp.received.map((m) => m.parsed);
    const root = mails.find((m) => !m.inReplyTo);
    const reply = mails.find((m) => m.inReplyTo);
    expect(root?.text).toContain('PRUDENTIAL');
    expect(reply?.inReplyTo).toBe(root!.messageId);
    const states = await getDb().database.query<{ type: string; state: string }>(sql`select s.channel->>'type' as type, d.state from deliveries d join subscriptions s on s.id = d.subscription_id order by 1, d.id`);
    expect(states).toEqual([
      { type: 'email', state: 'delivered' }, { type: 'email', state: 'delivered' },
      { type: 'slack', state: 'delivered' }, { type: 'slack', state: 'delivered' },
      { type: 'teams', state: 'accepted' }, { type: 'teams', state: 'accepted' },
    ]);
  });

  it('sends a digest subscription one message listing the period\'s alerts on each channel', async () => {
    const repos = createRepositories(getDb().database.db);
    slack.received.length = 0;
    teams.received.length = 0;
    smtp.received.length = 0;
    await run(repos, { digest: { at: '07:00', timezone: 'America/New_York' } });
    expect(slack.received).toHaveLength(1);
    expect(slack.problems()).toEqual([]);
    expect(teams.received).toHaveLength(1);
    expect(teams.problems()).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.subject).toMatch(/2/);
    const states = await getDb().database.query<{ state: string }>(sql`select state from deliveries`);
    expect(states.every((s) => s.state === 'delivered' || s.state === 'accepted')).toBe(true);
    expect(states).toHaveLength(6);
  });
});
