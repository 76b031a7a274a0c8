// `report.published` on every channel: the week's headline numbers and links to the report. A
// webhook gets the summary signed (Standard Webhooks, well under 20 KB); Slack a Block Kit message
// and Teams an Adaptive Card with the numbers and a button to the HTML report; e-mail carries the
// report itself, its HTML page as the HTML part and its Markdown as the text part. The report's
// words are ours, but the base URL is configuration, so everything is escaped as for filing text.

import type { SendMailOptions } from 'nodemailer';
import type { ReportModel } from '../reports/model.ts';
import { reportSummary } from '../reports/published.ts';
import { renderReport } from '../reports/render/index.ts';
import { headerText, mailDomain, type EmailOptions } from './email.ts';
import { JSON_HEADERS } from './post.ts';
import { mrkdwn, SLACK_LIMITS, type SlackBlock, type SlackButton, type SlackPayload } from './slack.ts';
import { envelope, type CardElement, type OpenUrl, type TeamsPayload } from './teams.ts';
import { reportHeadline, reportNumbers, reportPeriod, truncate } from './text.ts';
import type { ChannelRequest, ReportAlert, ReportDocuments } from './types.ts';
import { signedWebhookRequest } from './webhook.ts';

/** The alert of a stored report: links absolute under `publicUrl`, so they work outside cyber8k. */
export function reportAlert(model: ReportModel, storedAt: Date, messageId: string, publicUrl: string): ReportAlert {
  return { type: 'report.published', id: messageId, timestamp: storedAt.toISOString(), data: reportSummary(model, publicUrl) };
}

/** The report as e-mail carries it; rendered once per event, not per recipient. */
export function reportDocuments(model: ReportModel, publicUrl: string): ReportDocuments {
  return { html: renderReport(model, 'html', { baseUrl: publicUrl }), markdown: renderReport(model, 'md', { baseUrl: publicUrl }) };
}

export function reportWebhookBody(alert: ReportAlert): string {
  return JSON.stringify({ type: alert.type, timestamp: alert.timestamp, ...(alert.test ? { test: true } : {}), data: alert.data });
}

export function reportWebhookRequest(url: string, alert: ReportAlert, secrets: readonly string[], timestampSeconds: number): ChannelRequest {
  return signedWebhookRequest(url, alert.id, reportWebhookBody(alert), secrets, timestampSeconds);
}

/** What a test send of a report says on every channel: the numbers are a sample's, not last week's. */
export const TEST_NOTE = 'Test alert from cyber8k: a sample report of an empty week, not last week’s numbers. Your subscription works.';

/** The report page with the test note at the top of its body (the page is ours: `<body>` is there). */
function withTestBanner(html: string): string {
  return html.replace(/<body([^>]*)>/, (tag) => `${tag}<p style="background:#fff3cd;border:1px solid #e0c36a;padding:8px 12px;font:14px sans-serif">${TEST_NOTE}</p>`);
}

const isHttp = (url: string) => /^https?:\/\//i.test(url);

export function slackReportPayload(alert: ReportAlert): SlackPayload {
  const { links, analyzerVersion } = alert.data;
  const buttons: SlackButton[] = [
    { type: 'button', text: { type: 'plain_text', text: 'Open report' }, url: links.html, action_id: 'open_report', style: 'primary' },
    { type: 'button', text: { type: 'plain_text', text: 'Markdown' }, url: links.md, action_id: 'report_md' },
    { type: 'button', text: { type: 'plain_text', text: 'CSV' }, url: links.csv, action_id: 'report_csv' },
    { type: 'button', text: { type: 'plain_text', text: 'JSON' }, url: links.json, action_id: 'report_json' },
  ].filter((b): b is SlackButton => isHttp(b.url) && b.url.length <= SLACK_LIMITS.buttonUrl) as SlackButton[];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(reportHeadline(alert), SLACK_LIMITS.header), emoji: true } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: mrkdwn(`${reportPeriod(alert)} · analyzer ${analyzerVersion}`, SLACK_LIMITS.sectionText) },
      fields: reportNumbers(alert).map((n) => ({ type: 'mrkdwn' as const, text: mrkdwn(`*${n.label}*\n${n.value}`, SLACK_LIMITS.field) })),
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(`${alert.test ? `${TEST_NOTE} · ` : ''}cyber8k weekly disclosure report · ${alert.timestamp}`, SLACK_LIMITS.sectionText) }] },
  ];
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  const fallback = [reportHeadline(alert, { emoji: false }), reportPeriod(alert), links.html].join(' — ');
  return { text: mrkdwn(fallback, SLACK_LIMITS.text), blocks, unfurl_links: false, unfurl_media: false };
}

export function slackReportRequest(url: string, alert: ReportAlert): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(slackReportPayload(alert)) };
}

export function teamsReportPayload(alert: ReportAlert): TeamsPayload {
  const { links, analyzerVersion } = alert.data;
  const body: CardElement[] = [
    { type: 'TextBlock', text: reportHeadline(alert), wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: `${reportPeriod(alert)} · analyzer ${analyzerVersion}`, wrap: true, isSubtle: true },
    { type: 'FactSet', facts: reportNumbers(alert).map((n) => ({ title: n.label, value: n.value })) },
    ...(alert.test ? [{ type: 'TextBlock' as const, text: TEST_NOTE, wrap: true as const, isSubtle: true }] : []),
  ];
  const actions: OpenUrl[] = [
    { type: 'Action.OpenUrl' as const, title: 'Open report', url: links.html },
    { type: 'Action.OpenUrl' as const, title: 'CSV', url: links.csv },
  ].filter((a) => isHttp(a.url));
  return envelope(body, actions);
}

export function teamsReportRequest(url: string, alert: ReportAlert): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(teamsReportPayload(alert)) };
}

/** `[cyber8k] Weekly report 2024-W08 (19–25 Feb 2024): 3 new incidents`. */
export function reportEmailSubject(alert: ReportAlert): string {
  const n = alert.data.headline.newIncidents;
  return headerText(`${alert.test ? '[TEST] ' : ''}[cyber8k] Weekly report ${alert.data.week} (${reportPeriod(alert).replace(/, by EDGAR filing date$/, '')}): ${n} new incident${n === 1 ? '' : 's'}`);
}

/**
 * The report as a mail: the HTML page as is (self-contained: inline styles and SVG, a table behind
 * every chart for clients that show no SVG) and, for text-only readers, the headline, the links
 * and the Markdown rendering. Its Message-ID comes from the delivery, so a retry is the same mail.
 */
export function emailReportMessage(alert: ReportAlert, documents: ReportDocuments, options: EmailOptions): SendMailOptions & { messageId: string } {
  if (options.to.length === 0) throw new RangeError('an e-mail alert needs at least one recipient');
  const domain = options.domain ?? mailDomain(options.from);
  const { links } = alert.data;
  const text = [
    reportHeadline(alert, { emoji: false }),
    reportPeriod(alert),
    ...(alert.test ? ['', TEST_NOTE] : []),
    '',
    ...reportNumbers(alert).map((n) => `${`${n.label}:`.padEnd(25)}${n.value}`),
    '',
    `HTML: ${links.html}`,
    `CSV:  ${links.csv}`,
    `JSON: ${links.json}`,
    '',
    documents.markdown.trimEnd(),
    '',
    '-- ',
    `cyber8k weekly report ${alert.data.week} · ${alert.test ? 'test alert' : 'alert'} ${alert.id} · ${alert.timestamp}`,
  ].join('\n');
  return {
    from: options.from,
    to: options.to,
    subject: reportEmailSubject(alert),
    text: `${text}\n`,
    html: alert.test ? withTestBanner(documents.html) : documents.html,
    messageId: `<report-${alert.data.week}.${alert.id.replace(/[^A-Za-z0-9_-]/g, '_')}@${domain}>`,
    date: new Date(alert.timestamp),
    headers: {
      'X-Cyber8k-Event': alert.type,
      'X-Cyber8k-Report-Week': alert.data.week,
      'X-Cyber8k-Alert-Id': alert.id,
      ...(alert.test ? { 'X-Cyber8k-Test': 'true' } : {}),
      'Auto-Submitted': 'auto-generated',
    },
  };
}
