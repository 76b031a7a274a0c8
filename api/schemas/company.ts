import { Type, type Static } from 'typebox';
import { SectorNameSchema, SicSchema, TickerSchema } from './common.ts';
import { IncidentSchema } from './incident.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const COMPANY_PAGE_DEFAULT = 20;
export { SectorNameSchema, SicSchema, TickerSchema };


export const SectorSchema = Type.Object(
  {
    name: Type.String({ description: 'What `sector=` takes.' }),
    title: Type.String(),
    description: Type.String(),
    sicRanges: Type.Array(Type.Object({ from: Type.String(), to: Type.String() }), { description: 'The SIC codes it holds, as inclusive ranges of four-digit codes.' }),
  },
  { $id: 'Sector', description: 'A named set of SIC codes. Sectors may overlap: a health insurer is in `insurance` and `healthcare`.' },
);

export const SectorListSchema = Type.Object({ data: Type.Array(SectorSchema) });

export const CompanyQuerySchema = Type.Object(
  {
    ticker: Type.Optional(TickerSchema),
    sector: Type.Optional(SectorNameSchema),
    sic: Type.Optional(SicSchema),
    q: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'Part of the company’s name, current or former (case-insensitive).' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: COMPANY_PAGE_DEFAULT, description: 'Companies per page.' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);

const companyFields = {
  cik: Type.String({ description: '10-digit CIK.' }),
  name: Type.String({ description: 'The name of its latest filing (or of its EDGAR profile).' }),
  tickers: Type.Array(Type.String(), { description: 'Its ticker symbols, from EDGAR (company_tickers.json and its submissions JSON); empty for unlisted filers.' }),
  exchanges: Type.Array(Type.String(), { description: 'The exchange of each ticker, in the same order, where EDGAR gives them.' }),
  sic: Nullable(Type.String({ description: 'Four-digit SIC code EDGAR assigns it.' })),
  sicDescription: Nullable(Type.String()),
  sectors: Type.Array(Type.String(), { description: 'The sectors its SIC code is in.' }),
  stateOfIncorporation: Nullable(Type.String({ description: 'State (or country code) of incorporation.' })),
  location: Type.Object(
    { city: Nullable(Type.String()), state: Nullable(Type.String({ description: 'State or country code.' })) },
    { description: 'Its business address.' },
  ),
  secOffice: Nullable(Type.String({ description: 'The SEC Corporation Finance office reviewing its filings, e.g. `06 Technology`.' })),
  fiscalYearEnd: Nullable(Type.String({ pattern: '^\\d{4}$', description: 'Month and day, `MMDD`.' })),
  formerNames: Type.Array(
    Type.Object({ name: Type.String(), from: Nullable(Type.String()), to: Nullable(Type.String()) }),
    { description: 'Names it filed under before, with the dates EDGAR gives (`YYYY-MM-DD`).' },
  ),
  lastFiledAt: Type.String({ format: 'date-time', description: 'Acceptance of its latest filing seen.' }),
  profileFetchedAt: Nullable(Type.String({ format: 'date-time', description: 'When its EDGAR profile (submissions JSON) was last read; null if never.' })),
};

export const CompanySchema = Type.Object(companyFields, { $id: 'Company', description: 'A registrant, from its filings’ headers and its EDGAR profile.' });
export type CompanyDto = Static<typeof CompanySchema>;

export const CompanyPageSchema = Type.Object({
  data: Type.Array(CompanySchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page.' })),
});

export const CompanyDetailSchema = Type.Object(
  {
    ...companyFields,
    incidents: Type.Array(IncidentSchema, { description: 'Its incidents, most recent activity first (at most 100).' }),
  },
  { $id: 'CompanyDetail' },
);

export const CompanyParamsSchema = Type.Object(
  {
    cik: Type.String({
      pattern: '^(\\d{1,10}|[A-Za-z][A-Za-z0-9.-]{0,9})$',
      description: 'The company’s CIK (with or without leading zeros), or one of its tickers (`UNH`).',
    }),
  },
  { additionalProperties: false },
);
