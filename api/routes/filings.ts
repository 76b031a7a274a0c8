import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { summarize, type FilingFilters, type FilingRepository, type FilingRow, type FilingSummaryRow, type SearchHit } from '../../db/repositories/filings.ts';
import { normalizeSearch } from '../../db/search.ts';
import type { IncidentRepository } from '../../db/repositories/incidents.ts';
import type { IncidentRole } from '../../src/incidents/thread.ts';
import type { CursorCodec } from '../cursor.ts';
import type { ResponseCache } from '../response-cache.ts';
import { AppError } from '../../src/errors.ts';
import { padCik } from '../../src/edgar/urls.ts';
import { ErrorSchema } from '../schemas/common.ts';
import { ParameterError } from '../errors.ts';
import {
  AccessionParamsSchema,
  FILING_PAGE_DEFAULT,
  FilingDetailSchema,
  FilingPageSchema,
  FilingQuerySchema,
  type FilingDetailDto,
  type FilingDto,
  type FilingQuery,
} from '../schemas/filing.ts';

export interface FilingRoutesOptions {
  filings: FilingRepository;
  incidents: IncidentRepository;
  cursors: CursorCodec;
  /** Serialized responses, kept until the filings change. */
  cache: ResponseCache;
}

export const filingRoutes: FastifyPluginAsyncTypebox<FilingRoutesOptions> = async (app, { filings, incidents, cursors, cache }) => {
  app.get(
    '/filings',
    {
      schema: {
        tags: ['filings'],
        operationId: 'listFilings',
        summary: 'List filings, newest first',
        description: 'Every filing the monitor has seen (8-K, 10-Q, 10-K and their amendments, as configured), with the summary of its analysis once analyzed (statements, evidence and the Item 1.05 text are on the detail). Cursor-paginated with the opaque `nextCursor`.',
        querystring: FilingQuerySchema,
        response: { 200: FilingPageSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { limit = FILING_PAGE_DEFAULT, cursor, ...rest } = request.query;
      const filters = filingFilters(rest);
      const { item, cik, form, since, until, incident, materialImpact, q } = filters;
      const key = JSON.stringify(['list', limit, cursor, item, cik, form, since, until, incident, materialImpact, q]);
      return sendCached(reply, key, async () => {
        const page = await filings.list(filters, { limit, after: cursor ? await cursors.decode(cursor, 'cursor', q) : undefined });
        return { data: page.rows.map(toFilingDto), nextCursor: page.next ? await cursors.encode(page.next, q) : null };
      });
    },
  );

  app.get(
    '/filings/:accession',
    {
      schema: {
        tags: ['filings'],
        operationId: 'getFiling',
        summary: 'One filing with its full analysis: statements, evidence, Item 1.05 text',
        params: AccessionParamsSchema,
        response: { 200: FilingDetailSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) =>
      sendCached(reply, JSON.stringify(['filing', request.params.accession]), async () => {
        const row = await filings.get(request.params.accession);
        if (!row) throw new AppError('filings.not_found', `no filing ${request.params.accession} is known`, { statusCode: 404 });
        return toFilingDetailDto(row, await incidents.holders(row.accessionNumber));
      }),
  );

  /** Sends the cached body for `key`, or computes, serializes (with the route's schema) and keeps it. */
  async function sendCached(reply: FastifyReply, key: string, compute: () => Promise<unknown>) {
    let body = cache.get(key);
    if (body === undefined) {
      const generation = cache.generation();
      body = String(reply.serialize(await compute()));
      cache.set(key, body, generation);
    }
    return reply.type(JSON_TYPE).send(body);
  }
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** The repository's filters from a list's (or an export's) query: CIK padded, blank `q` dropped, dates checked. */
export function filingFilters(query: Omit<FilingQuery, 'limit' | 'cursor'>): FilingFilters {
  const { cik, q, ...filters } = query;
  if (filters.since && filters.until && filters.since > filters.until) {
    throw new ParameterError('since', `query parameter "since" (${filters.since}) is later than "until" (${filters.until}): no filing can match`);
  }
  const search = normalizeSearch(q);
  return { ...filters, ...(cik ? { cik: padCik(cik) } : {}), ...(search ? { q: search } : {}) };
}

/** A list entry: the filing and the summary of its analysis. */
export function toFilingDto(row: FilingSummaryRow & { search?: SearchHit }): FilingDto {
  return {
    ...(row.search ? { search: row.search } : {}),
    accessionNumber: row.accessionNumber,
    cik: row.cik,
    company: row.companyName,
    form: row.form,
    items: row.items,
    filedAt: row.filedAt,
    acceptedAt: row.acceptedAt.toISOString(),
    status: row.status,
    error: row.error,
    discoveredAt: row.discoveredAt.toISOString(),
    analyzedAt: row.analyzedAt?.toISOString() ?? null,
    links: { index: row.indexUrl, submission: row.submissionUrl },
    incident: row.incident,
    item: row.incidentItem,
    update: row.summary?.update ?? null,
    materialImpact: (row.materialImpact as FilingDto['materialImpact']) ?? null,
    dates: row.summary?.dates ?? null,
    flags: row.summary?.flags ?? null,
    analyzerVersion: row.analyzerVersion,
  };
}

/** `holders`: every incident the filing is in, by facet (one per incident it reports). */
function toFilingDetailDto(row: FilingRow, holders: Array<{ id: number; facet: number; role: IncidentRole }>): FilingDetailDto {
  const threads = holders.map((h) => ({ incidentId: h.id, role: h.role, facet: h.facet }));
  const analysis = row.analysis;
  const summary = analysis ? summarize(analysis) : null;
  return {
    ...toFilingDto({ ...row, summary }),
    statements: analysis?.statements ?? [],
    evidence: analysis?.evidence ?? {},
    confidence: analysis?.confidence ?? null,
    review: analysis?.review ?? null,
    // Analyses stored by analyzers before 1.4 lack the threading facts until `cyber8k reanalyze`.
    reportDate: analysis?.reportDate ?? null,
    amendment: analysis?.amendment ?? null,
    references: analysis?.references ?? [],
    incidentName: analysis?.incidentName ?? null,
    incidents: analysis?.incidents ?? [],
    item105Text: row.item105Text,
    // Kept for clients written when a filing was in one incident at most.
    thread: threads[0] ? { incidentId: threads[0].incidentId, role: threads[0].role } : null,
    threads,
  };
}
