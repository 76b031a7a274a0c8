import type { FastifyRequest, RouteOptions } from 'fastify';

/**
 * Query strings are strings. Ajv's type coercion turns `0x10`, `1e1`, `0b11` and ` 1` into
 * numbers, so it is off (see app.ts) and a parameter declared integer, number or boolean is
 * converted here, before validation, only from its plain decimal or `true`/`false` spelling;
 * anything else stays a string and fails validation with the parameter's name.
 */
const INTEGER = /^-?(0|[1-9]\d{0,15})$/;
const NUMBER = /^-?(0|[1-9]\d{0,15})(\.\d{1,15})?$/;

type Scalar = 'integer' | 'number' | 'boolean';

function convert(value: unknown, type: Scalar): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return (type === 'integer' ? INTEGER : NUMBER).test(value) ? Number(value) : value;
}

interface ObjectSchema {
  type?: unknown;
  properties?: Record<string, { type?: unknown }>;
}

/** Rejects unknown query parameters on every route, and converts the declared scalars strictly. */
export function strictQuery(route: RouteOptions): void {
  const schema = (route.schema ??= {});
  // A route that declares no query parameters takes none.
  schema.querystring ??= { type: 'object', properties: {}, additionalProperties: false };
  const properties = (schema.querystring as ObjectSchema).properties ?? {};
  const scalars = Object.entries(properties).flatMap(([name, property]) =>
    property.type === 'integer' || property.type === 'number' || property.type === 'boolean' ? [[name, property.type as Scalar] as const] : [],
  );
  if (scalars.length === 0) return;
  const convertQuery = async (request: FastifyRequest) => {
    const query = request.query as Record<string, unknown>;
    for (const [name, type] of scalars) if (name in query) query[name] = convert(query[name], type);
  };
  const existing = route.preValidation;
  route.preValidation = existing ? [convertQuery, ...(Array.isArray(existing) ? existing : [existing])] : convertQuery;
}
