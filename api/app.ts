import { randomBytes } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { createRepositories, type Repositories } from '../db/repositories/index.ts';
import { createCursorCodec } from './cursor.ts';
import { createResponseCache } from './response-cache.ts';
import { FILINGS_CHANNEL, onFilingsChanged } from '../db/filing-changes.ts';
import { declareRouteAuth, registerAuth } from './auth.ts';
import { documentRoute, openApiOptions } from './openapi.ts';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './errors.ts';
import { registerRequestLog } from './request-log.ts';
import { createRouteTable } from './route-table.ts';
import { strictQuery } from './strict-query.ts';
import { companyRoutes } from './routes/companies.ts';
import { exportRoutes } from './routes/exports.ts';
import { feedRoutes } from './routes/feed.ts';
import { filingRoutes } from './routes/filings.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { incidentCorrectionRoutes } from './routes/incident-corrections.ts';
import { jobRoutes } from './routes/jobs.ts';
import { reportRoutes } from './routes/reports.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import type { SubscriptionPolicy } from '../src/alerts/subscription.ts';
import { SECTOR_NAMES } from '../src/companies/sectors.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { operationsRoutes, type RuntimeStatus } from './routes/operations.ts';
import { ErrorSchema } from './schemas/common.ts';
import { VERSION } from '../src/version.ts';
import { createMonitorMetrics, type MonitorMetrics } from '../src/metrics.ts';

export interface BuildAppOptions {
  database: Database;
  /** The process's repositories over `database` (built from it when not given). */
  repositories?: Repositories;
  /** A pino logger to share with the rest of the process, or false for none (tests). */
  logger?: FastifyBaseLogger | false;
  metrics?: MonitorMetrics;
  runtime?: RuntimeStatus;
  /** The clock of the response cache's expiry, the exports' file names and /health's uptime (tests move it). */
  now?: () => number;
  /** PUBLIC_URL: the base of the links the feed writes (unset: the request's scheme and host). */
  publicUrl?: string | null;
  /** The clock that says which weeks have ended (weekly reports); default the system's. */
  clock?: () => Date;
  /** Rows per query of an export (default 500, 2,000 for the incidents CSV; tests make it small). */
  exportBatch?: number;
  /** API_READ_AUTH: whether reading /v1 needs an API key (default open). */
  apiReadAuth?: 'open' | 'key';
  /** What saving a subscription checks against (ALERTS_ALLOW_PRIVATE_URLS, SMTP set up). */
  alerts?: { allowPrivateUrls?: boolean; emailEnabled?: boolean };
}

// About 20 KB a page: a few megabytes at most. Expiry bounds how long a change made by another
// process could go unseen should its notification be lost.
const RESPONSE_CACHE_ENTRIES = 256;
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const RESPONSE_CACHE_MAX_AGE_MS = 5_000;

/** Builds the REST API; the caller decides whether and where it listens. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Unknown query parameters are rejected with a 400 rather than silently dropped; query scalars
    // are converted by strictQuery, not coerced by ajv (which reads `0x10` as 16).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true } },
    // Fastify's own answers to these are not in the API's error shape (see errors.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    return503OnClosing: false,
    // One line per request instead of two (request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const readAuth = options.apiReadAuth ?? 'open';
  const repositories = options.repositories ?? createRepositories(options.database.db);
  const routes = createRouteTable();
  app.addHook('onRoute', (route) => {
    routes.add(route.method, route.url);
    strictQuery(route);
    declareRouteAuth(route, readAuth);
    documentRoute(route);
  });
  registerErrorHandling(app, routes);
  registerAuth(app, { apiKeys: repositories.apiKeys, rateLimits: repositories.rateLimits, readAuth });
  registerRequestLog(app);
  app.addSchema(ErrorSchema);

  await app.register(swagger, openApiOptions({ version: VERSION, publicUrl: options.publicUrl }));
  // The docs page loads only its own scripts and styles (swagger-ui's bundle; the validator badge is
  // off), so nothing injected into a description could run or call out.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CONTENT_SECURITY_POLICY });

  await app.register(operationsRoutes, {
    version: VERSION,
    database: options.database,
    repositories,
    metrics: options.metrics ?? createMonitorMetrics(),
    runtime: options.runtime ?? { polling: false },
    now: options.now ?? Date.now,
  });
  const { serverKeys } = repositories;
  const cursors = createCursorCodec(() => serverKeys.getOrCreate('api.cursor', () => randomBytes(32)));
  const cache = createResponseCache({ maxEntries: RESPONSE_CACHE_ENTRIES, maxAgeMs: RESPONSE_CACHE_MAX_AGE_MS, now: options.now });
  // Writes in this process signal at once; other processes on the same server NOTIFY. A listener
  // that (re)connects may have missed some, so it empties the cache too.
  const stopWatching = onFilingsChanged(options.database.db, () => cache.invalidate());
  const stopListening = await options.database.listen(FILINGS_CHANNEL, () => cache.invalidate(), () => cache.invalidate());
  app.addHook('onClose', async () => {
    stopWatching();
    await stopListening();
  });
  await app.register(filingRoutes, { prefix: '/v1', filings: repositories.filings, incidents: repositories.incidents, cursors, cache });
  await app.register(incidentRoutes, { prefix: '/v1', incidents: repositories.incidents, filings: repositories.filings, cursors });
  await app.register(incidentCorrectionRoutes, { prefix: '/v1', repositories });
  await app.register(feedRoutes, { prefix: '/v1', incidents: repositories.incidents, version: VERSION, publicUrl: options.publicUrl });
  await app.register(exportRoutes, { prefix: '/v1', filings: repositories.filings, incidents: repositories.incidents, now: options.now ?? Date.now, batch: options.exportBatch });
  await app.register(companyRoutes, { prefix: '/v1', companies: repositories.companies, incidents: repositories.incidents, cursors });
  await app.register(jobRoutes, { prefix: '/v1', jobs: repositories.jobs });
  await app.register(reportRoutes, { prefix: '/v1', reports: repositories.reports, clock: options.clock ?? (() => new Date()), baseUrl: options.publicUrl ?? '' });
  const policy: SubscriptionPolicy = {
    allowPrivate: options.alerts?.allowPrivateUrls ?? false,
    emailEnabled: options.alerts?.emailEnabled ?? false,
    resolveTickers: (tickers) => repositories.companies.ciksOfTickers(tickers),
    sectorNames: SECTOR_NAMES,
  };
  await app.register(subscriptionRoutes, { prefix: '/v1', repositories, policy });
  await app.register(dashboardRoutes, { repositories, cursors, readAuth, policy, clock: options.clock ?? (() => new Date()), runtime: options.runtime ?? { polling: false } });
  return app;
}
