// `cyber8k incidents [--cik N] [--json]` lists the threaded incidents; `cyber8k incidents rebuild`
// rethreads every company from the stored analyses (no EDGAR request, no re-analysis).

import { createRepositories, type IncidentWithFilings } from '../../db/repositories/index.ts';
import type { ListCursor } from '../../db/repositories/filings.ts';
import { padCik } from '../edgar/urls.ts';
import { commandConfig, EXIT_OK, EXIT_USAGE, processIo, withDatabase, type CommandIo } from './context.ts';

export async function listIncidentsCommand(opts: { cik?: string; json: boolean }, io: CommandIo = processIo): Promise<number> {
  if (opts.cik !== undefined && !/^\d{1,10}$/.test(opts.cik)) {
    io.stderr.write(`cyber8k incidents: --cik must be a CIK (1 to 10 digits), got ${JSON.stringify(opts.cik)}\n`);
    return EXIT_USAGE;
  }
  return withDatabase(commandConfig(), async (database) => {
    const { incidents } = createRepositories(database.db);
    let after: ListCursor | undefined;
    do {
      const page = await incidents.list(opts.cik ? { cik: padCik(opts.cik) } : {}, { limit: 100, after });
      for (const incident of page.rows) io.stdout.write(opts.json ? `${JSON.stringify(incident)}\n` : summary(incident));
      after = page.next ?? undefined;
    } while (after);
    return EXIT_OK;
  });
}

function summary(i: IncidentWithFilings): string {
  const filings = i.filings.map((f) => `    ${f.filedAt} ${f.form.padEnd(6)} ${f.accessionNumber} ${f.role} (${f.reason}, ${f.confidence})`).join('\n');
  return `#${i.id} ${i.title} [${i.status}${i.itemPath ? `, ${i.itemPath}` : ''}${i.materialImpact ? `, ${i.materialImpact}` : ''}]\n${filings}\n`;
}

/** `now` reads the clock for the elapsed time it prints (injectable). */
export async function rebuildIncidentsCommand(io: CommandIo = processIo, now: () => number = () => performance.now()): Promise<number> {
  return withDatabase(commandConfig(), async (database) => {
    const started = now();
    const progress = (done: number, total: number) => io.stderr.isTTY && io.stderr.write(`\rrethreaded ${done}/${total} companies…`);
    const result = await createRepositories(database.db).incidents.rebuild(progress);
    if (io.stderr.isTTY) io.stderr.write('\n');
    const seconds = (now() - started) / 1000;
    io.stdout.write(`rebuilt ${result.incidents} incidents of ${result.companies} companies in ${seconds.toFixed(2)} s; ${result.events} events written\n`);
    return EXIT_OK;
  });
}
