import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventRow, IncidentFilters, IncidentRepository, IncidentWithFilings } from '../../db/repositories/incidents.ts';
import type { FilingRepository, SearchHit } from '../../db/repositories/filings.ts';
import { normalizeSearch } from '../../db/search.ts';
import { AppError } from '../../src/errors.ts';
import { sectorsOf } from '../../src/companies/sectors.ts';
import { padCik } from '../../src/edgar/urls.ts';
import type { CursorCodec } from '../cursor.ts';
import { ParameterError } from '../errors.ts';
import { ErrorSchema } from '../schemas/common.ts';
import {
  EVENT_PAGE_DEFAULT,
  EventPageSchema,
  EventQuerySchema,
  INCIDENT_PAGE_DEFAULT,
  IncidentDetailSchema,
  IncidentPageSchema,
  IncidentParamsSchema,
  IncidentQuerySchema,
  type IncidentDetailDto,
  type IncidentDto,
  type IncidentQuery,
} from '../schemas/incident.ts';

export interface IncidentRoutesOptions {
  incidents: IncidentRepository;
  filings: FilingRepository;
  cursors: CursorCodec;
}

export const incidentRoutes: FastifyPluginAsyncTypebox<IncidentRoutesOptions> = async (app, { incidents, filings, cursors }) => {
  app.get(
    '/incidents',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidents',
        summary: 'List incidents, most recent activity first',
        description: 'Each company’s cybersecurity incidents, threaded from its filings (original, amendments, updates, escalation to Item 1.05, periodic-report passages). Cursor-paginated.',
        querystring: IncidentQuerySchema,
        response: { 200: IncidentPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { limit = INCIDENT_PAGE_DEFAULT, cursor, ...rest } = request.query;
      const filters = incidentFilters(rest);
      const page = await incidents.list(filters, { limit, after: cursor ? await cursors.decode(cursor, 'cursor', filters.q) : undefined });
      return { data: page.rows.map(toIncidentDto), nextCursor: page.next ? await cursors.encode(page.next, filters.q) : null };
    },
  );

  app.get(
    '/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'getIncident',
        summary: 'One incident with its timeline: each filing, what it stated and the evidence',
        params: IncidentParamsSchema,
        response: { 200: IncidentDetailSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const incident = await incidents.get(Number(request.params.id));
      if (!incident) throw new AppError('incidents.not_found', `no incident ${request.params.id} is known`, { statusCode: 404 });
      return toIncidentDetailDto(incident, filings);
    },
  );

  app.get(
    '/events',
    {
      schema: {
        tags: ['incidents'],
        operationId: 'listEvents',
        summary: 'The event stream (incidents, published reports), oldest first, for consumers that poll',
        description: '`incident.created`, `incident.updated` (with the changed fields, from → to), `incident.escalated`, `incident.retracted`, and `report.published` when a weekly report is built. Poll with `after` set to the previous page’s `nextAfter`.',
        querystring: EventQuerySchema,
        response: { 200: EventPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { after = 0, limit = EVENT_PAGE_DEFAULT } = request.query;
      const rows = await incidents.events(after, limit);
      return { data: rows.map(toEventDto), nextAfter: rows.at(-1)?.id ?? after };
    },
  );
};

/** The repository's filters from a list's (or an export's) query: CIK padded, flags deduplicated, blank `q` dropped, dates checked. */
export function incidentFilters(query: Omit<IncidentQuery, 'limit' | 'cursor'>): IncidentFilters {
  const { cik, flag, q, updatedSince, ...filters } = query;
  if (filters.since && filters.until && filters.since > filters.until) {
    throw new ParameterError('since', `query parameter "since" (${filters.since}) is later than "until" (${filters.until}): no incident can match`);
  }
  const search = normalizeSearch(q);
  return {
    ...filters,
    ...(updatedSince ? { updatedSince: updatedSinceTime(updatedSince) } : {}),
    ...(cik ? { cik: padCik(cik) } : {}),
    ...(flag ? { flags: [...new Set(Array.isArray(flag) ? flag : [flag])] } : {}),
    ...(search ? { q: search } : {}),
  };
}

/** A date is its start, UTC; a date-time must be a real one (no 2024-02-30, no 25:00). */
function updatedSinceTime(value: string): Date {
  const iso = value.length === 10 ? `${value}T00:00:00Z` : value;
  const at = new Date(iso);
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const real = !Number.isNaN(at.getTime()) && new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10) === value.slice(0, 10) && y! >= 1993 && y! <= 9999;
  if (!real) throw new ParameterError('updatedSince', `query parameter "updatedSince" (${value}) is not a real date or date-time from 1993 to 9999`);
  return at;
}

export function toIncidentDto(row: IncidentWithFilings & { search?: SearchHit }): IncidentDto {
  const { facts } = row;
  return {
    ...(row.search ? { search: row.search } : {}),
    id: row.id,
    cik: row.cik,
    company: row.companyName,
    tickers: row.tickers,
    sic: row.sic,
    sectors: sectorsOf(row.sic),
    status: row.status,
    title: row.title,
    itemPath: row.itemPath,
    materialImpact: facts.materialImpact,
    dates: facts.dates,
    flags: facts.flags,
    timeliness: facts.timeliness,
    firstDisclosedAt: facts.firstDisclosedAt,
    lastFiledAt: facts.lastFiledAt,
    filings: row.filings.map((f) => ({ accessionNumber: f.accessionNumber, form: f.form, items: f.items, filedAt: f.filedAt, role: f.role, reason: f.reason, confidence: f.confidence, linkedBy: f.linkedBy })),
  };
}

async function toIncidentDetailDto(row: IncidentWithFilings, filings: FilingRepository): Promise<IncidentDetailDto> {
  const timeline: IncidentDetailDto['timeline'] = [];
  for (const link of row.filings) {
    const analysis = (await filings.get(link.accessionNumber))?.analysis;
    timeline.push({
      accessionNumber: link.accessionNumber,
      form: link.form,
      filedAt: link.filedAt,
      acceptedAt: link.acceptedAt.toISOString(),
      role: link.role,
      item: analysis?.item ?? null,
      materialImpact: analysis?.materialImpact ?? null,
      dates: analysis?.dates ?? { began: null, detected: null, determinedMaterial: null, contained: null },
      evidence: analysis?.evidence ?? {},
    });
  }
  return { ...toIncidentDto(row), timeline };
}

function toEventDto(row: EventRow) {
  const payload = row.payload as { changes?: unknown[]; incident?: Record<string, unknown>; report?: Record<string, unknown> };
  return {
    id: row.id,
    type: row.type,
    incidentId: row.incidentId,
    accessionNumber: row.accessionNumber,
    createdAt: row.createdAt.toISOString(),
    changes: (payload.changes ?? []) as Array<{ field: string; from: unknown; to: unknown }>,
    incident: payload.incident ?? {},
    ...(payload.report ? { report: payload.report } : {}),
  };
}
