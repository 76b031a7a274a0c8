import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedPglite, SHARED_BUFFERS } from '../../db/pglite.ts';

describe('the embedded database (PGlite) in a data directory', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-pglite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a new database without keeping initdb\'s memory in this process, and opens it with small shared buffers', { timeout: 120_000 }, async () => {
    const dir = path.join(root, 'fresh', 'pglite');
    mkdirSync(path.dirname(dir), { recursive: true });
    // A first start killed mid-initdb left its half-built copy: it is cleared, not used.
    mkdirSync(path.join(root, 'fresh', 'pglite.init-abc123'));
    const before = process.memoryUsage().external;
    const pg = await openEmbeddedPglite(dir);
    try {
      // initdb inside this process left ~630 MB of WebAssembly memory behind for good; the open
      // database itself needs its 128 MB heap.
      expect((process.memoryUsage().external - before) / 2 ** 20).toBeLessThan(300);
      const { rows } = await pg.query<{ shared_buffers: string }>('show shared_buffers');
      expect(rows[0]!.shared_buffers).toBe(SHARED_BUFFERS);
      await pg.exec('create table kept (id int); insert into kept values (42)');
    } finally {
      await pg.close();
    }
    expect(readdirSync(path.join(root, 'fresh')).sort()).toEqual(['pglite']);

    const again = await openEmbeddedPglite(dir);
    try {
      expect((await again.query<{ id: number }>('select id from kept')).rows).toEqual([{ id: 42 }]);
    } finally {
      await again.close();
    }
  });

  it('refuses a directory that holds files but no database, instead of running initdb over them', async () => {
    const dir = path.join(root, 'odd', 'pglite');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await expect(openEmbeddedPglite(dir)).rejects.toMatchObject({ code: 'database.data_dir_incomplete', message: expect.stringMatching(/holds files but no database/) });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
