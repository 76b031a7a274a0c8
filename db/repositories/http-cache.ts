import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { httpCache } from '../schema.ts';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** ETag and Last-Modified of EDGAR resources read before, kept across restarts. */
export function createHttpCacheRepository({ db }: { db: Db }) {
  return {
    async get(url: string): Promise<Validators | undefined> {
      const [row] = await db.select({ etag: httpCache.etag, lastModified: httpCache.lastModified }).from(httpCache).where(eq(httpCache.url, url));
      return row;
    },
    async remember(url: string, validators: Validators): Promise<void> {
      await db
        .insert(httpCache)
        .values({ url, ...validators })
        .onConflictDoUpdate({ target: httpCache.url, set: { ...validators, checkedAt: sql`now()` } });
    },
  };
}

export type HttpCacheRepository = ReturnType<typeof createHttpCacheRepository>;
