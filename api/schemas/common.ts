import { Type } from 'typebox';

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
