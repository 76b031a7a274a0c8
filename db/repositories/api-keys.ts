import { and, asc, eq, isNull, or, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiKeys, type ApiKeyScope } from '../schema.ts';
import { hashApiKey, sameHash, type NewApiKey } from '../../src/auth/api-keys.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
/** A key as listed: never its hash. */
export type ApiKeyInfo = Omit<ApiKeyRow, 'hash'>;

const info = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  prefix: apiKeys.prefix,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

// Last use is a hint for operators; recording it at most once a minute keeps a write off most requests.
const LAST_USED_RESOLUTION = sql`interval '1 minute'`;

export function createApiKeyRepository({ db }: { db: Db }) {
  return {
    async create(key: NewApiKey, options: { name: string; scope: ApiKeyScope; rateLimitPerMinute?: number }): Promise<ApiKeyInfo> {
      const [row] = await db
        .insert(apiKeys)
        .values({ name: options.name, scope: options.scope, prefix: key.prefix, hash: key.hash, ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}) })
        .returning(info);
      return row!;
    },

    /** The unrevoked key `key` is, or undefined. */
    async authenticate(key: string): Promise<ApiKeyInfo | undefined> {
      const hash = hashApiKey(key);
      const stale = or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - ${LAST_USED_RESOLUTION}`))!;
      const [row] = await db
        .select({ ...info, hash: apiKeys.hash, stale: sql<boolean>`${stale}` })
        .from(apiKeys)
        .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
      if (!row || !sameHash(row.hash, hash)) return undefined;
      if (row.stale) await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(and(eq(apiKeys.id, row.id), stale));
      const { hash: _hash, stale: _stale, ...rest } = row;
      return rest;
    },

    async list(): Promise<ApiKeyInfo[]> {
      return db.select(info).from(apiKeys).orderBy(asc(apiKeys.id));
    },

    /** Revokes key `id`; false if there is no such key or it was already revoked. */
    async revoke(id: number): Promise<boolean> {
      const rows = await db.update(apiKeys).set({ revokedAt: sql`now()` }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id });
      return rows.length > 0;
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
