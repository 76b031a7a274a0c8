import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FeedEventRow, IncidentRepository } from '../../db/repositories/incidents.ts';
import { padCik } from '../../src/edgar/urls.ts';
import { renderAtom, type AtomEntry } from '../../src/feed/atom.ts';
import type { EventType } from '../../src/incidents/changes.ts';
import { INCIDENT_STATUSES } from '../../src/incidents/facts.ts';
import { ErrorSchema, StringEnum } from '../schemas/common.ts';
import { MATERIAL_IMPACTS } from '../schemas/filing.ts';
import { FLAG_NAMES } from '../schemas/incident.ts';

export interface FeedRoutesOptions {
  incidents: IncidentRepository;
  version: string;
  /** PUBLIC_URL: the base of the links in the feed; unset, the request's own scheme and host. */
  publicUrl?: string | null;
}

export const FEED_DEFAULT = 50;
const FEED_MAX = 200;
const WATCHLIST_MAX = 200;

const EVENT_NAMES = ['created', 'updated', 'escalated', 'retracted'] as const;
const LABELS: Record<EventType, string> = {
  'incident.created': 'New incident',
  'incident.updated': 'Incident updated',
  'incident.escalated': 'Escalated to Item 1.05',
  'incident.retracted': 'Incident retracted',
};

const repeatable = <T extends Parameters<typeof Type.Array>[0]>(item: T, max: number, description: string) =>
  Type.Union([item, Type.Array(item, { maxItems: max })], { description });

const Cik = Type.String({ pattern: '^\\d{1,10}$' });
const FlagName = StringEnum(FLAG_NAMES);
const EventName = StringEnum(EVENT_NAMES);

export const FeedQuerySchema = Type.Object(
  {
    cik: Type.Optional(repeatable(Cik, WATCHLIST_MAX, `A watchlist: only incidents of these companies (CIK, with or without leading zeros); repeat for several (\`cik=789019&cik=1137774\`), up to ${WATCHLIST_MAX}.`)),
    item: Type.Optional(Type.String({ pattern: '^\\d{1,2}\\.\\d{2}$', description: 'Only incidents one of whose filings reports this 8-K item, e.g. `1.05`.' })),
    materialImpact: Type.Optional(StringEnum(MATERIAL_IMPACTS, { description: 'What the incident’s latest filing stating it says about the impact.' })),
    status: Type.Optional(StringEnum(INCIDENT_STATUSES, { description: 'Only incidents now in this status.' })),
    flag: Type.Optional(repeatable(FlagName, FLAG_NAMES.length, 'Only incidents stating this flag; repeat for all of several.')),
    event: Type.Optional(repeatable(EventName, EVENT_NAMES.length, 'Only these kinds of entry (`created`, `updated`, `escalated`, `retracted`); repeat for several. Default: all.')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: FEED_MAX, default: FEED_DEFAULT, description: 'Entries, newest first.' })),
    token: Type.Optional(Type.String({ maxLength: 100, description: 'A feed token (`cyber8k keys create --scope feed`), for readers that cannot send `Authorization`; revocable with `cyber8k keys revoke`. Other keys are refused here. Needed only when the server runs with API_READ_AUTH=key.' })),
  },
  { additionalProperties: false },
);

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : [...new Set(Array.isArray(value) ? value : [value])]);

export const feedRoutes: FastifyPluginAsyncTypebox<FeedRoutesOptions> = async (app, { incidents, version, publicUrl }) => {
  app.get(
    '/feed.atom',
    {
      config: { auth: 'feed', tokenInQuery: true },
      schema: {
        tags: ['incidents'],
        operationId: 'getFeed',
        summary: 'Atom feed of incident events: one entry per new incident, update, escalation or retraction',
        description:
          'The latest entries of the incident event stream (`/v1/events`) for the incidents matching the filters, as they are now, newest first. Each entry links to its incident (`/v1/incidents/{id}`) and the filing that caused it. Send `If-None-Match` with the last `ETag` to get a 304 when nothing changed.',
        querystring: FeedQuerySchema,
        response: {
          200: { description: 'An Atom 1.0 feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
          304: { description: 'Not modified since the ETag sent in If-None-Match.', type: 'null' },
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { cik, flag, event, limit = FEED_DEFAULT, token, ...filters } = request.query;
      const ciks = list(cik).map(padCik);
      const flags = list(flag);
      const types = list(event).map((name) => `incident.${name}` as EventType);
      const rows = await incidents.recentEvents({ ...filters, ...(ciks.length ? { ciks } : {}), ...(flags.length ? { flags } : {}) }, { limit, types });

      const base = (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
      const self = `${base}/v1/feed.atom${canonicalQuery(request)}`;
      const body = renderAtom({
        // The same filters name the same feed, whatever order their parameters came in.
        id: `urn:cyber8k:feed:incidents:${createHash('sha256').update(canonicalQuery(request)).digest('hex').slice(0, 32)}`,
        title: 'cyber8k: cybersecurity incident disclosures',
        subtitle: describeFilters(ciks, filters, flags, types),
        updated: rows[0]?.createdAt ?? new Date(0),
        links: [
          { rel: 'self', href: self, type: 'application/atom+xml' },
          { rel: 'alternate', href: `${base}/v1/incidents${canonicalQuery(request, ['event', 'limit'])}`, type: 'application/json' },
        ],
        author: 'cyber8k',
        generator: { name: 'cyber8k', version },
        entries: rows.map((row) => toEntry(row, base)),
      });

      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      // A feed read with a token is that token holder's: no shared cache keeps it.
      reply.header('etag', etag).header('cache-control', token || request.headers.authorization ? 'private, no-cache' : 'no-cache').header('vary', 'authorization');
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type('application/atom+xml; charset=utf-8').send(body);
    },
  );
};

/** The query string without what does not choose entries, parameters sorted: one spelling per feed. */
function canonicalQuery(request: FastifyRequest, drop: string[] = []): string {
  const query = request.query as Record<string, string | string[]>;
  // The token is a secret: never written into the feed (its self link, its id).
  const pairs = Object.keys(query)
    .filter((k) => k !== 'token' && !drop.includes(k))
    .sort()
    .flatMap((k) => list(query[k]).map(String).sort().map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** If-None-Match: `*` or a list of (possibly weak) validators, compared weakly (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function describeFilters(ciks: string[], filters: { item?: string; materialImpact?: string; status?: string }, flags: string[], types: string[]): string {
  const parts = [
    ciks.length ? `companies ${ciks.join(', ')}` : null,
    filters.item ? `item ${filters.item}` : null,
    filters.materialImpact ? `impact ${filters.materialImpact}` : null,
    filters.status ? `status ${filters.status}` : null,
    flags.length ? `flags ${flags.join(', ')}` : null,
    types.length ? `events ${types.join(', ')}` : null,
  ].filter(Boolean);
  return parts.length ? `Incident events for ${parts.join('; ')}` : 'Every incident event';
}

function toEntry(row: FeedEventRow, base: string): AtomEntry {
  const payload = row.payload as { changes?: Array<{ field: string; from: unknown; to: unknown }>; incident?: { title?: string; itemPath?: string | null; materialImpact?: string | null } };
  const incident = payload.incident ?? {};
  const title = incident.title ?? row.title;
  const summary = [
    `${LABELS[row.type]}: ${title}.`,
    incident.itemPath ? `Items: ${incident.itemPath}.` : null,
    incident.materialImpact ? `Impact: ${incident.materialImpact}.` : null,
    ...(payload.changes ?? []).map(describeChange),
    row.accessionNumber ? `Filing ${row.accessionNumber}.` : null,
  ].filter(Boolean);
  return {
    id: `urn:cyber8k:event:${row.id}`,
    title: `${LABELS[row.type]}: ${title}`,
    updated: row.createdAt,
    published: row.createdAt,
    links: [
      { rel: 'alternate', href: `${base}/v1/incidents/${row.incidentId}`, type: 'application/json', title: 'The incident' },
      ...(row.accessionNumber ? [{ rel: 'related' as const, href: `${base}/v1/filings/${row.accessionNumber}`, type: 'application/json', title: `Filing ${row.accessionNumber}` }] : []),
    ],
    categories: [row.type],
    summary: summary.join(' '),
  };
}

/** One change as a reader shows it: `status: open → updated`, `flags: +ransomware`, `dates.detected: → 2025-08-09`. */
function describeChange(change: { field: string; from: unknown; to: unknown }): string {
  const { field, from, to } = change;
  if (field.startsWith('flags.') && typeof to === 'boolean') return `flags: ${to ? '+' : '-'}${field.slice('flags.'.length)}.`;
  if (field === 'flags' && isRecord(from) && isRecord(to)) {
    const added = Object.keys(to).filter((k) => to[k] && !from[k]).map((k) => `+${k}`);
    const removed = Object.keys(from).filter((k) => from[k] && !to[k]).map((k) => `-${k}`);
    return `flags: ${[...added, ...removed].join(' ') || 'unchanged'}.`;
  }
  if (isRecord(from) || isRecord(to)) {
    const before = isRecord(from) ? from : {};
    const after = isRecord(to) ? to : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return keys.map((k) => `${field}.${k}: ${show(before[k])} → ${show(after[k])}.`).join(' ');
  }
  return `${field}: ${show(from)} → ${show(to)}.`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length > 3 ? `${value.length} items` : value.map(show).join(', ');
  if (isRecord(value)) return 'date' in value ? String(value.date) : JSON.stringify(value);
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
