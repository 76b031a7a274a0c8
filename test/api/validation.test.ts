import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { expectApiError, useApp, usePglite } from './app.ts';

describe('REST API: request validation', () => {
  const db = usePglite();
  const app = useApp(() => db().database);

  const get = (url: string) => app().inject({ method: 'GET', url });

  async function expectInvalid(url: string, parameter: string) {
    const error = expectApiError(await get(url), 400);
    expect(error.code).toBe('request.invalid_parameter');
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(`"${parameter}"`);
    return error;
  }

  it.each([
    ['/v1/filings?limit=0', 'limit'],
    ['/v1/filings?limit=101', 'limit'],
    ['/v1/filings?since=2024-13-99', 'since'],
    ['/v1/filings?item=1.5', 'item'],
    ['/v1/filings?cik=abc', 'cik'],
    ['/v1/filings?materialImpact=maybe', 'materialImpact'],
    ['/v1/filings?incident=perhaps', 'incident'],
    ['/v1/filings?frobnicate=1', 'frobnicate'],
    ['/v1/filings?cursor=not-a-cursor', 'cursor'],
    ['/v1/filings/12345', 'accession'],
  ])('answers %s with a 400 that names "%s"', async (url, parameter) => {
    await expectInvalid(url, parameter);
  });

  it.each(['0x10', '1e1', '0b11', '0o7', '%201', '1%20', '+1', '010', '1.0', '', '1,2', 'Infinity'])(
    'takes limit=%s for the string it is, not a number it could be coerced into',
    async (value) => {
      await expectInvalid(`/v1/filings?limit=${value}`, 'limit');
      await expectInvalid(`/v1/jobs?limit=${value}`, 'limit');
    },
  );

  it('takes a plain decimal limit', async () => {
    expect((await get('/v1/filings?limit=7')).statusCode).toBe(200);
    expect((await get('/v1/jobs?limit=500')).statusCode).toBe(200);
  });

  it.each(['1', '0', 'TRUE', 'yes', ''])('takes incident=%s for no boolean', async (value) => {
    await expectInvalid(`/v1/filings?incident=${value}`, 'incident');
  });

  it.each(['since', 'until'])('answers %s outside real calendar dates from 1993 to 9999 with a 400 naming it', async (name) => {
    for (const value of ['0000-01-01', '0000-02-29', '1992-12-31', '2023-02-29', '2024-04-31', '10000-01-01', '2024-1-01', '20240101', '2024-01-01T00:00:00Z']) {
      await expectInvalid(`/v1/filings?${name}=${value}`, name);
    }
    for (const value of ['1993-01-01', '2024-02-29', '9999-12-31']) {
      expect((await get(`/v1/filings?${name}=${value}`)).statusCode).toBe(200);
    }
  });

  it('answers since later than until with a 400 that says so', async () => {
    const error = await expectInvalid('/v1/filings?since=2024-03-02&until=2024-03-01', 'since');
    expect(error.message).toMatch(/later than "until"/);
    expect((await get('/v1/filings?since=2024-03-01&until=2024-03-01')).statusCode).toBe(200);
  });

  it('answers a repeated parameter with a 400 naming it', async () => {
    await expectInvalid('/v1/filings?limit=1&limit=2', 'limit');
    await expectInvalid('/v1/filings?since=2024-01-01&since=2024-01-02', 'since');
  });

  it.each([
    '/health',
    '/ready',
    '/metrics',
    '/v1/jobs',
    '/v1/filings',
    '/v1/filings/0000000001-24-000001',
    '/docs',
    '/docs/json',
  ])('rejects an unknown query parameter on %s', async (path) => {
    await expectInvalid(`${path}?frobnicate=1`, 'frobnicate');
  });

  it('reports itself alive on /health', async () => {
    const res = await get('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('documents the API in a valid OpenAPI description at /docs', async () => {
    const spec = await get('/docs/json');
    expect(spec.statusCode).toBe(200);
    const document = spec.json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/filings', '/v1/filings/{accession}', '/v1/jobs', '/health']));
    await SwaggerParser.validate(structuredClone(document));
    const ui = await get('/docs');
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('has an OpenAPI validator that does find a broken description', async () => {
    const document = (await get('/docs/json')).json();
    delete document.paths['/v1/filings'].get.parameters[0].in;
    await expect(SwaggerParser.validate(document)).rejects.toThrow();
  });
});
