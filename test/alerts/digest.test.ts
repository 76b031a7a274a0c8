import fc from 'fast-check';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailDigestMessage, emailTransport, sendEmail } from '../../src/alerts/email.ts';
import { postChannelRequest } from '../../src/alerts/post.ts';
import { classifySlackResponse, slackDigestPayload, slackDigestRequest, type SlackBlock } from '../../src/alerts/slack.ts';
import { alertDispatcher } from '../../src/alerts/ssrf.ts';
import { classifyTeamsResponse, TEAMS_MAX_BYTES, teamsDigestPayload, teamsDigestRequest, type TeamsPayload } from '../../src/alerts/teams.ts';
import { sampleAlertDigest } from '../helpers/alert-messages.ts';
import { slackPayloadProblems, startSlackReceiver, startTeamsReceiver, teamsPayloadProblems, type ChannelReceiver } from '../helpers/channel-receivers.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.ts';

const NOW = new Date('2026-05-21T11:00:01Z');
type Section = Extract<SlackBlock, { type: 'section' }>;
const sections = (blocks: SlackBlock[]) => blocks.filter((b): b is Section => b.type === 'section');
const containers = (payload: TeamsPayload) => payload.attachments[0].content.body.filter((e) => e.type === 'Container');
const teamsProblems = (payload: TeamsPayload) => {
  const raw = JSON.stringify(payload);
  return teamsPayloadProblems(JSON.parse(raw), raw);
};

describe('Slack digests', () => {
  it('list each alert with its summary, evidence and a button to its incident', () => {
    const payload = slackDigestPayload(sampleAlertDigest(3));
    expect(payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '📬 cyber8k digest: 3 alerts', emoji: true } });
    const listed = sections(payload.blocks);
    expect(listed).toHaveLength(3);
    expect(listed[0]!.text).toMatchObject({ type: 'plain_text', emoji: false });
    expect(listed[0]!.text?.text).toMatch(/^🔔 C1 — New incident · Item 8\.01 → 1\.05 \(material\)\nCompany 1 & Sons <Holdings> \(C1\) · Item 8\.01 → 1\.05 · material\n“On May 7, 2026/);
    expect(listed.map((s) => s.accessory?.url)).toEqual(['http://127.0.0.1:8080/v1/incidents/1', 'http://127.0.0.1:8080/v1/incidents/2', 'http://127.0.0.1:8080/v1/incidents/3']);
    expect(payload.text).toContain('cyber8k digest: 3 alerts (since 2026-05-20 07:00 (America/New_York))');
    expect(slackPayloadProblems(payload)).toEqual([]);
  });

  it('stay within 50 blocks, counting the alerts left out', () => {
    const payload = slackDigestPayload(sampleAlertDigest(60));
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
    expect(sections(payload.blocks)).toHaveLength(47);
    expect(JSON.stringify(payload.blocks.at(-1))).toContain('and 13 more alerts in this period');
    expect(slackPayloadProblems(payload)).toEqual([]);
  });

  it('keep any alert text within Block Kit limits and escaping rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 55 }), fc.string({ unit: 'grapheme', maxLength: 4000 }), fc.string({ maxLength: 300 }), (count, sentence, period) => {
        const digest = sampleAlertDigest(count, { period });
        for (const m of digest.messages) m.data.evidence = [{ field: 'materialImpact', sentence }];
        expect(slackPayloadProblems(slackDigestPayload(digest))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Teams digests', () => {
  it('give each alert a container that opens its incident', () => {
    const payload = teamsDigestPayload(sampleAlertDigest(3, { test: true }));
    expect(payload.attachments[0].content.body[0]).toMatchObject({ type: 'TextBlock', text: '[TEST] 📬 cyber8k digest: 3 alerts' });
    expect(containers(payload).map((c) => c.type === 'Container' && c.selectAction.url)).toEqual(['http://127.0.0.1:8080/v1/incidents/1', 'http://127.0.0.1:8080/v1/incidents/2', 'http://127.0.0.1:8080/v1/incidents/3']);
    expect(teamsProblems(payload)).toEqual([]);
  });

  it('show as many alerts as fit in 28 KB and count the rest', () => {
    const payload = teamsDigestPayload(sampleAlertDigest(500));
    const shown = containers(payload).length;
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(500);
    expect(JSON.stringify(payload.attachments[0].content.body.at(-1))).toContain(`and ${500 - shown} more alerts in this period`);
    expect(teamsProblems(payload)).toEqual([]);
  });

  it('never exceed 28 KB, whatever the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.oneof(fc.string({ unit: 'binary', maxLength: 6000 }), fc.constant('\u0001'.repeat(20_000))), (count, text) => {
        const digest = sampleAlertDigest(count, { period: text });
        for (const m of digest.messages) {
          m.data.incident.company = text;
          m.data.evidence = [{ field: 'materialImpact', sentence: text }];
        }
        const payload = teamsDigestPayload(digest);
        expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
        expect(teamsProblems(payload)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('digests delivered to Slack-, Teams-shaped and SMTP receivers', () => {
  let slack: ChannelReceiver;
  let teams: ChannelReceiver;
  let smtp: SmtpReceiver;
  let transport: Transporter;
  const dispatcher = alertDispatcher({ allowPrivate: true });
  beforeAll(async () => {
    [slack, teams, smtp] = await Promise.all([startSlackReceiver(), startTeamsReceiver(), startSmtpReceiver()]);
    transport = emailTransport(smtp.smtpUrl);
  });
  afterAll(async () => {
    transport.close();
    await Promise.all([slack.close(), teams.close(), smtp.close(), dispatcher.close()]);
  });

  it('Slack answers ok and Teams accepts, with payloads their receivers find valid', async () => {
    const digest = sampleAlertDigest(5);
    expect(classifySlackResponse(await postChannelRequest(slackDigestRequest(slack.url, digest), { dispatcher }), NOW)).toEqual({ state: 'delivered' });
    expect(classifyTeamsResponse(await postChannelRequest(teamsDigestRequest(teams.url, digest), { dispatcher }), NOW).state).toBe('accepted');
    expect([...slack.problems(), ...teams.problems()]).toEqual([]);
  });

  it('one mail lists every alert, escaped in HTML, outside any incident thread', async () => {
    const digest = sampleAlertDigest(4);
    const result = await sendEmail(transport, emailDigestMessage(digest, { from: 'alerts@cyber8k.example.net', to: ['risk@fund.example.com'] }));
    expect(result.outcome).toEqual({ state: 'delivered' });
    const mail = smtp.received.at(-1)!.parsed;
    expect(mail.subject).toBe('[cyber8k] Digest: 4 alerts, since 2026-05-20 07:00 (America/New_York)');
    expect(mail.messageId).toBe('<digest-digest_7_2026-05-21T11_00_00Z@cyber8k.example.net>');
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.text).toMatch(/1\. C1 — New incident[\s\S]*4\. C4 — Incident updated/);
    expect(mail.text).toContain('http://127.0.0.1:8080/v1/incidents/4');
    expect(mail.html).toContain('Company 2 &amp; Sons &lt;Holdings&gt; (C2)');
    expect(mail.html).not.toContain('<Holdings>');
    expect(mail.headers.get('x-cyber8k-digest')).toBe(digest.id);
  });
});
