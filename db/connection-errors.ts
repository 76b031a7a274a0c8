// Telling "the database connection went away" (a restart, a failover, pg_terminate_backend) from
// a failure of the work itself: the first is nobody's fault and is worth retrying at once on a new
// connection; it must not count against a job's attempts.

// postgres.js's own codes for a connection that closed or never opened.
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
// Socket errors, which postgres.js passes on with the query it was running attached.
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * True for an error the database driver raised because its connection was lost: SQLSTATE class 08
 * (connection exception) or 57P01-57P03 (the server terminated the session, is shutting down or
 * starting), postgres.js's CONNECTION_* codes, or a socket error on a database query. An EDGAR
 * request's socket error is not one: it carries no query.
 */
export function isConnectionLost(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const { code, severity, query } = e as Error & { code?: unknown; severity?: unknown; query?: unknown };
    if (typeof code === 'string') {
      if (DRIVER_CODES.has(code)) return true;
      if (typeof severity === 'string' && /^(08|57P0[123])/.test(code)) return true;
      if (SOCKET_CODES.has(code) && typeof query === 'string') return true;
    }
    // drizzle wraps the driver's error as the cause of its "Failed query".
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
