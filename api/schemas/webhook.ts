// What a subscriber's webhook receives (Standard Webhooks 1.0 bodies), as JSON Schema for the
// OpenAPI `webhooks` section. The shapes are src/alerts/types.ts' AlertMessage (webhook.ts sends
// it as is) and the weekly report's `report.published` (src/reports/schedule.ts).

import { Type } from 'typebox';
import { INCIDENT_STATUSES } from '../../src/incidents/facts.ts';
import { REPORT_FORMATS } from '../../src/reports/render/index.ts';
import { AccessionSchema, DateSchema, PartialDateSchema, StringEnum } from './common.ts';
import { MATERIAL_IMPACTS } from './filing.ts';
import { FLAG_NAMES } from './incident.ts';

export const INCIDENT_WEBHOOK_TYPES = ['incident.created', 'incident.updated', 'incident.escalated', 'incident.retracted'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AlertIncidentSchema = Type.Object(
  {
    id: Type.Integer({ description: 'The incident of `GET /v1/incidents/{id}` (0 in a test message).' }),
    title: Type.String(),
    company: Type.String(),
    cik: Type.String({ description: '10-digit CIK.' }),
    tickers: Type.Array(Type.String(), { description: 'Primary first; empty when the company has none (or none is known).' }),
    itemPath: Nullable(Type.String({ description: 'Items it was disclosed under, in order: `8.01 → 1.05`.' })),
    status: StringEnum(INCIDENT_STATUSES),
    materialImpact: Nullable(StringEnum(MATERIAL_IMPACTS)),
    flags: Type.Object(Object.fromEntries(FLAG_NAMES.map((f) => [f, Type.Boolean()])) as Record<(typeof FLAG_NAMES)[number], ReturnType<typeof Type.Boolean>>),
    dates: Type.Object(
      { began: PartialDateSchema, detected: PartialDateSchema, determinedMaterial: PartialDateSchema, contained: PartialDateSchema },
      { description: 'At the precision stated (the API’s `dates.*.date`).' },
    ),
    url: Type.String({ description: 'Where a person reads the incident.' }),
  },
  { $id: 'AlertIncident', description: 'The incident as the event left it: what `GET /v1/incidents/{id}` serves, thinned to what a notification needs.' },
);

export const AlertFilingSchema = Type.Object(
  {
    accessionNumber: AccessionSchema,
    form: Type.String(),
    items: Type.Array(Type.String()),
    filedAt: DateSchema,
    secUrl: Type.String({ description: 'The filing’s index page on EDGAR.' }),
  },
  { $id: 'AlertFiling', description: 'The filing that caused the event.' },
);

const AlertDataSchema = Type.Object({
  incident: AlertIncidentSchema,
  filing: Type.Union([AlertFilingSchema, Type.Null()], { description: 'Null when no single filing caused the event (a retraction by re-analysis).' }),
  changes: Type.Array(Type.Object({ field: Type.String({ description: '`dates.detected`, `materialImpact`, `status`, …' }), from: Type.Unknown(), to: Type.Unknown() }), {
    description: 'The changed fields, from → to; empty for `incident.created`. Dropped from the end when the body would exceed 20 KB.',
  }),
  evidence: Type.Array(Type.Object({ field: Type.String({ description: '`materialImpact`, `dates.detected`, `flags.ransomware`, …' }), sentence: Type.String() }), {
    description: 'The sentences of the filing supporting its facts, most relevant first; dropped from the end when the body would exceed 20 KB.',
  }),
});

function incidentEvent(type: (typeof INCIDENT_WEBHOOK_TYPES)[number], id: string, description: string) {
  return Type.Object(
    {
      type: Type.Literal(type),
      timestamp: Type.String({ format: 'date-time', description: 'When the event happened (UTC).' }),
      data: AlertDataSchema,
    },
    { $id: id, description },
  );
}

export const IncidentCreatedEventSchema = incidentEvent('incident.created', 'IncidentCreatedEvent', 'A new incident: the first filing disclosing it was analyzed.');
export const IncidentUpdatedEventSchema = incidentEvent('incident.updated', 'IncidentUpdatedEvent', 'A later filing (an 8-K/A, an update, a periodic report) changed what is known: `changes` says what.');
export const IncidentEscalatedEventSchema = incidentEvent('incident.escalated', 'IncidentEscalatedEvent', 'An incident first disclosed under Item 8.01 or 7.01 is now filed under Item 1.05 (material).');
export const IncidentRetractedEventSchema = incidentEvent('incident.retracted', 'IncidentRetractedEvent', 'No filing left states the incident (re-analysis, or a correction moved its filings).');

export const TestEventSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('incident.created'), Type.Literal('incident.updated'), Type.Literal('incident.escalated'), Type.Literal('incident.retracted')], {
      description: 'The first of created, updated, escalated, retracted that the subscription’s `filter.events` names (`incident.created` by default), with `changes` as such an event has them.',
    }),
    timestamp: Type.String({ format: 'date-time' }),
    test: Type.Literal(true, { description: 'Only ever present, and true, on a test message.' }),
    data: AlertDataSchema,
  },
  { $id: 'TestEvent', description: 'What `POST /v1/subscriptions/{id}/test` sends: a sample Item 1.05 incident (id 0, `Example Corp (test message)`), marked `test: true`. No incident happened. A subscription whose `filter.events` names only `report.published` gets a `ReportPublishedEvent` marked `test: true` instead (a sample report of an empty week).' },
);

export const ReportPublishedEventSchema = Type.Object(
  {
    type: Type.Literal('report.published'),
    timestamp: Type.String({ format: 'date-time' }),
    test: Type.Optional(Type.Literal(true, { description: 'Only on a test message (`POST /v1/subscriptions/{id}/test` to a subscription naming only `report.published`): a sample report of an empty week.' })),
    data: Type.Object({
      week: Type.String({ pattern: '^\\d{4}-W\\d{2}$', description: 'The ISO week reported on, e.g. `2024-W08` (Monday–Sunday by EDGAR filing date).' }),
      start: DateSchema,
      end: DateSchema,
      analyzerVersion: Type.String({ description: 'The analyzer version the report was built with: a week is published once per version.' }),
      links: Type.Object(Object.fromEntries(REPORT_FORMATS.map((f) => [f, Type.String()])) as Record<(typeof REPORT_FORMATS)[number], ReturnType<typeof Type.String>>, {
        description: 'The report in each format (`GET /v1/reports/weekly/{week}.{format}`), absolute under `PUBLIC_URL` (else the server’s own address).',
      }),
      headline: Type.Object(
        {
          newIncidents: Type.Integer(),
          updatedIncidents: Type.Integer(),
          escalatedIncidents: Type.Integer(),
          filings: Type.Integer({ description: 'Incident filings of the week.' }),
          issuers: Type.Integer({ description: 'Companies that filed them.' }),
          item105Filings: Type.Integer(),
        },
        { description: 'The headline numbers of the week, each in its unit (incidents, filings, issuers).' },
      ),
    }),
  },
  { $id: 'ReportPublishedEvent', description: 'The weekly disclosure report of last week was built (Mondays 07:00 America/New_York), to the subscriptions whose `filter.events` ask for it.' },
);

export const WEBHOOK_SCHEMAS = [
  AlertIncidentSchema,
  AlertFilingSchema,
  IncidentCreatedEventSchema,
  IncidentUpdatedEventSchema,
  IncidentEscalatedEventSchema,
  IncidentRetractedEventSchema,
  TestEventSchema,
  ReportPublishedEventSchema,
] as const;
