/** Waits `ms`; rejects with the signal's reason if it aborts first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits `ms`, or less if the signal aborts; never rejects (for loops that check the signal themselves). */
export function sleepUntilAborted(ms: number, signal: AbortSignal): Promise<void> {
  return abortableSleep(ms, signal).catch(() => undefined);
}
