// Slack incoming-webhook messages in Block Kit, and what Slack's answers mean. Filing text and
// company names ("AT&T", but also "*NSYNC", "_x_" or "<!channel>") go only into plain_text
// objects, which Slack neither formats nor reads links and mentions in: mrkdwn has no escape for
// `*`, `_`, `~` or backticks, and unless `verbatim` it links bare `@here`-style mentions and
// channel names. plain_text is sent as written, with `emoji: false` so `:x:` in a name stays
// text. mrkdwn carries only our own words (the bold field labels, the timestamp line); there and in
// the fallback `text` (a notification preview: plain filing text) `&`, `<` and `>` are escaped —
// only those three, as Slack decodes no other entity.

import { excerpt, classifyHttp, retryAfterMs, type ChannelOutcome, type ChannelResponse } from './outcome.ts';
import { changeLine, companyLine, digestHeadline, fieldLabel, flagLabels, headline, itemLine, materialityLabel, summaryLine, truncate } from './text.ts';
import type { AlertDigest, AlertMessage, ChannelRequest } from './types.ts';
import { JSON_HEADERS } from './post.ts';

/** Block Kit limits the message is built within (api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = { header: 150, sectionText: 3000, field: 2000, fields: 10, contextElements: 10, buttonText: 75, buttonUrl: 3000, blocks: 50, text: 4000 } as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export type SlackText = PlainText | Mrkdwn;
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: SlackText; fields?: SlackText[]; accessory?: SlackButton }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
  style?: 'primary' | 'danger';
}

export interface SlackPayload {
  /** The notification and fallback text (screen readers, clients without blocks). */
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Slack's escaping: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, nothing else. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped mrkdwn of at most `max` characters: cut before escaping grows it, never inside an entity. */
export function mrkdwn(raw: string, max: number): string {
  const escaped = slackEscape(raw);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of raw) {
    const piece = slackEscape(char);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Filing text as Slack shows it: never formatted, linked or mentioned; at most `max` characters, never empty. */
export function plain(raw: string, max: number): PlainText {
  return { type: 'plain_text', text: truncate(raw.trim() || '—', max), emoji: false };
}

/** A field of our own words (labels and values cyber8k writes, never filing text), its label bold. */
const field = (label: string, value: string): Mrkdwn => ({ type: 'mrkdwn', text: mrkdwn(`*${label}*\n${value}`, SLACK_LIMITS.field) });

export function slackPayload(message: AlertMessage): SlackPayload {
  const { incident, filing, changes, evidence } = message.data;
  const flags = flagLabels(incident.flags);
  const blocks: SlackBlock[] = [
    // The headline names the company when it has no ticker; its own emoji is a character already.
    { type: 'header', text: { type: 'plain_text', text: truncate(headline(message), SLACK_LIMITS.header), emoji: false } },
    {
      type: 'section',
      // The company and the title come from the filing: plain text, above the fields.
      text: plain(`${companyLine(message)}\n${incident.title.trim() || '—'}`, SLACK_LIMITS.sectionText),
      fields: [
        field('Items', itemLine(message)),
        field('Materiality', materialityLabel(incident.materialImpact)),
        field('Flags', flags.length > 0 ? flags.join(', ') : 'none stated'),
        ...(filing ? [field('Filing', `${filing.form} filed ${filing.filedAt}`)] : []),
      ],
    },
  ];
  const first = evidence[0];
  if (first) blocks.push({ type: 'section', text: plain(`Evidence (${fieldLabel(first.field)}):\n“${first.sentence}”`, SLACK_LIMITS.sectionText) });
  const context: SlackText[] = [];
  // A changed title is filing text.
  if (changes.length > 0) context.push(plain(`Changed: ${changes.map(changeLine).join('; ')}`, SLACK_LIMITS.sectionText));
  context.push({ type: 'mrkdwn', text: mrkdwn(`${message.test ? 'Test alert · ' : ''}cyber8k · ${message.timestamp}`, SLACK_LIMITS.sectionText) });
  blocks.push({ type: 'context', elements: context });
  const buttons: SlackButton[] = [{ type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: incident.url, action_id: 'open_incident', style: 'primary' }];
  if (filing) buttons.push({ type: 'button', text: { type: 'plain_text', text: 'SEC filing' }, url: filing.secUrl, action_id: 'sec_filing' });
  const linkable = buttons.filter((b) => b.url.length <= SLACK_LIMITS.buttonUrl);
  if (linkable.length > 0) blocks.push({ type: 'actions', elements: linkable });

  const fallback = [headline(message, { emoji: false }), companyLine(message), first ? `“${first.sentence}”` : null, incident.url].filter(Boolean).join(' — ');
  return { text: mrkdwn(fallback, SLACK_LIMITS.text), blocks, unfurl_links: false, unfurl_media: false };
}

/** The POST to a Slack incoming webhook (the URL is the secret; it carries no signature). */
export function slackRequest(url: string, message: AlertMessage): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(slackPayload(message)) };
}

/** Evidence shown per alert in a digest, so dozens of alerts stay readable. */
const DIGEST_SENTENCE_MAX = 300;

/**
 * One message for a digest: a header, the period, then one section per alert (headline, company,
 * items, materiality, first evidence sentence, and a button to the incident). Block Kit allows 50
 * blocks, so past 47 alerts the rest are counted in a last line.
 */
export function slackDigestPayload(digest: AlertDigest): SlackPayload {
  const room = SLACK_LIMITS.blocks - 3;
  const shown = digest.messages.slice(0, room);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(digestHeadline(digest), SLACK_LIMITS.header), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(digest.period.trim() || '—', SLACK_LIMITS.sectionText) }] },
  ];
  shown.forEach((message, i) => {
    const first = message.data.evidence[0];
    // The headline names the company, and the rest is filing text too: all plain.
    const lines = [headline(message), summaryLine(message), ...(first ? [`“${truncate(first.sentence, DIGEST_SENTENCE_MAX)}”`] : [])];
    const section: Extract<SlackBlock, { type: 'section' }> = { type: 'section', text: plain(lines.join('\n'), SLACK_LIMITS.sectionText) };
    if (message.data.incident.url.length <= SLACK_LIMITS.buttonUrl) section.accessory = { type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: message.data.incident.url, action_id: `open_incident_${i}` };
    blocks.push(section);
  });
  const more = digest.messages.length - shown.length;
  if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${more} more alert${more === 1 ? '' : 's'} in this period` }] });
  const fallback = `${digestHeadline(digest, { emoji: false })} (${digest.period}): ${digest.messages.map((m) => headline(m, { emoji: false })).join('; ')}`;
  return { text: mrkdwn(fallback, SLACK_LIMITS.text), blocks, unfurl_links: false, unfurl_media: false };
}

export function slackDigestRequest(url: string, digest: AlertDigest): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(slackDigestPayload(digest)) };
}

// Incoming-webhook errors (api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks):
// the channel or the hook is gone — retrying cannot help and every later message would fail too.
const GONE: Record<string, string> = {
  channel_is_archived: 'the Slack channel was archived',
  channel_not_found: 'the Slack channel no longer exists',
  no_service: 'the Slack webhook was removed or disabled',
  no_service_id: 'the Slack webhook URL is not a webhook',
  no_team: 'the Slack workspace no longer exists',
  team_disabled: 'the Slack workspace was disabled',
  invalid_token: 'the Slack webhook token was revoked',
  action_prohibited: 'a Slack admin has restricted posting through this webhook',
  posting_to_general_channel_denied: 'only admins may post to this Slack channel',
};

/** What Slack's answer means: `ok` delivered; a gone channel or hook (and any 404/410) disables with the reason; a refused payload fails without retries; 429/5xx retry. */
export function classifySlackResponse(response: ChannelResponse, now: Date): ChannelOutcome {
  const token = response.body.trim();
  if (response.status >= 200 && response.status < 300) return { state: 'delivered' };
  const gone = GONE[token];
  if (gone) return { state: 'disable', reason: `${gone} (Slack answered ${response.status} ${token})` };
  if (response.status === 404 || response.status === 410) return { state: 'disable', reason: `the Slack webhook answered ${response.status}${token ? ` ${excerpt(token)}` : ''}: it no longer exists` };
  if (response.status === 403) return { state: 'disable', reason: `Slack refused the webhook (403${token ? ` ${excerpt(token)}` : ''})` };
  if (response.status === 400 || response.status === 413) return { state: 'failed', reason: `Slack refused the message (${response.status}${token ? ` ${excerpt(token)}` : ''}): a payload bug, not retried` };
  if (response.status === 429) return { state: 'retry', reason: 'Slack rate-limited the webhook (429)', retryAfterMs: retryAfterMs(response.headers, now) };
  return classifyHttp(response, now);
}
