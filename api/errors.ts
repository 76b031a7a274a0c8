import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../src/errors.ts';
import { logRequest } from './request-log.ts';
import type { RouteTable } from './route-table.ts';

/** Longer URLs get a 414: no query of this API needs more, and Node's own limit answers 431 at 16 KB. */
export const MAX_URL_LENGTH = 8192;

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string };
}

/** A 400 about one request parameter, named in the error's `parameter`. */
export class ParameterError extends AppError {
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super('request.invalid_parameter', message, { statusCode: 400 });
    this.name = 'ParameterError';
    this.parameter = parameter;
  }
}

export function errorBody(code: string, message: string, parameter?: string): ErrorBody {
  return { error: { code, message, ...(parameter ? { parameter } : {}) } };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, parameter?: string) {
  // Errors are about this request only: a cache must never keep them.
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(code, message, parameter));
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the parameter at fault, so a 400 says which one to fix. */
function describeValidation(issues: ValidationIssue[], context: string | undefined): { message: string; parameter?: string } {
  const issue = issues[0];
  const where = context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : context === 'body' ? 'body field' : (context ?? 'request');
  if (!issue) return { message: `invalid ${where}` };
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    return { message: `unknown ${where} "${name}"`, parameter: name };
  }
  const name = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(issue.params.missingProperty ?? '');
  return { message: `${where} "${name}" ${explain(issue)}`, parameter: name || undefined };
}

/** Ajv's wording, except where it would be obscure to a client. */
function explain(issue: ValidationIssue): string {
  if (issue.keyword === 'format' && issue.params.format === 'date') return 'must be a calendar date, YYYY-MM-DD';
  if (issue.keyword === 'formatMinimum') return `must be on or after ${String(issue.params.limit)}`;
  if (issue.keyword === 'formatMaximum') return `must be on or before ${String(issue.params.limit)}`;
  return issue.message ?? 'is invalid';
}

// Fastify's own errors get a stable code and a message of ours: theirs can echo the URL or a header.
const FRAMEWORK_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_BAD_URL: { code: 'request.bad_url', message: 'the request URL is not validly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'request.uri_too_long', message: 'a path segment of the request URL is too long' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.invalid_body', message: 'the request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.invalid_body', message: 'the request body is empty but its content-type says JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.invalid_body', message: 'the request body does not match its content-length' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.body_too_large', message: 'the request body is larger than this API accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', message: 'the content-type of the request body is not supported' },
};

function sendFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.validation) {
    const { message, parameter } = describeValidation(err.validation as unknown as ValidationIssue[], err.validationContext);
    return sendError(reply, 400, 'request.invalid_parameter', message, parameter);
  }
  if (err instanceof ParameterError) return sendError(reply, 400, err.code, err.message, err.parameter);
  if (isAppError(err) && err.statusCode < 500) return sendError(reply, err.statusCode, err.code, err.message, (err as { parameter?: string }).parameter);
  const known = err.code ? FRAMEWORK_ERRORS[err.code] : undefined;
  const status = err.statusCode ?? 500;
  if (known) return sendError(reply, status, known.code, known.message);
  if (status < 500) return sendError(reply, status, 'request.invalid', STATUS_CODES[status] ?? 'the request is invalid');
  request.log.error({ err, request: { method: request.method, url: request.url.slice(0, 200) } }, 'request failed');
  return sendError(reply, status, 'internal.error', 'Internal Server Error');
}

/** `frameworkErrors`: what the router rejects before any route (bad encoding, over-long parameters). */
export const frameworkErrorHandler = (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  void sendFrameworkError(err, request, reply);
  logRequest(request, reply);
};

/**
 * `clientErrorHandler`: what Node's HTTP parser rejects before Fastify sees a request (oversized
 * headers, garbage on the wire, a client too slow to send its request).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.headers_too_large', 'the request headers are larger than this API accepts']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.timeout', 'the request was not received in time']
        : [400, 'request.malformed', 'the request is not valid HTTP'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * One error shape for every failure: `{ error: { code, message, parameter? } }`, including 404 and
 * 405 (answered on arrival, before a body is read), over-long URLs, and requests arriving while
 * the server closes.
 */
export function registerErrorHandling(app: FastifyInstance, routes: RouteTable): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.setErrorHandler<FastifyError>((err, request, reply) => sendFrameworkError(err, request, reply));

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = routes.allowed(path);
    if (allowed.length > 0) {
      return sendError(reply.header('allow', allowed.join(', ')), 405, 'request.method_not_allowed', `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}`);
    }
    return sendError(reply, 404, 'request.not_found', `no route for ${request.method} ${path}`);
  };
  app.setNotFoundHandler(notFound);

  app.addHook('onRequest', async (request, reply) => {
    if (closing) return sendError(reply.header('connection', 'close'), 503, 'service.closing', 'the server is shutting down; retry on another instance');
    if (request.url.length > MAX_URL_LENGTH) {
      return sendError(reply, 414, 'request.uri_too_long', `the request URL is longer than ${MAX_URL_LENGTH} characters`);
    }
    if (request.is404) return notFound(request, reply);
    return undefined;
  });
}
