import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Probes and scrapes arrive every few seconds; at info they would drown the requests that matter.
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);
const MAX_LOGGED_PATH = 200;

/**
 * One line per request, when it is answered: method, route pattern (the path only when no route
 * matched), status and milliseconds. Fastify's own pair of lines ("incoming request", "request
 * completed") is turned off in app.ts. The query string is never logged: it is the client's.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => logRequest(request, reply));
}

/** The line itself; errors.ts calls it for what the router rejects, which runs no hooks. */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const route = request.routeOptions.url ?? null;
  const line = {
    method: request.method,
    route,
    ...(route === null ? { path: (request.url.split('?')[0] ?? '').slice(0, MAX_LOGGED_PATH) } : {}),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (route !== null && QUIET_ROUTES.has(route)) request.log.debug(line, 'request');
  else request.log.info(line, 'request');
}
