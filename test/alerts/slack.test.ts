import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postChannelRequest } from '../../src/alerts/post.ts';
import { classifySlackResponse, slackEscape, slackPayload, slackRequest, type SlackBlock } from '../../src/alerts/slack.ts';
import { alertDispatcher } from '../../src/alerts/ssrf.ts';
import { sampleAlertMessage } from '../helpers/alert-messages.ts';
import { slackPayloadProblems, startSlackReceiver, type ChannelReceiver } from '../helpers/channel-receivers.ts';

const NOW = new Date('2026-05-20T20:11:06Z');
const header = (blocks: SlackBlock[]) => (blocks.find((b) => b.type === 'header') as Extract<SlackBlock, { type: 'header' }>).text.text;
const textObjects = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' ? [...(b.text ? [b.text] : []), ...(b.fields ?? [])] : b.type === 'context' ? b.elements : []));
const allMrkdwn = (blocks: SlackBlock[]): string[] => textObjects(blocks).flatMap((t) => (t.type === 'mrkdwn' ? [t.text] : []));
const allPlain = (blocks: SlackBlock[]): string[] => textObjects(blocks).flatMap((t) => (t.type === 'plain_text' ? [t.text] : []));
const HOSTILE = '*Acme* _Holdings_ ~Inc~ `rm` ```x``` <!channel> @here #general [click](http://evil.example) <http://evil.example|ok> :rotating_light: &amp;';

describe('Slack messages', () => {
  it('puts company names, titles and evidence in plain text only, as written, where Slack formats, links and mentions nothing', () => {
    const payload = slackPayload(sampleAlertMessage());
    expect(allPlain(payload.blocks).join('\n')).toContain('AT&T Inc. (T)');
    expect(allPlain(payload.blocks).join('\n')).toContain('the incident <as defined> is "material" & reasonably likely');
    expect(textObjects(payload.blocks).filter((t) => t.type === 'plain_text').every((t) => t.type === 'plain_text' && t.emoji === false)).toBe(true);
    // The fallback (the notification preview) is mrkdwn: escaped.
    expect(payload.text).toContain('AT&amp;T');
    expect(payload.text).not.toMatch(/&#39;|&quot;/);
    expect(slackPayloadProblems(payload)).toEqual([]);
  });

  it('keeps formatting characters, links and mentions in a company name, title, change or evidence out of every mrkdwn text', () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    Object.assign(message.data.incident, { company: HOSTILE, title: `${HOSTILE} title` });
    message.data.evidence = [{ field: 'materialImpact', sentence: `${HOSTILE} sentence` }];
    message.data.changes = [{ field: 'title', from: 'old', to: `${HOSTILE} changed` }];
    const payload = slackPayload(message);
    for (const text of allMrkdwn(payload.blocks)) for (const piece of ['Acme', '_Holdings_', '~Inc~', '`rm`', 'channel', '@here', '#general', 'evil', ':rotating_light:']) expect(text).not.toContain(piece);
    const plainText = allPlain(payload.blocks).join('\n');
    for (const where of ['', ' title', ' sentence', ' changed']) expect(plainText).toContain(`${HOSTILE}${where}`);
    expect(header(payload.blocks)).toContain('*Acme* _Holdings_');
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { emoji: false } });
    // Only in the fallback do the mention and the link reach mrkdwn, and escaped there: no ping, no link.
    expect(payload.text).not.toMatch(/<!channel>|<http/);
    expect(payload.text).toContain('&lt;!channel&gt;');
    expect(slackPayloadProblems(payload)).toEqual([]);
  });

  it('sends the header as plain text, unescaped, since Slack does not parse it', () => {
    expect(header(slackPayload(sampleAlertMessage()).blocks)).toBe('🔴 T — Escalated to Item 1.05 · Item 8.01 → 1.05 (material)');
  });

  it('names the company when it has no ticker, and marks test sends', () => {
    const message = sampleAlertMessage({ test: true });
    message.data.incident.tickers = [];
    expect(header(slackPayload(message).blocks)).toBe('[TEST] 🔴 AT&T Inc. — Escalated to Item 1.05 · Item 8.01 → 1.05 (material)');
  });

  it('cuts a long header to 150 characters without splitting an emoji', () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    message.data.incident.company = `Very Long Holdings ${'🔥'.repeat(200)}`;
    const text = header(slackPayload(message).blocks);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('shows the company and title as plain text, items, materiality, flags and the filing as fields, and the first evidence sentence', () => {
    const { blocks } = slackPayload(sampleAlertMessage());
    const section = blocks[1] as Extract<SlackBlock, { type: 'section' }>;
    expect(section.text).toEqual({ type: 'plain_text', text: 'AT&T Inc. (T)\n' + sampleAlertMessage().data.incident.title, emoji: false });
    expect(section.fields?.map((f) => f.text)).toEqual([
      '*Items*\nItem 8.01 → 1.05',
      '*Materiality*\nmaterial',
      '*Flags*\ndata accessed, third party, law enforcement notified, disclosure delayed',
      '*Filing*\n8-K/A filed 2026-05-20',
    ]);
    expect((blocks[2] as Extract<SlackBlock, { type: 'section' }>).text?.text).toMatch(/^Evidence \(materiality\):\n“On May 7, 2026, the Company determined/);
    expect(allPlain(blocks).join('\n')).toContain('Changed: status: updated → escalated; items: 8.01 → 8.01 → 1.05');
  });

  it('links buttons to the incident and to the SEC filing', () => {
    const message = sampleAlertMessage();
    const actions = slackPayload(message).blocks.find((b) => b.type === 'actions') as Extract<SlackBlock, { type: 'actions' }>;
    expect(actions.elements.map((e) => [e.text.text, e.url])).toEqual([
      ['Open incident', message.data.incident.url],
      ['SEC filing', message.data.filing!.secUrl],
    ]);
  });

  it('leaves out the SEC button and filing field when no filing caused the event', () => {
    const message = sampleAlertMessage({ type: 'incident.retracted', data: { filing: null, evidence: [], changes: [] } });
    const payload = slackPayload(message);
    const actions = payload.blocks.find((b) => b.type === 'actions') as Extract<SlackBlock, { type: 'actions' }>;
    expect(actions.elements.map((e) => e.action_id)).toEqual(['open_incident']);
    expect(JSON.stringify(payload)).not.toContain('*Filing*');
    expect(slackPayloadProblems(payload)).toEqual([]);
  });

  it('escaping never leaves a raw < or >, and decodes back to the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const escaped = slackEscape(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });

  it('any company, title and evidence give a message within Block Kit limits and escaping rules', () => {
    const nasty = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.stringMatching(/^[<>&a-z !]{0,5000}$/));
    fc.assert(
      fc.property(nasty, nasty, nasty, fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), (company, title, sentence, tickers) => {
        const message = sampleAlertMessage();
        Object.assign(message.data.incident, { company, title, tickers });
        message.data.evidence = [{ field: 'dates.detected', sentence }];
        expect(slackPayloadProblems(slackPayload(message))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Slack delivery to a Slack-shaped receiver', () => {
  let receiver: ChannelReceiver;
  const dispatcher = alertDispatcher({ allowPrivate: true });
  beforeAll(async () => {
    receiver = await startSlackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await dispatcher.close();
  });

  it('is answered ok and classified delivered, with a payload the receiver finds valid', async () => {
    const response = await postChannelRequest(slackRequest(receiver.url, sampleAlertMessage()), { dispatcher });
    expect(response).toMatchObject({ status: 200, body: 'ok' });
    expect(classifySlackResponse(response, NOW)).toEqual({ state: 'delivered' });
    expect(receiver.problems()).toEqual([]);
    expect(receiver.received.at(-1)?.json).toMatchObject({ text: expect.stringContaining('AT&amp;T') });
    expect(receiver.received.at(-1)?.headers['user-agent']).toMatch(/^cyber8k\//);
  });

  it('delivers a hostile company name, title and evidence as a valid message, every mrkdwn text free of them', async () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    Object.assign(message.data.incident, { company: HOSTILE, title: HOSTILE });
    message.data.evidence = [{ field: 'materialImpact', sentence: HOSTILE }];
    const response = await postChannelRequest(slackRequest(receiver.url, message), { dispatcher });
    expect(response).toMatchObject({ status: 200, body: 'ok' });
    expect(receiver.received.at(-1)!.problems).toEqual([]);
    const { blocks } = receiver.received.at(-1)!.json as { blocks: SlackBlock[] };
    expect(allMrkdwn(blocks).some((t) => t.includes('Acme') || t.includes('channel'))).toBe(false);
    expect(allPlain(blocks).filter((t) => t.includes(HOSTILE))).toHaveLength(2);
  });

  it('a payload breaking the rules is answered invalid_payload and fails without retries', async () => {
    const bad = { url: receiver.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'AT&T <b>', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }) };
    const response = await postChannelRequest(bad, { dispatcher });
    expect(response).toMatchObject({ status: 400, body: 'invalid_payload' });
    expect(receiver.received.at(-1)?.problems).toEqual(expect.arrayContaining([expect.stringMatching(/raw < or >/), expect.stringMatching(/unescaped &/), expect.stringMatching(/header is 151 characters/)]));
    expect(classifySlackResponse(response, NOW).state).toBe('failed');
  });

  it('an archived channel disables the subscription, saying why', async () => {
    receiver.respondWith({ status: 410, body: 'channel_is_archived' });
    const outcome = classifySlackResponse(await postChannelRequest(slackRequest(receiver.url, sampleAlertMessage()), { dispatcher }), NOW);
    expect(outcome).toEqual({ state: 'disable', reason: 'the Slack channel was archived (Slack answered 410 channel_is_archived)' });
  });
});

describe('classifySlackResponse', () => {
  const answer = (status: number, body = '', headers: Record<string, string> = {}) => classifySlackResponse({ status, body, headers }, NOW);

  it.each([
    [404, 'channel_not_found', /channel no longer exists/],
    [404, 'no_service', /webhook was removed or disabled/],
    [410, 'channel_is_archived', /archived/],
    [403, 'action_prohibited', /admin has restricted/],
    [403, 'invalid_token', /revoked/],
    [404, '', /answered 404/],
    [410, '<html>Gone</html>', /answered 410/],
  ])('%i %s disables the subscription', (status, body, reason) => {
    const outcome = answer(status, body);
    expect(outcome.state).toBe('disable');
    expect(outcome.state === 'disable' && outcome.reason).toMatch(reason);
  });

  it.each([
    [400, 'invalid_payload'],
    [400, 'user_not_found'],
    [400, 'no_text'],
  ])('%i %s fails the message without retries (our payload bug)', (status, body) => {
    expect(answer(status, body).state).toBe('failed');
  });

  it('retries a rate limit after the Retry-After it was given', () => {
    expect(answer(429, 'rate_limited', { 'retry-after': '30' })).toEqual({ state: 'retry', reason: 'Slack rate-limited the webhook (429)', retryAfterMs: 30_000 });
    expect(answer(429, '', { 'retry-after': 'Wed, 20 May 2026 20:12:06 GMT' })).toMatchObject({ retryAfterMs: 60_000 });
  });

  it('retries server errors and redirects', () => {
    expect(answer(500, 'rollup_error')).toMatchObject({ state: 'retry', reason: 'the receiver answered 500: rollup_error' });
    expect(answer(302, '')).toMatchObject({ state: 'retry', reason: expect.stringMatching(/redirects are not followed/) });
  });
});
