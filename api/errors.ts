import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { isAppError } from '../src/errors.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, parameter?: string) {
  // Errors are about this request only: a cache must never keep them.
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(parameter ? { parameter } : {}) } });
}

/** Names the parameter at fault, so a 400 says which one to fix. */
function describeValidation(issues: ValidationIssue[], context: string | undefined): { message: string; parameter?: string } {
  const issue = issues[0];
  const where = context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : (context ?? 'request');
  if (!issue) return { message: `invalid ${where}` };
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    return { message: `unknown ${where} "${name}"`, parameter: name };
  }
  const name = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(issue.params.missingProperty ?? '');
  return { message: `${where} "${name}" ${issue.message ?? 'is invalid'}`, parameter: name || undefined };
}

/** One error shape for every failure: `{ error: { code, message, parameter? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>((err, request, reply) => {
    if (err.validation) {
      const { message, parameter } = describeValidation(err.validation as unknown as ValidationIssue[], err.validationContext);
      return sendError(reply, 400, 'request.invalid_parameter', message, parameter);
    }
    if (isAppError(err) && err.statusCode < 500) {
      return sendError(reply, err.statusCode, err.code, err.message);
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return sendError(reply, status, err.code ? `request.${err.code.toLowerCase()}` : 'request.invalid', err.message);
    }
    request.log.error({ err, request: { method: request.method, url: request.url } }, 'request failed');
    return sendError(reply, status, 'internal.error', 'Internal Server Error');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'request.not_found', `no route for ${request.method} ${request.url.split('?')[0]}`),
  );
}
