import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyHttp, retryAfterMs } from '../../src/alerts/outcome.ts';
import { postChannelRequest } from '../../src/alerts/post.ts';
import { slackRequest } from '../../src/alerts/slack.ts';
import { alertDispatcher } from '../../src/alerts/ssrf.ts';
import { sampleAlertMessage } from '../helpers/alert-messages.ts';
import { startSlackReceiver, type ChannelReceiver } from '../helpers/channel-receivers.ts';

const NOW = new Date('2026-05-20T20:11:06Z');

describe('postChannelRequest', () => {
  let receiver: ChannelReceiver;
  const dispatcher = alertDispatcher({ allowPrivate: true });
  beforeAll(async () => {
    receiver = await startSlackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await dispatcher.close();
  });
  const post = (options: { timeoutMs?: number; maxBodyBytes?: number } = {}) => postChannelRequest(slackRequest(receiver.url, sampleAlertMessage()), { dispatcher, ...options });

  it('does not follow a redirect, which then counts as a failure to retry', async () => {
    receiver.respondWith({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const before = receiver.received.length;
    const response = await post();
    expect(response.status).toBe(302);
    expect(receiver.received.length).toBe(before + 1);
    expect(classifyHttp(response, NOW)).toMatchObject({ state: 'retry', reason: expect.stringMatching(/redirects are not followed/) });
  });

  it('keeps only the start of a long answer', async () => {
    receiver.respondWith({ status: 500, body: 'x'.repeat(1_000_000) });
    const response = await post({ maxBodyBytes: 100 });
    expect(response.status).toBe(500);
    expect(response.body).toBe('x'.repeat(100));
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    receiver.respondWith({ status: 200, body: 'ok', delayMs: 30_000 });
    await expect(post({ timeoutMs: 300 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates, caps at a day, and ignores nonsense', () => {
    expect(retryAfterMs({ 'retry-after': '120' }, NOW)).toBe(120_000);
    expect(retryAfterMs({ 'retry-after': 'Wed, 20 May 2026 20:11:36 GMT' }, NOW)).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': 'Wed, 20 May 2026 20:00:00 GMT' }, NOW)).toBe(0);
    expect(retryAfterMs({ 'retry-after': '999999999' }, NOW)).toBe(86_400_000);
    expect(retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBeNull();
    expect(retryAfterMs({}, NOW)).toBeNull();
  });
});
