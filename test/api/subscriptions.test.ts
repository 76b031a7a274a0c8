import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { ApiKeyScope } from '../../db/schema.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { expectApiError } from './app.ts';

const WEBHOOK = { name: 'risk team', channel: { type: 'webhook', url: 'https://alerts.example.net/cyber8k?token=abc123' }, filter: { ciks: ['1048695'], items: ['1.05'] } };

describeEachDatabase('REST API: subscriptions', (getDb) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(alerts: { allowPrivateUrls?: boolean; emailEnabled?: boolean } = {}) {
    app = await buildApp({ database: getDb().database, alerts });
    await app.ready();
    return app;
  }

  async function bearer(scope: ApiKeyScope = 'alerts') {
    const generated = generateApiKey();
    await createRepositories(getDb().database.db).apiKeys.create(generated, { name: scope, scope });
    return { authorization: `Bearer ${generated.key}` };
  }

  it('creates a webhook subscription with its signing secret shown once, and never serves the secret again', async () => {
    const api = await start();
    const headers = await bearer();
    const res = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: WEBHOOK });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(res.headers.location).toBe(`/v1/subscriptions/${created.id}`);
    expect(created).toMatchObject({
      name: 'risk team',
      enabled: true,
      mode: 'instant',
      filter: { ciks: ['0001048695'], items: ['1.05'], events: ['created', 'updated', 'escalated'] },
      // The query string of a webhook URL may hold a token of the receiver's.
      channel: { type: 'webhook', url: 'https://alerts.example.net/cyber8k?…' },
    });

    const one = await api.inject({ url: `/v1/subscriptions/${created.id}`, headers });
    const list = await api.inject({ url: '/v1/subscriptions', headers });
    for (const r of [one, list]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(created.secret);
      expect(r.body).not.toContain(created.secret.slice(6, 30));
      expect(r.body).not.toContain('abc123');
      expect(r.body).not.toContain('"secret"');
    }
    expect(list.json().data.map((s: { id: number }) => s.id)).toEqual([created.id]);
  });

  it('shows Slack and Teams webhook URLs, which are credentials, by their origin only', async () => {
    const api = await start();
    const headers = await bearer();
    const slack = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { name: 's', channel: { type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET' } } });
    expect(slack.statusCode, slack.body).toBe(201);
    expect(slack.json().secret).toBeUndefined();
    expect(slack.body).not.toContain('XXXXSECRET');
    expect(slack.json().channel).toEqual({ type: 'slack', url: 'https://hooks.slack.com/…' });
  });

  it('refuses URLs of private, loopback and metadata addresses, other schemes and credentials when saved, naming the field', async () => {
    const api = await start();
    const headers = await bearer();
    for (const url of ['http://127.0.0.1:9000/hook', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/', 'http://[::1]/x', 'http://2130706433/', 'ftp://example.net/x', 'https://user:pw@example.net/x', 'http://localhost/x']) {
      const res = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, channel: { type: 'webhook', url } } });
      const error = expectApiError(res, 400);
      expect(error.parameter, url).toBe('channel.url');
    }
    const none = await createRepositories(getDb().database.db).subscriptions.list('any', { limit: 10 });
    expect(none).toEqual([]);
  });

  it('allows loopback receivers with ALERTS_ALLOW_PRIVATE_URLS, but never the metadata address', async () => {
    const api = await start({ allowPrivateUrls: true });
    const headers = await bearer();
    const ok = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, channel: { type: 'webhook', url: 'http://127.0.0.1:9000/hook' } } });
    expect(ok.statusCode).toBe(201);
    const metadata = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, channel: { type: 'webhook', url: 'http://169.254.169.254/' } } });
    expect(expectApiError(metadata, 400).parameter).toBe('channel.url');
  });

  it('rejects an unknown ticker, a bad filter value, a bad digest time zone and e-mail without SMTP, each with the field at fault', async () => {
    const api = await start();
    const headers = await bearer();
    const post = (payload: unknown) => api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: payload as Record<string, unknown> });
    const cases: Array<[unknown, string]> = [
      [{ ...WEBHOOK, filter: { tickers: ['ZZZZ'] } }, 'filter.tickers'],
      [{ ...WEBHOOK, filter: { items: ['1.5'] } }, 'filter.items'],
      [{ ...WEBHOOK, filter: { ciks: ['12345678901'] } }, 'filter.ciks'],
      [{ ...WEBHOOK, filter: { events: [] } }, 'filter.events'],
      [{ ...WEBHOOK, mode: { digest: { at: '07:00', timezone: 'Mars/Olympus' } } }, 'mode.digest.timezone'],
      [{ name: 'mail', channel: { type: 'email', to: ['risk@example.net'] } }, 'channel.type'],
      [{ name: 'no url', channel: { type: 'webhook' } }, 'channel.url'],
    ];
    for (const [payload, parameter] of cases) expect(expectApiError(await post(payload), 400).parameter, JSON.stringify(payload)).toBe(parameter);
    expect(expectApiError(await post({ ...WEBHOOK, owner: 'me' }), 400).parameter).toBe('owner');
    expect(expectApiError(await post({ ...WEBHOOK, filter: { flags: ['aliens'] } }), 400).code).toBe('request.invalid_parameter');
  });

  it('resolves tickers to CIKs when saved and keeps both, and accepts a known sector only', async () => {
    const api = await start();
    const headers = await bearer();
    await getDb().database.query(sql`insert into companies (cik, name, tickers, sic) values ('0001048695', 'F5, INC.', '{FFIV}', '3576'), ('0000732717', 'AT&T INC.', '{T,TBB}', '4813')`);
    const res = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, filter: { tickers: ['ffiv', 'T'], sectors: ['telecom'] } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filter).toEqual({ tickers: ['FFIV', 'T'], tickerCiks: { FFIV: '0001048695', T: '0000732717' }, sectors: ['telecom'], events: ['created', 'updated', 'escalated'] });
    const partly = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, filter: { tickers: ['FFIV', 'NOPE'] } } });
    expect(expectApiError(partly, 400).message).toContain('NOPE');
    const sector = await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: { ...WEBHOOK, filter: { sectors: ['aliens'] } } });
    expect(expectApiError(sector, 400).parameter).toBe('filter.sectors');
  });

  it('accepts a daily digest and an e-mail channel when SMTP is set up', async () => {
    const api = await start({ emailEnabled: true });
    const headers = await bearer();
    const res = await api.inject({
      method: 'POST', url: '/v1/subscriptions', headers,
      payload: { name: 'morning', channel: { type: 'email', to: ['risk@example.net', 'risk@example.net', 'ciso@example.net'] }, filter: { flags: ['ransomware'], materialImpact: 'material' }, mode: { digest: { at: '07:00', timezone: 'America/New_York' } } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: { type: 'email', to: ['risk@example.net', 'ciso@example.net'] }, filter: { flags: ['ransomware'], materialImpact: ['material'] }, mode: { digest: { at: '07:00', timezone: 'America/New_York' } } });
  });

  it('needs a key of scope alerts, and keeps each key to its own subscriptions (an admin key sees all)', async () => {
    const api = await start();
    expect(expectApiError(await api.inject({ url: '/v1/subscriptions' }), 401).code).toBe('auth.key_required');
    expect(expectApiError(await api.inject({ url: '/v1/subscriptions', headers: await bearer('read') }), 403).code).toBe('auth.insufficient_scope');
    const mine = await bearer();
    const theirs = await bearer();
    const { id } = (await api.inject({ method: 'POST', url: '/v1/subscriptions', headers: mine, payload: WEBHOOK })).json();
    for (const [method, url] of [['GET', `/v1/subscriptions/${id}`], ['PATCH', `/v1/subscriptions/${id}`], ['DELETE', `/v1/subscriptions/${id}`], ['POST', `/v1/subscriptions/${id}/test`], ['POST', `/v1/subscriptions/${id}/rotate-secret`], ['GET', `/v1/subscriptions/${id}/deliveries`]] as const) {
      const res = await api.inject({ method, url, headers: theirs, ...(method === 'PATCH' ? { payload: { name: 'mine now' } } : {}) });
      expect(expectApiError(res, 404).code, `${method} ${url}`).toBe('alerts.subscription_not_found');
    }
    expect((await api.inject({ url: '/v1/subscriptions', headers: theirs })).json().data).toEqual([]);
    expect((await api.inject({ url: '/v1/subscriptions', headers: await bearer('admin') })).json().data).toHaveLength(1);
  });

  it('changes, pauses, re-enables and deletes a subscription', async () => {
    const api = await start();
    const headers = await bearer();
    const { id } = (await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: WEBHOOK })).json();
    const patched = await api.inject({ method: 'PATCH', url: `/v1/subscriptions/${id}`, headers, payload: { name: 'vendors', filter: { sics: ['4813'], events: ['escalated'] }, enabled: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'vendors', filter: { sics: ['4813'], events: ['escalated'] }, enabled: false, disabledReason: 'disabled by request' });
    expect((await api.inject({ method: 'PATCH', url: `/v1/subscriptions/${id}`, headers, payload: { enabled: true } })).json()).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    expect(expectApiError(await api.inject({ method: 'PATCH', url: `/v1/subscriptions/${id}`, headers, payload: {} }), 400).code).toBe('request.invalid_parameter');
    expect((await api.inject({ method: 'DELETE', url: `/v1/subscriptions/${id}`, headers })).statusCode).toBe(204);
    expect((await api.inject({ url: `/v1/subscriptions/${id}`, headers })).statusCode).toBe(404);
  });

  it('rotates the secret: the new one shown once, the old one kept signing for a grace period', async () => {
    const api = await start();
    const headers = await bearer();
    const created = (await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: WEBHOOK })).json();
    const res = await api.inject({ method: 'POST', url: `/v1/subscriptions/${created.id}/rotate-secret`, headers });
    expect(res.statusCode).toBe(200);
    const { secret, previousSecretValidUntil } = res.json();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    const [row] = await getDb().database.query<{ secret: string; previous_secret: string; hours: number }>(
      sql`select secret, previous_secret, extract(epoch from previous_secret_until - now()) / 3600 as hours from subscriptions`,
    );
    expect(row).toMatchObject({ secret, previous_secret: created.secret });
    expect(Number(row!.hours)).toBeGreaterThan(23);
    const shown = await api.inject({ url: `/v1/subscriptions/${created.id}`, headers });
    expect(shown.json().previousSecretValidUntil).toBe(previousSecretValidUntil);
    expect(shown.body).not.toContain(secret);
  });

  it('queues a test message and a replay as delivery jobs, the replay under the same webhook-id, and logs them', async () => {
    const api = await start();
    const headers = await bearer();
    const { id } = (await api.inject({ method: 'POST', url: '/v1/subscriptions', headers, payload: WEBHOOK })).json();
    const test = await api.inject({ method: 'POST', url: `/v1/subscriptions/${id}/test`, headers });
    expect(test.statusCode, test.body).toBe(202);
    const delivery = test.json();
    expect(delivery).toMatchObject({ subscriptionId: id, kind: 'test', eventId: null, state: 'pending', attempts: 0 });
    expect(delivery.messageId).toMatch(/^msg_[A-Za-z0-9_-]+$/);
    const repos = createRepositories(getDb().database.db);
    expect((await repos.jobs.list({ kind: 'deliver-alert' })).map((j) => [j.key, j.state])).toEqual([[String(delivery.id), 'queued']]);

    // As if every attempt had failed.
    await getDb().database.query(sql`update deliveries set state = 'failed', attempts = 8, last_status = 500, response_excerpt = 'oops'`);
    await getDb().database.query(sql`update jobs set state = 'done', attempts = 8`);
    const log = (await api.inject({ url: `/v1/subscriptions/${id}/deliveries`, headers })).json();
    expect(log.data).toEqual([expect.objectContaining({ id: delivery.id, state: 'failed', attempts: 8, lastStatus: 500, responseExcerpt: 'oops' })]);

    const replay = await api.inject({ method: 'POST', url: `/v1/deliveries/${delivery.id}/replay`, headers });
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.json()).toMatchObject({ id: delivery.id, messageId: delivery.messageId, state: 'pending', attempts: 0 });
    expect((await repos.jobs.list({ kind: 'deliver-alert' })).map((j) => [j.state, j.attempts])).toEqual([['queued', 0]]);
    expect(expectApiError(await api.inject({ method: 'POST', url: `/v1/deliveries/${delivery.id}/replay`, headers: await bearer() }), 404).code).toBe('alerts.delivery_not_found');
  });
});
