// E-mail alerts: a text and an HTML part saying what the other channels say, and one thread per
// incident. The incident's root Message-ID is derived from its id and the sender's domain alone,
// so every instance and every retry names the same thread without storing anything: the
// `incident.created` alert is that root, and every later alert has its own Message-ID (from the
// delivery's stable id, so a retried send is recognisable as the same message) with In-Reply-To
// and References pointing at the root. The subject stays the same for the incident, as Gmail also
// needs the subject to thread.

import { createTransport } from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { ChannelOutcome } from './outcome.ts';
import { changeLine, companyLine, digestHeadline, fieldLabel, flagLabels, headline, itemLine, materialityLabel, summaryLine, truncate } from './text.ts';
import type { AlertDigest, AlertMessage } from './types.ts';

export interface EmailOptions {
  /** `cyber8k alerts <alerts@example.net>` (ALERTS_FROM). */
  from: string;
  to: string[];
  /** The right-hand side of Message-IDs; defaults to the domain of `from`. */
  domain?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * One header line: control characters (CR/LF injection, and the C1 NEL some clients break lines
 * at) and Unicode line and paragraph separators become spaces.
 */
export function headerText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The domain of an address like `Name <user@example.net>`, for Message-IDs. */
export function mailDomain(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  if (!match) throw new RangeError(`"${address}" has no domain to derive Message-IDs from`);
  return match[1]!.toLowerCase();
}

/** The incident's thread root, `<incident-42@example.net>`: the same from every instance, forever. */
export function incidentThreadId(incidentId: number, domain: string): string {
  return `<incident-${incidentId}@${domain}>`;
}

/** A delivery's own Message-ID, stable across retries of that delivery (its AlertMessage.id). */
export function deliveryMessageId(message: AlertMessage, domain: string): string {
  return `<alert-${message.id.replace(/[^A-Za-z0-9_-]/g, '_')}.incident-${message.data.incident.id}@${domain}>`;
}

/** `[cyber8k] AT&T Inc. (T): cybersecurity incident 42`, the same for every alert of the incident. */
export function emailSubject(message: AlertMessage): string {
  const base = `[cyber8k] ${companyLine(message)}: cybersecurity incident ${message.data.incident.id}`;
  return headerText(`${message.test ? '[TEST] ' : ''}${base}`);
}

interface Row {
  label: string;
  value: string;
}

function rows(message: AlertMessage): Row[] {
  const { incident, filing, changes } = message.data;
  const flags = flagLabels(incident.flags);
  return [
    { label: 'Company', value: companyLine(message) },
    { label: 'Items', value: itemLine(message) },
    { label: 'Materiality', value: materialityLabel(incident.materialImpact) },
    { label: 'Flags', value: flags.length > 0 ? flags.join(', ') : 'none stated' },
    ...(filing ? [{ label: 'Filing', value: `${filing.form} filed ${filing.filedAt} (${filing.accessionNumber})` }] : []),
    ...changes.map((c, i) => ({ label: i === 0 ? 'Changed' : '', value: changeLine(c) })),
  ];
}

export function emailText(message: AlertMessage): string {
  const { incident, filing, evidence } = message.data;
  const table = rows(message);
  const width = Math.max(...table.map((r) => r.label.length)) + 2;
  const lines = [headline(message, { emoji: false }), incident.title, '', ...table.map((r) => `${(r.label ? `${r.label}:` : '').padEnd(width)}${r.value}`)];
  for (const item of evidence.slice(0, 3)) lines.push('', `Evidence (${fieldLabel(item.field)}):`, `  “${item.sentence}”`);
  lines.push('', `Incident:   ${incident.url}`);
  if (filing) lines.push(`SEC filing: ${filing.secUrl}`);
  lines.push('', '-- ', `cyber8k ${message.test ? 'test alert' : 'alert'} ${message.id} · ${message.timestamp}`);
  return `${lines.join('\n')}\n`;
}

export function emailHtml(message: AlertMessage): string {
  const { incident, filing, evidence } = message.data;
  const e = escapeHtml;
  const link = (url: string, label: string) => (/^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(label)}</a>` : e(label));
  const table = rows(message)
    .map((r) => `<tr><th align="left" valign="top" style="padding:2px 12px 2px 0">${e(r.label)}</th><td style="padding:2px 0">${e(r.value)}</td></tr>`)
    .join('\n');
  const quotes = evidence
    .slice(0, 3)
    .map((item) => `<p style="margin:12px 0 4px"><strong>Evidence (${e(fieldLabel(item.field))})</strong></p>\n<blockquote style="margin:0 0 0 8px;padding-left:8px;border-left:3px solid #ccc">${e(item.sentence)}</blockquote>`)
    .join('\n');
  const links = [link(incident.url, 'Open incident'), ...(filing ? [link(filing.secUrl, 'SEC filing')] : [])].join(' · ');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${e(emailSubject(message))}</title></head>
<body style="font-family:sans-serif;font-size:14px">
<h2 style="font-size:17px;margin:0 0 4px">${e(headline(message, { emoji: false }))}</h2>
<p style="margin:0 0 12px;color:#555">${e(incident.title)}</p>
<table cellspacing="0" cellpadding="0">
${table}
</table>
${quotes}
<p style="margin-top:16px">${links}</p>
<p style="color:#888;font-size:12px">cyber8k ${message.test ? 'test alert' : 'alert'} ${e(message.id)} · ${e(message.timestamp)}</p>
</body></html>
`;
}

/** The nodemailer message of an alert: subject, text + HTML, and the thread headers. */
export function emailMessage(message: AlertMessage, options: EmailOptions): SendMailOptions & { messageId: string } {
  if (options.to.length === 0) throw new RangeError('an e-mail alert needs at least one recipient');
  const domain = options.domain ?? mailDomain(options.from);
  const root = incidentThreadId(message.data.incident.id, domain);
  const isRoot = message.type === 'incident.created' && !message.test;
  return {
    from: options.from,
    to: options.to,
    subject: emailSubject(message),
    text: emailText(message),
    html: emailHtml(message),
    messageId: isRoot ? root : deliveryMessageId(message, domain),
    ...(isRoot ? {} : { inReplyTo: root, references: [root] }),
    date: new Date(message.timestamp),
    headers: {
      'X-Cyber8k-Event': message.type,
      'X-Cyber8k-Incident': String(message.data.incident.id),
      'X-Cyber8k-Alert-Id': message.id,
      ...(message.test ? { 'X-Cyber8k-Test': 'true' } : {}),
      // RFC 3834: vacation responders and ticket systems do not answer it.
      'Auto-Submitted': 'auto-generated',
    },
  };
}

const DIGEST_SENTENCE_MAX = 300;

/** A digest's Message-ID, stable across retries of that digest; digests start no thread. */
export function digestMessageId(digest: AlertDigest, domain: string): string {
  return `<digest-${digest.id.replace(/[^A-Za-z0-9_-]/g, '_')}@${domain}>`;
}

export function digestSubject(digest: AlertDigest): string {
  const n = digest.messages.length;
  return headerText(`${digest.test ? '[TEST] ' : ''}[cyber8k] Digest: ${n} alert${n === 1 ? '' : 's'}, ${digest.period}`);
}

/** One mail listing a digest's alerts: each one's headline, summary, first evidence sentence and link. */
export function emailDigestMessage(digest: AlertDigest, options: EmailOptions): SendMailOptions & { messageId: string } {
  if (options.to.length === 0) throw new RangeError('an e-mail alert needs at least one recipient');
  const domain = options.domain ?? mailDomain(options.from);
  const e = escapeHtml;
  const entries = digest.messages.map((m) => ({ title: headline(m, { emoji: false }), summary: summaryLine(m), sentence: m.data.evidence[0] ? truncate(m.data.evidence[0].sentence, DIGEST_SENTENCE_MAX) : null, url: m.data.incident.url }));
  const text = [
    digestHeadline(digest, { emoji: false }),
    digest.period,
    ...entries.flatMap((x, i) => ['', `${i + 1}. ${x.title}`, `   ${x.summary}`, ...(x.sentence ? [`   “${x.sentence}”`] : []), `   ${x.url}`]),
    '',
    '-- ',
    `cyber8k digest ${digest.id} · ${digest.timestamp}`,
  ].join('\n');
  const items = entries
    .map((x) => `<li style="margin-bottom:12px"><strong>${/^https?:\/\//i.test(x.url) ? `<a href="${e(x.url)}">${e(x.title)}</a>` : e(x.title)}</strong><br>\n${e(x.summary)}${x.sentence ? `<br>\n<em>${e(x.sentence)}</em>` : ''}</li>`)
    .join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${e(digestSubject(digest))}</title></head>
<body style="font-family:sans-serif;font-size:14px">
<h2 style="font-size:17px;margin:0 0 4px">${e(digestHeadline(digest, { emoji: false }))}</h2>
<p style="margin:0 0 12px;color:#555">${e(digest.period)}</p>
<ol>
${items}
</ol>
<p style="color:#888;font-size:12px">cyber8k digest ${e(digest.id)} · ${e(digest.timestamp)}</p>
</body></html>
`;
  return {
    from: options.from,
    to: options.to,
    subject: digestSubject(digest),
    text: `${text}\n`,
    html,
    messageId: digestMessageId(digest, domain),
    date: new Date(digest.timestamp),
    headers: {
      'X-Cyber8k-Digest': digest.id,
      ...(digest.test ? { 'X-Cyber8k-Test': 'true' } : {}),
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** A transport for SMTP_URL (`smtp://` or `smtps://user:password@host:port`); close() it on shutdown. */
export function emailTransport(smtpUrl: string, options: { timeoutMs?: number } = {}): Transporter {
  const url = new URL(smtpUrl);
  const timeout = options.timeoutMs ?? 15_000;
  return createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Nothing of the SMTP conversation (it carries the password) goes to the log.
    logger: false,
    debug: false,
  });
}

export interface EmailSendResult {
  outcome: ChannelOutcome;
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's last reply, for the delivery log. */
  response: string;
}

const addresses = (list: unknown): string[] => (Array.isArray(list) ? list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address ?? a))) : []);

/**
 * Sends one alert mail. The server's 250 is `delivered` (to the recipients it accepted); every
 * recipient refused permanently (5xx) disables the subscription; a temporary refusal (4xx) or a
 * connection failure is retried; a message the server refuses permanently fails unretried.
 */
export async function sendEmail(transport: Transporter, mail: SendMailOptions & { messageId: string }): Promise<EmailSendResult> {
  try {
    const info = (await transport.sendMail(mail)) as { accepted?: unknown; rejected?: unknown; response?: string };
    return { outcome: { state: 'delivered' }, messageId: mail.messageId, accepted: addresses(info.accepted), rejected: addresses(info.rejected), response: info.response ?? '' };
  } catch (err) {
    const e = err as Error & { code?: string; responseCode?: number; response?: string; rejected?: unknown; command?: string };
    const response = e.response ?? e.message;
    const rejected = addresses(e.rejected);
    const base = { messageId: mail.messageId, accepted: [], rejected, response };
    const code = e.responseCode;
    if (code !== undefined && code >= 500 && (e.code === 'EENVELOPE' || e.command === 'RCPT TO')) {
      return { ...base, outcome: { state: 'disable', reason: `the mail server refused every recipient (${response})` } };
    }
    if (code !== undefined && code >= 500 && e.code !== 'EAUTH') return { ...base, outcome: { state: 'failed', reason: `the mail server refused the message (${response})` } };
    return { ...base, outcome: { state: 'retry', reason: `sending failed: ${response}`, retryAfterMs: null } };
  }
}
