// `cyber8k backfill --from DATE [--to DATE] [--no-analyze]`: discovers history from the daily index
// (resumable: an interrupted run continues where it stopped), then analyzes what it queued unless
// told not to. Ctrl-C stops after the current request and says how to resume.

import { openDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Config } from '../config.ts';
import { backfillRange, runBackfill } from '../ingest/backfill.ts';
import { createProgressReporter } from '../ingest/progress.ts';
import { createIngestionServices, formsWithAmendments } from '../ingest/services.ts';
import { createLogger, type Logger } from '../logger.ts';
import { commandConfig, requireUserAgent } from './context.ts';

export interface BackfillCommandOptions {
  config: Config;
  log: Logger;
  userAgent: string;
  from: string;
  to?: string;
  analyze: boolean;
  signal: AbortSignal;
  out?: NodeJS.WritableStream;
}

/** The command as the CLI runs it: checks the range before anything opens, stops on SIGINT/SIGTERM. */
export async function backfillCommand(opts: { from: string; to?: string; analyze: boolean }): Promise<number> {
  backfillRange(opts.from, opts.to, new Date()); // bad dates stop here, before anything opens
  const config = commandConfig();
  const userAgent = requireUserAgent(config);
  // The progress bar is the output; info lines would break it up.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  return runBackfillCommand({ config, log, userAgent, from: opts.from, to: opts.to, analyze: opts.analyze, signal: controller.signal });
}

/** Backfills, then (unless told not to) analyzes; returns the exit code. */
export async function runBackfillCommand(options: BackfillCommandOptions): Promise<number> {
  const { config, log, signal } = options;
  const out = options.out ?? process.stdout;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const repositories = createRepositories(database.db);
  const services = createIngestionServices({ repositories, config, log, userAgent: options.userAgent });
  const progress = createProgressReporter();
  try {
    const result = await runBackfill({
      repositories,
      edgar: services.edgar,
      log,
      from: options.from,
      to: options.to,
      forms: formsWithAmendments(config.pollForms),
      onProgress: (p) => progress.update(p),
      signal,
    });
    progress.done();
    out.write(
      `backfill ${result.from} → ${result.to}: ${result.daysDone} days read, ${result.daysSkipped} already done, ` +
        `${result.listed} filings listed, ${result.discovered} new, ${result.alreadyKnown} already known` +
        `${result.daysWithoutIndex.length ? `, no index on ${result.daysWithoutIndex.length} days (holidays)` : ''}\n`,
    );
    if (result.interrupted) {
      out.write('interrupted: run the same command again to continue where it stopped\n');
      return 1;
    }
    if (!options.analyze) return 0;

    const worker = services.createAnalysisWorker({ idleMs: 200 });
    const stop = () => void worker.stop();
    signal.addEventListener('abort', stop, { once: true });
    const analyzed = await worker.drain();
    signal.removeEventListener('abort', stop);
    const counts = await repositories.jobs.counts();
    const dead = counts.filter((c) => c.state === 'dead').reduce((n, c) => n + c.count, 0);
    out.write(`analyzed ${analyzed} filings${dead ? `; ${dead} set aside as dead (see \`cyber8k jobs\`)` : ''}\n`);
    return signal.aborted ? 1 : 0;
  } finally {
    progress.done();
    await services.analysisPool.close();
    await services.edgar.close();
    await database.close();
  }
}
