import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl, scrubSecrets } from '../../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('info', { destination }), lines };
}

const URL_WITH_SECRETS = 'postgres://ops:hunter22@db:5432/cyber8k?sslpassword=k3ypass&application_name=cyber8k';

describe('secrets in logs and messages', () => {
  it('masks the password and every secret-looking query parameter of a URL, and keeps the rest', () => {
    expect(redactUrl(URL_WITH_SECRETS)).toBe('postgres://ops:***@db:5432/cyber8k?sslpassword=***&application_name=cyber8k');
    expect(redactUrl('https://host/x?access_token=t0k&api_key=k&page=2')).toBe('https://host/x?access_token=***&api_key=***&page=2');
  });

  it('masks the password of a URL that does not parse, by its shape', () => {
    expect(redactUrl('postgres://u:pw@')).toBe('postgres://u:***@');
    expect(redactUrl('postgres://u:p@ss@[::1')).toBe('postgres://u:***@[::1');
    expect(redactUrl('postgres://u@db:x/db?password=pw')).toBe('postgres://u@db:x/db?password=***');
  });

  it('masks URLs and secret=value pairs inside free text', () => {
    const text = `connect failed for ${URL_WITH_SECRETS} (host=db password=hunter22 user=ops)`;
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toMatch(/hunter22|k3ypass/);
    expect(scrubbed).toContain('postgres://ops:***@db:5432/cyber8k');
    expect(scrubbed).toContain('user=ops');
  });

  it('never writes a secret to a log line, whether in the message, an error or a field', () => {
    const { log, lines } = capture();
    log.info(`database: PostgreSQL at ${URL_WITH_SECRETS}`);
    const driverError = Object.assign(new TypeError(`Invalid URL: ${URL_WITH_SECRETS}`), { input: URL_WITH_SECRETS });
    log.error({ err: driverError }, 'opening the database failed');
    log.warn({ databaseUrl: URL_WITH_SECRETS, url: URL_WITH_SECRETS, password: 'hunter22', req: { url: '/v1/x?token=t0ken' } }, 'config');
    log.info({ config: { databaseUrl: URL_WITH_SECRETS } }, 'started');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toMatch(/hunter22|k3ypass|t0ken/);
    expect(JSON.parse(lines[0]!).msg).toBe('database: PostgreSQL at postgres://ops:***@db:5432/cyber8k?sslpassword=***&application_name=cyber8k');
    expect(JSON.parse(lines[1]!).err.message).toContain('postgres://ops:***@db');
    expect(JSON.parse(lines[2]!).req.url).toBe('/v1/x?token=***');
  });

  it('leaves text without credentials exactly as it was, URLs included', () => {
    const { log, lines } = capture();
    log.info('API on http://127.0.0.1:3000 — try http://127.0.0.1:3000/v1/filings?item=1.05&limit=5');
    expect(JSON.parse(lines[0]!).msg).toBe('API on http://127.0.0.1:3000 — try http://127.0.0.1:3000/v1/filings?item=1.05&limit=5');
    expect(redactUrl('postgres://ops@db:5432/cyber8k')).toBe('postgres://ops@db:5432/cyber8k');
  });

  it('leaves a job key or an accession number alone', () => {
    const { log, lines } = capture();
    log.info({ key: '0000731766-24-000045', job: { key: 'k' } }, 'claimed');
    expect(JSON.parse(lines[0]!)).toMatchObject({ key: '0000731766-24-000045', job: { key: 'k' } });
  });
});
