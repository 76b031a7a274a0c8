import { Type, type Static } from 'typebox';
import { INCIDENT_STATUSES } from '../../src/incidents/facts.ts';
import { EVENT_TYPES } from '../../src/incidents/changes.ts';
import { INCIDENT_ROLES } from '../../src/incidents/thread.ts';
import { AccessionSchema, DateSchema, PartialDateSchema, QueryDateSchema, SearchHitSchema, SearchQuerySchema, sectorNameSchema, sicSchema, StringEnum, tickerSchema } from './common.ts';
import { MATERIAL_IMPACTS } from './filing.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const INCIDENT_PAGE_DEFAULT = 20;
export const EVENT_PAGE_DEFAULT = 100;

export const FLAG_NAMES = ['ransomware', 'dataAccessed', 'operationalDisruption', 'nationState', 'thirdParty', 'lawEnforcementNotified', 'disclosureDelayed'] as const;
const FlagName = StringEnum(FLAG_NAMES);

export const IncidentQuerySchema = Type.Object(
  {
    cik: Type.Optional(Type.String({ pattern: '^\\d{1,10}$', description: 'Only incidents of this company (CIK, with or without leading zeros).' })),
    item: Type.Optional(Type.String({ pattern: '^\\d{1,2}\\.\\d{2}$', description: 'Only incidents one of whose filings reports this 8-K item, e.g. `1.05`.' })),
    materialImpact: Type.Optional(StringEnum(MATERIAL_IMPACTS, { description: 'What its latest filing stating it says about the impact.' })),
    status: Type.Optional(StringEnum(INCIDENT_STATUSES, { description: 'Only incidents in this status.' })),
    flag: Type.Optional(
      Type.Union([FlagName, Type.Array(FlagName, { maxItems: FLAG_NAMES.length })], {
        description: 'Only incidents stating this flag in one of their filings; repeat for all of several (`flag=nationState&flag=thirdParty`).',
      }),
    ),
    since: Type.Optional(QueryDateSchema('First disclosed on or after this date.')),
    until: Type.Optional(QueryDateSchema('First disclosed on or before this date (not before `since`).')),
    q: Type.Optional(SearchQuerySchema),
    ticker: Type.Optional(tickerSchema('Only incidents of the company listing this ticker (any case), e.g. `UNH`.')),
    sector: Type.Optional(sectorNameSchema('Only incidents of companies in this sector (`GET /v1/sectors`), e.g. `telecom`.')),
    sic: Type.Optional(sicSchema('Only incidents of companies with this four-digit SIC code.')),
    updatedSince: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
        description: 'Only incidents with a visible change (an event: created, updated, escalated, retracted) at or after this time: a date-time with its offset, `2026-12-01T09:30:00Z`, or a date (its start, UTC).',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: INCIDENT_PAGE_DEFAULT, description: 'Incidents per page.' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);

export type IncidentQuery = Static<typeof IncidentQuerySchema>;

const DatedFactSchema = Nullable(
  Type.Object({
    date: Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'At the precision the filing states.' }),
    accessionNumber: AccessionSchema,
    evidence: Nullable(Type.String({ description: 'The sentence of that filing the date came from.' })),
  }),
);

const incidentFields = {
  id: Type.Integer(),
  cik: Type.String({ description: '10-digit CIK of the company.' }),
  company: Type.String(),
  tickers: Type.Array(Type.String(), { description: 'Its company’s tickers (empty for an unlisted filer or one not yet looked up).' }),
  sic: Nullable(Type.String({ description: 'Its company’s four-digit SIC code.' })),
  sectors: Type.Array(Type.String(), { description: 'The sectors that SIC code is in (`GET /v1/sectors`).' }),
  status: StringEnum(INCIDENT_STATUSES, { description: '`open` (one filing), `updated` (more), `escalated` (an 8.01/7.01 incident later filed under Item 1.05), `retracted` (no filing left states an incident).' }),
  title: Type.String(),
  itemPath: Nullable(Type.String({ description: 'Items it was disclosed under, in order, e.g. `8.01 → 1.05`.' })),
  materialImpact: Nullable(StringEnum(MATERIAL_IMPACTS, { description: 'What its latest filing stating it says.' })),
  dates: Type.Object(
    { began: DatedFactSchema, detected: DatedFactSchema, determinedMaterial: DatedFactSchema, contained: DatedFactSchema },
    { description: 'Earliest `began`, `detected` and `determinedMaterial`, latest `contained`; each with the filing that stated it.' },
  ),
  flags: Type.Object(Object.fromEntries(FLAG_NAMES.map((f) => [f, Type.Boolean()])) as Record<(typeof FLAG_NAMES)[number], ReturnType<typeof Type.Boolean>>, { description: 'True where any of its filings states it.' }),
  timeliness: Type.Object({
    businessDaysToItem105: Nullable(Type.Integer({ description: 'EDGAR business days (weekends and federal holidays excluded) from the materiality determination to the first Item 1.05 filing.' })),
    withinFourBusinessDays: Nullable(Type.Boolean({ description: 'Item 1.05 is due within four business days of the determination.' })),
    detectionToDisclosureDays: Nullable(Type.Integer({ description: 'Calendar days from detection to the first filing.' })),
    detectionToDisclosureBusinessDays: Nullable(Type.Integer()),
  }),
  firstDisclosedAt: Nullable(DateSchema),
  lastFiledAt: Nullable(DateSchema),
  filings: Type.Array(
    Type.Object({
      accessionNumber: AccessionSchema,
      form: Type.String(),
      items: Type.Array(Type.String()),
      filedAt: DateSchema,
      role: StringEnum(INCIDENT_ROLES),
      reason: Type.String({ description: 'Why it is in this incident.' }),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      linkedBy: StringEnum(['auto', 'user'] as const),
    }),
    { description: 'In filing order; the first started the incident.' },
  ),
};

export const IncidentSchema = Type.Object({ ...incidentFields, search: Type.Optional(SearchHitSchema) }, { $id: 'Incident', description: 'One company’s one cybersecurity incident, threaded from its filings.' });
export type IncidentDto = Static<typeof IncidentSchema>;

export const IncidentDetailSchema = Type.Object(
  {
    ...incidentFields,
    timeline: Type.Array(
      Type.Object({
        accessionNumber: AccessionSchema,
        form: Type.String(),
        filedAt: DateSchema,
        acceptedAt: Type.String({ format: 'date-time' }),
        role: StringEnum(INCIDENT_ROLES),
        item: Nullable(Type.String()),
        materialImpact: Nullable(StringEnum(MATERIAL_IMPACTS)),
        dates: Type.Object({ began: PartialDateSchema, detected: PartialDateSchema, determinedMaterial: PartialDateSchema, contained: PartialDateSchema }),
        evidence: Type.Record(Type.String(), Type.String(), { description: 'Field → the sentence of this filing it came from.' }),
      }),
      { description: 'Each filing with what it stated and the evidence for it, in filing order.' },
    ),
  },
  { $id: 'IncidentDetail' },
);
export type IncidentDetailDto = Static<typeof IncidentDetailSchema>;

export const IncidentPageSchema = Type.Object({
  data: Type.Array(IncidentSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page.' })),
});

export const IncidentParamsSchema = Type.Object({ id: Type.String({ pattern: '^[1-9]\\d{0,14}$', description: 'The incident id.' }) }, { additionalProperties: false });

export const EventQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0, description: 'Only events after this id (the last one seen); 0 from the start.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: EVENT_PAGE_DEFAULT, description: 'Events per page, oldest first.' })),
  },
  { additionalProperties: false },
);

export const EventPageSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: StringEnum([...EVENT_TYPES, 'report.published'] as const),
      incidentId: Type.Union([Type.Integer(), Type.Null()], { description: 'The incident that changed; null for `report.published`.' }),
      accessionNumber: Type.Union([Type.String(), Type.Null()], { description: 'The filing whose analysis caused the change; null for `report.published`.' }),
      createdAt: Type.String({ format: 'date-time' }),
      changes: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() }), { description: 'Changed fields, from → to (empty for `incident.created`).' }),
      incident: Type.Record(Type.String(), Type.Unknown(), { description: 'The incident as the change left it (id, cik, title, status, item path, materiality); empty for `report.published`.' }),
      report: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: '`report.published` only: the week, analyzer version, headline numbers and links to each format.' })),
    }),
  ),
  nextAfter: Type.Integer({ description: 'Pass as `after` to poll for what comes next.' }),
});

export const MergeInputSchema = Type.Object(
  { into: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The incident that takes this one’s filings and keeps its id; this one is left without filings, retracted.' }) },
  { additionalProperties: false, description: 'Merges the incident of the path into `into` (one company’s, sharing no filing).' },
);

export const SplitInputSchema = Type.Object(
  { accessionNumber: AccessionSchema },
  { additionalProperties: false, description: 'The filing to take out of the incident of the path: it starts an incident of its own (filings that amend or cite it follow it there).' },
);

export const CorrectionResultSchema = Type.Object(
  {
    correction: Type.Integer({ description: 'The id of the correction as stored: every rethread and `incidents rebuild` applies it again.' }),
    events: Type.Integer({ description: 'Events written for what it changed (`GET /v1/events`), their `accessionNumber` a filing it moved.' }),
    incident: IncidentSchema,
  },
  { $id: 'CorrectionResult', description: 'A person’s correction of the threading, applied: the incident that holds the named filing(s) now, their links `linkedBy: user`.' },
);
export type CorrectionResultDto = Static<typeof CorrectionResultSchema>;
