import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

// Secrets must never reach the logs, whatever object a caller hands to the logger.
const REDACT = [
  'databaseUrl',
  '*.databaseUrl',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/** Pretty, human logs on a terminal; JSON lines (for log shippers) otherwise. */
export function createLogger(level: LogLevel, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}

/** Masks the password of a connection URL so it can be shown to a user. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: it may still hold a password, so show none of it.
    return '[not a URL]';
  }
}
