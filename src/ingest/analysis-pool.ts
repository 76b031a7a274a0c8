// Analysis off the main thread. The analyzer is synchronous CPU work: run on the API's event loop,
// one heavy filing (12.6 MB, 20 s) held /health for 19 s. The pool runs it in worker threads, at
// most `size` at a time, and gives each document a time budget: a thread still busy when the
// budget runs out is terminated (a pure analysis has nothing to clean up) and replaced.

import { Worker } from 'node:worker_threads';
import type { AnalysisContext, FilingAnalysis } from '../analysis/index.ts';
import { AppError } from '../errors.ts';

/** The document took longer than its budget: the same bytes would again. */
export class AnalysisTimeoutError extends AppError {
  constructor(budgetMs: number) {
    super('analysis.timeout', `analysis took longer than its time budget of ${budgetMs / 1000} s (ANALYSIS_TIMEOUT_SECONDS)`);
  }
}

/** The analysis thread died (out of memory, or a crash) while reading the document. */
export class AnalysisThreadError extends AppError {
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super('analysis.thread_failed', `the analysis thread failed: ${reason}`, options);
  }
}

export interface AnalysisPool {
  /** Analyzes in a worker thread; rejects with AnalysisTimeoutError past the budget. */
  analyze(bytes: Uint8Array, context: AnalysisContext, signal?: AbortSignal): Promise<FilingAnalysis>;
  /** Threads running now (started on demand, at most `size`). */
  threads(): number;
  /** Documents being analyzed now. */
  busy(): number;
  /** Terminates the threads; queued and running analyses are rejected. */
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Analyses at once (WORKER_CONCURRENCY). */
  size: number;
  /** Time budget of one document (ANALYSIS_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** Heap limit of one thread: past it the thread ends with an error instead of the process. */
  maxHeapMb?: number;
}

/** Messages of the thread (see analysis-worker.ts). */
export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: FilingAnalysis }
  | { type: 'failed'; id: number; error: { name: string; message: string } };

interface Task {
  id: number;
  bytes: Uint8Array;
  context: AnalysisContext;
  signal?: AbortSignal;
  resolve(result: FilingAnalysis): void;
  reject(err: unknown): void;
  onAbort?: () => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

// Worker threads do not inherit the parent's TypeScript loader: the entry registers tsx first.
const ENTRY = new URL('./analysis-worker-entry.js', import.meta.url);
// A 64 MB adversarial document needs well under 1 GB (npm run bench:complexity).
const DEFAULT_MAX_HEAP_MB = 2048;

export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const { size, timeoutMs } = options;
  const threads = new Set<Thread>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  function settle(thread: Thread): Task | null {
    const task = thread.task;
    thread.task = null;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    if (task?.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
    // An idle thread must not keep the process alive (a one-shot command ends when its work does).
    thread.worker.unref();
    return task;
  }

  /** Ends a thread (its task, if any, rejected with `err`) and lets the queue move on. */
  function discard(thread: Thread, err: unknown): void {
    if (!threads.delete(thread)) return;
    const task = settle(thread);
    void thread.worker.terminate();
    task?.reject(err);
    pump();
  }

  function spawn(): Thread {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB } });
    const thread: Thread = { worker, ready: false, task: null, timer: null };
    worker.unref();
    worker.on('message', (msg: ThreadMessage) => {
      if (msg.type === 'ready') {
        thread.ready = true;
        pump();
        return;
      }
      if (thread.task?.id !== msg.id) return;
      const task = settle(thread);
      if (msg.type === 'done') task?.resolve(msg.result);
      else task?.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
      pump();
    });
    worker.on('error', (err) => {
      const reason = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it ran out of memory (${options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB} MB)` : err.message;
      discard(thread, new AnalysisThreadError(reason, { cause: err }));
    });
    worker.on('exit', (code) => discard(thread, new AnalysisThreadError(`it exited with code ${code}`)));
    threads.add(thread);
    return thread;
  }

  function start(thread: Thread, task: Task): void {
    thread.task = task;
    // Keep the process alive while a document is being read.
    thread.worker.ref();
    thread.timer = setTimeout(() => discard(thread, new AnalysisTimeoutError(timeoutMs)), timeoutMs);
    // Copied, not transferred: the caller keeps the bytes (they are stored as the filing's source).
    thread.worker.postMessage({ id: task.id, bytes: task.bytes, context: task.context });
  }

  function pump(): void {
    if (closed) return;
    while (queue.length > 0) {
      const idle = [...threads].find((t) => t.ready && t.task === null);
      if (idle) {
        start(idle, queue.shift()!);
        continue;
      }
      // Threads for the work waiting, unless enough are already starting up.
      let starting = [...threads].filter((t) => !t.ready).length;
      while (threads.size < size && starting < queue.length) {
        spawn();
        starting++;
      }
      return;
    }
  }

  return {
    analyze(bytes, context, signal) {
      if (closed) return Promise.reject(new AppError('analysis.pool_closed', 'the analysis pool is closed'));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<FilingAnalysis>((resolve, reject) => {
        const task: Task = { id: nextId++, bytes, context, signal, resolve, reject };
        if (signal) {
          // Given up on (shutdown, a lost lease): drop it from the queue, or stop its thread.
          task.onAbort = () => {
            const running = [...threads].find((t) => t.task === task);
            if (running) discard(running, signal.reason);
            else {
              const i = queue.indexOf(task);
              if (i >= 0) queue.splice(i, 1);
              reject(signal.reason);
            }
          };
          signal.addEventListener('abort', task.onAbort, { once: true });
        }
        queue.push(task);
        pump();
      });
    },
    threads: () => threads.size,
    busy: () => [...threads].filter((t) => t.task !== null).length,
    async close() {
      closed = true;
      const err = new AppError('analysis.pool_closed', 'the analysis pool was closed');
      for (const task of queue.splice(0)) task.reject(err);
      const all = [...threads];
      for (const t of all) discard(t, err);
      await Promise.all(all.map((t) => t.worker.terminate()));
    },
  };
}
