import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Analysis } from '../src/analysis/types.ts';
import type { IncidentFacts } from '../src/incidents/facts.ts';
import { JOB_STATES, type JobState } from './job-states.ts';

/** The part of an analysis a list of filings shows. */
export type AnalysisSummary = Pick<Analysis, 'update' | 'dates' | 'flags'>;

/** A name the company filed under before, with the dates EDGAR gives (`YYYY-MM-DD`, null when not stated). */
export interface FormerName {
  name: string;
  from: string | null;
  to: string | null;
}

/**
 * Registrants, keyed by the 10-digit CIK. The name comes with each discovered filing; SIC, state of
 * incorporation, location, SEC office and former names from the SGML header of each analyzed
 * filing; tickers and exchanges from EDGAR's company_tickers.json and the company's submissions JSON
 * on data.sec.gov (src/companies/), which also refresh the rest at most once a day.
 */
export const companies = pgTable(
  'companies',
  {
    cik: text('cik').primaryKey(),
    name: text('name').notNull(),
    tickers: text('tickers').array().notNull().default(sql`'{}'::text[]`),
    /** Parallel to `tickers` where EDGAR gives them (`Nasdaq`, `NYSE`, …). */
    exchanges: text('exchanges').array().notNull().default(sql`'{}'::text[]`),
    /** Four-digit SIC code. */
    sic: text('sic'),
    sicDescription: text('sic_description'),
    /** State (or country code) of incorporation, e.g. `DE`. */
    state: text('state'),
    /** City and state (or country code) of the business address. */
    businessCity: text('business_city'),
    businessState: text('business_state'),
    /** The SEC Corporation Finance office reviewing its filings, as EDGAR names it (`06 Technology`). */
    secOffice: text('sec_office'),
    fiscalYearEnd: text('fiscal_year_end'),
    formerNames: jsonb('former_names').$type<FormerName[]>().notNull().default(sql`'[]'::jsonb`),
    /** Acceptance of its latest discovered filing: the company list's "most recently active first". */
    lastFiledAt: timestamp('last_filed_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its submissions JSON was last read from data.sec.gov (null: never). */
    profileFetchedAt: timestamp('profile_fetched_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('companies_last_filed_cik_idx').on(t.lastFiledAt.desc().nullsFirst(), t.cik.desc().nullsFirst()),
    index('companies_tickers_gin').using('gin', t.tickers),
    index('companies_sic_idx').on(t.sic),
  ],
);

/** `pending` until analyzed; `failed` will be retried (see its job); `dead` was set aside with its error. */
export const FILING_STATUSES = ['pending', 'analyzed', 'failed', 'dead'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/**
 * One row per accession number, whatever the number of feed entries (one per filer role) that
 * announced it. The current analysis is kept here, denormalized, for filtering; its history is in
 * `analyses`.
 */
export const filings = pgTable(
  'filings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accessionNumber: text('accession_number').notNull().unique(),
    cik: text('cik').notNull(),
    companyName: text('company_name').notNull(),
    form: text('form').notNull(),
    /** Item numbers as announced by EDGAR (feed entry, SGML header). */
    items: text('items').array().notNull().default(sql`'{}'::text[]`),
    filedAt: date('filed_at').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    indexUrl: text('index_url').notNull(),
    submissionUrl: text('submission_url').notNull(),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('pending'),
    error: text('error'),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull().defaultNow(),
    analyzedAt: timestamp('analyzed_at', { withTimezone: true }),
    /** Text of the Item 1.05 section, when the filing has one. */
    item105Text: text('item105_text'),
    incident: boolean('incident'),
    incidentItem: text('incident_item'),
    materialImpact: text('material_impact'),
    analyzerVersion: text('analyzer_version'),
    analysis: jsonb('analysis').$type<Analysis>(),
    /**
     * What a list shows of the analysis (`update`, `dates`, `flags`): a few hundred bytes kept in
     * the row, where `analysis` (kilobytes, stored out of line) would be read and unpacked for
     * every filing of every page.
     */
    analysisSummary: jsonb('analysis_summary').$type<AnalysisSummary>(),
  },
  (t) => [
    // NULLS FIRST is what a plain `ORDER BY accepted_at DESC, id DESC` means; drizzle's default
    // DESC NULLS LAST index cannot serve that order, and the list sorted the whole table instead.
    index('filings_accepted_id_idx').on(t.acceptedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('filings_cik_idx').on(t.cik),
    index('filings_items_gin').using('gin', t.items),
    index('filings_status_idx').on(t.status),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * What was fetched of each filing (the header and the documents the analysis read), gzipped, and
 * what fetching it cost. `reanalyze` reads it back instead of asking EDGAR again.
 */
export const filingSources = pgTable('filing_sources', {
  accessionNumber: text('accession_number')
    .primaryKey()
    .references(() => filings.accessionNumber, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
  documents: text('documents').array().notNull(),
  requests: integer('requests').notNull(),
  bytes: integer('bytes').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every analysis ever made of a filing, one per analyzer version. */
export const analyses = pgTable(
  'analyses',
  {
    accessionNumber: text('accession_number')
      .notNull()
      .references(() => filings.accessionNumber, { onDelete: 'cascade' }),
    analyzerVersion: text('analyzer_version').notNull(),
    analysis: jsonb('analysis').$type<Analysis>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accessionNumber, t.analyzerVersion] })],
);

/** Where each discovery source stopped, so a restart resumes instead of starting over. */
export const pollState = pgTable('poll_state', {
  source: text('source').primaryKey(),
  cursor: jsonb('cursor').$type<Record<string, unknown>>(),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export { JOB_STATES, type JobState };

/**
 * Durable work, claimed with FOR UPDATE SKIP LOCKED so any number of workers in any number of
 * processes share it. At-least-once: a claim whose lease runs out (a worker killed mid-job) is
 * claimed again, so handlers must be idempotent. One row per (kind, key): enqueueing twice is a
 * no-op.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** Higher runs first: live discoveries outrank a backfill's thousands of old filings. */
    priority: integer('priority').notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_kind_key_uq').on(t.kind, t.key),
    index('jobs_claim_idx').on(t.state, t.priority.desc(), t.runAt),
  ],
);

/**
 * SEC's limit is per user across all machines, so instances sharing a database share one token
 * bucket and one rate-limit pause, kept in this row and updated atomically.
 */
export const rateLimits = pgTable('rate_limits', {
  name: text('name').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  refilledAt: timestamp('refilled_at', { withTimezone: true }).notNull().defaultNow(),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
  pauseReason: text('pause_reason'),
  trips: integer('trips').notNull().default(0),
});

/** Validators of EDGAR resources fetched before (conditional GET). */
export const httpCache = pgTable('http_cache', {
  url: text('url').primaryKey(),
  etag: text('etag'),
  lastModified: text('last_modified'),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Secrets the server generates for itself, one row per purpose (e.g. `api.cursor`, the key that
 * signs page cursors). Kept in the database so every instance sharing it signs and verifies alike
 * and a restart does not invalidate what clients hold.
 */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  secret: bytea('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One company's one cyber event, threaded from its filings (src/incidents/). `facts` holds what
 * is derived from them (dates with evidence, flags, timeliness); the columns beside it are the
 * ones filtered and sorted on. An incident whose filings all left it is kept, `retracted`.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cik: text('cik').notNull(),
    companyName: text('company_name').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['open', 'updated', 'escalated', 'retracted'] }).notNull(),
    itemPath: text('item_path'),
    /** Every 8-K item any of its filings reports. */
    items: text('items').array().notNull().default(sql`'{}'::text[]`),
    materialImpact: text('material_impact'),
    /** Names of the flags any of its filings states. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    firstDisclosedAt: date('first_disclosed_at'),
    lastFiledAt: date('last_filed_at'),
    /** Acceptance of its latest filing: the list's "most recent activity first". */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    facts: jsonb('facts').$type<IncidentFacts>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incidents_activity_id_idx').on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('incidents_cik_idx').on(t.cik),
  ],
);

/** Which filing belongs to which incident, why and how surely. A filing is in one incident at most. */
export const incidentFilings = pgTable(
  'incident_filings',
  {
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    accessionNumber: text('accession_number')
      .notNull()
      .references(() => filings.accessionNumber, { onDelete: 'cascade' }),
    role: text('role', { enum: ['original', 'amendment', 'update', 'escalation', 'periodic'] }).notNull(),
    reason: text('reason').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    linkedBy: text('linked_by', { enum: ['auto', 'user'] }).notNull().default('auto'),
    /** Place in the incident's filing order, from 0. */
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.accessionNumber] }), uniqueIndex('incident_filings_accession_uq').on(t.accessionNumber)],
);

/**
 * The outbox of incident changes, written in the transaction that made them; alerts read it in id
 * order. Unique per (incident, filing analysis, type): a retried job, a restart or a second instance
 * rethreading the same analysis adds nothing; a new analyzer version's analysis of the filing may.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type', { enum: ['incident.created', 'incident.updated', 'incident.escalated', 'incident.retracted'] }).notNull(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** The filing whose analysis caused the change, and the analyzer version that made that analysis. */
    accessionNumber: text('accession_number').notNull(),
    analyzerVersion: text('analyzer_version').notNull(),
    /** `{ changes: [{ field, from, to }] }` for updates; the incident as it became. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('events_incident_filing_type_uq').on(t.incidentId, t.accessionNumber, t.analyzerVersion, t.type)],
);

export const API_KEY_SCOPES = ['read', 'alerts', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * API keys, stored as the SHA-256 of the key (256 random bits, so a plain hash is enough: there is
 * nothing to guess); the key itself is shown once, when created. `prefix` identifies it in lists.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    scope: text('scope', { enum: API_KEY_SCOPES }).notNull(),
    prefix: text('prefix').notNull(),
    hash: bytea('hash').notNull(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(600),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.hash)],
);

/**
 * Alert subscriptions: where (`channel`), on what (`filter`, tickers already resolved to CIKs) and
 * when (`mode`). The signing secret must be kept to sign, so unlike API keys it cannot be hashed;
 * it is never served after creation. During a rotation the previous secret also signs, until
 * `previous_secret_until`.
 */
export const subscriptions = pgTable('subscriptions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  channel: jsonb('channel').$type<Record<string, unknown>>().notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  mode: jsonb('mode').$type<unknown>().notNull(),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
  /** Set when the receiver said it is gone (410, an archived Slack channel) or by PATCH; nothing is sent meanwhile. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  disabledReason: text('disabled_reason'),
  /** The key that created it: a key of scope `alerts` sees only its own subscriptions. */
  ownerKeyId: bigint('owner_key_id', { mode: 'number' }).references(() => apiKeys.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const DELIVERY_KINDS = ['event', 'test'] as const;
/**
 * `pending`: to send (now or at `next_attempt_at`); `scheduled`: waiting for its subscription's
 * digest at `digest_at`; `delivered` (2xx) or `accepted` (Teams' 202); `failed`: out of attempts
 * or refused for good; `cancelled`: its subscription was disabled first.
 */
export const DELIVERY_STATES = ['pending', 'scheduled', 'delivered', 'accepted', 'failed', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One row per (subscription, event): the unique key is what makes an alert go out once however
 * many instances fan the event out. `message_id` is the `webhook-id`, the same on every attempt
 * and replay, so a receiver can drop duplicates. Instant sends and digests both read these rows.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subscriptionId: bigint('subscription_id', { mode: 'number' })
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    /** Null for a test send. */
    eventId: bigint('event_id', { mode: 'number' }).references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    messageId: text('message_id').notNull(),
    state: text('state', { enum: DELIVERY_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The digest it goes out in (digest mode). */
    digestAt: timestamp('digest_at', { withTimezone: true }),
    /** When the filing behind it was first seen in the feed: the start of the feed → delivery latency. */
    originAt: timestamp('origin_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    responseExcerpt: text('response_excerpt'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliveries_subscription_event_uq').on(t.subscriptionId, t.eventId),
    uniqueIndex('deliveries_message_id_uq').on(t.messageId),
    index('deliveries_subscription_id_idx').on(t.subscriptionId, t.id.desc().nullsFirst()),
    index('deliveries_open_idx').on(t.state).where(sql`${t.state} in ('pending', 'scheduled')`),
  ],
);
