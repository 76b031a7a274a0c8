// `cyber8k report [--week 2025-W42] [--format md|html|csv|json] [--out FILE]`: one weekly report
// from the database (the stored one of this analyzer version when the scheduler built it), to
// stdout or a file. Without --week: the last complete week, by the injected clock.

import { writeFile } from 'node:fs/promises';
import { createRepositories } from '../../db/repositories/index.ts';
import { isAppError } from '../errors.ts';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../reports/render/index.ts';
import { lastCompleteWeek } from '../reports/week.ts';
import { assertReportableWeek, weeklyReport } from '../reports/weekly.usecase.ts';
import { commandConfig, EXIT_OK, EXIT_USAGE, processIo, withDatabase, type CommandIo } from './context.ts';

export interface ReportCommandOptions {
  week?: string;
  format: string;
  out?: string;
  baseUrl?: string;
}

export async function reportCommand(opts: ReportCommandOptions, io: CommandIo = processIo, now: () => Date = () => new Date()): Promise<number> {
  if (!REPORT_FORMATS.includes(opts.format as ReportFormat)) {
    io.stderr.write(`cyber8k report: --format must be one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}\n`);
    return EXIT_USAGE;
  }
  let week: string;
  try {
    week = assertReportableWeek(opts.week ?? lastCompleteWeek(now()), now());
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.stderr.write(`cyber8k report: --week: ${err.message}\n`);
    return EXIT_USAGE;
  }
  return withDatabase(commandConfig(), async (database) => {
    const { model } = await weeklyReport(createRepositories(database.db).reports, week);
    const text = renderReport(model, opts.format as ReportFormat, { baseUrl: opts.baseUrl });
    if (opts.out) {
      await writeFile(opts.out, text);
      io.stderr.write(`wrote the ${opts.format} report of ${week} to ${opts.out}\n`);
    } else {
      io.stdout.write(text);
    }
    return EXIT_OK;
  });
}
