import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { FilingRepository, ListCursor } from '../../db/repositories/filings.ts';
import type { IncidentCsvRow, IncidentRepository } from '../../db/repositories/incidents.ts';
import { CSV_BOM, csvRow, flagNames, jsonLine, type CsvCell } from '../../src/exports/csv.ts';
import { ErrorSchema } from '../schemas/common.ts';
import { FilingQuerySchema, type FilingDto } from '../schemas/filing.ts';
import { IncidentQuerySchema } from '../schemas/incident.ts';
import { filingFilters, toFilingDto } from './filings.ts';
import { incidentFilters, toIncidentDto } from './incidents.ts';

export interface ExportRoutesOptions {
  filings: FilingRepository;
  incidents: IncidentRepository;
  /** The clock that dates the file name. */
  now: () => number;
  /** Rows per query (tests make it small to cross many batches). */
  batch?: number;
}

/** Rows read per query: a few hundred kilobytes of output each, never the whole table in memory. */
export const EXPORT_BATCH = 500;

const FORMATS = ['csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

const FORMAT_NAMES: Record<Format, string> = { csv: 'Csv', jsonl: 'Jsonl' };

const CONTENT_TYPES: Record<Format, string> = { csv: 'text/csv; charset=utf-8; header=present', jsonl: 'application/x-ndjson; charset=utf-8' };

const without = <T extends { properties: Record<string, unknown> }>(schema: T, omit: string[]) =>
  Type.Object(Object.fromEntries(Object.entries(schema.properties).filter(([name]) => !omit.includes(name))) as never, { additionalProperties: false });

/**
 * The CSV columns, in their order (stable: new columns are only ever added at the end; the README
 * lists them). Lists are `;`-separated; absent values are empty cells.
 */
export const INCIDENT_CSV_COLUMNS: ReadonlyArray<readonly [string, (i: IncidentCsvRow) => CsvCell]> = [
  ['id', (i) => i.id],
  ['cik', (i) => i.cik],
  ['company', (i) => i.company],
  ['status', (i) => i.status],
  ['title', (i) => i.title],
  ['itemPath', (i) => i.itemPath],
  ['materialImpact', (i) => i.materialImpact],
  ['firstDisclosedAt', (i) => i.firstDisclosedAt],
  ['lastFiledAt', (i) => i.lastFiledAt],
  ['began', (i) => i.began],
  ['detected', (i) => i.detected],
  ['determinedMaterial', (i) => i.determinedMaterial],
  ['contained', (i) => i.contained],
  ['flags', (i) => i.flags],
  ['businessDaysToItem105', (i) => i.businessDaysToItem105],
  ['withinFourBusinessDays', (i) => i.withinFourBusinessDays],
  ['detectionToDisclosureDays', (i) => i.detectionToDisclosureDays],
  ['filingCount', (i) => i.filingCount],
  ['accessionNumbers', (i) => i.accessionNumbers],
  ['roles', (i) => i.roles],
];

export const FILING_CSV_COLUMNS: ReadonlyArray<readonly [string, (f: FilingDto) => CsvCell]> = [
  ['accessionNumber', (f) => f.accessionNumber],
  ['cik', (f) => f.cik],
  ['company', (f) => f.company],
  ['form', (f) => f.form],
  ['items', (f) => f.items.join(';')],
  ['filedAt', (f) => f.filedAt],
  ['acceptedAt', (f) => f.acceptedAt],
  ['status', (f) => f.status],
  ['incident', (f) => f.incident],
  ['item', (f) => f.item],
  ['update', (f) => f.update],
  ['materialImpact', (f) => f.materialImpact],
  ['began', (f) => f.dates?.began],
  ['detected', (f) => f.dates?.detected],
  ['determinedMaterial', (f) => f.dates?.determinedMaterial],
  ['contained', (f) => f.dates?.contained],
  ['flags', (f) => flagNames(f.flags)],
  ['analyzerVersion', (f) => f.analyzerVersion],
  ['indexUrl', (f) => f.links.index],
];

type Page<Row> = { rows: Row[]; next: ListCursor | null };

/** The incidents CSV's rows are small (about 250 bytes): fewer, larger queries stream it faster. */
export const INCIDENT_CSV_BATCH = 2000;

export const exportRoutes: FastifyPluginAsyncTypebox<ExportRoutesOptions> = async (app, { filings, incidents, now, batch }) => {
  const rows = batch ?? EXPORT_BATCH;
  const FilingExportQuery = without(FilingQuerySchema, ['limit', 'cursor']);
  const IncidentExportQuery = without(IncidentQuerySchema, ['limit', 'cursor']);

  for (const format of FORMATS) {
    app.get(
      `/incidents/export.${format}`,
      {
        schema: {
          tags: ['incidents'],
          operationId: `exportIncidents${FORMAT_NAMES[format]}`,
          summary: `Every incident matching the list's filters, as ${format === 'csv' ? 'CSV' : 'JSON lines'}`,
          description: exportDescription(format, 'incidents', INCIDENT_CSV_COLUMNS),
          querystring: IncidentExportQuery,
          response: { 200: { description: 'The file, streamed.', content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: { type: 'string' } } } }, 400: ErrorSchema },
        },
      },
      async (request, reply) => {
        const filters = incidentFilters(request.query as Parameters<typeof incidentFilters>[0]);
        if (format === 'csv') return sendExport(reply, format, 'incidents', INCIDENT_CSV_COLUMNS, (after) => incidents.csvRows(filters, { limit: batch ?? INCIDENT_CSV_BATCH, after }));
        return sendExport(reply, format, 'incidents', [], async (after) => {
          const page = await incidents.list(filters, { limit: rows, after });
          return { rows: page.rows.map(toIncidentDto), next: page.next };
        });
      },
    );
    app.get(
      `/filings/export.${format}`,
      {
        schema: {
          tags: ['filings'],
          operationId: `exportFilings${FORMAT_NAMES[format]}`,
          summary: `Every filing matching the list's filters, as ${format === 'csv' ? 'CSV' : 'JSON lines'}`,
          description: exportDescription(format, 'filings', FILING_CSV_COLUMNS),
          querystring: FilingExportQuery,
          response: { 200: { description: 'The file, streamed.', content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: { type: 'string' } } } }, 400: ErrorSchema },
        },
      },
      async (request, reply) => {
        const filters = filingFilters(request.query as Parameters<typeof filingFilters>[0]);
        return sendExport(reply, format, 'filings', FILING_CSV_COLUMNS, async (after) => {
          const page = await filings.list(filters, { limit: rows, after });
          return { rows: page.rows.map(toFilingDto), next: page.next };
        });
      },
    );
  }

  /**
   * Reads the first batch before answering, so a failing query is still an error response; the
   * rest is read batch by batch as the client takes it (keyset pages, backpressure from the socket).
   */
  async function sendExport<Row>(reply: FastifyReply, format: Format, name: string, columns: ReadonlyArray<readonly [string, (row: Row) => CsvCell]>, fetch: (after?: ListCursor) => Promise<Page<Row>>) {
    const first = await fetch();
    const render = (rows: Row[]) => rows.map((row) => (format === 'csv' ? csvRow(columns.map(([, cell]) => cell(row))) : jsonLine(row))).join('');
    async function* body() {
      let page = first;
      yield (format === 'csv' ? CSV_BOM + csvRow(columns.map(([header]) => header)) : '') + render(page.rows);
      while (page.next) {
        page = await fetch(page.next);
        yield render(page.rows);
      }
    }
    const day = new Date(now()).toISOString().slice(0, 10);
    return reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="cyber8k-${name}-${day}.${format}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from(body(), { objectMode: false }));
  }
};

function exportDescription(format: Format, what: string, columns: ReadonlyArray<readonly [string, unknown]>): string {
  const common = `The same filters as \`GET /v1/${what}\` (with \`q\`, best match first), all pages at once, streamed in keyset batches of ${format === 'csv' && what === 'incidents' ? INCIDENT_CSV_BATCH : EXPORT_BATCH} rows; \`Content-Disposition: attachment; filename="cyber8k-${what}-YYYY-MM-DD.${format}"\`.`;
  return format === 'csv'
    ? `${common} UTF-8 with a byte-order mark, RFC 4180 (CRLF, fields with commas, quotes or line breaks quoted), a header row, columns in this order: ${columns.map(([c]) => `\`${c}\``).join(', ')}. Lists are \`;\`-separated. A text cell starting with \`=\`, \`+\`, \`-\`, \`@\`, TAB or CR gets a leading \`'\` so spreadsheets do not run it as a formula.`
    : `${common} One JSON object a line, each as the list shows it; \`<\`, \`>\` and \`&\` are written as \\u escapes.`;
}
