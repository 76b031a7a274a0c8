// Every kind of job cyber8k runs, in one place: its name in the jobs table, what its key names,
// its typed payload and how it is scheduled against the others. A new kind (alerts, digests,
// reports) is added here, with its handler registered with the worker by the part that owns it.

/** The payload each kind carries beside its key. */
export interface JobPayloads {
  /** Key: the filing's accession number; everything else is in its filings row. */
  'analyze-filing': Record<string, never>;
  /** Key: the event id; matches it against the subscriptions and writes one delivery for each match. */
  'fan-out-event': Record<string, never>;
  /** Key: the delivery id; sends it (every attempt and retry of it is this job). */
  'deliver-alert': Record<string, never>;
  /** Key: `<subscription id>@<ISO time>`; sends that digest of the subscription's deliveries. */
  'send-digest': Record<string, never>;
  /** Key: `CIK:YYYY-MM-DD` (UTC day), so a company is read at most once a day whatever schedules it. */
  'refresh-company': Record<string, never>;
  /** Key: `YYYY-MM-DD` (UTC day): one read of company_tickers.json a day. */
  'refresh-company-tickers': Record<string, never>;
}

export type JobKind = keyof JobPayloads;

export interface JobDefinition {
  /** What the job does and what its key is, for operators (`cyber8k jobs`, /v1/jobs). */
  description: string;
}

export const JOBS: { readonly [K in JobKind]: JobDefinition } = {
  'analyze-filing': { description: 'fetches a discovered filing from EDGAR and analyzes it; key: the accession number' },
  'fan-out-event': { description: 'writes one delivery per subscription matching an incident event or a published weekly report; key: the event id' },
  'deliver-alert': { description: 'sends one alert to its channel, retrying on failure; key: the delivery id' },
  'send-digest': { description: 'sends one digest of a subscription\'s alerts; key: subscription id@time' },
  'refresh-company': { description: "reads a company's submissions JSON on data.sec.gov (tickers, exchanges, SIC, state, SEC office, former names); key: CIK:UTC day" },
  'refresh-company-tickers': { description: "reads EDGAR's company_tickers.json and sets the tickers of the companies known; key: the UTC day" },
};

export const JOB_KINDS = Object.keys(JOBS) as JobKind[];

export const ANALYZE_FILING = 'analyze-filing' satisfies JobKind;
export const FAN_OUT_EVENT = 'fan-out-event' satisfies JobKind;
export const DELIVER_ALERT = 'deliver-alert' satisfies JobKind;
export const SEND_DIGEST = 'send-digest' satisfies JobKind;

/** Attempts of one alert: the first at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. */
export const ALERT_RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const ALERT_MAX_ATTEMPTS = ALERT_RETRY_DELAYS_MS.length + 1;

export const REFRESH_COMPANY = 'refresh-company' satisfies JobKind;
export const REFRESH_COMPANY_TICKERS = 'refresh-company-tickers' satisfies JobKind;

/**
 * Job priorities, higher first: what is new (live feed, the nightly reconciliation) outranks history
 * (backfill), and both outrank background upkeep (company profiles), which never delays a filing.
 */
export const PRIORITY = { live: 10, history: 0, background: -10 } as const;
