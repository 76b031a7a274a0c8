// Checking a webhook delivery the way a receiver should (Standard Webhooks 1.0): one of the
// `v1,` signatures matches a secret, and the timestamp is recent, so a captured delivery cannot
// be replayed later. The demo's receiver uses it; `standardwebhooks` stays a test-only dependency.

import { timingSafeEqual } from 'node:crypto';
import { signWebhook } from './webhook.ts';

/** Standard Webhooks' default tolerance for the sender's and receiver's clocks. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookCheck = { ok: true } | { ok: false; reason: string };

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function verifyWebhook(secrets: readonly string[], headers: Record<string, string | string[] | undefined>, body: string, nowSeconds: number): WebhookCheck {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'webhook-id, webhook-timestamp or webhook-signature missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp is not Unix seconds' };
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'webhook-timestamp is more than 5 minutes away from now' };
  const given = signatures.split(' ').filter((s) => s.startsWith('v1,')).map((s) => Buffer.from(s));
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), body));
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return { ok: true };
  }
  return { ok: false, reason: 'no signature matches the subscription secret' };
}
