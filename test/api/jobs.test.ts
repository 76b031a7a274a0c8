import { expect, it } from 'vitest';
import { createFilingRepository } from '../../db/repositories/filings.ts';
import { createJobRepository } from '../../db/repositories/jobs.ts';
import { createApiKeyRepository } from '../../db/repositories/api-keys.ts';
import type { ApiKeyScope } from '../../db/schema.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { filing, useApp } from './app.ts';

describeEachDatabase('REST API: jobs', (getDb) => {
  const app = useApp(() => getDb().database);
  const bearer = async (scope: ApiKeyScope) => {
    const generated = generateApiKey();
    await createApiKeyRepository({ db: getDb().database.db }).create(generated, { name: 'ops', scope });
    return { authorization: `Bearer ${generated.key}` };
  };

  it('lists the queue with counts, and dead jobs with the error that set them aside', async () => {
    const repo = createFilingRepository({ db: getDb().database.db });
    await repo.recordDiscovered(filing(1), { kind: 'analyze-filing', maxAttempts: 1 });
    await repo.recordDiscovered(filing(2), { kind: 'analyze-filing' });
    const jobs = createJobRepository({ db: getDb().database.db });
    const [claimed] = await jobs.claim('w', { limit: 1, leaseMs: 60_000 });
    await jobs.fail(claimed!, 'w', 'not an 8-K: the primary document is corrupt', 0);

    const res = await app().inject({ method: 'GET', url: '/v1/jobs?state=dead', headers: await bearer('read') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual(expect.arrayContaining([
      { kind: 'analyze-filing', state: 'dead', count: 1 },
      { kind: 'analyze-filing', state: 'queued', count: 1 },
    ]));
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ key: '0000000001-24-000001', state: 'dead', lastError: 'not an 8-K: the primary document is corrupt' });
  });

  it('shows anonymous callers the counts only, key holders the jobs, and only admin keys which worker (host:pid) holds one', async () => {
    const repo = createFilingRepository({ db: getDb().database.db });
    await repo.recordDiscovered(filing(1), { kind: 'analyze-filing' });
    const jobs = createJobRepository({ db: getDb().database.db });
    const workerId = 'db-host-7.internal:4242:abcdef';
    const [claimed] = await jobs.claim(workerId, { limit: 1, leaseMs: 60_000 });
    expect(claimed).toBeDefined();

    const anonymous = await app().inject({ method: 'GET', url: '/v1/jobs' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ counts: [{ kind: 'analyze-filing', state: 'running', count: 1 }] });

    const res = await app().inject({ method: 'GET', url: '/v1/jobs', headers: await bearer('alerts') });
    const body = res.json();
    expect(body.counts).toEqual([{ kind: 'analyze-filing', state: 'running', count: 1 }]);
    expect(body.data[0]).toMatchObject({ key: '0000000001-24-000001', state: 'running' });
    expect(body.data[0]).not.toHaveProperty('lockedBy');
    expect(res.body).not.toContain('db-host-7');
    expect(res.body).not.toContain('4242');

    const admin = (await app().inject({ method: 'GET', url: '/v1/jobs', headers: await bearer('admin') })).json();
    expect(admin.data[0].lockedBy).toBe(workerId);
  });

  it('rejects an unknown job state', async () => {
    const res = await app().inject({ method: 'GET', url: '/v1/jobs?state=sleeping' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.parameter).toBe('state');
  });
});
