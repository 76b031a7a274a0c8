// Sending one AlertMessage to one channel and reading the answer as a ChannelOutcome: the HTTP
// channels POST the formatter's request through the SSRF-checking dispatcher (no redirects, one
// timeout); e-mail goes through the SMTP sender, when one is set up.

import type { Dispatcher } from 'undici';
import { errorMessage } from '../errors.ts';
import { classifyHttp, excerpt, type ChannelOutcome, type ChannelResponse } from './outcome.ts';
import { postChannelRequest } from './post.ts';
import { classifySlackResponse, slackRequest } from './slack.ts';
import { isUrlRefusal } from './ssrf.ts';
import type { Channel } from './subscription.ts';
import type { AlertMessage, ChannelRequest } from './types.ts';
import { webhookRequest } from './webhook.ts';

export interface SendResult {
  outcome: ChannelOutcome;
  status: number | null;
  /** The start of the receiver's answer, for the delivery log. */
  excerpt: string | null;
}

/** Sends e-mail alerts (SMTP_URL, ALERTS_FROM); absent when e-mail is not set up. */
export type EmailSender = (to: string[], message: AlertMessage) => Promise<{ outcome: ChannelOutcome; response: string }>;

export interface ChannelSenderOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  email?: EmailSender;
  /** Formatters and classifiers of channels added later (Teams), by channel type. */
  formatters?: Partial<Record<'teams', { request(url: string, message: AlertMessage): ChannelRequest; classify(response: ChannelResponse, now: Date): ChannelOutcome }>>;
}

export type ChannelSender = (channel: Channel, message: AlertMessage, secrets: readonly string[], now: Date) => Promise<SendResult>;

export function createChannelSender(options: ChannelSenderOptions): ChannelSender {
  return async (channel, message, secrets, now) => {
    if (channel.type === 'email') {
      if (!options.email) return { outcome: { state: 'retry', reason: 'e-mail alerts are not set up on this server (SMTP_URL, ALERTS_FROM)', retryAfterMs: null }, status: null, excerpt: null };
      const sent = await options.email(channel.to, message);
      return { outcome: sent.outcome, status: null, excerpt: excerpt(sent.response) || null };
    }
    let request: ChannelRequest;
    let classify: (response: ChannelResponse, now: Date) => ChannelOutcome = classifyHttp;
    if (channel.type === 'webhook') request = webhookRequest(channel.url, message, secrets, Math.floor(now.getTime() / 1000));
    else if (channel.type === 'slack') {
      request = slackRequest(channel.url, message);
      classify = classifySlackResponse;
    } else {
      const teams = options.formatters?.teams;
      if (!teams) return { outcome: { state: 'retry', reason: 'Teams messages are not available in this version', retryAfterMs: null }, status: null, excerpt: null };
      request = teams.request(channel.url, message);
      classify = teams.classify;
    }
    let response: ChannelResponse;
    try {
      response = await postChannelRequest(request, { dispatcher: options.dispatcher, timeoutMs: options.timeoutMs });
    } catch (err) {
      const refused = isUrlRefusal(err);
      // The URL passed when saved but its name resolves to a refused address now: not retried into.
      if (refused) return { outcome: { state: 'failed', reason: `refused to connect: ${refused.message}` }, status: null, excerpt: null };
      const reason = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError' ? `no answer within ${options.timeoutMs / 1000} s` : `the request failed: ${errorMessage(err)}`;
      return { outcome: { state: 'retry', reason, retryAfterMs: null }, status: null, excerpt: null };
    }
    return { outcome: classify(response, now), status: response.status, excerpt: excerpt(response.body) || null };
  };
}
