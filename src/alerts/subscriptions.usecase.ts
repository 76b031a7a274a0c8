// Managing subscriptions: saving one checks its channel (SSRF policy), filter (tickers resolved to
// CIKs) and mode first; a test send and a replay each queue a delivery job in the transaction that
// writes the delivery, so neither is ever half-done.

import { randomBytes } from 'node:crypto';
import type { Repositories } from '../../db/repositories/index.ts';
import type { DeliveryRow, Owner, SubscriptionChanges, SubscriptionRow } from '../../db/repositories/subscriptions.ts';
import { AppError } from '../errors.ts';
import { ALERT_MAX_ATTEMPTS, DELIVER_ALERT, PRIORITY } from '../jobs/catalogue.ts';
import {
  generateSigningSecret,
  normalizeChannel,
  normalizeFilter,
  normalizeMode,
  type ChannelType,
  type FilterInput,
  type SubscriptionPolicy,
} from './subscription.ts';

export type SubscriptionRepositories = Pick<Repositories, 'subscriptions' | 'jobs' | 'transaction'>;

export interface SubscriptionInput {
  name: string;
  channel: { type: ChannelType; url?: string; to?: string[] };
  filter?: FilterInput;
  mode?: unknown;
}

export interface SubscriptionPatch extends Partial<SubscriptionInput> {
  enabled?: boolean;
}

/** The `webhook-id` of one delivery: the same on every attempt and replay; never contains `.`. */
export function newMessageId(random: (size: number) => Buffer = randomBytes): string {
  return `msg_${random(18).toString('base64url')}`;
}

export const notFound = (id: number) => new AppError('alerts.subscription_not_found', `no subscription ${id} is yours`, { statusCode: 404 });

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('alerts.invalid_subscription', 'a subscription needs a name', { statusCode: 400 });
  return trimmed;
}

export async function createSubscription(repos: SubscriptionRepositories, policy: SubscriptionPolicy, input: SubscriptionInput, ownerKeyId: number | null): Promise<{ subscription: SubscriptionRow; secret: string }> {
  const channel = normalizeChannel(input.channel, policy);
  const filter = await normalizeFilter(input.filter ?? {}, policy);
  const mode = normalizeMode(input.mode);
  const secret = generateSigningSecret();
  const subscription = await repos.subscriptions.create({ name: cleanName(input.name), channel, filter, mode, secret, ownerKeyId });
  return { subscription, secret };
}

export async function updateSubscription(repos: SubscriptionRepositories, policy: SubscriptionPolicy, id: number, owner: Owner, patch: SubscriptionPatch): Promise<SubscriptionRow> {
  const changes: SubscriptionChanges = {};
  if (patch.name !== undefined) changes.name = cleanName(patch.name);
  if (patch.channel !== undefined) changes.channel = normalizeChannel(patch.channel, policy);
  if (patch.filter !== undefined) changes.filter = await normalizeFilter(patch.filter, policy);
  if (patch.mode !== undefined) changes.mode = normalizeMode(patch.mode);
  if (patch.enabled !== undefined) changes.enabled = patch.enabled;
  const updated = await repos.subscriptions.update(id, owner, changes);
  if (!updated) throw notFound(id);
  return updated;
}

const deliverJob = (delivery: DeliveryRow) => ({ kind: DELIVER_ALERT, key: String(delivery.id), maxAttempts: ALERT_MAX_ATTEMPTS, priority: PRIORITY.live });

/** Queues a test message (marked `test`) to the subscription's channel: what it is built from is decided when sent (test-send.ts). */
export async function sendTestMessage(repos: SubscriptionRepositories, id: number, owner: Owner): Promise<DeliveryRow> {
  const subscription = await repos.subscriptions.get(id, owner);
  if (!subscription) throw notFound(id);
  return repos.transaction(async (tx) => {
    const delivery = await tx.subscriptions.createTestDelivery(subscription.id, newMessageId());
    await tx.jobs.enqueue(deliverJob(delivery));
    return delivery;
  });
}

/** Sends a delivery again, from its first attempt, with the same `webhook-id`. */
export async function replayDelivery(repos: SubscriptionRepositories, id: number, owner: Owner): Promise<DeliveryRow> {
  const existing = await repos.subscriptions.delivery(id, owner);
  if (!existing) throw new AppError('alerts.delivery_not_found', `no delivery ${id} is yours`, { statusCode: 404 });
  return repos.transaction(async (tx) => {
    const delivery = (await tx.subscriptions.resetForReplay(id))!;
    await tx.jobs.enqueueAgain(deliverJob(delivery));
    return delivery;
  });
}

export async function rotateSecret(repos: SubscriptionRepositories, id: number, owner: Owner): Promise<{ subscription: SubscriptionRow; secret: string }> {
  const secret = generateSigningSecret();
  const subscription = await repos.subscriptions.rotateSecret(id, owner, secret);
  if (!subscription) throw notFound(id);
  return { subscription, secret };
}
