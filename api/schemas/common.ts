import { Type } from 'typebox';
import { SECTOR_NAMES } from '../../src/companies/sectors.ts';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, namespaced error code, e.g. `request.invalid_parameter`.' }),
      message: Type.String({ description: 'What went wrong, for a human.' }),
      parameter: Type.Optional(Type.String({ description: 'The request parameter at fault, when there is one.' })),
    }),
  },
  { $id: 'Error', description: 'Every error the API returns has this shape.' },
);

export const DateSchema = Type.String({ format: 'date', description: 'A calendar date, `YYYY-MM-DD`.' });

/** Earliest date a query may name: EDGAR's electronic filings begin in 1993. */
export const EARLIEST_QUERY_DATE = '1993-01-01';

/** A date a client filters by: a real calendar date (no 2023-02-29) from 1993 to 9999, which the database can hold. */
export function QueryDateSchema(description: string) {
  return Type.String({
    format: 'date',
    formatMinimum: EARLIEST_QUERY_DATE,
    formatMaximum: '9999-12-31',
    description: `${description} A calendar date \`YYYY-MM-DD\` from ${EARLIEST_QUERY_DATE} to 9999-12-31.`,
  });
}
export const PartialDateSchema = Type.Union([Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }), Type.Null()], {
  description: 'A date at the precision the filing states: `2025-08-09`, `2024-12` or `2025`.',
});
export const AccessionSchema = Type.String({
  pattern: '^\\d{10}-\\d{2}-\\d{6}$',
  description: 'EDGAR accession number, e.g. `0000731766-24-000045`.',
});

/** A string that is one of `values`, typed as their union. */
export function StringEnum<T extends string>(values: readonly T[], options: { description?: string } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

/** `q`, the full-text search of lists, exports and the feed's incidents. */
export const SearchQuerySchema = Type.String({
  maxLength: 200,
  description:
    'Full-text search (PostgreSQL web-search syntax: words all match, `"a phrase"`, `or`, `-word` excludes; the last word also matches as a prefix, so `ransom` finds "ransomware"). Results come best match first, each with `search.rank` and `search.snippet`; blank means no search.',
});

export const SearchHitSchema = Type.Object(
  {
    rank: Type.Number({ description: 'ts_rank of the match: higher is better; pages are ordered by it.' }),
    snippet: Type.Union([Type.String(), Type.Null()], {
      description: 'HTML: the matching passage, its text HTML-escaped, matched words in `<mark>`…`</mark>` (the only markup it contains); null when there is no text to quote.',
    }),
  },
  { description: 'Present when the list was searched (`q`).' },
);

const TICKER = { pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,9}$', description: 'A ticker symbol as EDGAR lists it, e.g. `UNH` or `BRK-B` (case-insensitive).' };
const SIC = { pattern: '^\\d{4}$', description: 'A four-digit SIC code, e.g. `7372`.' };

/** A ticker a client filters by (`description` replaces the default one). */
export const tickerSchema = (description = TICKER.description) => Type.String({ ...TICKER, description });
export const sicSchema = (description = SIC.description) => Type.String({ ...SIC, description });
export const sectorNameSchema = (description = 'A sector of `GET /v1/sectors`.') => StringEnum(SECTOR_NAMES, { description });
export const TickerSchema = tickerSchema();
export const SicSchema = sicSchema();
export const SectorNameSchema = sectorNameSchema();
