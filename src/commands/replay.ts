// `cyber8k replay --corpus <dir> [--port 8510] [--host 127.0.0.1] [--speed N]`: runs the replay
// server in the foreground, prints its base URL and one line per released filing, and stops on
// SIGINT/SIGTERM. The CLI parses the flags and calls this.

import { createReplayServer, DEMO_CORPUS, type SyntheticOptions } from '../replay/index.ts';

export interface ReplayCommandOptions {
  /** Folder of filings to serve (default: the committed corpus of real filings). */
  corpus?: string;
  port: number;
  host: string;
  speed: number;
  /** Adds synthetic filings derived from the corpus (volume for backfill and load tests). */
  synthetic?: SyntheticOptions;
  /** Where lines go (default stdout). */
  print?: (line: string) => void;
  /** Stops the server when aborted, besides SIGINT/SIGTERM (for tests and embedding). */
  signal?: AbortSignal;
}

/** Resolves once the server has stopped. */
export async function runReplayCommand(opts: ReplayCommandOptions): Promise<void> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Hold log lines (corpus summary, filings public at start) until the base URL has been printed.
  let held: string[] | undefined = [];
  const log = (line: string): void => {
    if (held) held.push(line);
    else print(line);
  };
  const server = await createReplayServer({ corpusDir: opts.corpus ?? DEMO_CORPUS, speed: opts.speed, log, ...(opts.synthetic ? { synthetic: opts.synthetic } : {}) });
  const base = await server.listen({ port: opts.port, host: opts.host });
  print(`EDGAR replay server on ${base} (speed ${opts.speed}); point www.sec.gov, data.sec.gov and efts.sec.gov base URLs at it. Ctrl-C stops.`);
  for (const line of held) print(line);
  held = undefined;

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      opts.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
  });
  await server.close();
  const s = server.stats;
  print(`replay server stopped: ${s.requests} requests, peak ${s.peakPerSecond()}/s, ${s.rateLimited} rate-limited, ${s.undeclaredUserAgent} undeclared User-Agent`);
}
