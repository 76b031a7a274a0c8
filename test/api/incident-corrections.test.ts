// Merge and split as admin API calls: scope admin only, the one error shape, linked by a user,
// kept by `incidents rebuild`, and the same events as the CLI's corrections.

import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApiKeyRepository } from '../../db/repositories/api-keys.ts';
import { createRepositories, type Repositories } from '../../db/repositories/index.ts';
import type { ApiKeyScope } from '../../db/schema.ts';
import { generateApiKey } from '../../src/auth/api-keys.ts';
import { mergeIncidents, splitIncident } from '../../src/incidents/corrections.usecase.ts';
import { rebuildIncidents } from '../../src/incidents/rethread.usecase.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { discover, record, shapes } from '../incidents/helpers.ts';
import { analyzeReplay, oneCompanyTwoIncidents, THREADS, type AnalyzedReplayFiling } from '../incidents/replay-corpus.ts';
import { expectApiError, useApp } from './app.ts';

let prudential: AnalyzedReplayFiling[];
let twoIncidents: AnalyzedReplayFiling[];
beforeAll(async () => {
  prudential = await analyzeReplay(THREADS.prudential);
  twoIncidents = await oneCompanyTwoIncidents();
});

describeEachDatabase('REST API: incident corrections (admin)', (getDb) => {
  const app = useApp(() => getDb().database);
  const repos = (): Repositories => createRepositories(getDb().database.db);

  async function bearer(scope: ApiKeyScope) {
    const generated = generateApiKey();
    await createApiKeyRepository({ db: getDb().database.db }).create(generated, { name: `curator-${scope}`, scope });
    return { authorization: `Bearer ${generated.key}` };
  }

  async function seed(filings: AnalyzedReplayFiling[]) {
    await discover(repos(), filings);
    for (const f of filings) await record(repos(), f);
    return shapes(repos());
  }

  const post = async (url: string, payload: unknown, headers: Record<string, string> = {}) => app().inject({ method: 'POST', url, payload: payload as object, headers });

  /** Events after `after`, as a consumer compares them: what changed, on which incident, caused by what. */
  async function eventsAfter(after: number) {
    return (await repos().incidents.events(after, 100)).map((e) => ({ type: e.type, incidentId: e.incidentId, accessionNumber: e.accessionNumber, analyzerVersion: e.analyzerVersion, payload: e.payload }));
  }

  it('needs a key of scope admin: 401 without one or with a bad one, 403 for read and alerts keys, and nothing is corrected', async () => {
    const [pru] = await seed(prudential);
    const split = `/v1/incidents/${pru!.id}/split`;
    const body = { accessionNumber: prudential[1]!.accessionNumber };
    const missing = await post(split, body);
    expect(expectApiError(missing, 401).code).toBe('auth.key_required');
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="cyber8k"');
    expect(expectApiError(await post(split, body, { authorization: 'Bearer c8k_not-a-key' }), 401).code).toBe('auth.invalid_key');
    for (const scope of ['read', 'alerts'] as const) {
      expect(expectApiError(await post(split, body, await bearer(scope)), 403).code).toBe('auth.insufficient_scope');
      expect(expectApiError(await post(`/v1/incidents/${pru!.id}/merge`, { into: pru!.id }, await bearer(scope)), 403).code).toBe('auth.insufficient_scope');
    }
    expect(await repos().incidents.corrections(pru!.cik)).toEqual([]);
    expect((await shapes(repos())).map((i) => i.filings.length)).toEqual([2]);
  });

  it('merges two incidents of one company: the filings join `into` as linked by a user, the merged one is retracted, and a rebuild keeps it', async () => {
    const before = await seed(twoIncidents);
    const [wytec, built] = twoIncidents.map((f) => f.accessionNumber);
    const into = before.find((i) => i.filings[0]!.startsWith(wytec!))!;
    const from = before.find((i) => i.filings[0]!.startsWith(built!))!;
    const seen = (await repos().incidents.events(0, 100)).at(-1)!.id;

    const res = await post(`/v1/incidents/${from.id}/merge`, { into: into.id }, await bearer('admin'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.incident.id).toBe(into.id);
    expect(body.incident.filings.map((f: any) => [f.accessionNumber, f.linkedBy])).toEqual([[built, 'auto'], [wytec, 'user']]);
    expect(body.events).toBe(2);
    const events = await eventsAfter(seen);
    expect(events.map((e) => [e.type, e.incidentId, e.analyzerVersion])).toEqual(
      expect.arrayContaining([['incident.updated', into.id, `correction ${body.correction}`], ['incident.retracted', from.id, `correction ${body.correction}`]]),
    );
    expect(events).toHaveLength(body.events);
    const [stored] = await repos().incidents.corrections(into.cik);
    expect(stored).toMatchObject({ id: body.correction, kind: 'merge', madeBy: expect.stringMatching(/^api key \d+ \(curator-admin\)$/) });

    const after = await shapes(repos());
    await getDb().database.query(sql.raw('truncate events, incident_filings, incidents restart identity cascade'));
    await rebuildIncidents(repos());
    expect((await shapes(repos())).filter((i) => i.status !== 'retracted').map((i) => i.filings)).toEqual([after.find((i) => i.id === into.id)!.filings]);
  });

  it("splits Prudential's 8-K/A off into an incident of its own (201 and its Location), linked by a user, and a rebuild keeps it", async () => {
    const [incident] = await seed(prudential);
    const [eightK, amendment] = prudential.map((f) => f.accessionNumber);
    const seen = (await repos().incidents.events(0, 100)).at(-1)!.id;

    const res = await post(`/v1/incidents/${incident!.id}/split`, { accessionNumber: amendment }, await bearer('admin'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.incident.id).not.toBe(incident!.id);
    expect(res.headers.location).toBe(`/v1/incidents/${body.incident.id}`);
    expect(body.incident.filings).toEqual([expect.objectContaining({ accessionNumber: amendment, linkedBy: 'user', reason: 'split off by a user: an incident of its own' })]);
    const events = await eventsAfter(seen);
    expect(events.map((e) => [e.type, e.incidentId])).toEqual(expect.arrayContaining([['incident.updated', incident!.id], ['incident.created', body.incident.id]]));
    expect(events).toHaveLength(body.events);
    // What a client reads next agrees.
    const kept = (await app().inject({ url: `/v1/incidents/${incident!.id}` })).json();
    expect(kept.filings.map((f: any) => f.accessionNumber)).toEqual([eightK]);

    const expected = (await shapes(repos())).map((i) => i.filings);
    await getDb().database.query(sql.raw('truncate events, incident_filings, incidents restart identity cascade'));
    await rebuildIncidents(repos());
    expect((await shapes(repos())).map((i) => i.filings)).toEqual(expected);
  });

  it('writes the same events as the CLI’s merge and split', async () => {
    const viaApi = async () => {
      const before = await seed([...twoIncidents, ...prudential]);
      const admin = await bearer('admin');
      const [wytec, pru] = [before.find((i) => i.filings[0]!.startsWith(twoIncidents[0]!.accessionNumber))!, before.find((i) => i.filings.length === 2)!];
      const built = before.find((i) => i.filings[0]!.startsWith(twoIncidents[1]!.accessionNumber))!;
      expect((await post(`/v1/incidents/${built.id}/merge`, { into: wytec.id }, admin)).statusCode).toBe(200);
      expect((await post(`/v1/incidents/${pru.id}/split`, { accessionNumber: prudential[1]!.accessionNumber }, admin)).statusCode).toBe(201);
      return eventsAfter(0);
    };
    const viaCli = async () => {
      const before = await seed([...twoIncidents, ...prudential]);
      const [wytec, pru] = [before.find((i) => i.filings[0]!.startsWith(twoIncidents[0]!.accessionNumber))!, before.find((i) => i.filings.length === 2)!];
      const built = before.find((i) => i.filings[0]!.startsWith(twoIncidents[1]!.accessionNumber))!;
      await mergeIncidents(repos(), wytec.id, built.id);
      await splitIncident(repos(), pru.id, prudential[1]!.accessionNumber);
      return eventsAfter(0);
    };
    const api = await viaApi();
    await getDb().reset();
    const cli = await viaCli();
    expect(api.length).toBeGreaterThan(4);
    expect(api).toEqual(cli);
  });

  it('refuses what cannot be corrected, and bad input, with the one error shape and stable codes', async () => {
    const all = [...prudential, twoIncidents[0]!];
    const [pru, wytec] = await seed(all);
    const admin = await bearer('admin');
    const merge = (id: number | string, payload: unknown) => post(`/v1/incidents/${id}/merge`, payload, admin);
    const split = (id: number | string, payload: unknown) => post(`/v1/incidents/${id}/split`, payload, admin);
    expect(expectApiError(await merge(wytec!.id, { into: pru!.id }), 409).code).toBe('incidents.merge_companies');
    expect(expectApiError(await merge(pru!.id, { into: pru!.id }), 400).code).toBe('incidents.merge_same');
    expect(expectApiError(await merge(999, { into: pru!.id }), 404).code).toBe('incidents.not_found');
    expect(expectApiError(await merge(pru!.id, { into: 999 }), 404).code).toBe('incidents.not_found');
    expect(expectApiError(await split(pru!.id, { accessionNumber: prudential[0]!.accessionNumber }), 409).code).toBe('incidents.split_no_change');
    expect(expectApiError(await split(wytec!.id, { accessionNumber: twoIncidents[0]!.accessionNumber }), 409).code).toBe('incidents.split_alone');
    expect(expectApiError(await split(wytec!.id, { accessionNumber: prudential[1]!.accessionNumber }), 404).code).toBe('incidents.split_not_member');
    expect(expectApiError(await merge(pru!.id, {}), 400).parameter).toBe('into');
    expect(expectApiError(await merge(pru!.id, { into: '12' }), 400).parameter).toBe('into');
    expect(expectApiError(await merge(pru!.id, { into: wytec!.id, force: true }), 400).parameter).toBe('force');
    expect(expectApiError(await split(pru!.id, { accessionNumber: "0000000000-24-000001' or 1=1" }), 400).parameter).toBe('accessionNumber');
    expect(expectApiError(await split('0', { accessionNumber: prudential[1]!.accessionNumber }), 400).code).toBe('request.invalid_parameter');
    expect(expectApiError(await app().inject({ method: 'GET', url: `/v1/incidents/${pru!.id}/split` }), 405).code).toBe('request.method_not_allowed');
    expect(await repos().incidents.corrections(pru!.cik)).toEqual([]);
    expect((await shapes(repos())).map((i) => i.filings.length)).toEqual([2, 1]);
  });

  it('documents both routes in OpenAPI: an admin key required, the body, the result and the refusals', async () => {
    const spec = (await app().inject({ url: '/docs/json' })).json();
    for (const [path, field, ok] of [['/v1/incidents/{id}/merge', 'into', '200'], ['/v1/incidents/{id}/split', 'accessionNumber', '201']] as const) {
      const op = spec.paths[path].post;
      expect(op.security, path).toEqual([{ apiKey: [] }]);
      const body = op.requestBody.content['application/json'].schema;
      expect(body.required, path).toEqual([field]);
      expect(body.additionalProperties, path).toBe(false);
      const result = op.responses[ok].content['application/json'].schema;
      expect(result.required, path).toEqual(['correction', 'events', 'incident']);
      expect(result.properties.incident, path).toEqual({ $ref: '#/components/schemas/Incident' });
      expect(Object.keys(op.responses).sort(), path).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409']));
    }
  });
});
