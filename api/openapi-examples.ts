// Examples of the OpenAPI description: one answer per main operation and one body per webhook,
// after UnitedHealth's Item 1.05 of February 2024 (Change Healthcare). Typed against the route
// schemas so a change of shape breaks the build here; test/api/openapi.test.ts also checks them
// against the client openapi-typescript generates from the description.

import type { Static } from 'typebox';
import type { AlertMessage } from '../src/alerts/types.ts';
import type { ErrorBody } from './errors.ts';
import type { CompanyPageSchema, SectorListSchema } from './schemas/company.ts';
import type { FilingPageSchema } from './schemas/filing.ts';
import type { EventPageSchema, IncidentDetailDto, IncidentDto, IncidentPageSchema } from './schemas/incident.ts';
import type { DeliveryPageSchema, SubscriptionSchema } from './schemas/subscription.ts';
import type { ReportPublishedEventSchema } from './schemas/webhook.ts';

export const ERROR_EXAMPLES: Record<string, ErrorBody> = {
  400: { error: { code: 'request.invalid_parameter', message: 'query parameter "since" must be a calendar date, YYYY-MM-DD', parameter: 'since' } },
  401: { error: { code: 'auth.invalid_key', message: 'the API key is not valid, or it was revoked' } },
  403: { error: { code: 'auth.insufficient_scope', message: 'API key c8k_3f9a… has scope read; this request needs alerts' } },
  404: { error: { code: 'incidents.not_found', message: 'no incident 4242 is known' } },
  409: { error: { code: 'incidents.merge_companies', message: 'incidents 12 (CIK 0000731766) and 13 (CIK 0000320193) are of two companies; an incident is one company\'s' } },
  429: { error: { code: 'auth.rate_limited', message: 'API key c8k_3f9a… made more than 600 requests a minute; retry in 4 s' } },
  503: { error: { code: 'service.closing', message: 'the server is shutting down; retry on another instance' } },
};

const ACCESSION = '0000731766-24-000045';
const INDEX_URL = `https://www.sec.gov/Archives/edgar/data/731766/000073176624000045/${ACCESSION}-index.htm`;
const DETECTED = 'On February 21, 2024, UnitedHealth Group Incorporated identified a suspected nation-state associated cyber security threat actor had gained access to some of the Change Healthcare information technology systems.';
const FLAGS = { ransomware: false, dataAccessed: false, operationalDisruption: true, nationState: true, thirdParty: false, lawEnforcementNotified: true, disclosureDelayed: false };

const INCIDENT: IncidentDto = {
  id: 17,
  cik: '0000731766',
  company: 'UNITEDHEALTH GROUP INC',
  tickers: ['UNH'],
  sic: '6324',
  sectors: ['insurance', 'healthcare'],
  status: 'open',
  title: 'UNITEDHEALTH GROUP INC: Change Healthcare cyber security incident',
  itemPath: '1.05',
  materialImpact: 'not-determined',
  dates: {
    began: null,
    detected: { date: '2024-02-21', accessionNumber: ACCESSION, evidence: DETECTED },
    determinedMaterial: null,
    contained: null,
  },
  flags: FLAGS,
  timeliness: { businessDaysToItem105: null, withinFourBusinessDays: null, detectionToDisclosureDays: 1, detectionToDisclosureBusinessDays: 1 },
  firstDisclosedAt: '2024-02-22',
  lastFiledAt: '2024-02-22',
  filings: [{ accessionNumber: ACCESSION, form: '8-K', items: ['1.05'], filedAt: '2024-02-22', role: 'original', reason: 'first filing disclosing the incident', confidence: 1, linkedBy: 'auto' }],
};

const INCIDENT_DETAIL: IncidentDetailDto = {
  ...INCIDENT,
  timeline: [
    {
      accessionNumber: ACCESSION,
      form: '8-K',
      filedAt: '2024-02-22',
      acceptedAt: '2024-02-22T21:24:39.000Z',
      role: 'original',
      item: '1.05',
      materialImpact: 'not-determined',
      dates: { began: null, detected: '2024-02-21', determinedMaterial: null, contained: null },
      evidence: { 'dates.detected': DETECTED, 'flags.nationState': DETECTED },
    },
  ],
};

const INCIDENT_PAGE: Static<typeof IncidentPageSchema> = { data: [INCIDENT], nextCursor: 'eyJhIjoiMjAyNC0wMi0yMlQyMToyNDozOS4wMDBaIiwiaSI6MTd9.q5C0' };

const FILING_PAGE: Static<typeof FilingPageSchema> = {
  data: [
    {
      accessionNumber: ACCESSION,
      cik: '0000731766',
      company: 'UNITEDHEALTH GROUP INC',
      form: '8-K',
      items: ['1.05'],
      filedAt: '2024-02-22',
      acceptedAt: '2024-02-22T21:24:39.000Z',
      status: 'analyzed',
      error: null,
      discoveredAt: '2024-02-22T21:25:02.000Z',
      analyzedAt: '2024-02-22T21:25:04.000Z',
      links: { index: INDEX_URL, submission: `https://www.sec.gov/Archives/edgar/data/731766/000073176624000045/${ACCESSION}.txt` },
      incident: true,
      item: '1.05',
      update: false,
      materialImpact: 'not-determined',
      dates: { began: null, detected: '2024-02-21', determinedMaterial: null, contained: null },
      flags: FLAGS,
      analyzerVersion: '1.19.0',
    },
  ],
  nextCursor: null,
};

const COMPANY_PAGE: Static<typeof CompanyPageSchema> = {
  data: [
    {
      cik: '0000731766',
      name: 'UNITEDHEALTH GROUP INC',
      tickers: ['UNH'],
      exchanges: ['NYSE'],
      sic: '6324',
      sicDescription: 'Hospital & Medical Service Plans',
      sectors: ['insurance', 'healthcare'],
      stateOfIncorporation: 'DE',
      location: { city: 'MINNETONKA', state: 'MN' },
      secOffice: 'Office of Finance',
      fiscalYearEnd: '1231',
      formerNames: [{ name: 'UNITED HEALTHCARE CORP', from: '1994-01-01', to: '2000-02-29' }],
      lastFiledAt: '2024-02-22T21:24:39.000Z',
      profileFetchedAt: '2024-02-22T21:26:00.000Z',
    },
  ],
  nextCursor: null,
};

const SECTORS: Static<typeof SectorListSchema> = {
  data: [{ name: 'healthcare', title: 'Healthcare', description: 'Health services, insurers, pharmaceuticals and medical devices.', sicRanges: [{ from: '8000', to: '8099' }] }],
};

const EVENTS: Static<typeof EventPageSchema> = {
  data: [
    {
      id: 301,
      type: 'incident.created',
      incidentId: 17,
      accessionNumber: ACCESSION,
      createdAt: '2024-02-22T21:25:05.000Z',
      changes: [],
      incident: { id: 17, cik: '0000731766', title: INCIDENT.title, status: 'open', itemPath: '1.05', materialImpact: 'not-determined' },
    },
  ],
  nextAfter: 301,
};

const SUBSCRIPTION: Static<typeof SubscriptionSchema> = {
  id: 3,
  name: 'Healthcare and Item 1.05',
  channel: { type: 'webhook', url: 'https://alerts.example.org/cyber8k' },
  filter: { sectors: ['healthcare'], items: ['1.05'], events: ['created', 'updated', 'escalated'] },
  mode: 'instant',
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  previousSecretValidUntil: null,
  createdAt: '2024-02-01T09:00:00.000Z',
  updatedAt: '2024-02-01T09:00:00.000Z',
};

const DELIVERIES: Static<typeof DeliveryPageSchema> = {
  data: [
    {
      id: 88,
      subscriptionId: 3,
      kind: 'event',
      eventId: 301,
      messageId: 'msg_2mQ8c0GkP1uVbYwz',
      state: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      responseExcerpt: 'ok',
      digestAt: null,
      lastAttemptAt: '2024-02-22T21:25:06.000Z',
      nextAttemptAt: null,
      deliveredAt: '2024-02-22T21:25:06.000Z',
      createdAt: '2024-02-22T21:25:05.000Z',
    },
  ],
  nextBefore: null,
};

/** operationId → status → the example of its (first) media type. */
export const OPERATION_EXAMPLES: Record<string, Record<string, unknown>> = {
  getHealth: { 200: { status: 'ok', version: '0.1.0', uptimeSeconds: 86_400 } },
  listIncidents: { 200: INCIDENT_PAGE },
  getIncident: { 200: INCIDENT_DETAIL },
  listEvents: { 200: EVENTS },
  listFilings: { 200: FILING_PAGE },
  listCompanies: { 200: COMPANY_PAGE },
  listSectors: { 200: SECTORS },
  listSubscriptions: { 200: { data: [SUBSCRIPTION], nextBefore: null } },
  getSubscription: { 200: SUBSCRIPTION },
  createSubscription: { 201: { ...SUBSCRIPTION, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } },
  listSubscriptionDeliveries: { 200: DELIVERIES },
  exportIncidentsCsv: {
    200: '\uFEFFid,cik,company,status,title,itemPath,materialImpact,firstDisclosedAt,lastFiledAt,began,detected,determinedMaterial,contained,flags,businessDaysToItem105,withinFourBusinessDays,detectionToDisclosureDays,filingCount,accessionNumbers,roles\r\n' +
      `17,0000731766,UNITEDHEALTH GROUP INC,open,UNITEDHEALTH GROUP INC: Change Healthcare cyber security incident,1.05,not-determined,2024-02-22,2024-02-22,,2024-02-21,,,nationState;operationalDisruption;lawEnforcementNotified,,,1,1,${ACCESSION},original\r\n`,
  },
};

/** The body of a webhook (the AlertMessage without its id, which is the `webhook-id` header). */
type WebhookBody = Omit<AlertMessage, 'id' | 'type'> & { type: string };

const ALERT: WebhookBody = {
  type: 'incident.created',
  timestamp: '2024-02-22T21:25:05.000Z',
  data: {
    incident: {
      id: 17,
      title: INCIDENT.title,
      company: 'UNITEDHEALTH GROUP INC',
      cik: '0000731766',
      tickers: ['UNH'],
      itemPath: '1.05',
      status: 'open',
      materialImpact: 'not-determined',
      flags: FLAGS,
      dates: { began: null, detected: '2024-02-21', determinedMaterial: null, contained: null },
      url: 'https://cyber8k.example.org/v1/incidents/17',
    },
    filing: { accessionNumber: ACCESSION, form: '8-K', items: ['1.05'], filedAt: '2024-02-22', secUrl: INDEX_URL },
    changes: [],
    evidence: [{ field: 'dates.detected', sentence: DETECTED }],
  },
};

const REPORT: Static<typeof ReportPublishedEventSchema> = {
  type: 'report.published',
  timestamp: '2024-02-26T12:00:04.000Z',
  data: {
    week: '2024-W08',
    start: '2024-02-19',
    end: '2024-02-25',
    analyzerVersion: '1.19.0',
    links: Object.fromEntries(['json', 'md', 'html', 'csv'].map((f) => [f, `https://cyber8k.example.org/v1/reports/weekly/2024-W08.${f}`])) as Static<typeof ReportPublishedEventSchema>['data']['links'],
    headline: { newIncidents: 3, updatedIncidents: 2, escalatedIncidents: 0, filings: 6, issuers: 5, item105Filings: 2 },
  },
};

/** Webhook operationId → the body it receives. */
export const WEBHOOK_EXAMPLES: Record<string, unknown> = {
  incidentCreated: ALERT,
  incidentUpdated: {
    ...ALERT,
    type: 'incident.updated',
    timestamp: '2024-02-27T21:10:12.000Z',
    data: { ...ALERT.data, incident: { ...ALERT.data.incident, status: 'updated' }, changes: [{ field: 'flags.ransomware', from: false, to: true }] },
  },
  incidentEscalated: {
    ...ALERT,
    type: 'incident.escalated',
    data: { ...ALERT.data, incident: { ...ALERT.data.incident, status: 'escalated', itemPath: '8.01 → 1.05' }, changes: [{ field: 'itemPath', from: '8.01', to: '8.01 → 1.05' }] },
  },
  incidentRetracted: { ...ALERT, type: 'incident.retracted', data: { ...ALERT.data, incident: { ...ALERT.data.incident, status: 'retracted' }, filing: null, changes: [{ field: 'status', from: 'open', to: 'retracted' }], evidence: [] } },
  testMessage: {
    type: 'incident.created',
    timestamp: '2024-02-01T09:00:10.000Z',
    test: true,
    data: {
      incident: { ...ALERT.data.incident, id: 0, title: 'TEST — Example Corp: ransomware attack disclosed under Item 1.05', company: 'Example Corp (test message)', cik: '0000000000', tickers: [], url: 'https://cyber8k.example.org/v1/incidents' },
      filing: null,
      changes: [],
      evidence: [{ field: 'dates.detected', sentence: 'This is a test message from cyber8k: no incident happened. Your subscription works.' }],
    },
  },
  reportPublished: REPORT,
};
