import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postChannelRequest } from '../../src/alerts/post.ts';
import { alertDispatcher } from '../../src/alerts/ssrf.ts';
import { classifyTeamsResponse, TEAMS_MAX_BYTES, teamsDigestPayload, teamsPayload, teamsRequest, type TeamsPayload } from '../../src/alerts/teams.ts';
import { sampleAlertDigest, sampleAlertMessage } from '../helpers/alert-messages.ts';
import { startTeamsReceiver, teamsPayloadProblems, type ChannelReceiver } from '../helpers/channel-receivers.ts';

const NOW = new Date('2026-05-20T20:11:06Z');
const size = (payload: TeamsPayload) => Buffer.byteLength(JSON.stringify(payload), 'utf8');
const texts = (payload: TeamsPayload) => payload.attachments[0].content.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : e.type === 'RichTextBlock' ? [e.inlines.map((r) => r.text).join('')] : []));
/** Every string a Teams client reads as markdown: TextBlock texts and FactSet titles and values, in containers too. */
const markdownTexts = (payload: TeamsPayload): string[] =>
  payload.attachments[0].content.body.flatMap((e) =>
    e.type === 'TextBlock' ? [e.text] : e.type === 'FactSet' ? e.facts.flatMap((f) => [f.title, f.value]) : e.type === 'Container' ? e.items.flatMap((i) => (i.type === 'TextBlock' ? [i.text] : [])) : [],
  );
const HOSTILE = '[click](http://evil.example) **x** _y_ ~~z~~ `code`\n- item\n1. first <at>everyone</at>';
const problems = (payload: TeamsPayload) => {
  const raw = JSON.stringify(payload);
  return teamsPayloadProblems(JSON.parse(raw), raw);
};

describe('Teams cards', () => {
  it('is one Adaptive Card 1.4 in the Workflows message envelope', () => {
    const payload = teamsPayload(sampleAlertMessage());
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    expect(payload.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4' } });
    expect(problems(payload)).toEqual([]);
  });

  it('states items, materiality, flags and the filing as facts, company and changes beside them, and links the incident and the SEC filing', () => {
    const message = sampleAlertMessage();
    const { content } = teamsPayload(message).attachments[0];
    const facts = content.body.find((e) => e.type === 'FactSet');
    expect(facts?.type === 'FactSet' && facts.facts).toEqual([
      { title: 'Items', value: 'Item 8.01 → 1.05' },
      { title: 'Materiality', value: 'material' },
      { title: 'Flags', value: 'data accessed, third party, law enforcement notified, disclosure delayed' },
      { title: 'Filing', value: '8-K/A filed 2026-05-20' },
    ]);
    // The company and the changes (a changed title is filing text) are plain TextRuns beside the facts.
    expect(content.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Company: ', weight: 'Bolder' }, { type: 'TextRun', text: 'AT&T Inc. (T)' }] });
    expect(content.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Changed: ', weight: 'Bolder' }, { type: 'TextRun', text: 'status: updated → escalated; items: 8.01 → 8.01 → 1.05' }] });
    expect(content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open incident', url: message.data.incident.url },
      { type: 'Action.OpenUrl', title: 'SEC filing', url: message.data.filing!.secUrl },
    ]);
    expect(texts(teamsPayload(message))).toContain(message.data.evidence[0]!.sentence);
  });

  it('shows markdown in a company name, title, change or evidence as written: only in TextRuns, never in a TextBlock or a fact', () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    Object.assign(message.data.incident, { company: HOSTILE, title: `${HOSTILE} title` });
    message.data.evidence = [{ field: 'materialImpact', sentence: `${HOSTILE} sentence` }];
    message.data.changes = [{ field: 'title', from: 'old', to: `${HOSTILE} changed` }];
    const payload = teamsPayload(message);
    for (const text of markdownTexts(payload)) for (const piece of ['click', 'evil', '**x**', '_y_', '~~z~~', '`code`', '- item', 'everyone']) expect(text).not.toContain(piece);
    const shown = texts(payload).join('\n');
    for (const where of [' title', ' sentence', ' changed']) expect(shown).toContain(`${HOSTILE}${where}`);
    expect(shown).toContain(`Company: ${HOSTILE}`);
    expect(shown).toContain(`🔴 ${HOSTILE} — Escalated`);
    expect(problems(payload)).toEqual([]);
  });

  it('keeps markdown in a digest\'s company names and evidence out of its TextBlocks', () => {
    const digest = sampleAlertDigest(2);
    for (const m of digest.messages) {
      m.data.incident.tickers = [];
      m.data.incident.company = HOSTILE;
      m.data.evidence = [{ field: 'materialImpact', sentence: HOSTILE }];
    }
    const payload = teamsDigestPayload(digest);
    for (const text of markdownTexts(payload)) for (const piece of ['click', '**x**', '_y_']) expect(text).not.toContain(piece);
    expect(JSON.stringify(payload)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    expect(problems(payload)).toEqual([]);
  });

  it('shows at most three evidence sentences of at most 1,000 characters', () => {
    const message = sampleAlertMessage();
    message.data.evidence = Array.from({ length: 5 }, (_, i) => ({ field: 'materialImpact', sentence: `sentence ${i} ${'x'.repeat(2000)}` }));
    const shown = texts(teamsPayload(message)).filter((t) => t.startsWith('sentence '));
    expect(shown.map((t) => t.slice(0, 10))).toEqual(['sentence 0', 'sentence 1', 'sentence 2']);
    expect(shown.every((t) => t.length === 1000 && t.endsWith('…'))).toBe(true);
  });

  it('cuts evidence, title and names to fit 28 KB when their text would pass it', () => {
    const message = sampleAlertMessage();
    // Characters JSON writes as six bytes each, so three capped sentences alone pass the limit.
    const heavy = '\u0001'.repeat(5000);
    message.data.incident.company = heavy;
    message.data.incident.title = heavy;
    message.data.evidence = [0, 1, 2].map(() => ({ field: 'materialImpact', sentence: heavy }));
    const payload = teamsPayload(message);
    expect(size(payload)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(size(payload)).toBeGreaterThan(TEAMS_MAX_BYTES - 1000);
    expect(texts(payload).filter((t) => t.startsWith('Evidence'))).toHaveLength(1);
    expect(problems(payload)).toEqual([]);
  });

  it('never exceeds 28 KB nor breaks the card rules, whatever the text', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 12_000 }), fc.constantFrom('', '\u0000'.repeat(9000), '😀'.repeat(8000)));
    fc.assert(
      fc.property(text, text, fc.array(fc.record({ field: fc.constantFrom('materialImpact', 'dates.detected', 'flags.ransomware'), sentence: text }), { maxLength: 6 }), (company, title, evidence) => {
        const message = sampleAlertMessage();
        Object.assign(message.data.incident, { company, title });
        message.data.evidence = evidence;
        const payload = teamsPayload(message);
        expect(size(payload)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
        expect(problems(payload)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Teams delivery to a Teams-shaped receiver', () => {
  let receiver: ChannelReceiver;
  const dispatcher = alertDispatcher({ allowPrivate: true });
  beforeAll(async () => {
    receiver = await startTeamsReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await dispatcher.close();
  });

  it('is answered 202 and classified accepted, not delivered', async () => {
    const response = await postChannelRequest(teamsRequest(receiver.url, sampleAlertMessage()), { dispatcher });
    expect(response.status).toBe(202);
    expect(classifyTeamsResponse(response, NOW)).toMatchObject({ state: 'accepted', reason: expect.stringMatching(/asynchronously/) });
    expect(receiver.problems()).toEqual([]);
  });

  it('accepts a card whose company name, title and evidence hold markdown, none of it in a TextBlock or a fact', async () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    Object.assign(message.data.incident, { company: HOSTILE, title: HOSTILE });
    message.data.evidence = [{ field: 'materialImpact', sentence: HOSTILE }];
    const response = await postChannelRequest(teamsRequest(receiver.url, message), { dispatcher });
    expect(response.status).toBe(202);
    expect(receiver.received.at(-1)!.problems).toEqual([]);
    const card = receiver.received.at(-1)!.json as TeamsPayload;
    expect(markdownTexts(card).some((t) => t.includes('click') || t.includes('**x**'))).toBe(false);
    expect(texts(card).filter((t) => t.includes(HOSTILE)).length).toBeGreaterThanOrEqual(4);
  });

  it('the receiver refuses a card above version 1.4 or above 28 KB, and that fails unretried', async () => {
    const payload = teamsPayload(sampleAlertMessage());
    const tooNew = JSON.parse(JSON.stringify(payload)) as TeamsPayload;
    (tooNew.attachments[0].content as { version: string }).version = '1.5';
    const tooBig = JSON.parse(JSON.stringify(payload)) as TeamsPayload;
    tooBig.attachments[0].content.body.push({ type: 'TextBlock', text: 'x'.repeat(TEAMS_MAX_BYTES), wrap: true });
    for (const bad of [tooNew, tooBig]) {
      const response = await postChannelRequest({ url: receiver.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(bad) }, { dispatcher });
      expect(response.status).toBe(400);
      expect(classifyTeamsResponse(response, NOW).state).toBe('failed');
    }
    expect(receiver.received.slice(-2).map((r) => r.problems.join())).toEqual([expect.stringMatching(/version 1\.5/), expect.stringMatching(/bytes \(at most 28672\)/)]);
  });
});

describe('classifyTeamsResponse', () => {
  const answer = (status: number, body = '', headers: Record<string, string> = {}) => classifyTeamsResponse({ status, body, headers }, NOW);

  it('treats every 2xx as accepted', () => {
    for (const status of [200, 202, 204]) expect(answer(status).state).toBe('accepted');
  });

  it.each([401, 403, 404, 410])('%i (the workflow is gone or refuses its URL) disables the subscription', (status) => {
    expect(answer(status, '{"error":{"code":"WorkflowNotFound"}}')).toMatchObject({ state: 'disable', reason: expect.stringContaining(String(status)) });
  });

  it('retries throttling after Retry-After and server errors', () => {
    expect(answer(429, '', { 'retry-after': '12' })).toEqual({ state: 'retry', reason: 'Teams throttled the workflow (429)', retryAfterMs: 12_000 });
    expect(answer(502).state).toBe('retry');
  });
});
