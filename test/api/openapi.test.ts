import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
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

/** Each example of the description, with the type openapi-typescript gives the value it shows. */
function examplesWithTypes(spec: any): Array<{ where: string; type: string; value: unknown }> {
  const found: Array<{ where: string; type: string; value: unknown }> = [];
  const q = (key: string) => JSON.stringify(key);
  const media = (content: Record<string, { example?: unknown }> | undefined, where: string, type: string) => {
    for (const [mediaType, m] of Object.entries(content ?? {})) {
      if (m.example !== undefined) found.push({ where: `${where} ${mediaType}`, type: `${type}["content"][${q(mediaType)}]`, value: m.example });
    }
  };
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        if (!response.$ref) media(response.content, `${method.toUpperCase()} ${path} ${status}`, `paths[${q(path)}][${q(method)}]["responses"][${q(status)}]`);
      }
    }
  }
  for (const [name, response] of Object.entries(spec.components.responses as Record<string, any>)) media(response.content, `response ${name}`, `components["responses"][${q(name)}]`);
  for (const [name, item] of Object.entries(spec.webhooks as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) media(op.requestBody?.content, `webhook ${name}`, `webhooks[${q(name)}][${q(method)}]["requestBody"]`);
  }
  return found;
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

  it('serves the docs page under a policy that runs only its own scripts', async () => {
    const page = await app().inject({ url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/upgrade-insecure-requests|https:/);
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
      for (const status of fours) expect(op.responses![status], `${name} ${status}`).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\/[A-Za-z]+$/) });
    }
    for (const response of Object.values(spec.components.responses) as any[]) expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
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

  it('generates a TypeScript client (openapi-typescript) to whose types every example of the description is assignable', async () => {
    writeFileSync(join(dir, 'client.ts'), astToString(await openapiTS(structuredClone(spec), { silent: true })));
    const examples = examplesWithTypes(spec);
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.some((e) => e.where.startsWith('webhook report.published'))).toBe(true);
    // One constant per example: an object literal gets excess-property checks, so a field the
    // description does not have fails as surely as a missing or mistyped one.
    const source = [
      "import type { components, paths, webhooks } from './client.ts';",
      ...examples.map((e, i) => `// ${e.where}\nexport const example${i}: ${e.type} = ${JSON.stringify(e.value, null, 1)};`),
    ].join('\n');
    writeFileSync(join(dir, 'examples.ts'), source);
    const program = ts.createProgram([join(dir, 'examples.ts')], {
      noEmit: true, strict: true, exactOptionalPropertyTypes: false, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true, skipLibCheck: true, types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('has a client check that does reject an example the description does not allow', async () => {
    writeFileSync(join(dir, 'client.ts'), astToString(await openapiTS(structuredClone(spec), { silent: true })));
    writeFileSync(join(dir, 'wrong.ts'), "import type { webhooks } from './client.ts';\nexport const wrong: webhooks['incident.created']['post']['requestBody']['content']['application/json'] = { type: 'incident.created', timestamp: 'x', data: null };\n");
    const program = ts.createProgram([join(dir, 'wrong.ts')], { noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true, skipLibCheck: true, types: [] });
    expect(ts.getPreEmitDiagnostics(program).length).toBeGreaterThan(0);
  }, 120_000);

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
