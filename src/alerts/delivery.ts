// The alert jobs. `fan-out-event` (one per outbox event — an incident's change or a weekly
// report's publication —, queued in the transaction that wrote the event) writes one delivery per
// matching subscription under the unique (subscription, event) key and queues its send; `deliver-alert` sends one delivery, each retry being the same job under
// the same webhook-id; `send-digest` sends a subscription's scheduled deliveries at its digest
// time. Exactly once per (subscription, event) across instances comes from the unique key and the
// jobs table; a worker killed mid-send makes it at least once, with the same webhook-id.

import type { EventContext, Repositories } from '../../db/repositories/index.ts';
import type { AttemptResult } from '../../db/repositories/deliveries.ts';
import type { DeliveryRow, SubscriptionRow } from '../../db/repositories/subscriptions.ts';
import type { JobRow } from '../../db/repositories/jobs.ts';
import { errorMessage } from '../errors.ts';
import { ALERT_MAX_ATTEMPTS, ALERT_RETRY_DELAYS_MS, DELIVER_ALERT, FAN_OUT_EVENT, PRIORITY, SEND_DIGEST } from '../jobs/catalogue.ts';
import type { JobHandler } from '../ingest/worker.ts';
import { groupCommit } from '../jobs/group-commit.ts';
import { PermanentJobError, RetryJobError } from '../ingest/worker.ts';
import type { Logger } from '../logger.ts';
import type { ChannelSender, Outgoing, SendResult } from './channels.ts';
import { nextDigestAt } from './digest-time.ts';
import { matchesFilter, wantsReports } from './match.ts';
import { alertMessage, testMessage } from './message.ts';
import { createReportEvents } from './report-events.ts';
import { newMessageId } from './subscriptions.usecase.ts';
import { testOutgoing } from './test-send.ts';
import { ttlCache } from './ttl-cache.ts';
import type { AlertMessage } from './types.ts';

const CONTEXT_ENTRIES = 64;
// Long enough for one event's fan-out to be sent; short enough that a retry hours later reads the incident anew.
const CONTEXT_TTL_MS = 60_000;

export type AlertRepositories = Pick<Repositories, 'deliveries' | 'subscriptions' | 'jobs' | 'transaction'>;

/** What the alert jobs report to /metrics. */
export interface AlertObserver {
  delivered?(channel: string, state: string, latencySeconds: number | null): void;
  retried?(channel: string): void;
}

export interface AlertJobOptions {
  repositories: AlertRepositories;
  send: ChannelSender;
  /** Base URL of the incident links (PUBLIC_URL). */
  publicUrl: string;
  log: Logger;
  observer?: AlertObserver;
  now?: () => Date;
  /** [0, 1): the retries' jitter. */
  random?: () => number;
}

/** The delay before retry `attempt` (1-based: after the first attempt failed), ±20 % so receivers coming back are not hit all at once. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = ALERT_RETRY_DELAYS_MS[Math.min(attempt, ALERT_RETRY_DELAYS_MS.length) - 1]!;
  return Math.round(base * (0.8 + 0.4 * random()));
}

export const deliverJob = (deliveryId: number) => ({ kind: DELIVER_ALERT, key: String(deliveryId), maxAttempts: ALERT_MAX_ATTEMPTS, priority: PRIORITY.live });
export const digestJobKey = (subscriptionId: number, at: Date) => `${subscriptionId}@${at.toISOString()}`;

function signingSecrets(subscription: SubscriptionRow, now: Date): string[] {
  const previous = subscription.previousSecret && subscription.previousSecretUntil && subscription.previousSecretUntil > now ? [subscription.previousSecret] : [];
  return [subscription.secret, ...previous];
}

export interface AlertJobs {
  handlers: Record<string, JobHandler>;
  /** Reads the rows of a batch of claimed sends in one query, for their handlers (see WorkerOptions.onClaimed). */
  onClaimed(jobs: JobRow[]): void;
}

export function createAlertJobHandlers(options: AlertJobOptions): AlertJobs {
  const { repositories, send, log } = options;
  const { deliveries, subscriptions } = repositories;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;

  // Every delivery of an event reads the same context, whose filing evidence is read out of the
  // stored analysis (kilobytes, out of line): one read per event, not one per subscription.
  const contexts = ttlCache<number, EventContext | undefined>({ entries: CONTEXT_ENTRIES, ttlMs: CONTEXT_TTL_MS, now });
  const eventContext = (eventId: number) => contexts.get(eventId, (id) => deliveries.eventContext(id));

  const reportEvents = createReportEvents(deliveries, options.publicUrl, now);

  // Sends claimed together are read together: one query for the batch instead of one per send.
  // Read right after the claim, so as fresh as the handler's own read would be.
  type Found = Awaited<ReturnType<typeof deliveries.get>>;
  const prefetched = new Map<number, Promise<Found>>();
  function onClaimed(jobs: JobRow[]): void {
    const ids = jobs.filter((j) => j.kind === DELIVER_ALERT).map((j) => Number(j.key));
    if (ids.length < 2) return;
    const batch = deliveries.getMany(ids);
    for (const id of ids) prefetched.set(id, batch.then((rows) => rows.get(id), () => deliveries.get(id)));
  }
  function deliveryOf(id: number): Promise<Found> {
    const found = prefetched.get(id);
    prefetched.delete(id);
    return found ?? deliveries.get(id);
  }

  // Sends settling while another's attempt is being written are written together.
  const writeAttempt = groupCommit<{ id: number; result: AttemptResult }>((attempts) => deliveries.recordAttempts(attempts));
  const recordAttempt = (ids: number[], result: AttemptResult) => Promise.all(ids.map((id) => writeAttempt({ id, result })));

  const fanOut: JobHandler = async (job) => {
    const eventId = Number(job.key);
    const context = await eventContext(eventId);
    const report = context ? undefined : await reportEvents.get(eventId);
    if (!context && !report) return; // the incident (or the report) was deleted since
    const active = await subscriptions.active();
    const matching = context
      ? active.filter((s) => matchesFilter(s.filter, { eventType: context.event.type, cik: context.incident.cik, items: context.incident.items, materialImpact: context.incident.materialImpact, flags: context.incident.flags, sic: context.sic }))
      : active.filter((s) => wantsReports(s.filter));
    if (matching.length === 0) return;
    const at = now();
    const event = (context ?? report)!.event;
    // One statement for every subscription (a second run of this job, a retry or another
    // instance, writes and queues nothing).
    await deliveries.fanOut(
      event.id,
      context?.filing?.discoveredAt ?? event.createdAt,
      matching.map((s) => {
        // A report goes out when published, in digest mode too: it is the week's summary already, and an e-mail carries it whole.
        const digestAt = s.mode === 'instant' || report ? null : nextDigestAt(at, s.mode.digest.at, s.mode.digest.timezone);
        return { subscriptionId: s.id, messageId: newMessageId(), digest: digestAt && { at: digestAt, jobKey: digestJobKey(s.id, digestAt), inMs: Math.max(0, digestAt.getTime() - at.getTime()) } };
      }),
    );
  };

  async function messageOf(delivery: DeliveryRow, at: Date): Promise<AlertMessage | null> {
    if (delivery.kind === 'test') return testMessage(delivery.messageId, at, options.publicUrl);
    const context = await eventContext(delivery.eventId!);
    return context ? alertMessage(context, delivery.messageId, options.publicUrl) : null;
  }

  /** What one delivery sends: its incident alert, or the weekly report it announces. */
  async function outgoingOf(delivery: DeliveryRow, subscription: SubscriptionRow, at: Date): Promise<Outgoing | null> {
    if (delivery.kind === 'test') return testOutgoing(subscription.filter, delivery.messageId, at, options.publicUrl);
    const message = await messageOf(delivery, at);
    if (message) return { message };
    const report = delivery.eventId === null ? undefined : await reportEvents.get(delivery.eventId);
    return report ? reportEvents.outgoing(report, delivery.messageId) : null;
  }

  /** Records what one attempt of `ids` came to; throws RetryJobError to have the job retried. */
  async function settle(job: JobRow, subscription: SubscriptionRow, ids: number[], origins: Array<Date | null>, result: SendResult, at: Date): Promise<void> {
    const { outcome, status, excerpt } = result;
    const channel = subscription.channel.type;
    if (outcome.state === 'delivered' || outcome.state === 'accepted') {
      await recordAttempt(ids, { state: outcome.state, status, error: outcome.state === 'accepted' ? outcome.reason : null, excerpt });
      for (const origin of origins) options.observer?.delivered?.(channel, outcome.state, origin ? Math.max(0, (at.getTime() - origin.getTime()) / 1000) : null);
      return;
    }
    if (outcome.state === 'disable') {
      await recordAttempt(ids, { state: 'failed', status, error: outcome.reason, excerpt });
      await subscriptions.disable(subscription.id, outcome.reason);
      log.warn({ subscription: subscription.id, reason: outcome.reason }, `subscription ${subscription.id} disabled: ${outcome.reason}`);
      for (const _ of ids) options.observer?.delivered?.(channel, 'failed', null);
      return;
    }
    if (outcome.state === 'failed' || job.attempts >= job.maxAttempts) {
      const error = outcome.state === 'failed' ? outcome.reason : `${outcome.reason} (gave up after ${job.attempts} attempts)`;
      await recordAttempt(ids, { state: 'failed', status, error, excerpt });
      for (const _ of ids) options.observer?.delivered?.(channel, 'failed', null);
      return;
    }
    const delay = Math.max(retryDelayMs(job.attempts, random), outcome.retryAfterMs ?? 0);
    await recordAttempt(ids, { state: 'pending', status, error: outcome.reason, excerpt, retryInMs: delay });
    options.observer?.retried?.(channel);
    throw new RetryJobError(`delivery ${ids.join(', ')} to subscription ${subscription.id}: ${outcome.reason}`, delay);
  }

  const deliver: JobHandler = async (job) => {
    const found = await deliveryOf(Number(job.key));
    if (!found || found.delivery.state !== 'pending') return; // sent already (a replay resets it to pending)
    const { delivery, subscription } = found;
    if (subscription.disabledAt) {
      await deliveries.close([delivery.id], 'cancelled', `not sent: the subscription was disabled (${subscription.disabledReason ?? 'by request'})`);
      return;
    }
    const at = now();
    const outgoing = await outgoingOf(delivery, subscription, at);
    if (!outgoing) throw new PermanentJobError(`the event of delivery ${delivery.id} no longer exists`);
    await settle(job, subscription, [delivery.id], [delivery.originAt], await send(subscription.channel, outgoing, signingSecrets(subscription, at), at), at);
  };

  const digest: JobHandler = async (job) => {
    const [id, iso] = job.key.split('@') as [string, string];
    const subscription = await subscriptions.get(Number(id));
    if (!subscription) return;
    const rows = await deliveries.scheduled(subscription.id, new Date(iso));
    if (rows.length === 0) return;
    if (subscription.disabledAt) {
      await deliveries.close(rows.map((r) => r.id), 'cancelled', `not sent: the subscription was disabled (${subscription.disabledReason ?? 'by request'})`);
      return;
    }
    const at = now();
    const messages = await Promise.all(rows.map((r) => messageOf(r, at)));
    if (subscription.channel.type !== 'webhook') {
      // Slack, Teams and e-mail get one message listing the day's alerts.
      const sent = rows.filter((_, i) => messages[i]);
      const digestAt = new Date(iso);
      const digest = { id: `dig_${subscription.id}_${digestAt.getTime() / 1000}`, timestamp: iso, period: digestPeriod(digestAt, subscription), messages: messages.filter((m): m is AlertMessage => m !== null) };
      if (digest.messages.length === 0) return;
      await settle(job, subscription, sent.map((r) => r.id), sent.map((r) => r.originAt), await send(subscription.channel, { digest }, [], at), at);
      return;
    }
    // A webhook receives the day's alerts together, in order, each its own signed message (its
    // webhook-id that of its delivery); on a retry only those still pending are sent again.
    let retry: RetryJobError | null = null;
    for (const [i, row] of rows.entries()) {
      const message = messages[i];
      if (!message || row.state !== 'scheduled' && row.state !== 'pending') continue;
      try {
        await settle(job, subscription, [row.id], [row.originAt], await send(subscription.channel, { message }, signingSecrets(subscription, at), at), at);
      } catch (err) {
        if (!(err instanceof RetryJobError)) throw err;
        retry ??= err;
      }
      if ((await subscriptions.get(subscription.id))?.disabledAt) break;
    }
    if (retry) throw retry;
  };

  return { handlers: { [FAN_OUT_EVENT]: fanOut, [DELIVER_ALERT]: deliver, [SEND_DIGEST]: digest }, onClaimed };
}

/** What a digest covers, as a reader sees it: `the 24 hours to 07:00 on 2026-05-20 (America/New_York)`. */
function digestPeriod(at: Date, subscription: SubscriptionRow): string {
  if (subscription.mode === 'instant') return `to ${at.toISOString()}`;
  const { at: time, timezone } = subscription.mode.digest;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return `the 24 hours to ${time} on ${day} (${timezone})`;
}

/** A delivery job that died without settling (its worker killed on the last attempt): the delivery is marked failed. */
export function alertFailureRecorder(repositories: Pick<Repositories, 'deliveries'>) {
  return async (job: JobRow, error: string, state: string) => {
    if (job.kind !== DELIVER_ALERT || state !== 'dead') return;
    // Thrown errors here are logged by the worker; the delivery then shows pending until replayed.
    await repositories.deliveries.close([Number(job.key)], 'failed', error).catch((err: unknown) => {
      throw new Error(`recording the failure of delivery ${job.key} failed: ${errorMessage(err)}`);
    });
  };
}
