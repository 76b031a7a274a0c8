// `cyber8k jobs [--state S] [--limit N] [--retry-dead]`: the ingestion queue, counts by kind and
// state, and the jobs in one state (dead by default) with their errors.

import type { JobState } from '../../db/job-states.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { commandConfig, processIo, withDatabase, type CommandIo } from './context.ts';

export interface JobsCommandOptions {
  state: JobState;
  limit: number;
  retryDead: boolean;
}

export async function jobsCommand(opts: JobsCommandOptions, io: CommandIo = processIo): Promise<void> {
  await withDatabase(commandConfig(), async (database) => {
    const { jobs } = createRepositories(database.db);
    if (opts.retryDead) io.stdout.write(`requeued ${await jobs.retryDead()} dead jobs\n`);
    const counts = await jobs.counts();
    io.stdout.write(counts.length === 0 ? 'no jobs\n' : `${counts.map((c) => `${c.kind} ${c.state}: ${c.count}`).join('\n')}\n`);
    const listed = await jobs.list({ state: opts.state, limit: opts.limit });
    if (listed.length > 0) io.stdout.write(`\n${opts.state} jobs:\n`);
    for (const job of listed) {
      io.stdout.write(`  #${job.id} ${job.kind} ${job.key} attempts ${job.attempts}/${job.maxAttempts}${job.lastError ? ` — ${job.lastError}` : ''}\n`);
    }
  });
}
