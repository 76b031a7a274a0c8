import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { deliveries, subscriptions } from '../schema.ts';
import type { Channel, SubscriptionFilter, SubscriptionMode } from '../../src/alerts/subscription.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;

export interface NewSubscription {
  name: string;
  channel: Channel;
  filter: SubscriptionFilter;
  mode: SubscriptionMode;
  secret: string;
  ownerKeyId: number | null;
}

export interface SubscriptionChanges {
  name?: string;
  channel?: Channel;
  filter?: SubscriptionFilter;
  mode?: SubscriptionMode;
  /** true re-enables a disabled subscription; false disables it (reason: by request). */
  enabled?: boolean;
}

/** Whose subscriptions a caller sees: one key's (scope alerts), or every one (admin). */
export type Owner = { keyId: number } | 'any';

/** How long the previous secret still signs after a rotation. */
export const ROTATION_GRACE = sql`interval '24 hours'`;

const asRow = (row: SubscriptionRow): SubscriptionRow => row;

export function createSubscriptionRepository({ db }: { db: Db }) {
  const owned = (id: number, owner: Owner): SQL => (owner === 'any' ? eq(subscriptions.id, id) : and(eq(subscriptions.id, id), eq(subscriptions.ownerKeyId, owner.keyId))!);

  return {
    async create(input: NewSubscription): Promise<SubscriptionRow> {
      const [row] = await db.insert(subscriptions).values(input).returning();
      return asRow(row!);
    },

    async get(id: number, owner: Owner = 'any'): Promise<SubscriptionRow | undefined> {
      const [row] = await db.select().from(subscriptions).where(owned(id, owner));
      return row && asRow(row);
    },

    /** Newest first, keyset-paginated on id. */
    async list(owner: Owner, page: { limit: number; beforeId?: number }): Promise<SubscriptionRow[]> {
      const conditions: SQL[] = [];
      if (owner !== 'any') conditions.push(eq(subscriptions.ownerKeyId, owner.keyId));
      if (page.beforeId !== undefined) conditions.push(lt(subscriptions.id, page.beforeId));
      const rows = await db.select().from(subscriptions).where(and(...conditions)).orderBy(desc(subscriptions.id)).limit(page.limit);
      return rows.map(asRow);
    },

    /** Every subscription alerts may go to now (fan-out). */
    async active(): Promise<SubscriptionRow[]> {
      return (await db.select().from(subscriptions).where(isNull(subscriptions.disabledAt))).map(asRow);
    },

    async update(id: number, owner: Owner, changes: SubscriptionChanges): Promise<SubscriptionRow | undefined> {
      const { enabled, ...fields } = changes;
      const [row] = await db
        .update(subscriptions)
        .set({
          ...(fields as Record<string, unknown>),
          ...(enabled === true ? { disabledAt: null, disabledReason: null } : {}),
          ...(enabled === false ? { disabledAt: sql`coalesce(${subscriptions.disabledAt}, now())`, disabledReason: sql`coalesce(${subscriptions.disabledReason}, 'disabled by request')` } : {}),
          updatedAt: sql`now()`,
        })
        .where(owned(id, owner))
        .returning();
      return row && asRow(row);
    },

    async delete(id: number, owner: Owner): Promise<boolean> {
      const rows = await db.delete(subscriptions).where(owned(id, owner)).returning({ id: subscriptions.id });
      return rows.length > 0;
    },

    /** Replaces the secret; the previous one keeps signing for the grace period. */
    async rotateSecret(id: number, owner: Owner, secret: string): Promise<SubscriptionRow | undefined> {
      const [row] = await db
        .update(subscriptions)
        .set({ previousSecret: sql`${subscriptions.secret}`, previousSecretUntil: sql`now() + ${ROTATION_GRACE}`, secret, updatedAt: sql`now()` })
        .where(owned(id, owner))
        .returning();
      return row && asRow(row);
    },

    /** Stops sending to a subscription whose receiver said it is gone, keeping why. */
    async disable(id: number, reason: string): Promise<void> {
      await db
        .update(subscriptions)
        .set({ disabledAt: sql`now()`, disabledReason: reason, updatedAt: sql`now()` })
        .where(and(eq(subscriptions.id, id), isNull(subscriptions.disabledAt)));
    },

    /** The delivery log of one subscription, newest first. */
    async deliveries(subscriptionId: number, page: { limit: number; beforeId?: number }): Promise<DeliveryRow[]> {
      const conditions: SQL[] = [eq(deliveries.subscriptionId, subscriptionId)];
      if (page.beforeId !== undefined) conditions.push(lt(deliveries.id, page.beforeId));
      return db.select().from(deliveries).where(and(...conditions)).orderBy(desc(deliveries.id)).limit(page.limit);
    },

    /** One delivery, if its subscription is the owner's. */
    async delivery(id: number, owner: Owner): Promise<DeliveryRow | undefined> {
      const [row] = await db
        .select({ delivery: deliveries })
        .from(deliveries)
        .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
        .where(owner === 'any' ? eq(deliveries.id, id) : and(eq(deliveries.id, id), eq(subscriptions.ownerKeyId, owner.keyId)));
      return row?.delivery;
    },

    /** A test send: a delivery with no event, to go out at once. */
    async createTestDelivery(subscriptionId: number, messageId: string): Promise<DeliveryRow> {
      const [row] = await db.insert(deliveries).values({ subscriptionId, kind: 'test', messageId, state: 'pending' }).returning();
      return row!;
    },

    /** Sends a delivery again from its first attempt, under the same message id. */
    async resetForReplay(id: number): Promise<DeliveryRow | undefined> {
      const [row] = await db
        .update(deliveries)
        .set({ state: 'pending', attempts: 0, nextAttemptAt: sql`now()`, deliveredAt: null })
        .where(eq(deliveries.id, id))
        .returning();
      return row;
    },
  };
}

export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
