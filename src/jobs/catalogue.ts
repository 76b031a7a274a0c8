// Every kind of job cyber8k runs, in one place: its name in the jobs table, what its key names,
// its typed payload and how it is scheduled against the others. A new kind (alerts, digests,
// reports) is added here, with its handler registered with the worker by the part that owns it.

/** The payload each kind carries beside its key. */
export interface JobPayloads {
  /** Key: the filing's accession number; everything else is in its filings row. */
  'analyze-filing': Record<string, never>;
}

export type JobKind = keyof JobPayloads;

export interface JobDefinition {
  /** What the job does and what its key is, for operators (`cyber8k jobs`, /v1/jobs). */
  description: string;
}

export const JOBS: { readonly [K in JobKind]: JobDefinition } = {
  'analyze-filing': { description: 'fetches a discovered filing from EDGAR and analyzes it; key: the accession number' },
};

export const JOB_KINDS = Object.keys(JOBS) as JobKind[];

export const ANALYZE_FILING = 'analyze-filing' satisfies JobKind;

/** Job priorities, higher first: what is new (live feed, the nightly reconciliation) outranks history (backfill). */
export const PRIORITY = { live: 10, history: 0 } as const;
