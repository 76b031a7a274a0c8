import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { loadConfig } from '../../src/config.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { recordAnalysis } from '../../src/ingest/record-analysis.usecase.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';

let prudential: AnalyzedReplayFiling[];
beforeAll(async () => {
  prudential = await analyzeReplay(THREADS.prudential);
});

const config = { ...loadConfig({}), alertsAllowPrivateUrls: true, publicUrl: 'https://cyber8k.example.net' };
const log = createLogger('silent');

describeEachDatabase('webhook alerts', (getDb) => {
  let app: FastifyInstance;
  let receiver: Receiver;
  let repos: Repositories;
  let headers: { authorization: string };
  let metrics: ReturnType<typeof createMonitorMetrics>;

  beforeEach(async () => {
    repos = createRepositories(getDb().database.db);
    metrics = createMonitorMetrics();
    app = await buildApp({ database: getDb().database, repositories: repos, metrics, alerts: { allowPrivateUrls: true } });
    await app.ready();
    receiver = await startReceiver();
    const key = generateApiKey();
    await repos.apiKeys.create(key, { name: 'risk', scope: 'alerts' });
    headers = { authorization: `Bearer ${key.key}` };
  });
  const workers: Array<ReturnType<typeof createAlertWorker>> = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await app.close();
    await receiver.close();
  });

  const worker = (options: { timeoutMs?: number } = {}) => {
    const w = createAlertWorker({ repositories: repos, config, log, metrics, random: () => 0.5, idleMs: 50, ...options });
    workers.push(w);
    return w;
  };

  async function subscribe(filter: Record<string, unknown>, url = receiver.url): Promise<{ id: number; secret: string }> {
    const res = await app.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { name: 'watchlist', channel: { type: 'webhook', url }, filter } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** A filing of the corpus appears and is analyzed: its incident events go to the outbox. */
  async function file(f: AnalyzedReplayFiling) {
    await repos.filings.recordDiscovered({
      accessionNumber: f.accessionNumber, cik: f.cik, companyName: f.companyName, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt,
      indexUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber.replaceAll('-', '')}/${f.accessionNumber}-index.htm`,
      submissionUrl: `https://www.sec.gov/Archives/edgar/data/${Number(f.cik)}/${f.accessionNumber}.txt`,
    });
    await recordAnalysis(repos, f.accessionNumber, { analysis: f.analysis, item105Text: null });
  }

  /** Time passes until every retry is due (the jobs' times are the database's). */
  const retriesDue = () => getDb().database.query(sql`update jobs set run_at = now() where state = 'queued'`);
  const deliveries = () => getDb().database.query<{ state: string; attempts: number; last_status: number | null; last_error: string | null; message_id: string }>(sql`select * from deliveries order by id`);

  function verified(secret: string, request: Receiver['received'][number]) {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, any> };
  }

  it('sends each matching event once, signed so that standardwebhooks verifies it, and nothing to a subscription that does not match', async () => {
    const watching = await subscribe({ ciks: [prudential[0]!.cik] });
    await subscribe({ ciks: ['0000000001'] }, `${receiver.url}/other`);
    const w = worker();
    await file(prudential[0]!);
    await w.drain();
    await file(prudential[1]!);
    await w.drain();
    await w.drain();

    expect(receiver.received.map((r) => r.path)).toEqual(['/hooks/cyber8k', '/hooks/cyber8k']);
    const [created, updated] = receiver.received.map((r) => verified(watching.secret, r));
    expect(created!.type).toBe('incident.created');
    expect(created!.data.incident).toMatchObject({ cik: prudential[0]!.cik, url: expect.stringMatching(/^https:\/\/cyber8k\.example\.net\/v1\/incidents\/\d+$/) });
    expect(created!.data.filing).toMatchObject({ accessionNumber: prudential[0]!.accessionNumber, secUrl: expect.stringContaining('sec.gov/Archives') });
    expect(created!.data.evidence.length).toBeGreaterThan(0);
    expect(created!.data.changes).toEqual([]);
    expect(updated!.type).toBe('incident.updated');
    expect(updated!.data.changes).toContainEqual(expect.objectContaining({ field: 'status', to: 'updated' }));
    for (const r of receiver.received) {
      expect(Buffer.byteLength(r.body)).toBeLessThan(20 * 1024);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(2);
    expect((await deliveries()).map((d) => d.state)).toEqual(['delivered', 'delivered']);
  });

  it('answers 500 twice then 200: delivered once, the same webhook-id on all three attempts, the log showing each', async () => {
    const { id, secret } = await subscribe({});
    receiver.answer({ status: 500, body: 'database down' }, { status: 500, body: 'still down' }, { status: 200 });
    const w = worker();
    await file(prudential[0]!);
    await w.drain();
    let [row] = await deliveries();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_status: 500 });
    const log = (await app.inject({ url: `/v1/subscriptions/${id}/deliveries`, headers })).json();
    expect(log.data[0]).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, responseExcerpt: 'database down', lastError: expect.stringContaining('500') });
    // The retry waiting shows as the delivery backlog on /ready, and is gone once delivered.
    expect((await app.inject({ url: '/ready' })).json().alerts).toMatchObject({ pending: 1, scheduled: 0, oldestPendingSeconds: expect.any(Number) });
    await retriesDue();
    await w.drain();
    await retriesDue();
    await w.drain();
    await retriesDue();
    await w.drain();
    [row] = await deliveries();
    expect(row).toMatchObject({ state: 'delivered', attempts: 3, last_status: 200 });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([row!.message_id]));
    for (const r of receiver.received) expect(verified(secret, r).type).toBe('incident.created');

    const scraped = (await app.inject({ url: '/metrics' })).body;
    expect(scraped).toContain('cyber8k_alert_retries_total{channel="webhook"} 2');
    expect(scraped).toContain('cyber8k_alerts_sent_total{channel="webhook",state="delivered"} 1');
    expect(scraped).toContain('cyber8k_alert_deliveries{channel="webhook",state="delivered"} 1');
    expect(scraped).toMatch(/^cyber8k_alert_latency_seconds_count\{channel="webhook"\} 1$/m);
    expect((await app.inject({ url: '/ready' })).json().alerts).toMatchObject({ pending: 0, oldestPendingSeconds: null });
  });

  it('waits as long as Retry-After asks when that is longer than the schedule, and treats a redirect as a failure', async () => {
    await subscribe({});
    receiver.answer({ status: 503, headers: { 'retry-after': '3600' } }, { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }, { status: 200 });
    const w = worker();
    await file(prudential[0]!);
    await w.drain();
    const [job] = await getDb().database.query<{ wait: number }>(sql`select extract(epoch from run_at - now())::float8 as wait from jobs where kind = 'deliver-alert'`);
    expect(Number(job!.wait)).toBeGreaterThan(3500);
    await retriesDue();
    await w.drain();
    const [row] = await deliveries();
    expect(row).toMatchObject({ state: 'pending', attempts: 2, last_status: 302 });
    expect(row!.last_error).toMatch(/redirect/);
    // The second retry is due 5 min (±20 %) after the second attempt.
    const [first] = await getDb().database.query<{ wait: number }>(sql`select extract(epoch from next_attempt_at - last_attempt_at)::float8 as wait from deliveries`);
    expect(Number(first!.wait)).toBeGreaterThan(60);
    expect(receiver.received).toHaveLength(2);
  });

  it('retries a receiver that does not answer within the timeout, with the same webhook-id', async () => {
    await subscribe({});
    receiver.answer({ status: 200, delayMs: 3_000 }, { status: 200 });
    const w = worker({ timeoutMs: 300 });
    await file(prudential[0]!);
    await w.drain();
    let [row] = await deliveries();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_status: null });
    expect(row!.last_error).toMatch(/no answer within 0.3 s/);
    await retriesDue();
    await w.drain();
    [row] = await deliveries();
    expect(row).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([row!.message_id, row!.message_id]);
  });

  it('disables the subscription on 410 Gone, says why, and sends it nothing more', async () => {
    const { id } = await subscribe({});
    receiver.answer({ status: 410, body: 'this endpoint was removed' });
    const w = worker();
    await file(prudential[0]!);
    await w.drain();
    await file(prudential[1]!);
    await w.drain();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries()).map((d) => d.state)).toEqual(['failed']);
    const shown = (await app.inject({ url: `/v1/subscriptions/${id}`, headers })).json();
    expect(shown).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    expect(shown.disabledReason).toContain('this endpoint was removed');
    const ready = (await app.inject({ url: '/ready' })).json();
    expect(ready.alerts).toMatchObject({ disabledSubscriptions: { count: 1, ids: [id] } });
    expect(JSON.stringify(ready)).not.toContain('watchlist');
  });

  it('signs with both secrets during a rotation, each verifying, and marks a test message as a test', async () => {
    const { id, secret: old } = await subscribe({});
    const rotated = (await app.inject({ method: 'POST', url: `/v1/subscriptions/${id}/rotate-secret`, headers })).json();
    expect((await app.inject({ method: 'POST', url: `/v1/subscriptions/${id}/test`, headers })).statusCode).toBe(202);
    await worker().drain();
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0]!;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [old, rotated.secret]) {
      const body = verified(secret, request) as { test?: boolean; type: string };
      expect(body.test).toBe(true);
    }
  });

  it('holds a digest subscription\'s alerts for its daily digest time, then sends them from the same delivery rows', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { name: 'morning', channel: { type: 'webhook', url: receiver.url }, mode: { digest: { at: '07:00', timezone: 'America/New_York' } } } });
    const { secret } = res.json();
    const w = worker();
    await file(prudential[0]!);
    await file(prudential[1]!);
    await w.drain();
    expect(receiver.received).toHaveLength(0);
    const rows = await getDb().database.query<{ state: string; digest_at: Date }>(sql`select state, digest_at from deliveries order by id`);
    expect(rows.map((r) => r.state)).toEqual(['scheduled', 'scheduled']);
    expect(new Date(rows[0]!.digest_at).getTime()).toBe(new Date(rows[1]!.digest_at).getTime());
    const jobs = await repos.jobs.list({ kind: 'send-digest' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
    await retriesDue();
    await w.drain();
    expect(receiver.received.map((r) => verified(secret, r).type)).toEqual(['incident.created', 'incident.updated']);
    expect((await deliveries()).map((d) => d.state)).toEqual(['delivered', 'delivered']);
  });

  it('never writes a signing secret, an API key or a Slack webhook URL to the log, even at trace level', async () => {
    const lines: string[] = [];
    const traced = createLogger('trace', { destination: { write: (line: string) => void lines.push(line) } });
    const traceApp = await buildApp({ database: getDb().database, repositories: repos, logger: traced, alerts: { allowPrivateUrls: true } });
    try {
      const { id, secret } = (await traceApp.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { name: 'w', channel: { type: 'webhook', url: receiver.url } } })).json();
      const slack = await traceApp.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { name: 's', channel: { type: 'slack', url: `${receiver.url}/services/T0/B0/SLACKTOKEN` } } });
      expect(slack.statusCode).toBe(201);
      receiver.answer({ status: 500, body: 'nope' }, { status: 410 });
      await traceApp.inject({ method: 'POST', url: `/v1/subscriptions/${id}/test`, headers });
      await traceApp.inject({ method: 'POST', url: `/v1/subscriptions/${slack.json().id}/test`, headers });
      const w = createAlertWorker({ repositories: repos, config, log: traced, metrics, idleMs: 50 });
      workers.push(w);
      await w.drain();
      await retriesDue();
      await w.drain();
      const logged = lines.join('\n');
      expect(logged).toContain('disabled');
      for (const secretText of [secret, secret.slice(6), headers.authorization.slice(7), 'SLACKTOKEN']) expect(logged).not.toContain(secretText);
    } finally {
      await traceApp.close();
    }
  });

  it('delivers each event once per subscription when three instances fan out and send at once', async () => {
    const a = await subscribe({});
    const b = await subscribe({ ciks: [prudential[0]!.cik] }, `${receiver.url}/b`);
    const workers = [worker(), worker(), worker()];
    await file(prudential[0]!);
    await file(prudential[1]!);
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.drain()));
    const events = await repos.incidents.events(0, 100);
    expect(receiver.received).toHaveLength(events.length * 2);
    const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.filter((r) => r.path.endsWith('/b')).every((r) => verified(b.secret, r))).toBe(true);
    expect(receiver.received.filter((r) => !r.path.endsWith('/b')).every((r) => verified(a.secret, r))).toBe(true);
  });
});
