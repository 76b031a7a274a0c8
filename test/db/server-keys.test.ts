import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createServerKeyRepository } from '../../db/repositories/server-keys.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('server keys', (getDb) => {
  it('creates a key on first use and returns the same one after', async () => {
    const keys = createServerKeyRepository({ db: getDb().database.db });
    const first = await keys.getOrCreate('test.key', () => randomBytes(32));
    expect(first).toHaveLength(32);
    const again = await keys.getOrCreate('test.key', () => Buffer.alloc(32, 1));
    expect(again.equals(first)).toBe(true);
  });

  it('keeps one key per name', async () => {
    const keys = createServerKeyRepository({ db: getDb().database.db });
    const a = await keys.getOrCreate('test.a', () => Buffer.alloc(32, 1));
    const b = await keys.getOrCreate('test.b', () => Buffer.alloc(32, 2));
    expect(a.equals(b)).toBe(false);
  });

  it('gives every instance racing to create a key the one that won', async () => {
    const url = getDb().url;
    // Several pools on one server are several instances; PGlite has one connection and no race.
    const instances = url ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, dataDir: '', migrate: false, maxConnections: 4 }))) : [getDb().database];
    try {
      const candidates = Array.from({ length: 12 }, () => randomBytes(32));
      const results = await Promise.all(
        candidates.map((candidate, i) => createServerKeyRepository({ db: instances[i % instances.length]!.db }).getOrCreate('test.race', () => candidate)),
      );
      expect(new Set(results.map((r) => r.toString('hex'))).size).toBe(1);
      expect(candidates.some((c) => c.equals(results[0]!))).toBe(true);
    } finally {
      if (url) await Promise.all(instances.map((d) => d.close()));
    }
  });
});
