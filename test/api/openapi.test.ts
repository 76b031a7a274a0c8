import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp, usePglite } from './app.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string }>;
}

/** Redocly CLI's lint (it has no Node API of its own), offline: no telemetry, no update check. */
async function redoclyLint(file: string, cwd: string): Promise<{ totals: { errors: number; warnings: number }; problems: LintProblem[] }> {
  const pkg = require.resolve('@redocly/cli/package.json');
  const bin = join(dirname(pkg), (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: Record<string, string> }).bin.redocly!);
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' };
  // Exit code 1 means "errors found": the report is on stdout either way.
  const { stdout } = await run(process.execPath, [bin, 'lint', '--extends=recommended', '--format=json', file], { cwd, env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (err: { stdout?: string; stderr?: string }) => {
      if (!err.stdout) throw new Error(`redocly lint failed: ${err.stderr ?? String(err)}`);
      return { stdout: err.stdout };
    },
  );
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

type Operation = { operationId?: string; responses?: Record<string, unknown>; security?: unknown[] };

function operations(spec: { paths: Record<string, Record<string, Operation>>; webhooks?: Record<string, Record<string, Operation>> }) {
  const all: Array<[string, Operation]> = [];
  for (const [path, item] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(item)) all.push([`${method.toUpperCase()} ${path}`, op]);
  for (const [name, item] of Object.entries(spec.webhooks ?? {})) for (const [method, op] of Object.entries(item)) all.push([`webhook ${name} ${method.toUpperCase()}`, op]);
  return all;
}

describe('the OpenAPI description', () => {
  const db = usePglite();
  const app = useApp(() => db().database, { publicUrl: 'https://cyber8k.example.org' });
  let dir: string;
  let spec: ReturnType<typeof JSON.parse>;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cyber8k-openapi-'));
    const res = await app().inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    spec = res.json();
    file = join(dir, 'openapi.json');
    writeFileSync(file, res.body);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes Redocly’s recommended ruleset with no errors and no warnings', async () => {
    const report = await redoclyLint(file, dir);
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(problems).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('has a lint that does report a broken description', async () => {
    const broken = structuredClone(spec);
    delete broken.servers;
    delete broken.paths['/v1/incidents'].get.security;
    const brokenFile = join(dir, 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    const report = await redoclyLint(brokenFile, dir);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.ruleId)).toEqual(expect.arrayContaining(['no-empty-servers']));
  }, 60_000);

  it('names every operation with a unique operationId and gives each a 4xx in the one error shape', () => {
    const all = operations(spec);
    expect(all.length).toBeGreaterThan(25);
    const missing = all.filter(([, op]) => !op.operationId).map(([name]) => name);
    expect(missing).toEqual([]);
    const ids = all.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, op] of all.filter(([n]) => !n.startsWith('webhook'))) {
      const fours = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('4'));
      expect(fours, name).toContain('400');
      expect(op.responses!['400'], name).toEqual({ $ref: '#/components/responses/BadRequest' });
    }
    expect(spec.components.responses.BadRequest.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(spec.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });

  it('states the bearer scheme where a key is needed or accepted, and no scheme where none is', () => {
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/v1/incidents'].get.security).toEqual([{}, { apiKey: [] }]);
    expect(spec.paths['/v1/subscriptions'].post.security).toEqual([{ apiKey: [] }]);
    expect(spec.paths['/ready'].get.security).toEqual([]);
    expect(spec.servers).toEqual([{ url: 'https://cyber8k.example.org', description: expect.any(String) }]);
    expect(spec.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('describes under `webhooks` each event a subscriber receives, with its signature headers', () => {
    expect(Object.keys(spec.webhooks).sort()).toEqual(['incident.created', 'incident.escalated', 'incident.retracted', 'incident.updated', 'report.published', 'test']);
    const created = spec.webhooks['incident.created'].post;
    expect(created.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/IncidentCreatedEvent' });
    expect(created.parameters.map((p: { $ref: string }) => spec.components.parameters[p.$ref.split('/').pop()!].name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    const event = spec.components.schemas.IncidentUpdatedEvent;
    expect(event.properties.type).toMatchObject({ const: 'incident.updated' });
    expect(event.properties.data.properties.incident).toEqual({ $ref: '#/components/schemas/AlertIncident' });
    expect(spec.components.schemas.TestEvent.required).toContain('test');
    expect(Object.keys(spec.components.schemas.ReportPublishedEvent.properties.data.properties).sort()).toEqual(['analyzerVersion', 'end', 'headline', 'links', 'start', 'week']);
  });
});
