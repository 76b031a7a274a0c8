import type { FastifyContextConfig, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Repositories } from '../../db/repositories/index.ts';
import { AppError, isAppError } from '../../src/errors.ts';
import type { SubscriptionPolicy } from '../../src/alerts/subscription.ts';
import type { CursorCodec } from '../cursor.ts';
import type { RuntimeStatus } from '../routes/operations.ts';
import { incidentFilters } from '../routes/incidents.ts';
import { IncidentQuerySchema } from '../schemas/incident.ts';
import { EARLIEST_QUERY_DATE } from '../schemas/common.ts';
import { registerAssets } from './assets.ts';
import { html, type SafeHtml } from './html.ts';
import { page, type Section } from './layout.ts';
import { query } from './format.ts';
import { incidentPage, incidentResults, incidentsPage, type ListQuery } from './views/incidents.ts';
import { companyPage, sectorPage, sectorsPage } from './views/company.ts';
import { healthPage } from './views/health.ts';
import { reportsPage } from './views/reports.ts';
import { deliveryLog, subscriptionList, subscriptionsPage } from './views/subscriptions.ts';
import { createSubscription, notFound, replayDelivery, rotateSecret, sendTestMessage, updateSubscription, type SubscriptionInput } from '../../src/alerts/subscriptions.usecase.ts';
import type { Owner } from '../../db/repositories/subscriptions.ts';
import { SECTORS } from '../../src/companies/sectors.ts';
import { padCik } from '../../src/edgar/urls.ts';
import { listReportWeeks } from '../../src/reports/weekly.usecase.ts';

export interface DashboardOptions {
  repositories: Repositories;
  cursors: CursorCodec;
  /** API_READ_AUTH: with `key` the pages need a read key too (they show what /v1 would). */
  readAuth: 'open' | 'key';
  /** What saving a subscription checks against (the same as POST /v1/subscriptions). */
  policy: SubscriptionPolicy;
  /** The clock that says which weeks have ended (the reports archive). */
  clock: () => Date;
  runtime: RuntimeStatus;
}

/**
 * No inline script or style anywhere (htmx is configured through a meta tag), nothing from
 * another origin, no framing. The weekly report's own HTML (under /v1) is not a dashboard page.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const PAGE_SIZE = 25;

const str = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/** What the filter form can send; blanks are dropped and the rest checked against the API's own query schema. */
const ListQuerySchema = Type.Object(
  {
    q: str(500),
    ticker: str(20),
    sector: str(40),
    item: str(10),
    materialImpact: str(20),
    status: str(20),
    since: str(10),
    until: str(10),
    flag: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })])),
    cursor: str(200),
  },
  { additionalProperties: false },
);

const CompanyParams = Type.Object({ cik: Type.String({ pattern: '^(\\d{1,10}|[A-Za-z0-9][A-Za-z0-9.-]{0,9})$' }) }, { additionalProperties: false });
const SectorParams = Type.Object({ name: Type.String({ pattern: '^[a-z-]{1,40}$' }) }, { additionalProperties: false });
const CursorQuery = Type.Object({ cursor: str(200) }, { additionalProperties: false });
const NoQuery = Type.Object({}, { additionalProperties: false });
const COMPANY_INCIDENTS = 100;

/** The new-subscription form: all text, checked again by the use case as POST /v1/subscriptions is. */
const listOrOne = Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })]));
const SubscriptionForm = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    type: Type.String({ maxLength: 20 }),
    url: str(2048),
    to: str(2000),
    tickers: str(500),
    sectors: listOrOne,
    items: listOrOne,
    flags: listOrOne,
    digestAt: str(5),
    timezone: str(64),
  },
  { additionalProperties: false },
);
type SubscriptionFormBody = { name: string; type: string; url?: string; to?: string; tickers?: string; sectors?: string | string[]; items?: string | string[]; flags?: string | string[]; digestAt?: string; timezone?: string };

const words = (text: string | undefined) => (text ?? '').split(/[\s,;]+/).filter(Boolean);
const values = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x) => x !== '');

/** The form as the API's input: blank fields left out, lists split on commas and spaces. */
export function subscriptionInput(form: SubscriptionFormBody): SubscriptionInput {
  const type = form.type as SubscriptionInput['channel']['type'];
  const channel = type === 'email' ? { type, to: words(form.to) } : { type, url: (form.url ?? '').trim() };
  const filter: Record<string, string[]> = {};
  const tickers = words(form.tickers).map((t) => t.toUpperCase());
  if (tickers.length) filter.tickers = tickers;
  for (const key of ['sectors', 'items', 'flags'] as const) {
    const list = values(form[key]);
    if (list.length) filter[key] = list;
  }
  const at = form.digestAt?.trim();
  return { name: form.name, channel, filter, ...(at ? { mode: { digest: { at, timezone: (form.timezone ?? '').trim() || 'America/New_York' } } } : {}) };
}

/** A key of scope `alerts` sees its own subscriptions; an `admin` key every one (as /v1 does). */
function ownerOf(request: FastifyRequest): Owner {
  const key = request.apiKey!;
  return key.scope === 'admin' ? 'any' : { keyId: key.id };
}

const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9]\\d{0,14}$' }) }, { additionalProperties: false });

/** htmx asks for a fragment; a history restore, a reload or a no-JS browser gets the page. */
export function wantsFragment(request: FastifyRequest): boolean {
  return request.headers['hx-request'] === 'true' && request.headers['hx-history-restore-request'] !== 'true' && request.headers['hx-boosted'] !== 'true';
}

function send(reply: FastifyReply, body: SafeHtml, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'HX-Request').send(body.value);
}

function sendPage(reply: FastifyReply, title: string, section: Section, body: SafeHtml, status = 200) {
  return send(reply, page({ title, section, body }), status);
}

/** The form's query as the API's: blanks dropped, one flag made a list, then the same checks as /v1/incidents. */
export function readListQuery(raw: Record<string, string | string[] | undefined>): ListQuery {
  const q: ListQuery = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'flag') {
      const flags = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (flags.length) q.flag = [...new Set(flags)];
    } else if (typeof value === 'string' && value.trim() !== '') (q as Record<string, string>)[key] = value.trim();
  }
  const { cursor: _cursor, ...filters } = q;
  const issue = [...Value.Errors(IncidentQuerySchema, filters)][0];
  if (issue) {
    const name = issue.instancePath.split('/')[1] ?? 'query';
    throw new AppError('request.invalid_parameter', `The filter "${name}" (${String((filters as Record<string, unknown>)[name])}) is not one this list knows: ${issue.message}.`, { statusCode: 400 });
  }
  // The form's date inputs allow what /v1 does; ajv checks the bounds there, typebox does not here.
  for (const name of ['since', 'until'] as const) {
    const value = q[name];
    if (value && (value < EARLIEST_QUERY_DATE || value > '9999-12-31')) throw new AppError('request.invalid_parameter', `The filter "${name}" (${value}) must be a date from ${EARLIEST_QUERY_DATE} to 9999-12-31.`, { statusCode: 400 });
  }
  return q;
}

export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, { repositories, cursors, readAuth, clock, runtime, policy }) => {
  const { incidents, filings, companies, reports, jobs, pollState, deliveries } = repositories;
  const config: FastifyContextConfig = readAuth === 'key' ? { auth: 'read' } : {};

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  // A dashboard error is a page (or, for htmx, a fragment it shows), in the API's words.
  app.setErrorHandler(async (error, request, reply) => {
    const code = isAppError(error) ? error.statusCode : (error as { statusCode?: number }).statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
    if (status >= 500) request.log.error({ err: error }, 'dashboard page failed');
    const message = status >= 500 ? 'Something went wrong on the server; the error is in its log.' : error instanceof Error ? error.message : String(error);
    const body = html`<div class="error" role="alert"><b>${status === 404 ? 'Not found' : status >= 500 ? 'Server error' : 'Cannot show this'}</b>: ${message}</div><p><a href="/">Back to the incidents</a></p>`;
    return wantsFragment(request) ? send(reply, body, status) : sendPage(reply, 'Error', 'none', body, status);
  });

  registerAssets(app);

  // htmx posts forms urlencoded; only this scope reads that type (the API takes JSON).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
    const form: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const seen = form[k];
      form[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
    }
    done(null, form);
  });

  app.get('/', { config, schema: { hide: true, querystring: ListQuerySchema } }, async (request, reply) => {
    const q = readListQuery(request.query as Record<string, string | string[] | undefined>);
    const filters = incidentFilters({ ...q, cursor: undefined } as never);
    const after = q.cursor ? await cursors.decode(q.cursor, 'cursor', filters.q) : undefined;
    const found = await incidents.summaries(filters, { limit: PAGE_SIZE, after });
    const next = found.next ? await cursors.encode(found.next, filters.q) : null;
    // The address bar shows the filters chosen, not every blank field the form sent.
    if (wantsFragment(request)) return send(reply.header('hx-push-url', `/${query({ ...q })}`), incidentResults(found.rows, next, q));
    return sendPage(reply, 'Incidents', 'incidents', incidentsPage(found.rows, next, q));
  });

  app.get('/incidents/:id', { config, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const incident = await incidents.get(Number(id));
    if (!incident) throw new AppError('incidents.not_found', `no incident ${id} is known`, { statusCode: 404 });
    const timeline = await Promise.all(incident.filings.map(async (link) => ({ link, filing: await filings.get(link.accessionNumber) })));
    return sendPage(reply, incident.title, 'incidents', incidentPage(incident, timeline));
  });

  app.get('/companies/:cik', { config, schema: { hide: true, params: CompanyParams, querystring: NoQuery } }, async (request, reply) => {
    const { cik: id } = request.params as { cik: string };
    const numeric = /^\d+$/.test(id);
    const company = numeric ? await companies.get(padCik(id)) : (await companies.list({ ticker: id.toUpperCase() }, { limit: 1 })).rows[0];
    if (!company) throw new AppError('companies.not_found', `no company ${numeric ? `with CIK ${padCik(id)}` : `with ticker ${id.toUpperCase()}`} is known`, { statusCode: 404 });
    const found = await incidents.summaries({ cik: company.cik }, { limit: COMPANY_INCIDENTS });
    return sendPage(reply, company.name, 'incidents', companyPage(company, found.rows));
  });

  app.get('/sectors', { config, schema: { hide: true, querystring: NoQuery } }, async (_request, reply) => sendPage(reply, 'Sectors', 'sectors', sectorsPage()));

  app.get('/sectors/:name', { config, schema: { hide: true, params: SectorParams, querystring: CursorQuery } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    const { cursor } = request.query as { cursor?: string };
    const sector = SECTORS.find((s) => s.name === name);
    if (!sector) throw new AppError('companies.unknown_sector', `no sector is named "${name}"; the sectors are ${SECTORS.map((s) => s.name).join(', ')}`, { statusCode: 404 });
    const found = await incidents.summaries({ sector: name }, { limit: PAGE_SIZE, after: cursor ? await cursors.decode(cursor) : undefined });
    const next = found.next ? await cursors.encode(found.next) : null;
    if (wantsFragment(request)) return send(reply, incidentResults(found.rows, next, { cursor }, `/sectors/${name}`));
    const seen = cursor ? [] : (await companies.list({ sector: name }, { limit: 50 })).rows;
    return sendPage(reply, sector.title, 'sectors', sectorPage(sector, found.rows, next, cursor, seen));
  });

  app.get('/reports', { config, schema: { hide: true, querystring: NoQuery } }, async (_request, reply) => sendPage(reply, 'Weekly reports', 'reports', reportsPage(await listReportWeeks(reports, clock()))));

  app.get('/status', { config, schema: { hide: true, querystring: NoQuery } }, async (_request, reply) => {
    const [sources, queue, dead, alerts] = await Promise.all([pollState.list(), jobs.counts(), jobs.list({ state: 'dead', limit: 20 }), deliveries.health()]);
    const breaker = runtime.breaker?.();
    return sendPage(
      reply,
      'Health',
      'health',
      healthPage({
        polling: runtime.polling,
        leader: runtime.isLeader?.() ?? false,
        breaker: breaker ? { open: breaker.open, pausedUntil: breaker.pausedUntil ?? null, trips: breaker.trips } : null,
        sources,
        queue,
        dead,
        alerts,
      }),
    );
  });

  const alerts: FastifyContextConfig = { auth: 'alerts' };
  const { subscriptions } = repositories;
  const listFor = async (request: FastifyRequest) => subscriptions.list(ownerOf(request), { limit: 100 });
  const logOf = async (request: FastifyRequest, id: number) => {
    const subscription = await subscriptions.get(id, ownerOf(request));
    if (!subscription) throw notFound(id);
    return deliveryLog(subscription, await subscriptions.deliveries(id, { limit: 50 }), clock());
  };

  app.get('/subscriptions', { schema: { hide: true, querystring: NoQuery } }, async (_request, reply) => sendPage(reply, 'Subscriptions', 'subscriptions', subscriptionsPage()));

  app.get('/subscriptions/list', { config: alerts, schema: { hide: true, querystring: NoQuery } }, async (request, reply) => send(reply, subscriptionList(await listFor(request))));

  app.post('/subscriptions', { config: alerts, schema: { hide: true, querystring: NoQuery, body: SubscriptionForm } }, async (request, reply) => {
    const { subscription, secret } = await createSubscription(repositories, policy, subscriptionInput(request.body as SubscriptionFormBody), request.apiKey!.id);
    const notice = { text: `Subscription ${subscription.id} “${subscription.name}” created.`, secret: subscription.channel.type === 'webhook' ? secret : null };
    return send(reply, subscriptionList(await listFor(request), notice));
  });

  const idOf = (request: FastifyRequest) => Number((request.params as { id: string }).id);
  for (const [action, enabled] of [['pause', false], ['resume', true]] as const) {
    app.post(`/subscriptions/:id/${action}`, { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
      const row = await updateSubscription(repositories, policy, idOf(request), ownerOf(request), { enabled });
      const text = enabled ? `Subscription ${row.id} “${row.name}” resumed: new events are sent again.` : `Subscription ${row.id} “${row.name}” paused: nothing is sent until it is resumed.`;
      return send(reply, subscriptionList(await listFor(request), { text }));
    });
  }

  app.post('/subscriptions/:id/rotate-secret', { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const { subscription, secret } = await rotateSecret(repositories, idOf(request), ownerOf(request));
    const text = `Subscription ${subscription.id} “${subscription.name}” has a new signing secret; the previous one also signs until ${subscription.previousSecretUntil!.toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
    return send(reply, subscriptionList(await listFor(request), { text, secret }));
  });

  app.delete('/subscriptions/:id', { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const id = idOf(request);
    if (!(await repositories.subscriptions.delete(id, ownerOf(request)))) throw notFound(id);
    return send(reply, subscriptionList(await listFor(request), { text: `Subscription ${id} deleted, with its delivery log.` }));
  });

  app.get('/subscriptions/:id/deliveries', { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) =>
    send(reply, await logOf(request, Number((request.params as { id: string }).id))),
  );

  app.post('/subscriptions/:id/test', { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    await sendTestMessage(repositories, id, ownerOf(request));
    return send(reply, await logOf(request, id));
  });

  app.post('/deliveries/:id/replay', { config: alerts, schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const delivery = await replayDelivery(repositories, Number((request.params as { id: string }).id), ownerOf(request));
    return send(reply, await logOf(request, delivery.subscriptionId));
  });
};
