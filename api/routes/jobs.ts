import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { JobRepository, JobRow } from '../../db/repositories/jobs.ts';
import { JOB_STATES } from '../../db/schema.ts';
import { ErrorSchema, StringEnum } from '../schemas/common.ts';

// Anonymous callers see the counts only: the jobs' keys and errors are for operators, and which
// worker (host:pid) holds a job tells about the deployment, so only an admin key sees that.
const JobSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'What the job does, e.g. `analyze-filing`.' }),
  key: Type.String({ description: 'What it works on, e.g. an accession number.' }),
  state: StringEnum(JOB_STATES),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Type.String({ format: 'date-time', description: 'When it runs next (queued) or ran last.' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lockedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'The worker (host:pid:…) holding it; shown to admin keys only.' })),
});

const JOB_PAGE_DEFAULT = 100;

const JobQuerySchema = Type.Object(
  {
    state: Type.Optional(StringEnum(JOB_STATES, { description: 'Only jobs in this state.' })),
    kind: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}$', description: 'Only jobs of this kind.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: JOB_PAGE_DEFAULT, description: 'Jobs listed, newest first.' })),
  },
  { additionalProperties: false },
);

const JobsPageSchema = Type.Object({
  counts: Type.Array(Type.Object({ kind: Type.String(), state: Type.String(), count: Type.Integer() })),
  data: Type.Optional(Type.Array(JobSchema, { description: 'The jobs themselves; only with an API key.' })),
});

function toJobDto(job: JobRow, admin: boolean) {
  return {
    ...(admin ? { lockedBy: job.lockedBy } : {}),
    id: job.id,
    kind: job.kind,
    key: job.key,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: job.runAt.toISOString(),
    lastError: job.lastError,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export const jobRoutes: FastifyPluginAsyncTypebox<{ jobs: JobRepository }> = async (app, { jobs }) => {
  app.get(
    '/jobs',
    {
      schema: {
        tags: ['operations'],
        operationId: 'listJobs',
        summary: 'The ingestion queue: counts by kind and state, and the jobs themselves',
        description:
          'Every discovered filing is a job until it is analyzed (`done`) or set aside (`dead`, with its error). Without an API key only the counts are served; with one, the jobs too (and, for an admin key, the worker holding each).',
        querystring: JobQuerySchema,
        response: { 200: JobsPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { state, kind, limit = JOB_PAGE_DEFAULT } = request.query;
      const key = request.apiKey;
      if (!key) return { counts: await jobs.counts() };
      const [counts, rows] = await Promise.all([jobs.counts(), jobs.list({ state, kind, limit })]);
      return { counts, data: rows.map((row) => toJobDto(row, key.scope === 'admin')) };
    },
  );
};
