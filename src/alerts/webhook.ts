// Webhook deliveries per Standard Webhooks 1.0: the body is `{ type, timestamp, data }`; headers
// `webhook-id` (the delivery's message id, the same on every retry), `webhook-timestamp` (Unix
// seconds of this attempt) and `webhook-signature`, `v1,<base64 HMAC-SHA256 of id.timestamp.body>`
// with the secret's bytes (base64 after `whsec_`). During a rotation each secret signs, space-separated.

import { createHmac } from 'node:crypto';
import { VERSION } from '../version.ts';
import type { AlertMessage, ChannelRequest } from './types.ts';

/** Receivers commonly cap bodies; Standard Webhooks recommends small payloads. */
export const WEBHOOK_MAX_BYTES = 20 * 1024;

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** The body, under WEBHOOK_MAX_BYTES: evidence sentences, then changes, are dropped from the end until it fits. */
export function webhookBody(message: AlertMessage): string {
  const base = { type: message.type, timestamp: message.timestamp, ...(message.test ? { test: true } : {}) };
  const data = { ...message.data, evidence: [...message.data.evidence], changes: [...message.data.changes] };
  for (;;) {
    const body = JSON.stringify({ ...base, data });
    if (Buffer.byteLength(body) < WEBHOOK_MAX_BYTES) return body;
    if (data.evidence.length > 1) data.evidence.pop();
    else if (data.changes.length > 0) data.changes.pop();
    else if (data.evidence.length === 1 && data.evidence[0]!.sentence.length > 500) data.evidence[0] = { ...data.evidence[0]!, sentence: `${data.evidence[0]!.sentence.slice(0, 497)}…` };
    else return body;
  }
}

export function webhookRequest(url: string, message: AlertMessage, secrets: readonly string[], timestampSeconds: number): ChannelRequest {
  return signedWebhookRequest(url, message.id, webhookBody(message), secrets, timestampSeconds);
}

/** A POST of `body` (already under WEBHOOK_MAX_BYTES) signed as message `id`. */
export function signedWebhookRequest(url: string, id: string, body: string, secrets: readonly string[], timestampSeconds: number): ChannelRequest {
  return {
    url,
    headers: {
      'content-type': 'application/json',
      'user-agent': `cyber8k/${VERSION}`,
      'webhook-id': id,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': secrets.map((s) => signWebhook(s, id, timestampSeconds, body)).join(' '),
    },
    body,
  };
}
