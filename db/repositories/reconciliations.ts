import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { reconciliations } from '../schema.ts';

export interface ReconciliationRecord {
  /** YYYY-MM-DD */
  date: string;
  listed: number;
  missing: number;
  indexFound: boolean;
  forms: readonly string[];
}

export function createReconciliationRepository({ db }: { db: Db }) {
  return {
    /** Keeps what the reconciliation of one day found; a later run of the same day replaces it. */
    async record(r: ReconciliationRecord): Promise<void> {
      const values = { date: r.date, listed: r.listed, missing: r.missing, indexFound: r.indexFound, forms: [...r.forms] };
      await db
        .insert(reconciliations)
        .values(values)
        // A second run finds nothing missing that the first queued: the day's misses add up.
        .onConflictDoUpdate({ target: reconciliations.date, set: { listed: values.listed, indexFound: values.indexFound, forms: values.forms, missing: sql`${reconciliations.missing} + excluded.missing`, reconciledAt: sql`now()` } });
    },
  };
}

export type ReconciliationRepository = ReturnType<typeof createReconciliationRepository>;
