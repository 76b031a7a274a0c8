import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { DeliveryRow, Owner, SubscriptionRow } from '../../db/repositories/subscriptions.ts';
import { displayChannel, type SubscriptionPolicy } from '../../src/alerts/subscription.ts';
import {
  createSubscription,
  notFound,
  replayDelivery,
  rotateSecret,
  sendTestMessage,
  updateSubscription,
  type SubscriptionRepositories,
} from '../../src/alerts/subscriptions.usecase.ts';
import { ErrorSchema } from '../schemas/common.ts';
import {
  CreatedSubscriptionSchema,
  DeliveryPageSchema,
  DeliverySchema,
  IdParamsSchema,
  PageQuerySchema,
  RotatedSecretSchema,
  SubscriptionInputSchema,
  SubscriptionPageSchema,
  SubscriptionPatchSchema,
  SubscriptionSchema,
} from '../schemas/subscription.ts';

export interface SubscriptionRoutesOptions {
  repositories: SubscriptionRepositories;
  policy: SubscriptionPolicy;
}

/** A key of scope `alerts` manages its own subscriptions; an `admin` key every one. */
function ownerOf(request: FastifyRequest): Owner {
  const key = request.apiKey!;
  return key.scope === 'admin' ? 'any' : { keyId: key.id };
}

export function toSubscriptionDto(row: SubscriptionRow) {
  return {
    id: row.id,
    name: row.name,
    channel: displayChannel(row.channel),
    filter: row.filter,
    mode: row.mode,
    enabled: row.disabledAt === null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    previousSecretValidUntil: row.previousSecret && row.previousSecretUntil ? row.previousSecretUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeliveryDto(row: DeliveryRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    kind: row.kind,
    eventId: row.eventId,
    messageId: row.messageId,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    responseExcerpt: row.responseExcerpt,
    digestAt: iso(row.digestAt),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}

const tags = ['subscriptions'];
const errors = { 400: ErrorSchema, 404: ErrorSchema };

export const subscriptionRoutes: FastifyPluginAsyncTypebox<SubscriptionRoutesOptions> = async (app, { repositories, policy }) => {
  const { subscriptions } = repositories;
  const config = { auth: 'alerts' as const };

  app.post(
    '/subscriptions',
    {
      config,
      schema: {
        tags,
        operationId: 'createSubscription',
        summary: 'Subscribe a channel to incident alerts',
        description: 'A webhook subscription\'s signing secret (`whsec_…`) is in this response only. URLs are checked when saved: http(s), no credentials, no private, loopback or metadata address.',
        body: SubscriptionInputSchema,
        response: { 201: CreatedSubscriptionSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { subscription, secret } = await createSubscription(repositories, policy, request.body, request.apiKey!.id);
      return reply.code(201).header('location', `/v1/subscriptions/${subscription.id}`).send({ ...toSubscriptionDto(subscription), ...(subscription.channel.type === 'webhook' ? { secret } : {}) });
    },
  );

  app.get(
    '/subscriptions',
    { config, schema: { tags, operationId: 'listSubscriptions', summary: 'The subscriptions of this key (every one, for an admin key), newest first', querystring: PageQuerySchema, response: { 200: SubscriptionPageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { limit = 20, before } = request.query;
      const rows = await subscriptions.list(ownerOf(request), { limit, beforeId: before });
      return { data: rows.map(toSubscriptionDto), nextBefore: rows.length === limit ? rows.at(-1)!.id : null };
    },
  );

  app.get(
    '/subscriptions/:id',
    { config, schema: { tags, operationId: 'getSubscription', summary: 'One subscription (never its secret)', params: IdParamsSchema, response: { 200: SubscriptionSchema, ...errors } } },
    async (request) => {
      const id = Number(request.params.id);
      const row = await subscriptions.get(id, ownerOf(request));
      if (!row) throw notFound(id);
      return toSubscriptionDto(row);
    },
  );

  app.patch(
    '/subscriptions/:id',
    {
      config,
      schema: { tags, operationId: 'updateSubscription', summary: 'Change a subscription, or pause (`enabled: false`) and re-enable it', params: IdParamsSchema, body: SubscriptionPatchSchema, response: { 200: SubscriptionSchema, ...errors } },
    },
    async (request) => toSubscriptionDto(await updateSubscription(repositories, policy, Number(request.params.id), ownerOf(request), request.body)),
  );

  app.delete(
    '/subscriptions/:id',
    { config, schema: { tags, operationId: 'deleteSubscription', summary: 'Delete a subscription and its delivery log', params: IdParamsSchema, response: { 204: { type: 'null', description: 'Deleted.' }, ...errors } } },
    async (request, reply) => {
      const id = Number(request.params.id);
      if (!(await subscriptions.delete(id, ownerOf(request)))) throw notFound(id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/subscriptions/:id/test',
    {
      config,
      schema: {
        tags,
        operationId: 'testSubscription',
        summary: 'Send a test alert (a sample incident, marked as a test) to the channel',
        description: 'Queued at once; its result is in the delivery log. The sample incident comes as the first of created, updated, escalated, retracted that `filter.events` names; a subscription naming only `report.published` gets a sample weekly report (of an empty week) instead, marked as a test too.',
        params: IdParamsSchema,
        response: { 202: DeliverySchema, ...errors },
      },
    },
    async (request, reply) => reply.code(202).send(toDeliveryDto(await sendTestMessage(repositories, Number(request.params.id), ownerOf(request)))),
  );

  app.post(
    '/subscriptions/:id/rotate-secret',
    {
      config,
      schema: {
        tags,
        operationId: 'rotateSubscriptionSecret',
        summary: 'Replace the signing secret',
        description: 'For 24 hours both secrets sign every message (two `v1,` signatures in `webhook-signature`), so the receiver can switch without losing one.',
        params: IdParamsSchema,
        response: { 200: RotatedSecretSchema, ...errors },
      },
    },
    async (request) => {
      const { subscription, secret } = await rotateSecret(repositories, Number(request.params.id), ownerOf(request));
      return { secret, previousSecretValidUntil: subscription.previousSecretUntil!.toISOString() };
    },
  );

  app.get(
    '/subscriptions/:id/deliveries',
    {
      config,
      schema: { tags, operationId: 'listSubscriptionDeliveries', summary: 'The delivery log: each alert\'s state, attempts, last status and response excerpt, newest first', params: IdParamsSchema, querystring: PageQuerySchema, response: { 200: DeliveryPageSchema, ...errors } },
    },
    async (request) => {
      const id = Number(request.params.id);
      if (!(await subscriptions.get(id, ownerOf(request)))) throw notFound(id);
      const { limit = 20, before } = request.query;
      const rows = await subscriptions.deliveries(id, { limit, beforeId: before });
      return { data: rows.map(toDeliveryDto), nextBefore: rows.length === limit ? rows.at(-1)!.id : null };
    },
  );

  app.post(
    '/deliveries/:id/replay',
    {
      config,
      schema: { tags, operationId: 'replayDelivery', summary: 'Send a delivery again, from its first attempt, with the same `webhook-id`', params: IdParamsSchema, response: { 202: DeliverySchema, ...errors } },
    },
    async (request, reply) => reply.code(202).send(toDeliveryDto(await replayDelivery(repositories, Number(request.params.id), ownerOf(request)))),
  );
};
