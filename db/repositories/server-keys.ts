import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { serverKeys } from '../schema.ts';

export function createServerKeyRepository({ db }: { db: Db }) {
  async function find(name: string): Promise<Buffer | undefined> {
    const [row] = await db.select({ secret: serverKeys.secret }).from(serverKeys).where(eq(serverKeys.name, name));
    return row?.secret;
  }

  return {
    /**
     * The secret called `name`, created with `generate()` the first time any instance asks. When
     * instances race to create it, the first insert wins and every one of them reads that one.
     */
    async getOrCreate(name: string, generate: () => Buffer): Promise<Buffer> {
      const existing = await find(name);
      if (existing) return existing;
      await db.insert(serverKeys).values({ name, secret: generate() }).onConflictDoNothing({ target: serverKeys.name });
      const created = await find(name);
      if (!created) throw new Error(`server key "${name}" was neither found nor created`);
      return created;
    },
  };
}

export type ServerKeyRepository = ReturnType<typeof createServerKeyRepository>;
