import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { createApiKeyRepository } from '../../db/repositories/api-keys.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REQUIRE_POSTGRES } from '../helpers/postgres-url.ts';

const BIN = path.resolve('bin/cyber8k.js');

// The commands open the database DATABASE_URL names, so they run against a server database here.
describe.skipIf(!inject('postgresAvailable') && !REQUIRE_POSTGRES)('cyber8k keys [postgres]', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });

  const cli = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url!, LOG_LEVEL: 'silent' };
    return spawnSync(process.execPath, [BIN, 'keys', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  };

  it('creates a key shown once, lists it without the key, and revokes it so the API refuses it', { timeout: 180_000 }, async () => {
    const created = cli('create', '--name', 'risk team', '--scope', 'alerts', '--json');
    expect(created.status, created.stderr).toBe(0);
    const { id, key } = JSON.parse(created.stdout) as { id: string; key: string };
    expect(key).toMatch(/^c8k_[A-Za-z0-9_-]{43}$/);
    expect(id).toMatch(/^\d+$/);

    const listed = cli('list', '--json');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(key.slice(10));
    const [entry] = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entry).toMatchObject({ id, name: 'risk team', scope: 'alerts', prefix: key.slice(0, 10), revokedAt: null });

    const app = await buildApp({ database: db.database });
    try {
      const headers = { authorization: `Bearer ${key}` };
      expect((await app.inject({ url: '/v1/incidents', headers })).statusCode).toBe(200);
      const revoked = cli('revoke', id);
      expect(revoked.status, revoked.stderr).toBe(0);
      expect((await app.inject({ url: '/v1/incidents', headers })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
    expect((await createApiKeyRepository({ db: db.database.db }).list())[0]!.revokedAt).toBeInstanceOf(Date);
    expect(cli('revoke', id).status).toBe(1);
  });

  it('refuses an unknown scope and a key number that is not one, as usage errors', { timeout: 120_000 }, () => {
    const scope = cli('create', '--name', 'x', '--scope', 'root');
    expect(scope.status).toBe(2);
    expect(scope.stderr).toMatch(/read, alerts, admin/);
    const id = cli('revoke', 'abc');
    expect(id.status).toBe(2);
  });
});
