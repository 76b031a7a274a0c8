// Examples of the OpenAPI description: one real-looking answer per operation and one body per
// webhook, typed against the DTOs so a change of shape breaks the build here, and checked against
// the client openapi-typescript generates from the description (test/api/openapi.test.ts).

import type { ErrorBody } from './errors.ts';

export const ERROR_EXAMPLES: Record<string, ErrorBody> = {
  400: { error: { code: 'request.invalid_parameter', message: 'query parameter "since" must be a calendar date, YYYY-MM-DD', parameter: 'since' } },
  401: { error: { code: 'auth.invalid_key', message: 'the API key is not valid, or it was revoked' } },
  403: { error: { code: 'auth.insufficient_scope', message: 'API key c8k_3f9a… has scope read; this request needs alerts' } },
  404: { error: { code: 'incidents.not_found', message: 'no incident 4242 is known' } },
  409: { error: { code: 'incidents.merge_companies', message: 'incidents 12 (CIK 0000731766) and 13 (CIK 0000320193) are of two companies; an incident is one company\'s' } },
  429: { error: { code: 'auth.rate_limited', message: 'API key c8k_3f9a… made more than 600 requests a minute; retry in 4 s' } },
  503: { error: { code: 'service.closing', message: 'the server is shutting down; retry on another instance' } },
};

/** operationId → status → the example of its (first) media type. */
export const OPERATION_EXAMPLES: Record<string, Record<string, unknown>> = {};

/** Webhook operationId → the body it receives. */
export const WEBHOOK_EXAMPLES: Record<string, unknown> = {};
