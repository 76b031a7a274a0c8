// `cyber8k reanalyze [--all]`: re-runs the current analyzer over the stored filings an older
// version analyzed (their kept sources: no EDGAR request), printing what changed.

import { createRepositories } from '../../db/repositories/index.ts';
import { ANALYZER_VERSION } from '../analysis/index.ts';
import { reanalyzeStored } from '../ingest/reanalyze.ts';
import { commandConfig, EXIT_OK, EXIT_RUNTIME, processIo, withDatabase, type CommandIo } from './context.ts';

/** Returns the exit code: 1 when a filing could not be re-analyzed. */
export async function reanalyzeCommand(opts: { all: boolean }, io: CommandIo = processIo): Promise<number> {
  return withDatabase(commandConfig(), async (database) => {
    const progress = (n: number) => io.stderr.isTTY && io.stderr.write(`\rre-analyzed ${n} filings…`);
    const result = await reanalyzeStored({ repositories: createRepositories(database.db), all: opts.all, onProgress: progress });
    if (io.stderr.isTTY) io.stderr.write('\n');
    for (const c of result.changed) io.stdout.write(`${c.accessionNumber}: ${c.before} → ${c.after}\n`);
    for (const f of result.failed) io.stderr.write(`${f.accessionNumber}: failed: ${f.error}\n`);
    io.stdout.write(
      `re-analyzed ${result.reanalyzed} filings with analyzer ${ANALYZER_VERSION}: ${result.changed.length} changed, ${result.failed.length} failed\n`,
    );
    return result.failed.length > 0 ? EXIT_RUNTIME : EXIT_OK;
  });
}
