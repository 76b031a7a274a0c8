import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('filings list order', (getDb) => {
  it('is served by an index in the order the list asks for (accepted_at DESC, id DESC, nulls first as DESC means)', async () => {
    const [row] = await getDb().database.query<{ indexdef: string }>(sql`select indexdef from pg_indexes where indexname = 'filings_accepted_id_idx'`);
    // DESC NULLS LAST would not match `ORDER BY accepted_at DESC`: the list would sort the whole table.
    expect(row?.indexdef).toMatch(/\(accepted_at DESC, id DESC\)$/);
  });
});
