import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { ApiKeyScope } from '../../db/schema.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { describeEachDatabase, type TestDatabase } from '../helpers/databases.ts';
import { expectApiError } from './app.ts';

async function newKey(db: TestDatabase, scope: ApiKeyScope, rateLimitPerMinute?: number) {
  const generated = generateApiKey();
  const row = await createRepositories(db.database.db).apiKeys.create(generated, { name: `${scope} key`, scope, rateLimitPerMinute });
  return { id: row.id, key: generated.key, bearer: { authorization: `Bearer ${generated.key}` } };
}

describeEachDatabase('REST API: API keys', (getDb) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(apiReadAuth: 'open' | 'key' = 'open') {
    app = await buildApp({ database: getDb().database, apiReadAuth });
    // A route of scope alerts, until the subscriptions have theirs.
    app.get('/v1/scope-probe', { config: { auth: 'alerts' } }, async (request) => ({ key: request.apiKey?.name ?? null }));
    await app.ready();
    return app;
  }

  it('serves reads without a key by default, and refuses a wrong, malformed or revoked key with 401 in the one error shape', async () => {
    const api = await start();
    expect((await api.inject({ url: '/v1/incidents' })).statusCode).toBe(200);
    const { id, bearer } = await newKey(getDb(), 'read');
    expect((await api.inject({ url: '/v1/incidents', headers: bearer })).statusCode).toBe(200);

    const wrong = await api.inject({ url: '/v1/incidents', headers: { authorization: `Bearer c8k_${'A'.repeat(43)}` } });
    expect(expectApiError(wrong, 401).code).toBe('auth.invalid_key');
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-key', `Token ${bearer.authorization.slice(7)}`]) {
      expect(expectApiError(await api.inject({ url: '/v1/filings', headers: { authorization: header } }), 401).code).toBe('auth.invalid_key');
    }
    await createRepositories(getDb().database.db).apiKeys.revoke(id);
    expect(expectApiError(await api.inject({ url: '/v1/incidents', headers: bearer }), 401).code).toBe('auth.invalid_key');
  });

  it('with API_READ_AUTH=key, needs a key to read, and leaves /health open', async () => {
    const api = await start('key');
    const anonymous = await api.inject({ url: '/v1/filings' });
    expect(expectApiError(anonymous, 401).code).toBe('auth.key_required');
    expect((await api.inject({ url: '/v1/events' })).statusCode).toBe(401);
    expect((await api.inject({ url: '/health' })).statusCode).toBe(200);
    const { bearer } = await newKey(getDb(), 'read');
    expect((await api.inject({ url: '/v1/filings', headers: bearer })).statusCode).toBe(200);
  });

  it('answers 403 to a key whose scope is too small, and lets a larger scope through', async () => {
    const api = await start();
    expect(expectApiError(await api.inject({ url: '/v1/scope-probe' }), 401).code).toBe('auth.key_required');
    const read = await newKey(getDb(), 'read');
    const refused = expectApiError(await api.inject({ url: '/v1/scope-probe', headers: read.bearer }), 403);
    expect(refused.code).toBe('auth.insufficient_scope');
    expect(refused.message).toContain('alerts');
    for (const scope of ['alerts', 'admin'] as const) {
      const { bearer } = await newKey(getDb(), scope);
      const res = await api.inject({ url: '/v1/scope-probe', headers: bearer });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ key: `${scope} key` });
    }
  });

  it('limits each key to its requests a minute with 429 and Retry-After, without touching other keys', async () => {
    const api = await start();
    const limited = await newKey(getDb(), 'read', 3);
    const other = await newKey(getDb(), 'read', 3);
    for (let i = 0; i < 3; i++) expect((await api.inject({ url: '/v1/events', headers: limited.bearer })).statusCode).toBe(200);
    const res = await api.inject({ url: '/v1/events', headers: limited.bearer });
    expect(expectApiError(res, 429).code).toBe('auth.rate_limited');
    // One token comes back every 20 s at 3 a minute.
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect((await api.inject({ url: '/v1/events', headers: other.bearer })).statusCode).toBe(200);
  });

  it('stores only the hash of a key: the key appears nowhere in the database', async () => {
    const { key } = await newKey(getDb(), 'admin');
    const rows = await getDb().database.query<Record<string, unknown>>(sql`select * from api_keys`);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(4));
    expect(stored).not.toContain(Buffer.from(key).toString('hex'));
  });

  it('documents the bearer scheme, and the 401 and 429 of every /v1 route, in OpenAPI', async () => {
    const api = await start();
    const spec = (await api.inject({ url: '/docs/json' })).json();
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/v1/filings'].get.security).toEqual([{}, { apiKey: [] }]);
    expect(Object.keys(spec.paths['/v1/filings'].get.responses)).toEqual(expect.arrayContaining(['401', '429']));
    expect(spec.paths['/v1/scope-probe'].get.security).toEqual([{ apiKey: [] }]);
    expect(spec.paths['/health'].get.security).toEqual([]);
  });
});
