// `cyber8k incidents [--cik N] [--ticker T] [--json]` lists the threaded incidents; `cyber8k incidents rebuild`
// rethreads every company from the stored analyses (no EDGAR request, no re-analysis); `merge A B`
// and `split INCIDENT ACCESSION` record a person's corrections, which every later rethread keeps.

import { createRepositories, type IncidentWithFilings } from '../../db/repositories/index.ts';
import type { ListCursor } from '../../db/repositories/filings.ts';
import { padCik } from '../edgar/urls.ts';
import { toIncidentDto } from '../../api/routes/incidents.ts';
import { mergeIncidents, splitIncident } from '../incidents/corrections.usecase.ts';
import { rebuildIncidents } from '../incidents/rethread.usecase.ts';
import { isAppError } from '../errors.ts';
import { commandConfig, EXIT_OK, EXIT_USAGE, processIo, withDatabase, type CommandIo } from './context.ts';

export interface ListIncidentsOptions {
  cik?: string;
  ticker?: string;
  json: boolean;
}

const TICKER = /^[A-Za-z0-9][A-Za-z0-9.-]{0,9}$/;

export async function listIncidentsCommand(opts: ListIncidentsOptions, io: CommandIo = processIo): Promise<number> {
  if (opts.cik !== undefined && !/^\d{1,10}$/.test(opts.cik)) {
    io.stderr.write(`cyber8k incidents: --cik must be a CIK (1 to 10 digits), got ${JSON.stringify(opts.cik)}\n`);
    return EXIT_USAGE;
  }
  if (opts.ticker !== undefined && !TICKER.test(opts.ticker)) {
    io.stderr.write(`cyber8k incidents: --ticker must be a ticker symbol such as UNH or BRK-B, got ${JSON.stringify(opts.ticker)}\n`);
    return EXIT_USAGE;
  }
  const filters = { ...(opts.cik ? { cik: padCik(opts.cik) } : {}), ...(opts.ticker ? { ticker: opts.ticker.toUpperCase() } : {}) };
  return withDatabase(commandConfig(), async (database) => {
    const { incidents } = createRepositories(database.db);
    let after: ListCursor | undefined;
    do {
      const page = await incidents.list(filters, { limit: 100, after });
      // --json prints what GET /v1/incidents serves, one incident a line.
      for (const incident of page.rows) io.stdout.write(opts.json ? `${JSON.stringify(toIncidentDto(incident))}\n` : summary(incident));
      after = page.next ?? undefined;
    } while (after);
    return EXIT_OK;
  });
}

function summary(i: IncidentWithFilings): string {
  const filings = i.filings.map((f) => `    ${f.filedAt} ${f.form.padEnd(6)} ${f.accessionNumber} ${f.role}${f.linkedBy === 'user' ? ' [linked by a user]' : ''} (${f.reason}, ${f.confidence})`).join('\n');
  const tickers = i.tickers.length > 0 ? ` (${i.tickers.join(', ')})` : '';
  return `#${i.id} ${i.title}${tickers} [${i.status}${i.itemPath ? `, ${i.itemPath}` : ''}${i.materialImpact ? `, ${i.materialImpact}` : ''}]\n${filings}\n`;
}

/** `now` reads the clock for the elapsed time it prints (injectable). */
export async function rebuildIncidentsCommand(io: CommandIo = processIo, now: () => number = () => performance.now()): Promise<number> {
  return withDatabase(commandConfig(), async (database) => {
    const started = now();
    const progress = (done: number, total: number) => io.stderr.isTTY && io.stderr.write(`\rrethreaded ${done}/${total} companies…`);
    const result = await rebuildIncidents(createRepositories(database.db), { onProgress: progress });
    if (io.stderr.isTTY) io.stderr.write('\n');
    const seconds = (now() - started) / 1000;
    io.stdout.write(`rebuilt ${result.incidents} incidents of ${result.companies} companies in ${seconds.toFixed(2)} s; ${result.events} events written\n`);
    return EXIT_OK;
  });
}

const INCIDENT_ID = /^[1-9]\d{0,15}$/;
const ACCESSION = /^\d{10}-\d{2}-\d{6}$/;

/** A correction's refusal (no such incident, two companies, …) is the caller's mistake: exit 2 with its reason. */
async function correcting(name: string, io: CommandIo, run: () => Promise<string>): Promise<number> {
  try {
    io.stdout.write(`${await run()}\n`);
    return EXIT_OK;
  } catch (err) {
    if (isAppError(err) && err.statusCode < 500) {
      io.stderr.write(`cyber8k incidents ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

/** `cyber8k incidents merge A B`: B's filings join incident A, recorded as a user's link. */
export async function mergeIncidentsCommand(into: string, from: string, io: CommandIo = processIo): Promise<number> {
  for (const id of [into, from]) {
    if (!INCIDENT_ID.test(id)) {
      io.stderr.write(`cyber8k incidents merge: an incident is named by its number (as \`cyber8k incidents\` shows, without #), got ${JSON.stringify(id)}\n`);
      return EXIT_USAGE;
    }
  }
  return withDatabase(commandConfig(), (database) =>
    correcting('merge', io, async () => {
      const result = await mergeIncidents(createRepositories(database.db), Number(into), Number(from));
      return `merged incident #${from} into #${result.incidentId} (correction ${result.correction}, kept by every rebuild); #${from} is retracted; ${result.events} events written`;
    }),
  );
}

/** `cyber8k incidents split INCIDENT ACCESSION`: the filing leaves the incident and starts its own. */
export async function splitIncidentCommand(id: string, accession: string, io: CommandIo = processIo): Promise<number> {
  if (!INCIDENT_ID.test(id)) {
    io.stderr.write(`cyber8k incidents split: an incident is named by its number (as \`cyber8k incidents\` shows, without #), got ${JSON.stringify(id)}\n`);
    return EXIT_USAGE;
  }
  if (!ACCESSION.test(accession)) {
    io.stderr.write(`cyber8k incidents split: ACCESSION must be an accession number like 0001193125-24-040749, got ${JSON.stringify(accession)}\n`);
    return EXIT_USAGE;
  }
  return withDatabase(commandConfig(), (database) =>
    correcting('split', io, async () => {
      const result = await splitIncident(createRepositories(database.db), Number(id), accession);
      return `split ${accession} off incident #${id}: it is incident #${result.incidentId} now (correction ${result.correction}, kept by every rebuild); ${result.events} events written`;
    }),
  );
}
