import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ApiKeyInfo, ApiKeyRepository } from '../db/repositories/api-keys.ts';
import type { RateLimitRepository } from '../db/repositories/rate-limits.ts';
import { isApiKeyShaped, scopeAllows, type ApiKeyScope } from '../src/auth/api-keys.ts';
import { sendError } from './errors.ts';
import { ErrorSchema } from './schemas/common.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The scope a route needs. `read` routes are open unless API_READ_AUTH=key; every /v1 route
     * is `read` unless it says otherwise. A key presented to a route that has a scope is always
     * checked, so a wrong key never passes as anonymous.
     */
    auth?: ApiKeyScope;
    /** The route also takes its key as `?token=` (feed readers cannot send headers); only a `feed` key is accepted there. */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    /** The key the request authenticated with; null when anonymous. */
    apiKey: ApiKeyInfo | null;
  }
}

export interface AuthOptions {
  apiKeys: ApiKeyRepository;
  rateLimits: RateLimitRepository;
  readAuth: 'open' | 'key';
}

export const SECURITY_SCHEME = 'apiKey';

const BEARER = /^Bearer +(\S+) *$/i;

/** Every /v1 route needs at least `read`; sets the OpenAPI security and error responses of each. */
export function declareRouteAuth(route: RouteOptions, readAuth: 'open' | 'key'): void {
  if (!route.url.startsWith('/v1/')) return;
  route.config = { ...(route.config ?? {}), auth: route.config?.auth ?? 'read' };
  const scope = route.config.auth!;
  const schema = (route.schema ??= {});
  // The feed is as open as the other reads.
  const optional = (scope === 'read' || scope === 'feed') && readAuth === 'open';
  // OpenAPI: `{}` in the list means the key is optional.
  (schema as Record<string, unknown>).security = optional ? [{}, { [SECURITY_SCHEME]: [] }] : [{ [SECURITY_SCHEME]: [] }];
  const responses = (schema.response ??= {}) as Record<string, unknown>;
  // 401: no key where one is needed, or one not valid or revoked; 403: the key's scope is too
  // small; 429: the key's requests a minute are spent (see Retry-After).
  responses[401] ??= ErrorSchema;
  if (scope !== 'read') responses[403] ??= ErrorSchema;
  responses[429] ??= ErrorSchema;
}

/**
 * Authenticates `Authorization: Bearer c8k_…` on the routes that declare a scope, before the body
 * is read: 401 for a missing (where required), malformed, unknown or revoked key, 429 past the
 * key's rate limit (shared by every instance, through the database), 403 for too small a scope.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  const { apiKeys, rateLimits, readAuth } = options;
  app.decorateRequest('apiKey', null);

  const unauthorized = (reply: FastifyReply, code: string, message: string) =>
    sendError(reply.header('www-authenticate', 'Bearer realm="cyber8k"'), 401, code, message);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const required = request.routeOptions.config?.auth;
    if (!required) return undefined;
    const header = request.headers.authorization;
    const queryToken = request.routeOptions.config?.tokenInQuery ? (request.query as { token?: unknown } | undefined)?.token : undefined;
    if (header === undefined && typeof queryToken === 'string') return authenticateQueryToken(request, reply, queryToken, required);
    if (header === undefined) {
      if ((required === 'read' || required === 'feed') && readAuth === 'open') return undefined;
      return unauthorized(reply, 'auth.key_required', `this request needs an API key of scope ${required}: send "Authorization: Bearer <key>" (create one with \`cyber8k keys create\`)`);
    }
    const token = BEARER.exec(header)?.[1];
    if (!token || !isApiKeyShaped(token)) {
      return unauthorized(reply, 'auth.invalid_key', 'the Authorization header must be "Bearer c8k_…" with a key made by `cyber8k keys create`');
    }
    const key = await apiKeys.authenticate(token);
    if (!key) return unauthorized(reply, 'auth.invalid_key', 'the API key is not valid, or it was revoked');
    const limit = await rateLimits.takeFrom(`api-key:${key.id}`, key.rateLimitPerMinute / 60, key.rateLimitPerMinute);
    if (!limit.granted) {
      const seconds = Math.ceil(limit.retryAfterMs / 1000);
      return sendError(reply.header('retry-after', String(seconds)), 429, 'auth.rate_limited', `API key ${key.prefix}… made more than ${key.rateLimitPerMinute} requests a minute; retry in ${seconds} s`);
    }
    if (!scopeAllows(key.scope, required)) {
      return sendError(reply, 403, 'auth.insufficient_scope', `API key ${key.prefix}… has scope ${key.scope}; this request needs ${required}`);
    }
    request.apiKey = key;
    return undefined;
  });

  /** `?token=`: a feed token only, so a key that can read or write more is never one a URL carries. */
  async function authenticateQueryToken(request: FastifyRequest, reply: FastifyReply, token: string, required: ApiKeyScope) {
    const key = isApiKeyShaped(token) ? await apiKeys.authenticate(token) : undefined;
    if (!key) return unauthorized(reply, 'auth.invalid_key', 'the token is not valid, or it was revoked');
    if (key.scope !== 'feed') {
      return unauthorized(reply, 'auth.invalid_key', `only a feed token (\`cyber8k keys create --scope feed\`) may be sent in a URL; send key ${key.prefix}… as "Authorization: Bearer" instead, and revoke it if the URL was shared`);
    }
    const limit = await rateLimits.takeFrom(`api-key:${key.id}`, key.rateLimitPerMinute / 60, key.rateLimitPerMinute);
    if (!limit.granted) {
      const seconds = Math.ceil(limit.retryAfterMs / 1000);
      return sendError(reply.header('retry-after', String(seconds)), 429, 'auth.rate_limited', `feed token ${key.prefix}… made more than ${key.rateLimitPerMinute} requests a minute; retry in ${seconds} s`);
    }
    if (!scopeAllows(key.scope, required)) return sendError(reply, 403, 'auth.insufficient_scope', `feed token ${key.prefix}… has scope feed; this request needs ${required}`);
    request.apiKey = key;
    return undefined;
  }
}
