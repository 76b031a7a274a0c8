// Who needs to know that the filings table changed: the API's response cache. The filing
// repository signals every write it commits, in this process at once (post-commit, so a reader
// that started earlier cannot cache what it read before), and to other processes sharing a
// PostgreSQL server by NOTIFY on FILINGS_CHANNEL in the writing transaction (delivered on commit).

import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

export const FILINGS_CHANNEL = 'cyber8k_filings';

type Listener = () => void;
const listeners = new WeakMap<Db, Set<Listener>>();

/** Calls `listener` after each filings write committed in this process on `db`; returns the unsubscribe function. */
export function onFilingsChanged(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** After commit: tells this process's listeners. */
export function filingsChanged(db: Db): void {
  for (const listener of listeners.get(db) ?? []) listener();
}

/** Inside the writing transaction: tells the other processes, once it commits. */
export async function notifyFilingsChanged(executor: Pick<Db, 'execute'>): Promise<void> {
  await executor.execute(sql`select pg_notify(${FILINGS_CHANNEL}, '')`);
}
