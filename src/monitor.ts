import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createFilingRepository } from '../db/repositories/filings.ts';
import { createJobRepository } from '../db/repositories/jobs.ts';
import { createPollStateRepository } from '../db/repositories/poll-state.ts';
import type { Config } from './config.ts';
import { createEdgarClient, type EdgarClient } from './edgar/client.ts';
import { ANALYZE_FILING, createAnalyzeFilingHandler, filingFailureRecorder } from './ingest/analyze-filing-job.ts';
import { analyzeSubmission } from './ingest/analyze-submission.ts';
import { createFeedPoller } from './ingest/feed-poller.ts';
import { startPollLoop, type PollLoop } from './ingest/poll-loop.ts';
import { createWorker, type Worker } from './ingest/worker.ts';
import { redactUrl, type Logger } from './logger.ts';

export interface Monitor {
  database: Database;
  app: FastifyInstance | null;
  poller: PollLoop | null;
  worker: Worker | null;
  /** Base URL the API listens on, when it does. */
  url: string | null;
  close(): Promise<void>;
}

export interface StartMonitorOptions {
  config: Config;
  log: Logger;
  /** Serve the REST API (default true). */
  api?: boolean;
  /** Poll EDGAR and analyze filings (default true; needs EDGAR_USER_AGENT). */
  poll?: boolean;
}

export const USER_AGENT_HINT =
  'EDGAR_USER_AGENT is not set, so cyber8k serves the API but does not poll EDGAR. ' +
  'SEC requires every client to declare who it is: set EDGAR_USER_AGENT="Your Company you@your-company.com" and restart ' +
  '(or run `npm run demo` to watch it work offline against the replay server).';

/** Opens the database, then starts the API, the feed poller and the analysis worker as asked. */
export async function startMonitor(options: StartMonitorOptions): Promise<Monitor> {
  const { config, log } = options;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  log.info(
    database.kind === 'postgres'
      ? `database: PostgreSQL at ${redactUrl(config.databaseUrl ?? '')}`
      : `database: embedded PGlite in ${config.dataDir}`,
  );

  let app: FastifyInstance | null = null;
  let url: string | null = null;
  let poller: PollLoop | null = null;
  let worker: Worker | null = null;
  let edgar: EdgarClient | null = null;
  try {
    if (options.api ?? true) {
      app = await buildApp({ database, logger: log });
      url = await app.listen({ port: config.port, host: config.host });
    }
    if (options.poll ?? true) {
      if (!config.edgarUserAgent) {
        log.warn(USER_AGENT_HINT);
      } else {
        edgar = createEdgarClient({
          userAgent: config.edgarUserAgent,
          baseUrls: { www: config.edgarWwwUrl, data: config.edgarDataUrl, efts: config.edgarEftsUrl },
          requestsPerSecond: config.edgarRequestsPerSecond,
          timeoutMs: config.edgarTimeoutMs,
          log,
        });
        const filings = createFilingRepository({ db: database.db });
        const jobs = createJobRepository({ db: database.db });
        const feed = createFeedPoller({
          edgar,
          filings,
          pollState: createPollStateRepository({ db: database.db }),
          log,
          maxPages: config.pollMaxPages,
        });
        worker = createWorker({
          jobs,
          handlers: { [ANALYZE_FILING]: createAnalyzeFilingHandler({ edgar, filings, analyzeSubmission, log }) },
          onFailure: filingFailureRecorder(filings),
          log,
          idleMs: Math.min(1000, config.pollIntervalSeconds * 1000),
        });
        worker.start();
        poller = startPollLoop({
          name: 'reading the EDGAR feed',
          // While SEC's rate-limit pause lasts, skip quietly: the breaker said so loudly when it tripped.
          cycle: async (signal) => (edgar!.breaker.remainingMs() > 0 ? undefined : feed.pollOnce(signal)),
          intervalMs: config.pollIntervalSeconds * 1000,
          log,
        });
        log.info(`polling ${config.edgarWwwUrl} every ${config.pollIntervalSeconds} s`);
      }
    }
  } catch (err) {
    await worker?.stop();
    await app?.close();
    await database.close();
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    database,
    app,
    poller,
    worker,
    url,
    close() {
      closing ??= (async () => {
        await poller?.stop();
        await worker?.stop();
        await app?.close();
        await edgar?.close();
        await database.close();
      })();
      return closing;
    },
  };
}
