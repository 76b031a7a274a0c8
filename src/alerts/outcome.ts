// What a channel's answer means for the delivery, so the delivery job decides retries and
// disabling from one shape whatever the channel: Slack says why in its body, Teams only ever
// says "accepted", and a plain webhook has its status code alone.

export type ChannelOutcome =
  /** The receiver took it (2xx from a webhook or Slack's `ok`). */
  | { state: 'delivered' }
  /** Queued by the receiver, which posts it later or never tells (Teams Workflows' 202): not a failure, not proof of posting. */
  | { state: 'accepted'; reason: string }
  /** Try again on the schedule; `retryAfterMs` is the receiver's own `Retry-After`, when it sent one. */
  | { state: 'retry'; reason: string; retryAfterMs: number | null }
  /** This message can never be delivered as it is (our payload was refused): stop retrying it, tell the operator. */
  | { state: 'failed'; reason: string }
  /** The destination is gone (410, an archived or missing Slack channel): stop retrying and disable the subscription with `reason`. */
  | { state: 'disable'; reason: string };

/** A receiver's answer, as read by the delivery job (at most a short excerpt of the body is needed). */
export interface ChannelResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. Capped at a day. */
export function retryAfterMs(headers: ChannelResponse['headers'], now: Date): number | null {
  const raw = headers['retry-after'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now.getTime(), 0), MAX_RETRY_AFTER_MS);
}

/** The start of a response body for the delivery log: one line, at most `max` characters. */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Status-code rules every HTTP channel shares: 2xx delivered; 410 disables; 408, 425, 429 and 5xx
 * are retried (with Retry-After); a redirect is not followed and counts as a failure to retry,
 * as does any other status (Standard Webhooks: only 2xx is success).
 */
export function classifyHttp(response: ChannelResponse, now: Date): ChannelOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { state: 'delivered' };
  if (status === 410) return { state: 'disable', reason: `the receiver answered 410 Gone: ${excerpt(response.body) || 'the endpoint no longer exists'}` };
  const said = excerpt(response.body);
  if (status >= 300 && status < 400) return { state: 'retry', reason: `the receiver redirected (${status}) and redirects are not followed`, retryAfterMs: null };
  return { state: 'retry', reason: `the receiver answered ${status}${said ? `: ${said}` : ''}`, retryAfterMs: retryAfterMs(response.headers, now) };
}
