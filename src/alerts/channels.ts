// Sending one alert (or one digest) to one channel and reading the answer as a ChannelOutcome:
// the HTTP channels POST the formatter's request through the SSRF-checking dispatcher (no
// redirects, one timeout); e-mail goes through the SMTP transport, when SMTP_URL is set.

import type { Transporter } from 'nodemailer';
import type { Dispatcher } from 'undici';
import { errorMessage } from '../errors.ts';
import { emailDigestMessage, emailMessage, sendEmail } from './email.ts';
import { classifyHttp, excerpt, type ChannelOutcome, type ChannelResponse } from './outcome.ts';
import { postChannelRequest } from './post.ts';
import { classifySlackResponse, slackDigestRequest, slackRequest } from './slack.ts';
import { isUrlRefusal } from './ssrf.ts';
import type { Channel } from './subscription.ts';
import { classifyTeamsResponse, teamsDigestRequest, teamsRequest } from './teams.ts';
import { emailReportMessage, reportWebhookRequest, slackReportRequest, teamsReportRequest } from './report.ts';
import type { AlertDigest, AlertMessage, ChannelRequest, ReportAlert, ReportDocuments } from './types.ts';
import { webhookRequest } from './webhook.ts';

/** One alert, a digest of several (a webhook receives a digest's alerts one by one: see delivery.ts), or a weekly report. */
export type Outgoing = { message: AlertMessage } | { digest: AlertDigest } | { report: ReportAlert; documents: ReportDocuments };

export interface SendResult {
  outcome: ChannelOutcome;
  status: number | null;
  /** The start of the receiver's answer, for the delivery log. */
  excerpt: string | null;
}

export interface ChannelSenderOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** SMTP_URL's transport and ALERTS_FROM; without them e-mail alerts wait, retried. */
  email?: { transport: Transporter; from: string };
}

export type ChannelSender = (channel: Channel, outgoing: Outgoing, secrets: readonly string[], now: Date) => Promise<SendResult>;

type HttpChannel = Exclude<Channel, { type: 'email' }>;

function httpRequest(channel: HttpChannel, outgoing: Outgoing, secrets: readonly string[], now: Date): ChannelRequest {
  if ('report' in outgoing) {
    if (channel.type === 'slack') return slackReportRequest(channel.url, outgoing.report);
    if (channel.type === 'teams') return teamsReportRequest(channel.url, outgoing.report);
    return reportWebhookRequest(channel.url, outgoing.report, secrets, Math.floor(now.getTime() / 1000));
  }
  if (channel.type === 'slack') return 'digest' in outgoing ? slackDigestRequest(channel.url, outgoing.digest) : slackRequest(channel.url, outgoing.message);
  if (channel.type === 'teams') return 'digest' in outgoing ? teamsDigestRequest(channel.url, outgoing.digest) : teamsRequest(channel.url, outgoing.message);
  if ('digest' in outgoing) throw new Error('a webhook receives the alerts of a digest one by one');
  return webhookRequest(channel.url, outgoing.message, secrets, Math.floor(now.getTime() / 1000));
}

const CLASSIFY: Record<HttpChannel['type'], (response: ChannelResponse, now: Date) => ChannelOutcome> = {
  webhook: classifyHttp,
  slack: classifySlackResponse,
  teams: classifyTeamsResponse,
};

export function createChannelSender(options: ChannelSenderOptions): ChannelSender {
  return async (channel, outgoing, secrets, now) => {
    if (channel.type === 'email') {
      if (!options.email) return { outcome: { state: 'retry', reason: 'e-mail alerts are not set up on this server (SMTP_URL, ALERTS_FROM)', retryAfterMs: null }, status: null, excerpt: null };
      const { transport, from } = options.email;
      const to = { from, to: channel.to };
      const mail = 'report' in outgoing ? emailReportMessage(outgoing.report, outgoing.documents, to) : 'digest' in outgoing ? emailDigestMessage(outgoing.digest, to) : emailMessage(outgoing.message, to);
      const sent = await sendEmail(transport, mail);
      return { outcome: sent.outcome, status: null, excerpt: excerpt(sent.response) || null };
    }
    const request = httpRequest(channel, outgoing, secrets, now);
    let response: ChannelResponse;
    try {
      response = await postChannelRequest(request, { dispatcher: options.dispatcher, timeoutMs: options.timeoutMs });
    } catch (err) {
      const refused = isUrlRefusal(err);
      // The URL passed when saved but its name resolves to a refused address now: not retried into.
      if (refused) return { outcome: { state: 'failed', reason: `refused to connect: ${refused.message}` }, status: null, excerpt: null };
      const name = (err as Error).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${options.timeoutMs / 1000} s` : `the request failed: ${errorMessage(err)}`;
      return { outcome: { state: 'retry', reason, retryAfterMs: null }, status: null, excerpt: null };
    }
    return { outcome: CLASSIFY[channel.type](response, now), status: response.status, excerpt: excerpt(response.body) || null };
  };
}
