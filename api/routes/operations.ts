import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/client.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import { JOB_STATES } from '../../db/schema.ts';
import { JOB_KINDS } from '../../src/jobs/catalogue.ts';
import type { BreakerState } from '../../src/edgar/breaker.ts';
import { errorMessage } from '../../src/errors.ts';
import type { MonitorMetrics } from '../../src/metrics.ts';

/** What the running process knows about itself, for /ready and /metrics. */
export interface RuntimeStatus {
  breaker?: () => BreakerState;
  isLeader?: () => boolean;
  /** Whether this process polls at all (false for `serve`, or without EDGAR_USER_AGENT). */
  polling: boolean;
}

export interface OperationsRoutesOptions {
  version: string;
  database: Database;
  repositories: Repositories;
  metrics: MonitorMetrics;
  runtime: RuntimeStatus;
  /** The clock of /health's uptime, in epoch milliseconds (tests move it). */
  now: () => number;
}

const PollSourceSchema = Type.Object({
  source: Type.String(),
  lastSuccessAt: Type.Union([Type.String(), Type.Null()]),
  lagSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'Seconds since the last successful read.' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

const ReadySchema = Type.Object({
  ready: Type.Boolean(),
  database: Type.Object({ ok: Type.Boolean(), kind: Type.String(), error: Type.Optional(Type.String()) }),
  poller: Type.Object({
    enabled: Type.Boolean(),
    leader: Type.Boolean(),
    sources: Type.Array(PollSourceSchema),
  }),
  rateLimit: Type.Object({
    paused: Type.Boolean(),
    pausedUntil: Type.Union([Type.String(), Type.Null()]),
    trips: Type.Integer(),
  }),
  jobs: Type.Object({ queued: Type.Integer(), running: Type.Integer(), dead: Type.Integer() }),
  alerts: Type.Object({
    pending: Type.Integer({ description: 'Alert deliveries waiting to be sent or retried.' }),
    scheduled: Type.Integer({ description: 'Alert deliveries held for a digest.' }),
    oldestPendingSeconds: Type.Union([Type.Integer(), Type.Null()], { description: 'Age of the oldest delivery still to be sent.' }),
    disabledSubscriptions: Type.Object(
      { count: Type.Integer(), ids: Type.Array(Type.Integer(), { description: 'The first 100.' }) },
      { description: 'Subscriptions alerts no longer go to (a receiver answered 410, a Slack channel was archived, or paused); why is in GET /v1/subscriptions/{id}.' },
    ),
  }),
});

export const operationsRoutes: FastifyPluginAsyncTypebox<OperationsRoutesOptions> = async (app, options) => {
  const { database, metrics, runtime } = options;
  const { jobs, pollState, deliveries } = options.repositories;
  const started = options.now();

  async function pollSources() {
    return (await pollState.list()).map((r) => ({
      source: r.source,
      lastSuccessAt: r.lastSuccessAt ? r.lastSuccessAt.toISOString() : null,
      lagSeconds: r.ageSeconds === null ? null : Math.round(r.ageSeconds),
      lastError: r.lastError,
    }));
  }

  metrics.registry.onCollect(async () => {
    // GROUP BY returns no row for an empty state: report zeros instead of the last count seen.
    const counts = await jobs.counts();
    metrics.jobs.reset();
    for (const kind of new Set<string>([...JOB_KINDS, ...counts.map((c) => c.kind)])) {
      for (const state of JOB_STATES) metrics.jobs.set(0, { kind, state });
    }
    for (const row of counts) metrics.jobs.set(row.count, { kind: row.kind, state: row.state });
    metrics.alertDeliveries.reset();
    for (const row of await deliveries.counts()) metrics.alertDeliveries.set(row.count, { channel: row.channel, state: row.state });
    metrics.lastPollAge.reset();
    for (const source of await pollSources()) {
      if (source.lagSeconds !== null) metrics.lastPollAge.set(source.lagSeconds, { source: source.source });
    }
    const breaker = runtime.breaker?.();
    metrics.rateLimitPaused.set(breaker?.open ? 1 : 0);
    metrics.rateLimitTrips.set(breaker?.trips ?? 0);
    metrics.leader.set(runtime.isLeader?.() ? 1 : 0);
  });

  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Liveness: the process is up and answering',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Number() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: options.version, uptimeSeconds: Math.round((options.now() - started) / 1000) }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        summary: 'Readiness: database reachable, poller lag, rate-limit breaker, queue, alert backlog and disabled subscriptions',
        description: '200 when the database answers, 503 otherwise. The other fields are for dashboards and alerts.',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (_request, reply) => {
      let dbError: string | undefined;
      let sources: Awaited<ReturnType<typeof pollSources>> = [];
      const counts = { queued: 0, running: 0, dead: 0 };
      const alerts = { pending: 0, scheduled: 0, oldestPendingSeconds: null as number | null, disabledSubscriptions: { count: 0, ids: [] as number[] } };
      try {
        await database.ping();
        sources = await pollSources();
        for (const row of await jobs.counts()) if (row.state in counts) counts[row.state as keyof typeof counts] += row.count;
        const health = await deliveries.health();
        Object.assign(alerts, { pending: health.pending, scheduled: health.scheduled, oldestPendingSeconds: health.oldestPendingSeconds, disabledSubscriptions: { count: health.disabledCount, ids: health.disabled.map((d) => d.id) } });
      } catch (err) {
        dbError = errorMessage(err);
      }
      const breaker = runtime.breaker?.();
      const body = {
        ready: dbError === undefined,
        database: { ok: dbError === undefined, kind: database.kind, ...(dbError ? { error: dbError } : {}) },
        poller: { enabled: runtime.polling, leader: runtime.isLeader?.() ?? false, sources },
        rateLimit: { paused: breaker?.open ?? false, pausedUntil: breaker?.pausedUntil ?? null, trips: breaker?.trips ?? 0 },
        jobs: counts,
        alerts,
      };
      return reply.code(body.ready ? 200 : 503).send(body);
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics',
        response: { 200: { description: 'The Prometheus text exposition format, version 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => reply.type('text/plain; version=0.0.4').send(await metrics.registry.render()),
  );
};
