import { Type, type Static } from 'typebox';
import { INCIDENT_ROLES } from '../../src/incidents/thread.ts';
import { AccessionSchema, DateSchema, PartialDateSchema, QueryDateSchema, SearchHitSchema, SearchQuerySchema, StringEnum } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const FILING_PAGE_DEFAULT = 20;

export const MATERIAL_IMPACTS = ['material', 'not-material', 'not-determined'] as const;

export const FilingQuerySchema = Type.Object(
  {
    item: Type.Optional(Type.String({ pattern: '^\\d{1,2}\\.\\d{2}$', description: 'Only filings reporting this 8-K item, e.g. `1.05`.' })),
    cik: Type.Optional(Type.String({ pattern: '^\\d{1,10}$', description: 'Only filings of this company (CIK, with or without leading zeros).' })),
    form: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z /-]{0,19}$', description: 'Only this form type, e.g. `8-K`, `8-K/A`, `10-Q` or `10-K`.' })),
    since: Type.Optional(QueryDateSchema('Filed on or after this date.')),
    until: Type.Optional(QueryDateSchema('Filed on or before this date (not before `since`).')),
    incident: Type.Optional(Type.Boolean({ description: 'Only filings that do (true) or do not (false) disclose a cybersecurity incident.' })),
    materialImpact: Type.Optional(StringEnum(MATERIAL_IMPACTS, { description: 'What the filing says about the impact.' })),
    q: Type.Optional(SearchQuerySchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: FILING_PAGE_DEFAULT, description: 'Filings per page.' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);
export type FilingQuery = Static<typeof FilingQuerySchema>;

const DatesSchema = Type.Object({
  began: PartialDateSchema,
  detected: PartialDateSchema,
  determinedMaterial: PartialDateSchema,
  contained: PartialDateSchema,
});

const FlagsSchema = Type.Object({
  ransomware: Type.Boolean(),
  dataAccessed: Type.Boolean(),
  operationalDisruption: Type.Boolean(),
  nationState: Type.Boolean(),
  thirdParty: Type.Boolean(),
  lawEnforcementNotified: Type.Boolean(),
  disclosureDelayed: Type.Boolean(),
});

const StatementSchema = Type.Object({ kind: Type.String(), text: Type.String() });

const DateAtPrecision = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'At the precision the filing states: `2025-08-09`, `2024-12` or `2025`.' });
const CitedFilingFields = {
  filedOn: { ...PartialDateSchema, description: 'When it was filed, at the precision stated; null when the filing does not say.' },
  reportDate: Type.Optional({ ...DateAtPrecision, description: 'The date the cited report is "dated" (its date of earliest event), when stated that way.' }),
  accessionNumber: Type.Optional(AccessionSchema),
};
const FilingReferenceSchema = Type.Object({
  form: Type.String({ description: 'Form of the cited filing: `8-K`, `8-K/A`, `10-Q`, `10-K`, …' }),
  ...CitedFilingFields,
  period: Type.Optional({ ...DateAtPrecision, description: 'The period a cited periodic report covers ("for the quarter ended September 30, 2025").' }),
});
const NamedIncidentSchema = Type.Object({
  name: Nullable(Type.String({ description: 'How the filing names it: "the Cyber Incident", a cyd axis member label.' })),
  member: Type.Optional(Type.String({ description: 'Its member of the cyd MaterialCybersecurityIncidentAxis, when tagged.' })),
  dates: DatesSchema,
});
/** Facts incident threading joins filings on; the detail carries them, the list does not. */
const threadingFields = {
  reportDate: { ...PartialDateSchema, description: 'Date of the earliest event reported (cover page, SGML period of report); an 8-K/A repeats its original’s. Null for periodic reports.' },
  amendment: Nullable(
    Type.Object({ number: Nullable(Type.Integer({ minimum: 1, description: '"Amendment No. 2" → 2.' })), of: Type.Object(CitedFilingFields) }, { description: 'What this amendment amends; null when the filing is not an amendment.' }),
  ),
  references: Type.Array(FilingReferenceSchema, { description: 'Earlier filings it cites about the incident ("our Current Report on Form 8-K filed on October 15, 2025").' }),
  incidentName: Nullable(Type.String({ description: 'How the filing names the incident, when it does.' })),
  incidents: Type.Array(NamedIncidentSchema, { description: 'The incidents it reports: one for most filings, several when it (or its cyd axis) reports several; empty when none.' }),
};

const filingFields = {
  accessionNumber: AccessionSchema,
  cik: Type.String({ description: '10-digit CIK of the filer.' }),
  company: Type.String(),
  form: Type.String(),
  items: Type.Array(Type.String(), { description: '8-K items EDGAR lists for the filing.' }),
  filedAt: DateSchema,
  acceptedAt: Type.String({ format: 'date-time', description: 'When EDGAR accepted the filing (UTC).' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('analyzed'), Type.Literal('failed'), Type.Literal('dead')], {
    description: '`pending` until analyzed; `failed` is retried; `dead` was set aside after repeated failures (see `error`).',
  }),
  error: Nullable(Type.String()),
  discoveredAt: Type.String({ format: 'date-time' }),
  analyzedAt: Nullable(Type.String({ format: 'date-time' })),
  links: Type.Object({ index: Type.String(), submission: Type.String() }),
  incident: Nullable(Type.Boolean({ description: 'Does the filing disclose a cybersecurity incident? null until analyzed.' })),
  item: Nullable(Type.String({ description: 'The 8-K item that carries the incident (null for 10-Q/10-K or none).' })),
  update: Nullable(Type.Boolean({ description: 'A follow-up on an incident disclosed before.' })),
  materialImpact: Nullable(StringEnum(MATERIAL_IMPACTS)),
  dates: Nullable(DatesSchema),
  flags: Nullable(FlagsSchema),
  analyzerVersion: Nullable(Type.String()),
};

export const FilingSchema = Type.Object({ ...filingFields, search: Type.Optional(SearchHitSchema) }, {
  $id: 'Filing',
  description: 'A filing as lists show it; its statements, evidence and Item 1.05 text are on `GET /v1/filings/{accession}`.',
});
export type FilingDto = Static<typeof FilingSchema>;

export const FilingDetailSchema = Type.Object(
  {
    ...filingFields,
    statements: Type.Array(StatementSchema, { description: 'What the filing says about the incident, sentence by sentence, by kind.' }),
    evidence: Type.Record(Type.String(), Type.String(), { description: 'Field → the sentence of the filing it came from.' }),
    confidence: Nullable(Type.Number()),
    review: Nullable(Type.Boolean({ description: 'A borderline analysis a person should check (confidence below 0.9); null for analyses made before it existed.' })),
    ...threadingFields,
    item105Text: Nullable(Type.String({ description: 'Text of the Item 1.05 section, when there is one.' })),
    thread: Nullable(
      Type.Object(
        { incidentId: Type.Integer(), role: StringEnum(INCIDENT_ROLES) },
        { description: 'The (first) incident this filing belongs to (`GET /v1/incidents/{incidentId}`) and its role in it; null when it is in none. A filing reporting several incidents is in several: see `threads`.' },
      ),
    ),
    threads: Type.Array(
      Type.Object({
        incidentId: Type.Integer(),
        role: StringEnum(INCIDENT_ROLES),
        facet: Type.Integer({ minimum: 0, description: 'Which of the incidents it reports (`incidents`, by index) this one is; 0 when it reports one.' }),
      }),
      { description: 'Every incident this filing belongs to, one per incident it reports, by `facet`; empty when it is in none. The first is `thread`.' },
    ),
  },
  { $id: 'FilingDetail' },
);
export type FilingDetailDto = Static<typeof FilingDetailSchema>;

export const FilingPageSchema = Type.Object({
  data: Type.Array(FilingSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page.' })),
});

export const AccessionParamsSchema = Type.Object({ accession: AccessionSchema }, { additionalProperties: false });
