import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../rows.ts';
import { companies, deliveries, events, filings, incidents, reports, subscriptions, type DeliveryState } from '../schema.ts';
import type { ReportModel } from '../../src/reports/model.ts';
import type { DeliveryRow, SubscriptionRow } from './subscriptions.ts';
import { JOBS_CHANNEL } from '../job-notifications.ts';
import { ALERT_MAX_ATTEMPTS, DELIVER_ALERT, PRIORITY, SEND_DIGEST } from '../../src/jobs/catalogue.ts';

/** One subscription's delivery of an event, as the fan-out plans it. */
export interface FannedOutDelivery {
  subscriptionId: number;
  messageId: string;
  /** Its digest (digest mode): the delivery waits, and the digest's job is queued instead. */
  digest: { at: Date; jobKey: string; inMs: number } | null;
}

/** What an attempt ended as: `pending` again (with its retry time), or final. */
export type AttemptResult =
  | { state: 'pending'; status: number | null; error: string; excerpt: string | null; retryInMs: number }
  | { state: Exclude<DeliveryState, 'pending' | 'scheduled'>; status: number | null; error: string | null; excerpt: string | null };

/** A `report.published` event with the report it announces. */
export interface ReportEventContext {
  event: typeof events.$inferSelect;
  model: ReportModel;
}

export type EventContext = NonNullable<Awaited<ReturnType<ReturnType<typeof createDeliveryRepository>['eventContext']>>>;

export function createDeliveryRepository({ db }: { db: Db }) {
  return {
    /** An event with what filters and messages need: its incident, the company, the filing behind it. */
    async eventContext(eventId: number) {
      const [row] = await db
        .select({
          event: events,
          incident: incidents,
          sic: companies.sic,
          tickers: companies.tickers,
          filing: { accessionNumber: filings.accessionNumber, form: filings.form, items: filings.items, filedAt: filings.filedAt, indexUrl: filings.indexUrl, discoveredAt: filings.discoveredAt, evidence: sql<Record<string, string> | null>`${filings.analysis}->'evidence'` },
        })
        .from(events)
        .innerJoin(incidents, eq(incidents.id, events.incidentId))
        .leftJoin(companies, eq(companies.cik, incidents.cik))
        .leftJoin(filings, eq(filings.accessionNumber, events.accessionNumber))
        .where(eq(events.id, eventId));
      return row && { ...row, filing: row.filing?.accessionNumber ? row.filing : null };
    },

    /**
     * Writes an event's deliveries and queues their sends in one statement: a delivery per
     * subscription not already there (the unique (subscription, event) key, so a second fan-out of
     * the event, on any instance, writes and queues nothing), a deliver-alert job per instant one
     * and the digest's job per digest one, and one notification for the workers. Returns how many
     * deliveries were new. One round trip whatever the number of subscriptions.
     */
    async fanOut(eventId: number, originAt: Date | null, rows: FannedOutDelivery[]): Promise<number> {
      if (rows.length === 0) return 0;
      const plan = JSON.stringify(rows.map((r) => ({ subscription_id: r.subscriptionId, message_id: r.messageId, digest_at: r.digest?.at.toISOString() ?? null, digest_key: r.digest?.jobKey ?? null, delay_s: (r.digest?.inMs ?? 0) / 1000 })));
      const result = await db.execute(sql`
        with input as (select * from jsonb_to_recordset(${plan}::jsonb) as r(subscription_id bigint, message_id text, digest_at timestamptz, digest_key text, delay_s float8)),
        ins as (insert into deliveries (subscription_id, event_id, kind, message_id, state, digest_at, origin_at)
          select subscription_id, ${eventId}::bigint, 'event', message_id, case when digest_at is null then 'pending' else 'scheduled' end, digest_at, ${originAt?.toISOString() ?? null}::timestamptz from input
          on conflict do nothing returning id, message_id),
        jb as (insert into jobs (kind, key, run_at, max_attempts, priority)
          select case when i.digest_key is null then ${DELIVER_ALERT}::text else ${SEND_DIGEST}::text end, coalesce(i.digest_key, ins.id::text),
            now() + make_interval(secs => i.delay_s), ${ALERT_MAX_ATTEMPTS}::int, ${PRIORITY.live}::int
          from ins join input i using (message_id)
          on conflict (kind, key) do nothing returning kind)
        select (select count(*) from ins)::int as deliveries,
          case when exists (select 1 from jb where kind = ${DELIVER_ALERT}) then pg_notify(${JOBS_CHANNEL}, ${DELIVER_ALERT}) end as notified,
          case when exists (select 1 from jb where kind = ${SEND_DIGEST}) then pg_notify(${JOBS_CHANNEL}, ${SEND_DIGEST}) end as notified_digest`);
      return Number(rowsOf<{ deliveries: number }>(result)[0]?.deliveries ?? 0);
    },

    /** A `report.published` event and its stored report; undefined for an incident event. */
    async reportEventContext(eventId: number): Promise<ReportEventContext | undefined> {
      const [row] = await db.select({ event: events, model: reports.model }).from(events).innerJoin(reports, eq(reports.id, events.reportId)).where(eq(events.id, eventId));
      return row && { event: row.event, model: (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as ReportModel };
    },

    async get(id: number): Promise<{ delivery: DeliveryRow; subscription: SubscriptionRow } | undefined> {
      const [row] = await db.select({ delivery: deliveries, subscription: subscriptions }).from(deliveries).innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId)).where(eq(deliveries.id, id));
      return row;
    },

    /** Several deliveries with their subscriptions, by id (a worker's batch of claimed sends, read at once). */
    async getMany(ids: number[]): Promise<Map<number, { delivery: DeliveryRow; subscription: SubscriptionRow }>> {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ delivery: deliveries, subscription: subscriptions }).from(deliveries).innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId)).where(inArray(deliveries.id, ids));
      return new Map(rows.map((r) => [r.delivery.id, r]));
    },

    /** The deliveries waiting for one digest, oldest first. */
    async scheduled(subscriptionId: number, digestAt: Date): Promise<DeliveryRow[]> {
      return db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.subscriptionId, subscriptionId), eq(deliveries.digestAt, digestAt), inArray(deliveries.state, ['scheduled', 'pending'])))
        .orderBy(asc(deliveries.id));
    },

    /** Records one attempt of each of several deliveries, each with its own result, in one statement. */
    async recordAttempts(attempts: Array<{ id: number; result: AttemptResult }>): Promise<void> {
      if (attempts.length === 0) return;
      const plan = JSON.stringify(attempts.map(({ id, result: r }) => ({ id, state: r.state, status: r.status, error: r.error, excerpt: r.excerpt, retry_s: r.state === 'pending' ? r.retryInMs / 1000 : null })));
      await db.execute(sql`
        update deliveries d set state = r.state, attempts = d.attempts + 1, last_attempt_at = now(), last_status = r.status, last_error = r.error,
          response_excerpt = r.excerpt, next_attempt_at = case when r.state = 'pending' then now() + make_interval(secs => r.retry_s) end,
          delivered_at = case when r.state in ('delivered', 'accepted') then now() else d.delivered_at end
        from jsonb_to_recordset(${plan}::jsonb) as r(id bigint, state text, status int, error text, excerpt text, retry_s float8)
        where d.id = r.id`);
    },

    /** Gives up on deliveries without an attempt (their subscription was disabled or its worker died on the last try). */
    async close(ids: number[], state: 'cancelled' | 'failed', reason: string): Promise<void> {
      if (ids.length === 0) return;
      await db.update(deliveries).set({ state, lastError: reason, nextAttemptAt: null }).where(and(inArray(deliveries.id, ids), inArray(deliveries.state, ['pending', 'scheduled'])));
    },

    /** Deliveries by channel type and state (all instances), for /metrics. */
    async counts(): Promise<Array<{ channel: string; state: string; count: number }>> {
      const channel = sql<string>`${subscriptions.channel}->>'type'`;
      const rows = await db
        .select({ channel, state: deliveries.state, count: sql<number>`count(*)::int` })
        .from(deliveries)
        .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
        .groupBy(channel, deliveries.state);
      return rows.map((r) => ({ ...r, count: Number(r.count) }));
    },

    /** What /ready shows: the backlog, and the subscriptions alerts no longer go to (the first 100 listed), with why. */
    async health(): Promise<{ pending: number; scheduled: number; oldestPendingSeconds: number | null; disabledCount: number; disabled: Array<{ id: number; name: string; reason: string | null; since: Date }> }> {
      const [backlog] = await db
        .select({
          pending: sql<number>`count(*) filter (where ${deliveries.state} = 'pending')::int`,
          scheduled: sql<number>`count(*) filter (where ${deliveries.state} = 'scheduled')::int`,
          oldest: sql<number | null>`extract(epoch from now() - min(${deliveries.createdAt}) filter (where ${deliveries.state} = 'pending'))::float8`,
        })
        .from(deliveries)
        .where(inArray(deliveries.state, ['pending', 'scheduled']));
      const disabled = await db
        .select({ id: subscriptions.id, name: subscriptions.name, reason: subscriptions.disabledReason, since: subscriptions.disabledAt })
        .from(subscriptions)
        .where(isNotNull(subscriptions.disabledAt))
        .orderBy(asc(subscriptions.id))
        .limit(100);
      const [disabledCount] = await db.select({ n: sql<number>`count(*)::int` }).from(subscriptions).where(isNotNull(subscriptions.disabledAt));
      return {
        disabledCount: Number(disabledCount?.n ?? 0),
        pending: Number(backlog?.pending ?? 0),
        scheduled: Number(backlog?.scheduled ?? 0),
        oldestPendingSeconds: backlog?.oldest === null || backlog?.oldest === undefined ? null : Math.round(Number(backlog.oldest)),
        disabled: disabled.map((d) => ({ ...d, since: d.since! })),
      };
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
