import { createServer } from 'node:net';
import fc from 'fast-check';
import type { Transporter } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveryMessageId, emailMessage, emailTransport, escapeHtml, incidentThreadId, mailDomain, sendEmail } from '../../src/alerts/email.ts';
import { sampleAlertMessage } from '../helpers/alert-messages.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.ts';

const FROM = 'cyber8k alerts <alerts@cyber8k.example.net>';
const TO = ['risk@fund.example.com', 'soc@fund.example.com'];

describe('e-mail alerts through an in-process SMTP server', () => {
  let smtp: SmtpReceiver;
  let transport: Transporter;
  beforeAll(async () => {
    smtp = await startSmtpReceiver({ auth: { user: 'alerts', pass: 'p@ss:word' }, refuseRecipient: (a) => (a.startsWith('gone@') ? 550 : a.startsWith('full@') ? 452 : undefined) });
    transport = emailTransport(smtp.smtpUrl);
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });

  it('arrives with subject, sender, recipients, text and HTML parts, logging in with the SMTP_URL credentials', async () => {
    const result = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: TO }));
    expect(result.outcome).toEqual({ state: 'delivered' });
    expect(result.accepted).toEqual(TO);
    const mail = smtp.received.at(-1)!;
    expect(smtp.logins).toContain('alerts');
    expect(mail.envelopeTo).toEqual(TO);
    expect(mail.parsed.subject).toBe('[cyber8k] AT&T Inc. (T): cybersecurity incident 42');
    expect(mail.parsed.from?.value).toEqual([{ name: 'cyber8k alerts', address: 'alerts@cyber8k.example.net' }]);
    expect(mail.parsed.text).toContain('T — Escalated to Item 1.05 · Item 8.01 → 1.05 (material)');
    expect(mail.parsed.text).toContain('the incident <as defined> is "material" & reasonably likely');
    expect(mail.parsed.text).toContain('SEC filing: https://www.sec.gov/Archives/edgar/data/732717/');
    expect(mail.parsed.html).toContain('AT&amp;T Inc. (T)');
    expect(mail.parsed.html).toContain('the incident &lt;as defined&gt; is &quot;material&quot; &amp; reasonably likely');
    expect(mail.parsed.html).not.toContain('<Snowflake>');
    expect(mail.parsed.html).toContain(`<a href="${sampleAlertMessage().data.incident.url}">Open incident</a>`);
    expect(mail.parsed.headers.get('x-cyber8k-incident')).toBe('42');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('threads every alert of an incident under the created alert, with one subject', async () => {
    const created = sampleAlertMessage({ type: 'incident.created', id: 'evt_40', data: { changes: [] } });
    const updated = sampleAlertMessage({ type: 'incident.updated', id: 'evt_41' });
    const escalated = sampleAlertMessage({ type: 'incident.escalated', id: 'evt_42' });
    for (const m of [created, updated, escalated]) expect((await sendEmail(transport, emailMessage(m, { from: FROM, to: TO }))).outcome.state).toBe('delivered');
    const [first, second, third] = smtp.received.slice(-3).map((r) => r.parsed);
    expect(first!.messageId).toBe('<incident-42@cyber8k.example.net>');
    expect(first!.inReplyTo).toBeUndefined();
    for (const reply of [second!, third!]) {
      expect(reply.inReplyTo).toBe('<incident-42@cyber8k.example.net>');
      expect(reply.references).toBe('<incident-42@cyber8k.example.net>');
      expect(reply.subject).toBe(first!.subject);
    }
    expect(second!.messageId).toBe('<alert-evt_41.incident-42@cyber8k.example.net>');
    expect(third!.messageId).toBe('<alert-evt_42.incident-42@cyber8k.example.net>');
  });

  it('marks test sends in the subject and a header, outside the thread root', async () => {
    await sendEmail(transport, emailMessage(sampleAlertMessage({ type: 'incident.created', test: true, id: 'test_1' }), { from: FROM, to: TO }));
    const mail = smtp.received.at(-1)!.parsed;
    expect(mail.subject).toBe('[TEST] [cyber8k] AT&T Inc. (T): cybersecurity incident 42');
    expect(mail.headers.get('x-cyber8k-test')).toBe('true');
    expect(mail.messageId).not.toBe('<incident-42@cyber8k.example.net>');
    expect(mail.inReplyTo).toBe('<incident-42@cyber8k.example.net>');
  });

  it('keeps a line break in a company name from adding a header or a recipient', async () => {
    const message = sampleAlertMessage();
    message.data.incident.company = 'Evil Corp\r\nBcc: attacker@evil.example\r\n';
    await sendEmail(transport, emailMessage(message, { from: FROM, to: ['risk@fund.example.com'] }));
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(['risk@fund.example.com']);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.subject).toBe('[cyber8k] Evil Corp Bcc: attacker@evil.example (T): cybersecurity incident 42');
  });

  it('keeps markup in a company name, title and evidence inert in the HTML part, and every kind of line break out of the subject', async () => {
    const message = sampleAlertMessage();
    message.data.incident.tickers = [];
    message.data.incident.company = 'Evil <img src=x onerror=alert(1)> "Corp" \u0085X-Injected: 1\u2028Bcc: a@evil.example\u2029**x** [click](http://evil.example)';
    message.data.incident.title = '</p><script>alert(1)</script>';
    message.data.evidence = [{ field: 'materialImpact', sentence: '<a href="http://evil.example">click</a> & <!-- -->' }];
    await sendEmail(transport, emailMessage(message, { from: FROM, to: ['risk@fund.example.com'] }));
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(['risk@fund.example.com']);
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.subject).toBe('[cyber8k] Evil <img src=x onerror=alert(1)> "Corp" X-Injected: 1 Bcc: a@evil.example **x** [click](http://evil.example): cybersecurity incident 42');
    const html = mail.parsed.html as string;
    for (const markup of ['<img', '<script', '</p><script', '<a href="http://evil', '<!--']) expect(html).not.toContain(markup);
    expect(html).toContain('Evil &lt;img src=x onerror=alert(1)&gt; &quot;Corp&quot;');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;a href=&quot;http://evil.example&quot;&gt;click&lt;/a&gt; &amp; &lt;!-- --&gt;');
    // The text part shows what the filing says, as written.
    expect(mail.parsed.text).toContain('<a href="http://evil.example">click</a> & <!-- -->');
  });

  it('disables when every recipient is refused permanently, and retries a temporary refusal', async () => {
    const gone = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: ['gone@fund.example.com'] }));
    expect(gone.outcome).toMatchObject({ state: 'disable', reason: expect.stringMatching(/refused every recipient.*550/) });
    expect(gone.rejected).toEqual(['gone@fund.example.com']);
    const full = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: ['full@fund.example.com'] }));
    expect(full.outcome).toMatchObject({ state: 'retry', reason: expect.stringMatching(/452/) });
  });

  it('delivers to the recipients accepted and reports the refused ones', async () => {
    const result = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: ['risk@fund.example.com', 'gone@fund.example.com'] }));
    expect(result.outcome).toEqual({ state: 'delivered' });
    expect(result.accepted).toEqual(['risk@fund.example.com']);
    expect(result.rejected).toEqual(['gone@fund.example.com']);
  });
});

describe('e-mail when the server is unreachable or refuses the login', () => {
  const transports: Transporter[] = [];
  afterEach(() => transports.splice(0).forEach((t) => t.close()));

  it('retries when nothing listens at SMTP_URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const transport = emailTransport(`smtp://127.0.0.1:${port}`);
    transports.push(transport);
    const result = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: TO }));
    expect(result.outcome).toMatchObject({ state: 'retry', reason: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('retries a refused login (an operator fix, not the subscriber’s) without saying the password', async () => {
    const smtp = await startSmtpReceiver({ auth: { user: 'alerts', pass: 'right' } });
    try {
      const transport = emailTransport(smtp.smtpUrl.replace('alerts:right@', 'alerts:wrong-secret@'));
      transports.push(transport);
      const result = await sendEmail(transport, emailMessage(sampleAlertMessage(), { from: FROM, to: TO }));
      expect(result.outcome.state).toBe('retry');
      expect(JSON.stringify(result)).not.toContain('wrong-secret');
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });
});

describe('e-mail message ids and escaping', () => {
  it('derives the thread root from the incident id and domain alone, the same on every instance', () => {
    const a = emailMessage(sampleAlertMessage({ type: 'incident.updated' }), { from: FROM, to: TO });
    const b = emailMessage(sampleAlertMessage({ type: 'incident.updated' }), { from: 'Other name <alerts@cyber8k.example.net>', to: ['x@y.example'] });
    expect(a.inReplyTo).toBe(incidentThreadId(42, 'cyber8k.example.net'));
    expect(b.inReplyTo).toBe(a.inReplyTo);
    expect(b.messageId).toBe(a.messageId);
    expect(emailMessage(sampleAlertMessage(), { from: FROM, to: TO, domain: 'alerts.example.org' }).inReplyTo).toBe('<incident-42@alerts.example.org>');
  });

  it('keeps a delivery id that is not a valid local part from breaking the Message-ID', () => {
    expect(deliveryMessageId(sampleAlertMessage({ id: 'msg 1@x>y' }), 'd.example')).toBe('<alert-msg_1_x_y.incident-42@d.example>');
  });

  it('reads the domain of a bare or named sender address', () => {
    expect(mailDomain('alerts@Example.NET')).toBe('example.net');
    expect(mailDomain('"cyber8k" <alerts@cyber8k.example.net>')).toBe('cyber8k.example.net');
    expect(() => mailDomain('nobody')).toThrow(/no domain/);
  });

  it('HTML escaping never leaves markup characters, and decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/);
        expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });

  it('any company, title and evidence reach the HTML part escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), (company, sentence) => {
        const message = sampleAlertMessage();
        message.data.incident.company = `<x>${company}`;
        message.data.evidence = [{ field: 'materialImpact', sentence: `<script>${sentence}` }];
        const { html } = emailMessage(message, { from: FROM, to: TO });
        expect(html).not.toMatch(/<x>|<script>/);
      }),
      { numRuns: 200 },
    );
  });
});
