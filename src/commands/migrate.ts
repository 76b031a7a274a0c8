// `cyber8k migrate`: applies the pending database migrations and exits.

import { commandConfig, processIo, withDatabase, type CommandIo } from './context.ts';

export async function migrateCommand(io: CommandIo = processIo): Promise<void> {
  await withDatabase(commandConfig(), async () => {});
  io.stdout.write('migrations applied\n');
}
