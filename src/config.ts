// The one typed configuration of cyber8k. Every setting is read from the environment, has a doc
// line and a default, and is validated at start-up: a bad value stops the process with one line on
// stderr (exit code 2) instead of failing later in the middle of a poll.

import { isIP } from 'node:net';
import { redactUrl } from './secrets.ts';

export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  edgarUserAgent: string | null;
  edgarWwwUrl: string;
  edgarDataUrl: string;
  edgarEftsUrl: string;
  edgarRequestsPerSecond: number;
  edgarTimeoutMs: number;
  pollIntervalSeconds: number;
  pollOffHoursIntervalSeconds: number;
  pollMaxPages: number;
  pollForms: string[];
  edgarRateLimitPauseSeconds: number;
  companyRefreshHours: number;
  workerConcurrency: number;
  jobLeaseSeconds: number;
  analysisTimeoutSeconds: number;
  logLevel: LogLevel;
  apiReadAuth: 'open' | 'key';
  alertsAllowPrivateUrls: boolean;
  alertConcurrency: number;
  smtpUrl: string | null;
  alertsFrom: string | null;
  publicUrl: string | null;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

interface Setting<K extends keyof Config> {
  key: K;
  env: string;
  doc: string;
  /** Its value may hold a password: never echoed back in an error. */
  secret?: boolean;
  /** Shown in the README table; `null` means "unset". */
  default: string | null;
  parse: (raw: string) => Config[K];
}

class ConfigValueError extends Error {}

function integer(min: number, max: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigValueError(`must be a whole number between ${min} and ${max}`);
    const n = Number(raw);
    if (n < min || n > max) throw new ConfigValueError(`must be between ${min} and ${max}`);
    return n;
  };
}

function number(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new ConfigValueError(`must be a number between ${min} and ${max}`);
    if (n < min || n > max) throw new ConfigValueError(`must be between ${min} and ${max}`);
    return n;
  };
}

function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigValueError('must be an http(s) URL such as https://www.sec.gov');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigValueError('must be an http(s) URL such as https://www.sec.gov');
  }
  return raw.replace(/\/+$/, '');
}

function optionalText(raw: string): string | null {
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed;
}

// libpq reads these from a connection URL's query itself; postgres.js does not, and would send them
// to the server as settings, which then refuses the connection ("unrecognized configuration parameter").
const CLIENT_ONLY_PARAMETERS = new Set([
  'sslpassword', 'sslcert', 'sslkey', 'sslcrl', 'sslcrldir', 'sslcompression', 'sslsni', 'ssl_min_protocol_version',
  'ssl_max_protocol_version', 'passfile', 'service', 'host', 'hostaddr', 'port', 'dbname', 'requiressl', 'gssencmode',
  'krbsrvname', 'gsslib', 'channel_binding', 'require_auth', 'load_balance_hosts',
]);
const DATABASE_URL_SHAPE = 'postgres://user:password@host:5432/database';

function databaseUrl(raw: string): string | null {
  const value = optionalText(raw);
  if (value === null) return null;
  if (!/^postgres(ql)?:\/\//i.test(value)) {
    throw new ConfigValueError(`must be a postgres:// or postgresql:// URL such as ${DATABASE_URL_SHAPE} (leave it unset to use the embedded database)`);
  }
  // postgres.js's own reading of the URL: the hosts (comma-separated, each with its port) sit between
  // the user-info and the first "/" or "?"; the rest is a standard URL.
  const rest = value.slice(value.indexOf('://') + 3);
  const authority = rest.split(/[/?#]/)[0]!;
  const hostList = authority.slice(authority.lastIndexOf('@') + 1);
  const hosts = hostList.split(',');
  if (hostList === '' || hosts.some((h) => h === '' || h.startsWith(':'))) {
    throw new ConfigValueError(`names no host: write it as ${DATABASE_URL_SHAPE}`);
  }
  for (const host of hosts) {
    const m = /^(\[[^\]]*\]|[^:[\]]+)(?::(.*))?$/.exec(host);
    if (!m) throw new ConfigValueError(`has a host that cannot be read (an IPv6 address goes in brackets: postgres://user@[::1]:5432/database)`);
    const port = m[2];
    if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
      throw new ConfigValueError('has a port that is not a number between 1 and 65535');
    }
  }
  let url: URL;
  try {
    url = new URL(value.replace(hostList, hosts[0]!));
  } catch {
    throw new ConfigValueError(`is not a valid URL (percent-encode special characters of the user name and password): write it as ${DATABASE_URL_SHAPE}`);
  }
  for (const name of url.searchParams.keys()) {
    if (CLIENT_ONLY_PARAMETERS.has(name.toLowerCase()) || (name === 'sslrootcert' && url.searchParams.get(name) !== 'system')) {
      throw new ConfigValueError(`has the query parameter "${name}", which the PostgreSQL driver (postgres.js) does not read: remove it`);
    }
  }
  // libpq also takes the user and password as query parameters; postgres.js reads them only from
  // the user-info, so they are moved there.
  const user = url.searchParams.get('user');
  const password = url.searchParams.get('password');
  if (user === null && password === null) return value;
  if ((user !== null && url.username) || (password !== null && url.password)) {
    throw new ConfigValueError('gives the user or password twice, in the user-info and as a query parameter: keep one');
  }
  if (user !== null) url.username = encodeURIComponent(user);
  if (password !== null) url.password = encodeURIComponent(password);
  url.searchParams.delete('user');
  url.searchParams.delete('password');
  return url.toString().replace(hosts[0]!, hostList);
}

// Examples copied from SEC's own FAQ are not a declaration of who is calling.
const PLACEHOLDER_AGENTS = [/sample company name/i, /admincontact@/i, /@<sample/i, /example\.(com|org)/i];

function userAgent(raw: string): string | null {
  const value = optionalText(raw);
  if (value === null) return null;
  if (!/\S+@\S+\.\S+/.test(value)) {
    throw new ConfigValueError('must name you and give a contact e-mail, e.g. "Acme Research ops@acme.com" (SEC fair-access rules)');
  }
  if (PLACEHOLDER_AGENTS.some((re) => re.test(value))) {
    throw new ConfigValueError("is SEC's placeholder example; declare your own name and e-mail");
  }
  return value;
}

// 6-K and 20-F are where foreign private issuers report incidents; opt-in, as 6-Ks are numerous.
const SUPPORTED_FORMS = ['8-K', '10-Q', '10-K', '6-K', '20-F'];

function formList(raw: string): string[] {
  const forms = raw.split(',').map((f) => f.trim().toUpperCase()).filter(Boolean);
  const unknown = forms.filter((f) => !SUPPORTED_FORMS.includes(f));
  if (forms.length === 0 || unknown.length > 0) {
    throw new ConfigValueError(`must be a comma-separated list of ${SUPPORTED_FORMS.join(', ')}`);
  }
  return [...new Set(forms)];
}

function refreshHours(raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new ConfigValueError('must be 0 (off) or a whole number of hours from 24 to 8760');
  const n = Number(raw);
  // SEC's data is refreshed daily; reading a company's profile more often only spends requests.
  if (n !== 0 && (n < 24 || n > 8760)) throw new ConfigValueError('must be 0 (off) or from 24 to 8760 hours: a company is read at most once a day');
  return n;
}

function logLevel(raw: string): LogLevel {
  const value = raw.trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(value)) throw new ConfigValueError(`must be one of ${LOG_LEVELS.join(', ')}`);
  return value;
}

function listenHost(raw: string): string {
  const value = raw.trim();
  // An IP literal of an interface (0.0.0.0 and :: for all of them) or "localhost": a name would be
  // looked up in DNS at start-up and fail there, or listen somewhere unexpected.
  if (isIP(value.replace(/^\[(.*)\]$/, '$1')) !== 0) return value.replace(/^\[(.*)\]$/, '$1');
  if (value.toLowerCase() === 'localhost') return 'localhost';
  throw new ConfigValueError('must be an IP address of this machine to listen on (127.0.0.1, ::1, or 0.0.0.0 / :: for every interface) or localhost');
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T => {
    const value = raw.trim().toLowerCase() as T;
    if (!values.includes(value)) throw new ConfigValueError(`must be one of ${values.join(', ')}`);
    return value;
  };
}

function flag(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigValueError('must be 1 or 0');
}

function smtpUrl(raw: string): string | null {
  const value = optionalText(raw);
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigValueError('must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.net:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigValueError('must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.net:465');
  return value;
}

function mailbox(raw: string): string | null {
  const value = optionalText(raw);
  if (value === null) return null;
  // "Name <addr>" or a bare address; nodemailer reads both.
  if (!/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/.test(value)) {
    throw new ConfigValueError('must be an e-mail address, e.g. "cyber8k alerts <alerts@example.net>"');
  }
  return value;
}

function publicUrl(raw: string): string | null {
  const value = optionalText(raw);
  return value === null ? null : httpUrl(value);
}

function text(raw: string): string {
  const value = raw.trim();
  if (value === '') throw new ConfigValueError('must not be empty');
  return value;
}

export const SETTINGS = [
  { key: 'databaseUrl', env: 'DATABASE_URL', default: null, parse: databaseUrl, secret: true,
    doc: 'PostgreSQL server to use, postgres://user:password@host:5432/database (several hosts: host1:5432,host2:5432). Unset: the embedded database (PGlite) in CYBER8K_DATA_DIR.' },
  { key: 'dataDir', env: 'CYBER8K_DATA_DIR', default: './data', parse: text,
    doc: 'Folder of the embedded database (used when DATABASE_URL is unset). One process at a time.' },
  { key: 'port', env: 'PORT', default: '3000', parse: integer(0, 65535),
    doc: 'Port of the REST API.' },
  { key: 'host', env: 'HOST', default: '127.0.0.1', parse: listenHost,
    doc: 'IP address the REST API listens on (or localhost); 0.0.0.0 or :: to accept connections from other machines.' },
  { key: 'edgarUserAgent', env: 'EDGAR_USER_AGENT', default: null, parse: userAgent,
    doc: 'Who is calling EDGAR, "Company Name contact@company.com" (required by SEC to poll; without it only the API runs).' },
  { key: 'edgarWwwUrl', env: 'EDGAR_WWW_URL', default: 'https://www.sec.gov', parse: httpUrl,
    doc: 'Base URL of www.sec.gov (feed, Archives); point it at the replay server to run offline.' },
  { key: 'edgarDataUrl', env: 'EDGAR_DATA_URL', default: 'https://data.sec.gov', parse: httpUrl,
    doc: 'Base URL of data.sec.gov, where each company\'s submissions JSON (tickers, exchanges, SIC code, state, SEC office, former names) is read; point it at the replay server to run offline.' },
  { key: 'edgarEftsUrl', env: 'EDGAR_EFTS_URL', default: 'https://efts.sec.gov', parse: httpUrl,
    doc: 'Base URL of efts.sec.gov (full-text search); reserved: this version reads only www.sec.gov.' },
  { key: 'edgarRequestsPerSecond', env: 'EDGAR_REQUESTS_PER_SECOND', default: '5', parse: number(0.1, 10),
    doc: 'Requests per second to all sec.gov hosts together, retries included (SEC allows at most 10).' },
  { key: 'edgarTimeoutMs', env: 'EDGAR_TIMEOUT_MS', default: '30000', parse: integer(1000, 600_000),
    doc: 'Timeout of one EDGAR request, in milliseconds.' },
  { key: 'pollIntervalSeconds', env: 'POLL_INTERVAL_SECONDS', default: '60', parse: number(0.2, 86_400),
    doc: 'Seconds between the starts of two reads of the EDGAR current-filings feed (start to start: the time a read takes is not added).' },
  { key: 'pollOffHoursIntervalSeconds', env: 'POLL_OFF_HOURS_INTERVAL_SECONDS', default: '900', parse: number(1, 86_400),
    doc: 'Seconds between feed reads (start to start) outside EDGAR filing hours (06:00-22:00 US Eastern on business days: not weekends or federal holidays).' },
  { key: 'pollForms', env: 'POLL_FORMS', default: '8-K,10-Q,10-K', parse: formList,
    doc: 'Form types read from the feed (8-K, 10-Q, 10-K, 6-K, 20-F); each also brings its amendments (8-K/A, …).' },
  { key: 'edgarRateLimitPauseSeconds', env: 'EDGAR_RATE_LIMIT_PAUSE_SECONDS', default: '600', parse: integer(60, 86_400),
    doc: "How long SEC's 403 rate-limit page pauses all EDGAR fetching, in every instance." },
  { key: 'companyRefreshHours', env: 'COMPANY_REFRESH_HOURS', default: '24', parse: refreshHours,
    doc: 'Hours after which a company\'s EDGAR profile (submissions JSON on data.sec.gov) is read again, and company_tickers.json once a day, as background jobs; at least 24, 0 turns both off.' },
  { key: 'workerConcurrency', env: 'WORKER_CONCURRENCY', default: '2', parse: integer(1, 32),
    doc: 'Filings analyzed at once by this instance, each in a worker thread of its own.' },
  { key: 'analysisTimeoutSeconds', env: 'ANALYSIS_TIMEOUT_SECONDS', default: '60', parse: number(0.1, 3600),
    doc: 'Time budget of one filing\'s analysis (in a worker thread); a filing still being read after it is set aside as dead.' },
  { key: 'jobLeaseSeconds', env: 'JOB_LEASE_SECONDS', default: '60', parse: integer(2, 3600),
    doc: 'A claimed job not renewed for this long (its worker died) is taken over by another worker.' },
  { key: 'pollMaxPages', env: 'POLL_MAX_PAGES', default: '10', parse: integer(1, 50),
    doc: 'Feed pages (100 entries each) read back per poll before giving up on reaching the last entry seen.' },
  { key: 'logLevel', env: 'LOG_LEVEL', default: 'info', parse: logLevel,
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent.' },
  { key: 'apiReadAuth', env: 'API_READ_AUTH', default: 'open', parse: oneOf(['open', 'key'] as const),
    doc: 'Who may read /v1 (filings, incidents, events, jobs): open (anyone) or key (an API key of any scope, `cyber8k keys create`). Subscriptions always need a key of scope alerts.' },
  { key: 'alertsAllowPrivateUrls', env: 'ALERTS_ALLOW_PRIVATE_URLS', default: '0', parse: flag,
    doc: '1 lets alert URLs (webhook, Slack, Teams) point at private, loopback and link-local addresses: for tests and the demo only.' },
  { key: 'alertConcurrency', env: 'ALERT_CONCURRENCY', default: '32', parse: integer(1, 256),
    doc: 'Alerts this instance sends at once (webhook, Slack, Teams and e-mail requests in flight; they wait on receivers, not the CPU).' },
  { key: 'smtpUrl', env: 'SMTP_URL', default: null, parse: smtpUrl, secret: true,
    doc: 'Mail server of e-mail alerts, smtp(s)://user:password@host:port. Unset: e-mail subscriptions are refused.' },
  { key: 'alertsFrom', env: 'ALERTS_FROM', default: null, parse: mailbox,
    doc: 'Sender of e-mail alerts, e.g. "cyber8k alerts <alerts@example.net>" (required with SMTP_URL).' },
  { key: 'publicUrl', env: 'PUBLIC_URL', default: null, parse: publicUrl,
    doc: 'Base URL clients reach this API at, for the incident links in alerts and the Atom feed. Unset: http://HOST:PORT (the feed: the request\'s own scheme and host).' },
] as const satisfies readonly Setting<keyof Config>[];

export class ConfigError extends Error {
  readonly code = 'config.invalid';
}

/** Reads and validates the configuration; throws a ConfigError that names every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const setting of SETTINGS) {
    const raw = env[setting.env];
    const source = raw === undefined || raw === '' ? setting.default : raw;
    if (source === null) {
      values[setting.key] = null;
      continue;
    }
    try {
      values[setting.key] = (setting.parse as (raw: string) => unknown)(source);
    } catch (err) {
      if (!(err instanceof ConfigValueError)) throw err;
      const shown = 'secret' in setting && setting.secret ? redactUrl(source) : source;
      problems.push(`${setting.env} ${err.message} (got "${shown}")`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return { ...(values as unknown as Config), ...overrides };
}
