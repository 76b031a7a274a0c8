import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Database } from '../db/client.ts';
import { JOB_STATES, type JobState } from '../db/job-states.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { errorMessage, isAppError } from './errors.ts';
import { createLogger } from './logger.ts';
import { VERSION } from './version.ts';

// Exit codes (DESIGN.md §4.1): 0 ok, 1 runtime failure, 2 bad usage or configuration.
const EXIT_RUNTIME = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`cyber8k: ${message}\n`);
  process.exit(code);
}

function config(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, EXIT_USAGE);
    throw err;
  }
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

function syntheticOption(value: string): { from: string; businessDays: number; perDay: number } {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d+):(\d+)$/.exec(value);
  if (!m || Number(m[2]) < 1) throw new InvalidArgumentError('must be FROM:DAYS:PER_DAY, e.g. 2025-03-03:5:300');
  return { from: m[1]!, businessDays: Number(m[2]), perDay: Number(m[3]) };
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

/** Runs until SIGINT/SIGTERM, then closes what `start` opened. */
async function runUntilSignal(close: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stderr.write(`cyber8k: ${signal} received, shutting down\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await close();
}

/** Commands that only read EDGAR cannot do anything without a declared User-Agent. */
function requireUserAgent(cfg: Config): string {
  if (!cfg.edgarUserAgent) {
    throw new UsageError('this command reads EDGAR, which requires a declared User-Agent: set EDGAR_USER_AGENT="Your Company you@your-company.com"');
  }
  return cfg.edgarUserAgent;
}

/** Opens the configured database (migrating it), runs `fn`, and always closes it. */
async function withDatabase<T>(cfg: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../db/client.ts');
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function runMonitor(parts: { api: boolean; poll: boolean; discover?: boolean }): Promise<void> {
  const cfg = config();
  // Without the API, a monitor that may not poll would do nothing at all.
  if (!parts.api) requireUserAgent(cfg);
  const log = createLogger(cfg.logLevel);
  const { startMonitor } = await import('./monitor.ts');
  const monitor = await startMonitor({ config: cfg, log, ...parts });
  if (monitor.url) log.info(`API on ${monitor.url} — try ${monitor.url}/v1/filings, docs at ${monitor.url}/docs`);
  await runUntilSignal(() => monitor.close());
}

const program = new Command()
  .name('cyber8k')
  .description('Monitor SEC EDGAR for cybersecurity incident disclosures')
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command('start')
  .description('run the monitor: REST API + EDGAR poller + analysis (what `npm start` runs)')
  .action(() => runMonitor({ api: true, poll: true }));

program
  .command('serve')
  .description('run the REST API only')
  .action(() => runMonitor({ api: true, poll: false }));

program
  .command('poll')
  .description('run the EDGAR poller and analysis only, without the API')
  .action(() => runMonitor({ api: false, poll: true }));

program
  .command('work')
  .description('work the analysis queue only (no discovery, no API): extra workers beside a `start` on one PostgreSQL')
  .action(() => runMonitor({ api: false, poll: true, discover: false }));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    await withDatabase(config(), async () => {});
    process.stdout.write('migrations applied\n');
  });

program
  .command('backfill')
  .description('discover and analyze history from the EDGAR daily index, with progress; resumable after an interruption')
  .requiredOption('--from <date>', 'first filing date, YYYY-MM-DD (Item 1.05 took effect on 2023-12-18)')
  .option('--to <date>', 'last filing date, YYYY-MM-DD (default: yesterday)')
  .option('--no-analyze', 'only discover: queue the filings for a running monitor to analyze')
  .action(async (opts: { from: string; to?: string; analyze: boolean }) => {
    const { backfillRange } = await import('./ingest/backfill.ts');
    backfillRange(opts.from, opts.to, new Date()); // bad dates stop here, before anything opens
    const cfg = config();
    const userAgent = requireUserAgent(cfg);
    const log = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
    const { runBackfillCommand } = await import('./ingest/backfill-command.ts');
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    process.exitCode = await runBackfillCommand({
      config: cfg,
      log,
      userAgent,
      from: opts.from,
      to: opts.to,
      analyze: opts.analyze,
      signal: controller.signal,
    });
  });

program
  .command('jobs')
  .description('show the ingestion queue: counts by kind and state, and dead jobs with their errors')
  .addOption(new Option('--state <state>', 'list the jobs in this state').choices(JOB_STATES).default('dead'))
  .option('--limit <n>', 'how many jobs to list', (v) => Math.max(1, Math.floor(positiveNumber(v))), 50)
  .option('--retry-dead', 'put dead jobs back in the queue with fresh attempts', false)
  .action(async (opts: { state: JobState; limit: number; retryDead: boolean }) => {
    const { createJobRepository } = await import('../db/repositories/jobs.ts');
    await withDatabase(config(), async (database) => {
      const jobs = createJobRepository({ db: database.db });
      if (opts.retryDead) process.stdout.write(`requeued ${await jobs.retryDead()} dead jobs\n`);
      const counts = await jobs.counts();
      process.stdout.write(counts.length === 0 ? 'no jobs\n' : `${counts.map((c) => `${c.kind} ${c.state}: ${c.count}`).join('\n')}\n`);
      const listed = await jobs.list({ state: opts.state, limit: opts.limit });
      if (listed.length > 0) process.stdout.write(`\n${opts.state} jobs:\n`);
      for (const job of listed) {
        process.stdout.write(`  #${job.id} ${job.kind} ${job.key} attempts ${job.attempts}/${job.maxAttempts}${job.lastError ? ` — ${job.lastError}` : ''}\n`);
      }
    });
  });

program
  .command('reanalyze')
  .description('re-run the current analyzer over stored filings analyzed by an older version (no EDGAR requests)')
  .option('--all', 're-analyze every stored filing, whatever its analyzer version', false)
  .action(async (opts: { all: boolean }) => {
    const { reanalyzeStored } = await import('./ingest/reanalyze.ts');
    const { ANALYZER_VERSION } = await import('./analysis/index.ts');
    await withDatabase(config(), async (database) => {
      const progress = (n: number) => process.stderr.isTTY && process.stderr.write(`\rre-analyzed ${n} filings…`);
      const result = await reanalyzeStored({ database, all: opts.all, onProgress: progress });
      if (process.stderr.isTTY) process.stderr.write('\n');
      for (const c of result.changed) process.stdout.write(`${c.accessionNumber}: ${c.before} → ${c.after}\n`);
      for (const f of result.failed) process.stderr.write(`${f.accessionNumber}: failed: ${f.error}\n`);
      process.stdout.write(
        `re-analyzed ${result.reanalyzed} filings with analyzer ${ANALYZER_VERSION}: ${result.changed.length} changed, ${result.failed.length} failed\n`,
      );
      if (result.failed.length > 0) process.exitCode = EXIT_RUNTIME;
    });
  });

program
  .command('replay')
  .description('run the EDGAR replay server: real filings over sec.gov URL shapes, on loopback')
  .option('--corpus <dir>', 'folder of filings to serve (default: the committed corpus of real filings)')
  .option('--port <port>', 'port to listen on', port, 8510)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--speed <factor>', 'compress the release timeline by this factor', positiveNumber, 1)
  .option('--synthetic <from:days:perDay>', 'add volume: perDay filings a weekday for days weekdays from a date, re-accessioned from the real ones (e.g. 2025-03-03:5:300)', syntheticOption)
  .action(async (opts: { corpus?: string; port: number; host: string; speed: number; synthetic?: { from: string; businessDays: number; perDay: number } }) => {
    const { runReplayCommand } = await import('./replay/index.ts');
    const { DEMO_CORPUS } = await import('./demo.ts');
    await runReplayCommand({ ...opts, corpus: opts.corpus ?? DEMO_CORPUS });
  });

program
  .command('demo')
  .description('offline demo: the replay server on loopback plus the monitor pointed at it')
  .option('--speed <factor>', 'compress the release timeline by this factor', positiveNumber, 1)
  .action(async (opts: { speed: number }) => {
    const { runDemo } = await import('./demo.ts');
    await runDemo({ speed: opts.speed, env: process.env, runUntilSignal });
  });

program
  .command('analyze')
  .description('analyze local filings (complete submission .txt, HTML, inline XBRL, PDF or text)')
  .argument('<files...>', 'files to analyze')
  .option('--json', 'print one JSON object per file (JSON Lines)', false)
  .action(async (files: string[], opts: { json: boolean }) => {
    const { runAnalyzeCommand } = await import('./analysis/analyze-command.ts');
    process.exitCode = await runAnalyzeCommand(files, { json: opts.json });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
  }
  if (err instanceof UsageError) fail(err.message, EXIT_USAGE);
  // A date range that cannot be read is the caller's mistake, not a runtime failure.
  if (isAppError(err) && (err.code === 'backfill.bad_range' || err.code === 'edgar.bad_date')) fail(err.message, EXIT_USAGE);
  if (isAppError(err)) fail(err.message, EXIT_RUNTIME);
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    fail(`${errorMessage(err)} — another program is using this port; set PORT to a free one`, EXIT_RUNTIME);
  }
  fail(errorMessage(err), EXIT_RUNTIME);
}
