import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';
import { MASK, redactUrl, scrubSecrets } from './secrets.ts';

export type { Logger };
export { redactUrl, scrubSecrets };

// Secrets must never reach the logs, whatever object a caller hands to the logger.
const REDACT = [
  'databaseUrl',
  '*.databaseUrl',
  'config.databaseUrl',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
];

// A log field that holds a credential as a whole: { password }, { apiKey }, { client_secret }…
const SECRET_FIELD = /^(?:\w*[-_])?(?:password|passwd|secret|token|api[-_]?key|apikey|authorization|credentials?)$/i;

/** Pretty, human logs on a terminal; JSON lines (for log shippers) otherwise. */
export function createLogger(level: LogLevel, options: { pretty?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const pretty = options.pretty ?? (!options.destination && Boolean(process.stdout.isTTY));
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      // A URL or `password=…` inside a message or an error (a driver's error can quote the URL it
      // was given) is masked before the line is written.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: serializeError },
      formatters: { log: scrubFields },
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    },
    options.destination,
  );
}

function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  return scrubFields(serialized);
}

/** Masks secrets in the string fields of a log line's object, one level of nesting deep. */
function scrubFields(object: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(object)) {
    let scrubbed = value;
    if (typeof value === 'string') scrubbed = SECRET_FIELD.test(key) && value !== '[redacted]' ? MASK : scrubSecrets(value);
    // Errors are left to the err serializer, which runs after this and masks their text.
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Error)) {
      scrubbed = scrubNested(value as Record<string, unknown>);
    }
    if (scrubbed !== value) (out ??= { ...object })[key] = scrubbed;
  }
  return out ?? object;
}

function scrubNested(object: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'string') continue;
    const scrubbed = scrubSecrets(value);
    if (scrubbed !== value) (out ??= { ...object })[key] = scrubbed;
  }
  return out ?? object;
}

