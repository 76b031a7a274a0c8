// Group commit: calls made in the same turn of the event loop, or while a write is in flight, go
// out together in one write. Nothing waits on a timer (a lone call is written after the I/O
// callbacks of its turn), and under load many short jobs (alert sends) share one round trip
// instead of paying one each. The turn matters with the embedded database, whose writes finish
// within the turn they start in.

export type GroupWrite<T> = (item: T) => Promise<void>;

export function groupCommit<T>(write: (items: T[]) => Promise<void>, maxBatch = 500): GroupWrite<T> {
  let queue: Array<{ item: T; resolve: () => void; reject: (err: unknown) => void }> = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(() => void flush());
      }
    });
}
