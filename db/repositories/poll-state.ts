import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { pollState } from '../schema.ts';

export type PollStateRow = typeof pollState.$inferSelect;

export interface PollSourceStatus {
  source: string;
  lastSuccessAt: Date | null;
  /** Seconds since the last success, on the database clock; null before the first. */
  ageSeconds: number | null;
  lastError: string | null;
}

export function createPollStateRepository({ db }: { db: Db }) {
  return {
    async get(source: string): Promise<PollStateRow | undefined> {
      const [row] = await db.select().from(pollState).where(eq(pollState.source, source));
      return row;
    },

    /** Every source, by name, with how long ago it last succeeded. */
    async list(): Promise<PollSourceStatus[]> {
      const rows = await db
        .select({
          source: pollState.source,
          lastSuccessAt: pollState.lastSuccessAt,
          ageSeconds: sql<number | null>`extract(epoch from now() - ${pollState.lastSuccessAt})::float8`,
          lastError: pollState.lastError,
        })
        .from(pollState)
        .orderBy(asc(pollState.source));
      return rows.map((r) => ({ ...r, ageSeconds: r.ageSeconds === null ? null : Number(r.ageSeconds) }));
    },

    async recordSuccess(source: string, cursor: Record<string, unknown> | null): Promise<void> {
      const values = { source, cursor, lastSuccessAt: new Date(), updatedAt: new Date() };
      await db
        .insert(pollState)
        .values(values)
        .onConflictDoUpdate({
          target: pollState.source,
          set: {
            // A cycle that saw nothing new keeps the cursor it had.
            cursor: cursor === null ? sql`${pollState.cursor}` : cursor,
            // The error is history once a read succeeds (its time stays in last_error_at).
            lastError: null,
            lastSuccessAt: values.lastSuccessAt,
            updatedAt: values.updatedAt,
          },
        });
    },

    async recordError(source: string, error: string): Promise<void> {
      const now = new Date();
      await db
        .insert(pollState)
        .values({ source, lastError: error, lastErrorAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: pollState.source, set: { lastError: error, lastErrorAt: now, updatedAt: now } });
    },
  };
}

export type PollStateRepository = ReturnType<typeof createPollStateRepository>;
