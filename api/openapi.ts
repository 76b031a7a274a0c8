// The OpenAPI 3.1 description served at /docs/json: what @fastify/swagger derives from the routes'
// schemas, finished here with what it cannot derive — servers, licence, the one error shape as
// shared responses, the webhooks subscribers receive, and examples (openapi-examples.ts).

import type { SwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { SECURITY_SCHEME } from './auth.ts';
import { ERROR_EXAMPLES, OPERATION_EXAMPLES, WEBHOOK_EXAMPLES } from './openapi-examples.ts';
import { ErrorSchema } from './schemas/common.ts';
import { INCIDENT_WEBHOOK_TYPES, ReportPublishedEventSchema, TestEventSchema, WEBHOOK_SCHEMAS } from './schemas/webhook.ts';

type Json = Record<string, unknown>;

/** Where a 4xx or 5xx of the one error shape points: a shared response each, with an example. */
const ERROR_RESPONSES: Record<string, { name: string; description: string; headers?: Json }> = {
  400: { name: 'BadRequest', description: 'A parameter or the body is invalid (an unknown query parameter too); `error.parameter` names it.' },
  401: {
    name: 'Unauthorized',
    description: 'No API key where one is needed, or one that is malformed, unknown or revoked.',
    headers: { 'WWW-Authenticate': { description: '`Bearer realm="cyber8k"`', schema: { type: 'string' } } },
  },
  403: { name: 'Forbidden', description: 'The API key’s scope is too small for this request.' },
  404: { name: 'NotFound', description: 'No such resource.' },
  409: { name: 'Conflict', description: 'The request conflicts with the current state of the resource.' },
  429: {
    name: 'TooManyRequests',
    description: 'The API key made more requests this minute than its limit.',
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
  },
  503: { name: 'ServiceUnavailable', description: 'The server is shutting down: retry on another instance.' },
};

const ERROR_REF = { $ref: 'Error#' };

/**
 * onRoute: what the routes leave to the description. Every documented route answers 400 (query
 * parameters are checked strictly); routes that take no key say so (`security: []`), and the
 * error shape is referenced instead of copied into each response.
 */
export function documentRoute(route: RouteOptions): void {
  const schema = route.schema as (Json & { hide?: boolean; response?: Json }) | undefined;
  if (!schema || schema.hide) return;
  schema.security ??= [];
  const responses = (schema.response ??= {});
  responses[400] ??= ErrorSchema;
  for (const [status, response] of Object.entries(responses)) if (response === ErrorSchema) responses[status] = ERROR_REF;
}

export interface OpenApiOptions {
  version: string;
  /** PUBLIC_URL: the server the description names (unset: the one it is read from). */
  publicUrl?: string | null;
}

export function openApiOptions({ version, publicUrl }: OpenApiOptions): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cyber8k API',
        version,
        description:
          'Cybersecurity incident disclosures from SEC EDGAR (8-K Item 1.05, 8.01/7.01 and periodic reports), with the facts the analyzer extracted and the sentence each came from.\n\n' +
          'Errors always have one shape, `{ "error": { "code", "message", "parameter"? } }`, with a stable `code`. Reads are open unless the server runs with `API_READ_AUTH=key`; subscriptions need an API key of scope `alerts`, sent as `Authorization: Bearer c8k_…`. ' +
          'The `webhooks` section describes what a webhook subscription receives (Standard Webhooks 1.0: `webhook-id`, `webhook-timestamp`, `webhook-signature`).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [publicUrl ? { url: publicUrl.replace(/\/+$/, ''), description: 'This deployment (PUBLIC_URL).' } : { url: '/', description: 'The server this description is read from.' }],
      tags: [
        { name: 'filings', description: 'Filings seen on EDGAR and their analysis' },
        { name: 'incidents', description: 'Incidents threaded from the filings, and the stream of their changes' },
        { name: 'reports', description: 'The weekly disclosure report: last week’s incidents, trends and time to disclose, as JSON, Markdown, HTML or CSV' },
        { name: 'companies', description: 'Registrants (tickers, SIC code, state, SEC office) and the sectors they fall in' },
        { name: 'subscriptions', description: 'Alerts on incidents to webhooks, Slack, Teams and e-mail (API key of scope `alerts`)' },
        { name: 'operations', description: 'Health of the service' },
        { name: 'webhooks', description: 'What a webhook subscription receives' },
      ],
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'c8k_…',
            description: 'An API key made by `cyber8k keys create --name NAME [--scope read|alerts|admin]`, sent as `Authorization: Bearer c8k_…`. Reads need one only when the server runs with API_READ_AUTH=key.',
          },
        },
      },
    },
    // Components named by the schemas' $id (`Incident`, `Error`) rather than `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (document) => finishDocument(('openapiObject' in document ? document.openapiObject : document.swaggerObject) as unknown as Json) as never,
  };
}

/** Shared error responses, webhooks and examples; ajv-only keywords removed. */
export function finishDocument(document: Json): Json {
  const components = (document.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  const used = new Set<string>();
  for (const [, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const [, operation] of Object.entries(item) as Array<[string, Json]>) {
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      for (const [status, response] of Object.entries(responses)) {
        // @fastify/swagger's placeholder for a schema without a description.
        if (response.description === 'Default Response' && typeof operation.summary === 'string') response.description = operation.summary;
        const shared = ERROR_RESPONSES[status];
        const content = response.content as Record<string, { schema?: Json }> | undefined;
        // A route that produces text still fails in JSON: the media type of its error is not its own.
        if (shared && Object.values(content ?? {}).some((media) => media.schema?.$ref === '#/components/schemas/Error')) {
          responses[status] = { $ref: `#/components/responses/${shared.name}` };
          used.add(status);
        }
      }
      const examples = OPERATION_EXAMPLES[operation.operationId as string];
      for (const [status, example] of Object.entries(examples ?? {})) {
        const media = (responses[status]?.content as Record<string, Json> | undefined) ?? {};
        const type = Object.keys(media)[0];
        if (!type) throw new Error(`example for ${String(operation.operationId)} ${status}: no such response`);
        media[type]!.example = example;
      }
    }
  }
  components.responses = Object.fromEntries(
    [...used].sort().map((status) => {
      const { name, description, headers } = ERROR_RESPONSES[status]!;
      return [name, { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: ERROR_EXAMPLES[status] } } }];
    }),
  );
  for (const schema of WEBHOOK_SCHEMAS) Object.assign(schemas, asComponent(meta(schema)));
  components.parameters = WEBHOOK_HEADERS;
  document.webhooks = webhooks();
  return stripAjvKeywords(document) as Json;
}

const WEBHOOK_HEADERS = {
  WebhookId: { name: 'webhook-id', in: 'header', required: true, description: 'The message id: the same on every retry of one delivery, so a receiver can drop duplicates.', schema: { type: 'string' }, example: 'msg_2mQ8c0GkP1uVbYwz' },
  WebhookTimestamp: { name: 'webhook-timestamp', in: 'header', required: true, description: 'Unix seconds of this attempt; refuse ones far from now (replays).', schema: { type: 'string', pattern: '^\\d+$' }, example: '1708984800' },
  WebhookSignature: {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description: '`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` keyed with the bytes of the subscription’s secret (base64 after `whsec_`); while a rotated secret is in its grace period, one signature per secret, space-separated. Verify with any Standard Webhooks library.',
    schema: { type: 'string' },
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
};

const WEBHOOK_RESPONSES = {
  '2XX': { description: 'Delivered. Anything else — another status, a redirect, no answer within 15 s — is retried (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, jittered; `Retry-After` honoured).' },
  '410': { description: 'Gone: the subscription is disabled and nothing more is sent to it.' },
};

function webhookOperation(name: string, schemaId: string, summary: string, description: string): Json {
  return {
    post: {
      operationId: name,
      tags: ['webhooks'],
      summary,
      description: `${description}\n\nSent as a POST to the subscription’s URL, signed per Standard Webhooks 1.0. The body stays under 20 KB.`,
      security: [],
      parameters: Object.keys(WEBHOOK_HEADERS).map((key) => ({ $ref: `#/components/parameters/${key}` })),
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaId}` }, example: WEBHOOK_EXAMPLES[name] } } },
      responses: WEBHOOK_RESPONSES,
    },
  };
}

const EVENT_SUMMARIES: Record<(typeof INCIDENT_WEBHOOK_TYPES)[number], [string, string]> = {
  'incident.created': ['incidentCreated', 'A new incident'],
  'incident.updated': ['incidentUpdated', 'An incident’s facts changed'],
  'incident.escalated': ['incidentEscalated', 'An incident was escalated to Item 1.05'],
  'incident.retracted': ['incidentRetracted', 'An incident was retracted'],
};

function webhooks(): Json {
  const entries: Array<[string, Json]> = INCIDENT_WEBHOOK_TYPES.map((type) => {
    const [name, summary] = EVENT_SUMMARIES[type];
    const id = `${name[0]!.toUpperCase()}${name.slice(1)}Event`;
    const schema = WEBHOOK_SCHEMAS.map(meta).find((s) => s.$id === id)!;
    return [type, webhookOperation(name, id, summary, schema.description)];
  });
  const test = meta(TestEventSchema);
  const report = meta(ReportPublishedEventSchema);
  entries.push(['test', webhookOperation('testMessage', test.$id, 'A test message', test.description)]);
  entries.push(['report.published', webhookOperation('reportPublished', report.$id, 'A weekly report was published', report.description)]);
  return Object.fromEntries(entries);
}

/** The $id and description TypeBox keeps in the schema but not in its type. */
const meta = (schema: object) => schema as { $id: string; description: string };

/** A TypeBox schema as `components.schemas` entries: nested schemas with an $id become references. */
function asComponent(schema: { $id: string }): Json {
  const plain = JSON.parse(JSON.stringify(schema)) as Json;
  const refs = (value: unknown, root: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => refs(v, false));
    if (!value || typeof value !== 'object') return value;
    const object = value as Json;
    if (!root && typeof object.$id === 'string') return { $ref: `#/components/schemas/${object.$id}` };
    return Object.fromEntries(Object.entries(object).filter(([key]) => key !== '$id').map(([key, v]) => [key, refs(v, false)]));
  };
  return { [schema.$id]: refs(plain, true) };
}

// Validation keywords of ajv-formats, not JSON Schema's: the descriptions state the same bounds.
const AJV_KEYWORDS = new Set(['formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum']);

function stripAjvKeywords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripAjvKeywords);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Json).filter(([key]) => !AJV_KEYWORDS.has(key)).map(([key, v]) => [key, stripAjvKeywords(v)]));
}
