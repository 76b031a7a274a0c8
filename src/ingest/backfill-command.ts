import { openDatabase } from '../../db/client.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { runBackfill } from './backfill.ts';
import { createProgressReporter } from './progress.ts';
import { createIngestionServices, formsWithAmendments } from './services.ts';

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

/**
 * `cyber8k backfill`: discovers history from the daily index (resumable: an interrupted run
 * continues where it stopped), then analyzes what it queued unless told not to.
 */
export async function runBackfillCommand(options: BackfillCommandOptions): Promise<number> {
  const { config, log, signal } = options;
  const out = options.out ?? process.stdout;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const services = createIngestionServices({ database, config, log, userAgent: options.userAgent });
  const progress = createProgressReporter();
  try {
    const result = await runBackfill({
      database,
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
    const counts = await services.jobs.counts();
    const dead = counts.filter((c) => c.state === 'dead').reduce((n, c) => n + c.count, 0);
    out.write(`analyzed ${analyzed} filings${dead ? `; ${dead} set aside as dead (see \`cyber8k jobs\`)` : ''}\n`);
    return signal.aborted ? 1 : 0;
  } finally {
    progress.done();
    await services.edgar.close();
    await database.close();
  }
}
