import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSigningSecret } from '../../src/alerts/subscription.ts';
import { verifyWebhook } from '../../src/alerts/verify.ts';

const body = JSON.stringify({ type: 'incident.created', timestamp: '2026-05-19T14:03:00.000Z', data: {} });
const at = new Date('2026-05-19T14:03:01Z');
const seconds = Math.floor(at.getTime() / 1000);

/** Headers as the standardwebhooks library signs them. */
function signed(secret: string, timestamp = at): Record<string, string> {
  return { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_1', timestamp, body) };
}

describe('checking a webhook delivery as its receiver', () => {
  it('accepts a delivery signed per Standard Webhooks with the secret, among other signatures', () => {
    const secret = generateSigningSecret();
    const headers = signed(secret);
    expect(verifyWebhook([secret], headers, body, seconds)).toEqual({ ok: true });
    expect(verifyWebhook([secret], { ...headers, 'webhook-signature': `v1,bm90IGl0 ${headers['webhook-signature']}` }, body, seconds)).toEqual({ ok: true });
  });

  it('refuses another secret, a changed body, a stale timestamp and missing headers', () => {
    const secret = generateSigningSecret();
    const headers = signed(secret);
    expect(verifyWebhook([generateSigningSecret()], headers, body, seconds)).toMatchObject({ ok: false });
    expect(verifyWebhook([secret], headers, body.replace('created', 'updated'), seconds)).toMatchObject({ ok: false });
    expect(verifyWebhook([secret], headers, body, seconds + 6 * 60)).toMatchObject({ ok: false, reason: expect.stringContaining('5 minutes') });
    expect(verifyWebhook([secret], { 'webhook-id': 'msg_1' }, body, seconds)).toMatchObject({ ok: false });
  });
});
