import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ReportRepository } from '../../db/repositories/reports.ts';
import { CONTENT_TYPES, REPORT_FORMATS, renderReport, type ReportFormat } from '../../src/reports/render/index.ts';
import { assertReportableWeek, listReportWeeks, weeklyReport } from '../../src/reports/weekly.usecase.ts';
import { ErrorSchema } from '../schemas/common.ts';

export interface ReportRoutesOptions {
  reports: ReportRepository;
  /** The clock that says which weeks have ended. */
  clock: () => Date;
  /** Prefix of the report's links to this API (default: relative). */
  baseUrl?: string;
}

const FILE = `^(\\d{4}-W\\d{2})\\.(${REPORT_FORMATS.join('|')})$`;
const FILE_RE = new RegExp(FILE);
/**
 * The report is one self-contained page (its stylesheet inline, charts as inline SVG) that also
 * goes out as e-mail: it runs no script and loads nothing, so company names and evidence quoted
 * from filings can never execute, even if escaping were ever missed.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const WeekListSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      week: Type.String({ description: 'ISO week, `2025-W42`.' }),
      start: Type.String({ format: 'date', description: 'Monday.' }),
      end: Type.String({ format: 'date', description: 'Sunday.' }),
      builtAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the scheduled build stored it for the current analyzer version; null: built on request.' }),
      links: Type.Object({ json: Type.String(), md: Type.String(), html: Type.String(), csv: Type.String() }),
    }),
  ),
});

export const reportRoutes: FastifyPluginAsyncTypebox<ReportRoutesOptions> = async (app, { reports, clock, baseUrl = '' }) => {
  app.get(
    '/reports/weekly',
    {
      schema: {
        tags: ['reports'],
        operationId: 'listWeeklyReports',
        summary: 'The weeks a weekly disclosure report exists for, newest first',
        description: 'Every ISO week (Monday–Sunday, by EDGAR filing date) from the first filing on record to the last complete week, with a link to each format.',
        response: { 200: WeekListSchema, 400: ErrorSchema },
      },
    },
    async () => {
      const weeks = await listReportWeeks(reports, clock());
      return { data: weeks.map((w) => ({ ...w, links: Object.fromEntries(REPORT_FORMATS.map((f) => [f, `/v1/reports/weekly/${w.week}.${f}`])) as Record<ReportFormat, string> })) };
    },
  );

  app.get(
    '/reports/weekly/:file',
    {
      schema: {
        tags: ['reports'],
        operationId: 'getWeeklyReport',
        summary: 'One week’s disclosure report as JSON, Markdown, HTML or CSV',
        description:
          '`{week}.{json|md|html|csv}`, e.g. `2024-W08.html`. The JSON is the report model (headline counts with their units, materiality, impact mix, time to disclose with n and coverage, sectors, trends, the incident list with evidence, data quality, definitions); the other formats render it. ' +
          'The stored report of the week for the current analyzer version is served when the scheduled build made one; otherwise it is built from the data on request. The same data and analyzer version give the same bytes. A week that has not ended is refused (400).',
        params: Type.Object({ file: Type.String({ pattern: FILE, description: '`{ISO week}.{format}`, e.g. `2024-W08.html`.' }) }, { additionalProperties: false }),
        response: {
          200: { description: 'The report.', content: Object.fromEntries(REPORT_FORMATS.map((f) => [CONTENT_TYPES[f].split(';')[0]!, { schema: { type: 'string' } }])) },
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const [, week, format] = FILE_RE.exec(request.params.file)! as unknown as [string, string, ReportFormat];
      const { model, stored } = await weeklyReport(reports, assertReportableWeek(week, clock()));
      if (format === 'html') reply.header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY);
      return reply
        .type(CONTENT_TYPES[format])
        .header('x-report-stored', stored ? 'true' : 'false')
        .header('content-disposition', `${format === 'html' || format === 'json' ? 'inline' : 'attachment'}; filename="cyber8k-weekly-${week}.${format}"`)
        .send(renderReport(model, format, { baseUrl }));
    },
  );
};
