// Keeping companies' EDGAR profiles fresh, as jobs that never delay a filing: the leader schedules
// (`scheduleCompanyRefresh`, every few minutes) one `refresh-company` job per company whose
// submissions JSON was not read for `refreshMs` (at least a day), and one `refresh-company-tickers`
// job a day for company_tickers.json. The jobs run at background priority through the shared
// EDGAR client, so they count against the one rate limit and stop with SEC's pause; a failure is
// recorded on the job and retried like any other.

import type { CompanyRepository } from '../../db/repositories/companies.ts';
import type { JobRepository } from '../../db/repositories/jobs.ts';
import { EdgarError, type EdgarClient } from '../edgar/client.ts';
import { companyTickersUrl, parseCompanyTickers } from '../edgar/company-tickers.ts';
import { parseSubmissionsProfile, submissionsUrl } from '../edgar/submissions.ts';
import { PRIORITY, REFRESH_COMPANY, REFRESH_COMPANY_TICKERS } from '../jobs/catalogue.ts';
import type { Logger } from '../logger.ts';
import { DeferJobError, PermanentJobError, type JobHandler } from '../ingest/worker.ts';

/** SEC's guidance and this project's rule: one read of a company's profile a day at most. */
export const MIN_REFRESH_MS = 24 * 3600_000;
/** Companies scheduled per run: a few hundred requests spread over the day, never a burst. */
export const REFRESH_BATCH = 100;
/** Attempts of one refresh before it waits for the next day's job. */
const REFRESH_ATTEMPTS = 4;

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export interface CompanyRefreshOptions {
  edgar: EdgarClient;
  companies: CompanyRepository;
  log: Logger;
  /** How old a profile may get before it is read again (at least MIN_REFRESH_MS). */
  refreshMs: number;
  now?: () => Date;
}

/** SEC's pause and a Retry-After are nobody's fault: come back later without spending an attempt. */
function deferred(err: unknown, edgar: EdgarClient): never {
  if (err instanceof EdgarError && err.isPause) throw new DeferJobError(err.message, Math.max(1000, edgar.breaker.remainingMs()));
  if (err instanceof EdgarError && err.retryAfterMs !== null && err.retryAfterMs > 0) throw new DeferJobError(err.message, err.retryAfterMs);
  throw err;
}

/** `refresh-company`: reads one company's submissions JSON, unless it was read within `refreshMs`. */
export function createRefreshCompanyHandler(options: CompanyRefreshOptions): JobHandler {
  const { edgar, companies, log } = options;
  const now = options.now ?? (() => new Date());
  const refreshMs = Math.max(MIN_REFRESH_MS, options.refreshMs);
  return async (job, signal) => {
    const cik = /^(\d{10}):\d{4}-\d{2}-\d{2}$/.exec(job.key)?.[1];
    if (!cik) throw new PermanentJobError(`refresh-company key "${job.key}" is not CIK:YYYY-MM-DD`);
    const company = await companies.get(cik);
    if (!company) return;
    // Read already (another instance's job, or a retry after the write): no second request.
    if (company.profileFetchedAt && now().getTime() - company.profileFetchedAt.getTime() < refreshMs) return;
    let body: Buffer;
    try {
      body = (await edgar.get(submissionsUrl(edgar.baseUrls.data, cik), { signal })).body;
    } catch (err) {
      if (err instanceof EdgarError && err.code === 'edgar.not_found') throw new PermanentJobError(`data.sec.gov has no submissions JSON for CIK ${cik}`, { cause: err });
      deferred(err, edgar);
    }
    const profile = parseSubmissionsProfile(body);
    if (profile.cik !== cik) throw new PermanentJobError(`the submissions JSON read for CIK ${cik} is that of CIK ${profile.cik}`);
    await companies.recordProfile(cik, profile, now());
    log.debug({ cik, tickers: profile.tickers }, `company profile of ${profile.name ?? cik} read from data.sec.gov`);
  };
}

/** `refresh-company-tickers`: one read of company_tickers.json sets the tickers of every company known. */
export function createRefreshCompanyTickersHandler(options: Omit<CompanyRefreshOptions, 'refreshMs' | 'now'>): JobHandler {
  const { edgar, companies, log } = options;
  return async (_job, signal) => {
    let body: Buffer;
    try {
      body = (await edgar.get(companyTickersUrl(edgar.baseUrls.www), { signal })).body;
    } catch (err) {
      deferred(err, edgar);
    }
    const tickers = parseCompanyTickers(body);
    const changed = await companies.applyTickers(tickers);
    log.info(`company_tickers.json: ${tickers.size} companies listed, tickers of ${changed} known ones changed`);
  };
}

/**
 * Enqueues today's company_tickers.json read and the profile reads that are due. Jobs are keyed by
 * UTC day, so running this any number of times, on any instance, adds each at most once a day.
 */
export async function scheduleCompanyRefresh(options: {
  companies: CompanyRepository;
  jobs: JobRepository;
  refreshMs: number;
  now?: () => Date;
  batch?: number;
}): Promise<{ enqueued: number }> {
  const at = (options.now ?? (() => new Date()))();
  const day = utcDay(at);
  const refreshMs = Math.max(MIN_REFRESH_MS, options.refreshMs);
  const job = { priority: PRIORITY.background, maxAttempts: REFRESH_ATTEMPTS };
  let enqueued = (await options.jobs.enqueue({ ...job, kind: REFRESH_COMPANY_TICKERS, key: day })) ? 1 : 0;
  for (const cik of await options.companies.dueForProfile(new Date(at.getTime() - refreshMs), options.batch ?? REFRESH_BATCH, day)) {
    if (await options.jobs.enqueue({ ...job, kind: REFRESH_COMPANY, key: `${cik}:${day}` })) enqueued++;
  }
  return { enqueued };
}
