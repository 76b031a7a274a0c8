// The subscriptions page's htmx requests through app.inject: they need a key of scope alerts sent
// as a Bearer header (as /v1 does), create a subscription from the form, send a test whose
// delivery shows in the log once the alert worker has sent it, and replay it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { createAlertWorker } from '../../src/alerts/worker.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createMonitorMetrics } from '../../src/metrics.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { useApp, usePglite } from '../api/app.ts';

const db = usePglite();
const app = useApp(() => db().database, { alerts: { allowPrivateUrls: true } });
let receiver: Receiver;
let alertsKey: string;
let readKey: string;

beforeAll(async () => {
  receiver = await startReceiver();
  const repos = createRepositories(db().database.db);
  const a = generateApiKey();
  await repos.apiKeys.create(a, { name: 'analyst', scope: 'alerts' });
  alertsKey = a.key;
  const r = generateApiKey();
  await repos.apiKeys.create(r, { name: 'reader', scope: 'read' });
  readKey = r.key;
});
afterAll(async () => receiver?.close());

const hx = (key?: string) => ({ 'hx-request': 'true', ...(key ? { authorization: `Bearer ${key}` } : {}) });
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body.toString();
};
const post = (url: string, fields: Record<string, string | string[]> | null, key = alertsKey) =>
  app().inject({ method: 'POST', url, headers: { ...hx(key), ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, ...(fields ? { payload: form(fields) } : {}) });

describe('the subscriptions page', () => {
  it('is served without a key: the key is typed in the page and kept by the browser', async () => {
    const res = await app().inject({ method: 'GET', url: '/subscriptions' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form id="key-form"');
    expect(res.body).toContain('type="password" name="key"');
    expect(res.body).toContain('hx-post="/subscriptions"');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('lists nothing without a key of scope alerts (401, 403), as /v1/subscriptions', async () => {
    expect((await app().inject({ method: 'GET', url: '/subscriptions/list', headers: hx() })).statusCode).toBe(401);
    expect((await app().inject({ method: 'GET', url: '/subscriptions/list', headers: hx(readKey) })).statusCode).toBe(403);
    expect((await post('/subscriptions', { name: 'x', type: 'webhook', url: receiver.url }, readKey)).statusCode).toBe(403);
  });

  it('creates a subscription from the form, shows its secret once, sends a test that the log shows delivered, and replays it', async () => {
    const created = await post('/subscriptions', { name: 'SOC <b>"hook"</b> & co', type: 'webhook', url: receiver.url, tickers: '', sectors: 'telecom', items: '1.05', flags: ['ransomware', 'nationState'], digestAt: '', timezone: 'America/New_York' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.body).toMatch(/Its signing secret, shown only now: <span class="secret">whsec_[A-Za-z0-9+/=]+<\/span>/);
    expect(created.body).toContain('SOC &lt;b&gt;&quot;hook&quot;&lt;/b&gt; &amp; co');
    expect(created.body).not.toContain('<b>"hook"');
    const id = Number(/<tr data-subscription="(\d+)"/.exec(created.body)![1]);
    const api = JSON.parse((await app().inject({ method: 'GET', url: `/v1/subscriptions/${id}`, headers: { authorization: `Bearer ${alertsKey}` } })).body) as { filter: Record<string, unknown>; mode: unknown };
    expect(api.filter).toMatchObject({ sectors: ['telecom'], items: ['1.05'], flags: ['ransomware', 'nationState'] });
    expect(api.mode).toBe('instant');
    // The list, asked again, has it and no secret.
    const list = await app().inject({ method: 'GET', url: '/subscriptions/list', headers: hx(alertsKey) });
    expect(list.body).toContain(`data-subscription="${id}"`);
    expect(list.body).not.toContain('whsec_');

    const test = await post(`/subscriptions/${id}/test`, null);
    expect(test.statusCode, test.body).toBe(200);
    expect(test.body).toContain('test message');
    expect(test.body).toMatch(/data-state="pending"/);
    // Still on its way: the log asks again.
    expect(test.body).toContain(`hx-get="/subscriptions/${id}/deliveries" hx-trigger="load delay:1s"`);

    const repos = createRepositories(db().database.db);
    const worker = createAlertWorker({ repositories: repos, config: { ...loadConfig({}), alertsAllowPrivateUrls: true }, log: createLogger('silent'), metrics: createMonitorMetrics(), idleMs: 50 });
    await worker.drain();
    await worker.close();
    expect(receiver.received.length).toBe(1);
    const log = await app().inject({ method: 'GET', url: `/subscriptions/${id}/deliveries`, headers: hx(alertsKey) });
    expect(log.body).toMatch(/data-state="delivered"/);
    expect(log.body).toContain('HTTP 200');
    expect(log.body).not.toContain('hx-trigger="load delay:1s"');
    const deliveryId = Number(/<tr data-delivery="(\d+)"/.exec(log.body)![1]);

    const replayed = await post(`/deliveries/${deliveryId}/replay`, null);
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.body).toMatch(new RegExp(`data-delivery="${deliveryId}" data-state="pending"`));
  });

  it('pauses and resumes, rotates a webhook secret (shown once) and deletes, each as the API does, and only for the owner', async () => {
    const created = await post('/subscriptions', { name: 'To manage', type: 'webhook', url: receiver.url });
    const id = Number(new RegExp('<tr data-subscription="(\\d+)"><td class="num">\\d+</td><td>To manage<').exec(created.body)![1]);
    const apiGet = async () => JSON.parse((await app().inject({ method: 'GET', url: `/v1/subscriptions/${id}`, headers: { authorization: `Bearer ${alertsKey}` } })).body) as { enabled: boolean; disabledReason: string | null };

    const paused = await post(`/subscriptions/${id}/pause`, null);
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.body).toContain('paused: nothing is sent until it is resumed');
    expect(paused.body).toContain(`hx-post="/subscriptions/${id}/resume"`);
    expect((await apiGet()).enabled).toBe(false);
    const resumed = await post(`/subscriptions/${id}/resume`, null);
    expect(resumed.body).toContain(`hx-post="/subscriptions/${id}/pause"`);
    expect((await apiGet()).enabled).toBe(true);

    const rotated = await post(`/subscriptions/${id}/rotate-secret`, null);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const secret = /<span class="secret">(whsec_[A-Za-z0-9+/=]+)<\/span>/.exec(rotated.body)![1]!;
    expect(created.body).not.toContain(secret);
    expect(rotated.body).toMatch(/the previous one also signs until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);

    const repos = createRepositories(db().database.db);
    const other = generateApiKey();
    await repos.apiKeys.create(other, { name: 'stranger', scope: 'alerts' });
    for (const path of ['pause', 'resume', 'rotate-secret']) expect((await post(`/subscriptions/${id}/${path}`, null, other.key)).statusCode, path).toBe(404);
    expect((await app().inject({ method: 'DELETE', url: `/subscriptions/${id}`, headers: hx(other.key) })).statusCode).toBe(404);
    expect((await post(`/subscriptions/${id}/pause`, null, readKey)).statusCode).toBe(403);

    const deleted = await app().inject({ method: 'DELETE', url: `/subscriptions/${id}`, headers: hx(alertsKey) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.body).toContain(`Subscription ${id} deleted`);
    expect(deleted.body).not.toContain(`data-subscription="${id}"`);
    expect((await app().inject({ method: 'GET', url: `/v1/subscriptions/${id}`, headers: { authorization: `Bearer ${alertsKey}` } })).statusCode).toBe(404);
  });

  it('refuses what the API refuses, with its message: a private address, an unknown ticker', async () => {
    const strict = await post('/subscriptions', { name: 'x', type: 'slack', url: 'ftp://example.com/x' });
    expect(strict.statusCode).toBe(400);
    expect(strict.body).toContain('class="error"');
    const ticker = await post('/subscriptions', { name: 'x', type: 'webhook', url: receiver.url, tickers: 'NOSUCH' });
    expect(ticker.statusCode).toBe(400);
    expect(ticker.body).toContain('NOSUCH');
  });

  it('shows another key’s subscription to nobody but an admin', async () => {
    const repos = createRepositories(db().database.db);
    const other = generateApiKey();
    await repos.apiKeys.create(other, { name: 'other', scope: 'alerts' });
    const res = await app().inject({ method: 'GET', url: '/subscriptions/list', headers: hx(other.key) });
    expect(res.body).toContain('No subscription yet.');
    expect((await app().inject({ method: 'GET', url: '/subscriptions/1/deliveries', headers: hx(other.key) })).statusCode).toBe(404);
  });
});
