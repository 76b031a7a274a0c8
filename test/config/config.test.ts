import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTINGS } from '../../src/config.ts';

describe('configuration', () => {
  it('has a default for every setting so a fresh machine needs none', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      dataDir: './data',
      port: 3000,
      edgarUserAgent: null,
      edgarWwwUrl: 'https://www.sec.gov',
      edgarDataUrl: 'https://data.sec.gov',
      edgarEftsUrl: 'https://efts.sec.gov',
      edgarRequestsPerSecond: 5,
      pollIntervalSeconds: 60,
      logLevel: 'info',
    });
  });

  it('reads values from the environment and strips trailing slashes from base URLs', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/cyber8k',
      PORT: '8080',
      EDGAR_USER_AGENT: 'Acme Research ops@acme.io',
      EDGAR_WWW_URL: 'http://127.0.0.1:8510/',
      POLL_INTERVAL_SECONDS: '1.5',
    });
    expect(config).toMatchObject({ port: 8080, edgarWwwUrl: 'http://127.0.0.1:8510', pollIntervalSeconds: 1.5 });
  });

  it('names every invalid setting in one message', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', EDGAR_REQUESTS_PER_SECOND: '20', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT .*EDGAR_REQUESTS_PER_SECOND must be between 0.1 and 10.*LOG_LEVEL/);
  });

  it('gives each filing’s analysis a time budget of 60 s unless ANALYSIS_TIMEOUT_SECONDS says otherwise', () => {
    expect(loadConfig({}).analysisTimeoutSeconds).toBe(60);
    expect(loadConfig({ ANALYSIS_TIMEOUT_SECONDS: '2.5' }).analysisTimeoutSeconds).toBe(2.5);
    expect(() => loadConfig({ ANALYSIS_TIMEOUT_SECONDS: '0' })).toThrow(/ANALYSIS_TIMEOUT_SECONDS must be between 0.1 and 3600/);
    expect(() => loadConfig({ ANALYSIS_TIMEOUT_SECONDS: 'forever' })).toThrow(/ANALYSIS_TIMEOUT_SECONDS must be a number/);
  });

  it.each([
    ['python-requests/2.31'],
    ['Sample Company Name AdminContact@samplecompanydomain.com'],
  ])('refuses the User-Agent "%s" as not a declaration', (agent) => {
    expect(() => loadConfig({ EDGAR_USER_AGENT: agent })).toThrow(/EDGAR_USER_AGENT/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without echoing its password', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://admin:s3cretPW@db/x' });
    expect(attempt).toThrow(/DATABASE_URL must be a postgres/);
    expect(attempt).toThrow(/mysql:\/\/admin:\*\*\*@db\/x/);
    expect(attempt).not.toThrow(/s3cretPW/);
  });

  it('is documented in the README, one row per setting', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const setting of SETTINGS) expect(readme, setting.env).toContain(`\`${setting.env}\``);
  });

  it('stops the CLI with one line on stderr and exit code 2', () => {
    const res = spawnSync(process.execPath, ['bin/cyber8k.js', 'serve'], {
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^cyber8k: invalid configuration: PORT/);
  });
});

describe('DATABASE_URL and HOST', () => {
  it.each([
    ['postgres://u:pw@', /DATABASE_URL names no host/],
    ['postgres://u:pw@[::1', /DATABASE_URL has a host that cannot be read/],
    ['postgres://u:pw@db:notaport/db', /DATABASE_URL has a port that is not a number/],
    ['postgres://u:pw@db:0/db', /DATABASE_URL has a port that is not a number/],
    ['postgres://u:pw@db:5432,/db', /DATABASE_URL names no host/],
    ['postgres://u:pw@db/db?sslpassword=pw', /DATABASE_URL has the query parameter "sslpassword"/],
  ])('refuses %s with a message that names DATABASE_URL and never shows the password', (url, message) => {
    const attempt = () => loadConfig({ DATABASE_URL: url });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/pw/);
  });

  it('accepts what postgres.js reads: several hosts with ports, IPv6 in brackets, driver options in the query', () => {
    for (const url of ['postgres://u:p@db1:5432,db2:5433/cyber8k', 'postgres://u@[::1]:5432/db', 'postgresql://db/x?sslmode=require&application_name=cyber8k']) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('moves a password or user given as a query parameter (libpq style) into the user-info, where postgres.js reads it', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db:5432/cyber8k?user=ops&password=p%40ss%2Fw&sslmode=require' }).databaseUrl).toBe(
      'postgres://ops:p%40ss%2Fw@db:5432/cyber8k?sslmode=require',
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://a,b:5433/x?password=s' }).databaseUrl).toBe('postgres://:s@a,b:5433/x');
  });

  it('never echoes a secret query parameter in an error', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://admin@db/x?password=hunter22&api_key=k3y' });
    expect(attempt).toThrow(/password=\*\*\*/);
    expect(attempt).not.toThrow(/hunter22|k3y/);
  });

  it.each([['127.0.0.1'], ['0.0.0.0'], ['::'], ['::1'], ['localhost']])('listens on HOST=%s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each([['not-a-host'], ['example.com'], ['256.1.1.1'], ['127.0.0.1:3000']])('refuses HOST=%s', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/HOST must be an IP address of this machine/);
  });

  it.each([
    ['DATABASE_URL', 'postgres://u:pw@'],
    ['DATABASE_URL', 'postgres://u:pw@[::1'],
    ['DATABASE_URL', 'postgres://u:pw@db:notaport/db'],
    ['HOST', 'not-a-host'],
  ])('stops `cyber8k migrate` with one line naming %s and exit code 2 for %s', (name, value) => {
    const res = spawnSync(process.execPath, ['bin/cyber8k.js', 'migrate'], {
      env: { ...process.env, DATABASE_URL: '', CYBER8K_DATA_DIR: '/nonexistent/never-created', [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status, res.stderr).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(new RegExp(`^cyber8k: invalid configuration: ${name} `));
    expect(res.stderr).not.toMatch(/:pw@/);
  });
});
