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
