import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { JobRepository, JobRow } from '../../db/repositories/jobs.ts';
import { JOB_STATES } from '../../db/schema.ts';
import { ErrorSchema, StringEnum } from '../schemas/common.ts';

// Which worker (host:pid) holds a job is not shown: the endpoint has no authentication yet, and
// worker identities tell an anonymous caller about the deployment. Counts and errors are enough
// to see what the queue is doing.
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
  data: Type.Array(JobSchema),
});

function toJobDto(job: JobRow) {
  return {
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
        summary: 'The ingestion queue: counts by kind and state, and the jobs themselves',
        description: 'Every discovered filing is a job until it is analyzed (`done`) or set aside (`dead`, with its error).',
        querystring: JobQuerySchema,
        response: { 200: JobsPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { state, kind, limit = JOB_PAGE_DEFAULT } = request.query;
      const [counts, rows] = await Promise.all([jobs.counts(), jobs.list({ state, kind, limit })]);
      return { counts, data: rows.map(toJobDto) };
    },
  );
};
