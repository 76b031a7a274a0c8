// What every command shares: the exit codes, the configuration as the environment gives it (a bad
// setting is a usage error), the User-Agent check of the commands that read EDGAR, and the
// database a one-shot command opens and always closes.

import type { Database } from '../../db/client.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { runUntilShutdown, startUntilShutdown } from '../shutdown.ts';

// Exit codes (DESIGN.md §4.1): 0 ok, 1 runtime failure, 2 bad usage or configuration.
export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;

/** The caller's mistake (a missing setting, a bad option): one line on stderr, exit 2. */
export class UsageError extends Error {}

/** The configuration from the environment; a bad setting is a UsageError. */
export function commandConfig(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** Commands that read EDGAR cannot do anything without a declared User-Agent. */
export function requireUserAgent(cfg: Config): string {
  if (!cfg.edgarUserAgent) {
    throw new UsageError('this command reads EDGAR, which requires a declared User-Agent: set EDGAR_USER_AGENT="Your Company you@your-company.com"');
  }
  return cfg.edgarUserAgent;
}

/** Opens the configured database (migrating it), runs `fn`, and always closes it. */
export async function withDatabase<T>(cfg: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../../db/client.ts');
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * Runs until SIGINT/SIGTERM (or, under npm/npx, until the parent process exits), then closes what
 * the command opened.
 */
export async function runUntilSignal(close: () => Promise<void>): Promise<void> {
  await runUntilShutdown(close);
}

/** `start`s with SIGINT/SIGTERM already watched (a stop during start-up closes once started), then as runUntilSignal. */
export async function startUntilSignal(start: () => Promise<{ close(): Promise<void> }>): Promise<void> {
  await startUntilShutdown(start);
}

/** Where a command writes; tests pass their own. */
export interface CommandIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

export const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };
