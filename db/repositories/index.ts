// Every repository over one database, built once per process and handed to what needs them
// (ingestion, backfill, reconciliation, re-analysis, the API routes).

import type { Db } from '../client.ts';
import { createApiKeyRepository } from './api-keys.ts';
import { createCompanyRepository } from './companies.ts';
import { createDeliveryRepository } from './deliveries.ts';
import { createFilingRepository } from './filings.ts';
import { createIncidentRepository } from './incidents.ts';
import { createHttpCacheRepository } from './http-cache.ts';
import { createJobRepository } from './jobs.ts';
import { createPollStateRepository } from './poll-state.ts';
import { createReconciliationRepository } from './reconciliations.ts';
import { createReportRepository } from './reports.ts';
import { createRateLimitRepository } from './rate-limits.ts';
import { createServerKeyRepository } from './server-keys.ts';
import { createSubscriptionRepository } from './subscriptions.ts';

function createBaseRepositories(db: Db) {
  return {
    companies: createCompanyRepository({ db }),
    filings: createFilingRepository({ db }),
    incidents: createIncidentRepository({ db }),
    jobs: createJobRepository({ db }),
    pollState: createPollStateRepository({ db }),
    reconciliations: createReconciliationRepository({ db }),
    reports: createReportRepository({ db }),
    httpCache: createHttpCacheRepository({ db }),
    rateLimits: createRateLimitRepository({ db }),
    serverKeys: createServerKeyRepository({ db }),
    apiKeys: createApiKeyRepository({ db }),
    subscriptions: createSubscriptionRepository({ db }),
    deliveries: createDeliveryRepository({ db }),
  };
}

/** Repositories bound to one transaction. */
export type TransactionRepositories = ReturnType<typeof createBaseRepositories>;

export function createRepositories(db: Db) {
  return {
    ...createBaseRepositories(db),
    /**
     * Runs `work` in one transaction over repositories bound to it: what they write commits
     * together or not at all. How a use case that touches several repositories stays atomic.
     */
    transaction<T>(work: (tx: TransactionRepositories) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(createBaseRepositories(tx as unknown as Db)));
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export type { ApiKeyInfo, ApiKeyRepository } from './api-keys.ts';
export type { CompanyProfile, CompanyRepository, CompanyRow } from './companies.ts';
export type { FilingRepository, FilingRow } from './filings.ts';
export type { IncidentRepository, IncidentRow, IncidentWithFilings, EventRow } from './incidents.ts';
export type { HttpCacheRepository } from './http-cache.ts';
export type { JobRepository, JobRow } from './jobs.ts';
export type { PollStateRepository } from './poll-state.ts';
export type { ReconciliationRepository } from './reconciliations.ts';
export type { ReportRepository } from './reports.ts';
export type { RateLimitRepository } from './rate-limits.ts';
export type { ServerKeyRepository } from './server-keys.ts';
export type { DeliveryRepository, EventContext } from './deliveries.ts';
export type { DeliveryRow, Owner, SubscriptionRepository, SubscriptionRow } from './subscriptions.ts';
