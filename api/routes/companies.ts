import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CompanyRepository, CompanyRow } from '../../db/repositories/companies.ts';
import type { IncidentRepository } from '../../db/repositories/incidents.ts';
import { SECTORS, sectorsOf } from '../../src/companies/sectors.ts';
import { AppError } from '../../src/errors.ts';
import { padCik } from '../../src/edgar/urls.ts';
import type { CursorCodec } from '../cursor.ts';
import { ErrorSchema } from '../schemas/common.ts';
import {
  COMPANY_PAGE_DEFAULT,
  CompanyDetailSchema,
  CompanyPageSchema,
  CompanyParamsSchema,
  CompanyQuerySchema,
  SectorListSchema,
  type CompanyDto,
} from '../schemas/company.ts';
import { toIncidentDto } from './incidents.ts';

export interface CompanyRoutesOptions {
  companies: CompanyRepository;
  incidents: IncidentRepository;
  cursors: CursorCodec;
}

/** A company's incidents shown on its page; the incident list pages through more. */
const COMPANY_INCIDENTS = 100;

const code = (n: number) => String(n).padStart(4, '0');

export const companyRoutes: FastifyPluginAsyncTypebox<CompanyRoutesOptions> = async (app, { companies, incidents, cursors }) => {
  app.get(
    '/sectors',
    {
      schema: {
        tags: ['companies'],
        operationId: 'listSectors',
        summary: 'The sectors `sector=` filters by: named sets of SIC codes',
        response: { 200: SectorListSchema },
      },
    },
    async () => ({
      data: SECTORS.map((s) => ({ name: s.name, title: s.title, description: s.description, sicRanges: s.ranges.map(([from, to]) => ({ from: code(from), to: code(to) })) })),
    }),
  );

  app.get(
    '/companies',
    {
      schema: {
        tags: ['companies'],
        operationId: 'listCompanies',
        summary: 'List companies, most recently active first',
        description: 'Every registrant whose filings were seen, with its tickers, SIC code, sectors, state and SEC office. `ticker=` looks one up by ticker. Cursor-paginated.',
        querystring: CompanyQuerySchema,
        response: { 200: CompanyPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { limit = COMPANY_PAGE_DEFAULT, cursor, ...filters } = request.query;
      const page = await companies.list(filters, { limit, after: cursor ? await cursors.decode(cursor) : undefined });
      return { data: page.rows.map(toCompanyDto), nextCursor: page.next ? await cursors.encode(page.next) : null };
    },
  );

  app.get(
    '/companies/:cik',
    {
      schema: {
        tags: ['companies'],
        operationId: 'getCompany',
        summary: 'One company, by CIK or ticker, with its incidents',
        params: CompanyParamsSchema,
        response: { 200: CompanyDetailSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const id = request.params.cik;
      const company = /^\d+$/.test(id) ? await companies.get(padCik(id)) : (await companies.list({ ticker: id }, { limit: 1 })).rows[0];
      if (!company) throw new AppError('companies.not_found', `no company ${/^\d+$/.test(id) ? `with CIK ${padCik(id)}` : `with ticker ${id.toUpperCase()}`} is known`, { statusCode: 404 });
      const page = await incidents.list({ cik: company.cik }, { limit: COMPANY_INCIDENTS });
      return { ...toCompanyDto(company), incidents: page.rows.map(toIncidentDto) };
    },
  );
};

export function toCompanyDto(row: CompanyRow): CompanyDto {
  return {
    cik: row.cik,
    name: row.name,
    tickers: row.tickers,
    exchanges: row.exchanges,
    sic: row.sic,
    sicDescription: row.sicDescription,
    sectors: sectorsOf(row.sic),
    stateOfIncorporation: row.state,
    location: { city: row.businessCity, state: row.businessState },
    secOffice: row.secOffice,
    fiscalYearEnd: row.fiscalYearEnd,
    formerNames: row.formerNames,
    lastFiledAt: row.lastFiledAt.toISOString(),
    profileFetchedAt: row.profileFetchedAt?.toISOString() ?? null,
  };
}
