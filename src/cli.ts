// The `cyber8k` command line: commander's wiring of the options to the commands in src/commands/,
// and the one place that turns an error into its exit code (DESIGN.md §4.1).

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { JOB_STATES, type JobState } from '../db/job-states.ts';
import { API_KEY_SCOPES, type ApiKeyScope } from './auth/api-keys.ts';
import { EXIT_RUNTIME, EXIT_USAGE, UsageError } from './commands/context.ts';
import { errorMessage, isAppError } from './errors.ts';
import { scrubSecrets } from './secrets.ts';
import { VERSION } from './version.ts';

function fail(message: string, code: number): never {
  // An error from a driver or library may quote a connection URL with its password.
  process.stderr.write(`cyber8k: ${scrubSecrets(message)}\n`);
  process.exit(code);
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

async function monitorCommand(parts: { api: boolean; poll: boolean; discover?: boolean }): Promise<void> {
  const { monitorCommand: run } = await import('./commands/monitor.ts');
  await run(parts);
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
  .action(() => monitorCommand({ api: true, poll: true }));

program
  .command('serve')
  .description('run the REST API only')
  .action(() => monitorCommand({ api: true, poll: false }));

program
  .command('poll')
  .description('run the EDGAR poller and analysis only, without the API')
  .action(() => monitorCommand({ api: false, poll: true }));

program
  .command('work')
  .description('work the analysis queue only (no discovery, no API): extra workers beside a `start` on one PostgreSQL')
  .action(() => monitorCommand({ api: false, poll: true, discover: false }));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const { migrateCommand } = await import('./commands/migrate.ts');
    await migrateCommand();
  });

program
  .command('backfill')
  .description('discover and analyze history from the EDGAR daily index, with progress; resumable after an interruption')
  .requiredOption('--from <date>', 'first filing date, YYYY-MM-DD (Item 1.05 took effect on 2023-12-18)')
  .option('--to <date>', 'last filing date, YYYY-MM-DD (default: yesterday)')
  .option('--no-analyze', 'only discover: queue the filings for a running monitor to analyze')
  .action(async (opts: { from: string; to?: string; analyze: boolean }) => {
    const { backfillCommand } = await import('./commands/backfill.ts');
    process.exitCode = await backfillCommand(opts);
  });

program
  .command('jobs')
  .description('show the ingestion queue: counts by kind and state, and dead jobs with their errors')
  .addOption(new Option('--state <state>', 'list the jobs in this state').choices(JOB_STATES).default('dead'))
  .option('--limit <n>', 'how many jobs to list', (v) => Math.max(1, Math.floor(positiveNumber(v))), 50)
  .option('--retry-dead', 'put dead jobs back in the queue with fresh attempts', false)
  .action(async (opts: { state: JobState; limit: number; retryDead: boolean }) => {
    const { jobsCommand } = await import('./commands/jobs.ts');
    await jobsCommand(opts);
  });

program
  .command('reanalyze')
  .description('re-run the current analyzer over stored filings analyzed by an older version (no EDGAR requests)')
  .option('--all', 're-analyze every stored filing, whatever its analyzer version', false)
  .action(async (opts: { all: boolean }) => {
    const { reanalyzeCommand } = await import('./commands/reanalyze.ts');
    process.exitCode = await reanalyzeCommand(opts);
  });

const incidents = program
  .command('incidents')
  .description('list the incidents threaded from analyzed filings, most recent activity first')
  .option('--cik <cik>', 'only this company (CIK, with or without leading zeros)')
  .option('--ticker <ticker>', 'only the company listing this ticker (any case), e.g. UNH')
  .option('--json', 'one JSON object per incident (JSON Lines), as GET /v1/incidents serves it', false)
  .action(async (opts: { cik?: string; ticker?: string; json: boolean }) => {
    const { listIncidentsCommand } = await import('./commands/incidents.ts');
    process.exitCode = await listIncidentsCommand(opts);
  });

incidents
  .command('rebuild')
  .description('rethread every company from the stored analyses (same result as threading them as they arrived)')
  .action(async () => {
    const { rebuildIncidentsCommand } = await import('./commands/incidents.ts');
    process.exitCode = await rebuildIncidentsCommand();
  });

incidents
  .command('merge')
  .description("merge incident B into incident A (B's filings join A; B is retracted), as a user's correction every rebuild keeps")
  .argument('<a>', 'the incident that stays (its number, as `cyber8k incidents` shows)')
  .argument('<b>', 'the incident merged into it')
  .action(async (a: string, b: string) => {
    const { mergeIncidentsCommand } = await import('./commands/incidents.ts');
    process.exitCode = await mergeIncidentsCommand(a, b);
  });

incidents
  .command('split')
  .description('take a filing out of an incident into an incident of its own, as a user\'s correction every rebuild keeps')
  .argument('<incident>', 'the incident number')
  .argument('<accession>', 'the accession number of the filing that leaves it')
  .action(async (incident: string, accession: string) => {
    const { splitIncidentCommand } = await import('./commands/incidents.ts');
    process.exitCode = await splitIncidentCommand(incident, accession);
  });

const keys = program.command('keys').description('API keys: create (shown once, stored hashed), list, revoke');

keys
  .command('create')
  .description('create an API key and print it, once (--json: {"id","key"})')
  .requiredOption('--name <name>', 'what the key is for, e.g. "risk team Slack bot"')
  .addOption(new Option('--scope <scope>', 'feed: the Atom feed only, sent in its URL (?token=); read: reads (when API_READ_AUTH=key); alerts: also subscriptions; admin: everything').choices(API_KEY_SCOPES).default('read'))
  .option('--rate-limit <perMinute>', 'requests a minute the key may make', (v) => Math.max(1, Math.floor(positiveNumber(v))))
  .option('--json', 'print {"id","key"}', false)
  .action(async (opts: { name: string; scope: ApiKeyScope; rateLimit?: number; json: boolean }) => {
    const { createKeyCommand } = await import('./commands/keys.ts');
    process.exitCode = await createKeyCommand(opts);
  });

keys
  .command('list')
  .description('list the API keys (never the keys themselves)')
  .option('--json', 'one JSON object per key (JSON Lines)', false)
  .action(async (opts: { json: boolean }) => {
    const { listKeysCommand } = await import('./commands/keys.ts');
    process.exitCode = await listKeysCommand(opts);
  });

keys
  .command('revoke')
  .description('revoke an API key: requests with it get 401 from then on')
  .argument('<id>', 'the key number `keys list` shows')
  .action(async (id: string) => {
    const { revokeKeyCommand } = await import('./commands/keys.ts');
    process.exitCode = await revokeKeyCommand(id);
  });

program
  .command('report')
  .description('build one weekly disclosure report (ISO week by EDGAR filing date) from the database')
  .option('--week <week>', 'ISO week, e.g. 2025-W42 (default: the last complete week)')
  .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'csv', 'json']).default('md'))
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--base-url <url>', "prefix of the report's links to this API, e.g. https://cyber8k.example.com")
  .action(async (opts: { week?: string; format: string; out?: string; baseUrl?: string }) => {
    const { reportCommand } = await import('./commands/report.ts');
    process.exitCode = await reportCommand(opts);
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
    const { runReplayCommand } = await import('./commands/replay.ts');
    await runReplayCommand(opts);
  });

program
  .command('demo')
  .description('offline demo: the replay server on loopback plus the monitor pointed at it')
  .option('--speed <factor>', 'compress the release timeline by this factor', positiveNumber, 1)
  .option('--no-alerts', 'no webhook receiver, demo subscriptions or alert lines')
  .action(async (opts: { speed: number; alerts: boolean }) => {
    const { runDemo } = await import('./commands/demo.ts');
    await runDemo({ speed: opts.speed, alerts: opts.alerts });
  });

program
  .command('analyze')
  .description('analyze local filings (complete submission .txt, HTML, inline XBRL, PDF or text)')
  .argument('<files...>', 'files to analyze')
  .option('--json', 'print one JSON object per file (JSON Lines)', false)
  .action(async (files: string[], opts: { json: boolean }) => {
    const { runAnalyzeCommand } = await import('./commands/analyze.ts');
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
