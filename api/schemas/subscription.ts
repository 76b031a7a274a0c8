import { Type } from 'typebox';
import { DELIVERY_KINDS, DELIVERY_STATES } from '../../db/schema.ts';
import { CHANNEL_TYPES, FILTER_EVENTS, FLAG_NAMES, MATERIAL_IMPACTS } from '../../src/alerts/subscription.ts';
import { StringEnum } from './common.ts';

const list = (description: string, maxItems = 1000) => Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems, description }));

export const ChannelInputSchema = Type.Object(
  {
    type: StringEnum(CHANNEL_TYPES, { description: '`webhook` (Standard Webhooks, signed), `slack` (incoming webhook), `teams` (Workflows webhook) or `email`.' }),
    url: Type.Optional(Type.String({ maxLength: 2048, description: 'webhook, slack, teams: where to POST. http(s) only, no credentials, no private or loopback address.' })),
    to: Type.Optional(Type.Array(Type.String({ maxLength: 254 }), { maxItems: 20, description: 'email: the recipients.' })),
  },
  { additionalProperties: false },
);

export const FilterInputSchema = Type.Object(
  {
    ciks: list('Companies by CIK.'),
    tickers: list('Companies by ticker, resolved to CIKs when saved (an unknown ticker is a 400).'),
    sectors: list('Named sectors (SIC ranges), e.g. `telecom`.', 50),
    sics: list('Four-digit SIC codes.'),
    items: list('8-K items, any of the incident\'s, e.g. `1.05`.', 50),
    materialImpact: Type.Optional(
      Type.Union([StringEnum(MATERIAL_IMPACTS), Type.Array(StringEnum(MATERIAL_IMPACTS), { maxItems: 3 })], { description: 'The incident\'s latest stated materiality.' }),
    ),
    flags: Type.Optional(Type.Array(StringEnum(FLAG_NAMES), { maxItems: FLAG_NAMES.length, description: 'Any of these flags stated.' })),
    events: Type.Optional(Type.Array(StringEnum(FILTER_EVENTS), { maxItems: FILTER_EVENTS.length, description: 'Event types: the incident events `created`, `updated`, `escalated`, `retracted` (default the first three), and `report.published`, the weekly report (not narrowed by the incident filters).' })),
  },
  { additionalProperties: false, description: 'Each list given narrows the alerts (all must match); within a list any value matches.' },
);

export const ModeSchema = Type.Union(
  [
    Type.Literal('instant'),
    Type.Object(
      {
        digest: Type.Object(
          {
            at: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time of day, HH:MM.' }),
            timezone: Type.String({ maxLength: 64, description: 'IANA time zone, e.g. `America/New_York`.' }),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
  ],
  { description: '`instant` (default): each alert as it happens; or one digest a day at `at` in `timezone`.' },
);

export const SubscriptionInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    channel: ChannelInputSchema,
    filter: Type.Optional(FilterInputSchema),
    mode: Type.Optional(ModeSchema),
  },
  { additionalProperties: false },
);

export const SubscriptionPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    channel: Type.Optional(ChannelInputSchema),
    filter: Type.Optional(FilterInputSchema),
    mode: Type.Optional(ModeSchema),
    enabled: Type.Optional(Type.Boolean({ description: '`true` re-enables a disabled subscription, `false` pauses it.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const SubscriptionSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  channel: Type.Object(
    { type: StringEnum(CHANNEL_TYPES), url: Type.Optional(Type.String()), to: Type.Optional(Type.Array(Type.String())) },
    { description: 'Slack and Teams URLs are credentials: only their origin is shown. A webhook URL is shown without its query string.' },
  ),
  filter: Type.Object({
    ciks: Type.Optional(Type.Array(Type.String())),
    tickers: Type.Optional(Type.Array(Type.String())),
    tickerCiks: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'The CIK each ticker was resolved to when saved.' })),
    sectors: Type.Optional(Type.Array(Type.String())),
    sics: Type.Optional(Type.Array(Type.String())),
    items: Type.Optional(Type.Array(Type.String())),
    materialImpact: Type.Optional(Type.Array(Type.String())),
    flags: Type.Optional(Type.Array(Type.String())),
    events: Type.Array(Type.String()),
  }),
  mode: ModeSchema,
  enabled: Type.Boolean(),
  disabledAt: Nullable(Timestamp),
  disabledReason: Nullable(Type.String({ description: 'Why alerts stopped: e.g. the receiver answered 410 Gone.' })),
  previousSecretValidUntil: Nullable(Type.String({ format: 'date-time', description: 'After a rotation, the old secret also signs until then.' })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreatedSubscriptionSchema = Type.Intersect([
  SubscriptionSchema,
  Type.Object({ secret: Type.Optional(Type.String({ description: 'The signing secret (`whsec_…`) of a webhook: shown this once.' })) }),
]);

export const RotatedSecretSchema = Type.Object({
  secret: Type.String({ description: 'The new signing secret, shown this once.' }),
  previousSecretValidUntil: Timestamp,
});

export const SubscriptionPageSchema = Type.Object({ data: Type.Array(SubscriptionSchema), nextBefore: Nullable(Type.Integer()) });

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  subscriptionId: Type.Integer(),
  kind: StringEnum(DELIVERY_KINDS),
  eventId: Nullable(Type.Integer()),
  messageId: Type.String({ description: 'The `webhook-id`: the same on every attempt and replay.' }),
  state: StringEnum(DELIVERY_STATES),
  attempts: Type.Integer(),
  lastStatus: Nullable(Type.Integer({ description: 'HTTP status of the last attempt.' })),
  lastError: Nullable(Type.String()),
  responseExcerpt: Nullable(Type.String({ description: 'The first bytes of the last response body.' })),
  digestAt: Nullable(Timestamp),
  lastAttemptAt: Nullable(Timestamp),
  nextAttemptAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
  createdAt: Timestamp,
});

export const DeliveryPageSchema = Type.Object({ data: Type.Array(DeliverySchema), nextBefore: Nullable(Type.Integer()) });

export const IdParamsSchema = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'A numeric id.' }) });

export const PageQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'The `nextBefore` of the previous page.' })),
  },
  { additionalProperties: false },
);
