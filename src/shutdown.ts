// When a long-running command (start, serve, poll, work, demo) stops: on SIGINT or SIGTERM, or
// when the process that started it goes away. `npm start` and `npx cyber8k` run the command under
// npm (and a shell), and npm forwards a signal only to its own child: a parent that is killed
// outright (SIGKILL, a closed terminal) would leave cyber8k running, holding the port and the
// data-directory lock, with no one to stop it.

export type ShutdownReason = NodeJS.Signals | 'parent exited';

export interface ShutdownWatch {
  /** Resolves with the first reason to stop. */
  requested: Promise<ShutdownReason>;
  /** Stops watching (signal handlers removed, parent check cleared). */
  dispose(): void;
}

export interface WatchShutdownOptions {
  /** Also stop when the parent process exits (default: when started by npm or npx). */
  watchParent?: boolean;
  /** How often the parent is checked, in ms. */
  parentCheckMs?: number;
  /** Called on a second request after the first: forced exit, the shutdown is taking too long for the user. */
  onForce?: (reason: ShutdownReason) => void;
  /** A repeat within this many ms of the first request is the same request (npm forwards the terminal's Ctrl-C, which the process also got). */
  repeatWindowMs?: number;
  /** Where the "shutting down" line goes. */
  write?: (line: string) => void;
  now?: () => number;
  process?: Pick<NodeJS.Process, 'on' | 'off' | 'ppid' | 'env'>;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Whether npm (npm run, npm start, npx) started this process: it then sets npm_lifecycle_event. */
export function startedByNpm(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.npm_lifecycle_event || env.npm_command);
}

export function watchShutdown(options: WatchShutdownOptions = {}): ShutdownWatch {
  const proc = options.process ?? process;
  const now = options.now ?? Date.now;
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const repeatWindowMs = options.repeatWindowMs ?? 1000;
  let firstAt: number | null = null;
  let resolve!: (reason: ShutdownReason) => void;
  const requested = new Promise<ShutdownReason>((r) => (resolve = r));

  const request = (reason: ShutdownReason) => {
    if (firstAt === null) {
      firstAt = now();
      write(`cyber8k: ${reason === 'parent exited' ? 'the process that started cyber8k exited' : `${reason} received`}, shutting down\n`);
      resolve(reason);
      return;
    }
    if (now() - firstAt < repeatWindowMs) return;
    write(`cyber8k: ${reason} again, stopping now without waiting for the shutdown to finish\n`);
    options.onForce?.(reason);
  };

  const onSignal = (signal: NodeJS.Signals) => request(signal);
  for (const signal of SIGNALS) proc.on(signal, onSignal);

  let timer: NodeJS.Timeout | null = null;
  if (options.watchParent ?? startedByNpm(proc.env)) {
    const parent = proc.ppid;
    timer = setInterval(() => {
      // An orphan is adopted by init (or a subreaper): its parent pid changes.
      if (proc.ppid === parent) return;
      clearInterval(timer!);
      request('parent exited');
    }, options.parentCheckMs ?? 1000);
    timer.unref();
  }

  return {
    requested,
    dispose() {
      for (const signal of SIGNALS) proc.off(signal, onSignal);
      if (timer) clearInterval(timer);
    },
  };
}

export interface RunUntilShutdownOptions extends WatchShutdownOptions {
  /** Longest the close may take before the process gives up on it and exits with code 1. */
  closeTimeoutMs?: number;
  exit?: (code: number) => void;
}

/** Waits for a reason to stop, then runs `close`: a second Ctrl-C, or a close that hangs, exits at once. */
export async function runUntilShutdown(close: () => Promise<void>, options: RunUntilShutdownOptions = {}): Promise<void> {
  await startUntilShutdown(async () => ({ close }), options);
}

/**
 * Runs `start` with the signals already watched, then waits for a reason to stop and closes what
 * it started. The monitor sends alerts before its API listens: a SIGTERM in that window would
 * otherwise kill the process mid-send; here it lets the start finish and then closes it as usual.
 * A start that fails stops the watch and throws.
 */
export async function startUntilShutdown<T extends { close(): Promise<void> }>(start: () => Promise<T>, options: RunUntilShutdownOptions = {}): Promise<T> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const watch = watchShutdown({ onForce: () => exit(1), ...options });
  let started: T;
  try {
    started = await start();
  } catch (err) {
    watch.dispose();
    throw err;
  }
  await watch.requested;
  const closeTimeoutMs = options.closeTimeoutMs ?? 30_000;
  const deadline = setTimeout(() => {
    write(`cyber8k: shutdown did not finish within ${closeTimeoutMs / 1000} s; exiting\n`);
    exit(1);
  }, closeTimeoutMs);
  try {
    await started.close();
  } finally {
    clearTimeout(deadline);
    watch.dispose();
  }
  return started;
}
