// Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
// received"): one Adaptive Card 1.4 in the message envelope. Teams rejects cards above 1.4 and
// messages above 28 KB, and answers 202 before it has posted anything — so a 2xx is "accepted",
// never "delivered". The card is kept small (three evidence sentences of at most 1,000
// characters), and shrunk further when pathological text would still pass 28 KB.
// TextBlocks and FactSet facts render a markdown subset (`**bold**`, `_italic_`, `[link](url)`,
// lists) with no reliable escape, so filing text — company names, titles, evidence, changed
// values — goes only into RichTextBlock TextRuns, which Adaptive Cards never read as markdown.
// TextBlocks and facts carry our own words alone.

import { excerpt, classifyHttp, retryAfterMs, type ChannelOutcome, type ChannelResponse } from './outcome.ts';
import { changeLine, companyLine, digestHeadline, fieldLabel, flagLabels, headline, itemLine, materialityLabel, summaryLine, truncate } from './text.ts';
import type { AlertDigest, AlertMessage, ChannelRequest } from './types.ts';
import { JSON_HEADERS } from './post.ts';

/** Teams' limit on a message's size (MicrosoftDocs/msteams-docs #11274), in UTF-8 bytes of the body. */
export const TEAMS_MAX_BYTES = 28 * 1024;
export const ADAPTIVE_CARD_VERSION = '1.4';
const EVIDENCE_SHOWN = 3;
const SENTENCE_MAX = 1000;
const CHANGES_SHOWN = 10;
/** Names and titles are short in practice; this only bounds pathological input before the fitting. */
const TEXT_MAX = 2000;

export type OpenUrl = { type: 'Action.OpenUrl'; title: string; url: string };
type TextStyle = { weight?: 'Bolder'; size?: 'Medium'; color?: 'Attention'; isSubtle?: boolean };
export type TextBlock = { type: 'TextBlock'; text: string; wrap: true; spacing?: 'Medium' } & TextStyle;
/** Text shown as written: a TextRun is never markdown. */
export type TextRun = { type: 'TextRun'; text: string } & TextStyle;
export type RichTextBlock = { type: 'RichTextBlock'; inlines: TextRun[] };
export type CardElement =
  | TextBlock
  | RichTextBlock
  | { type: 'FactSet'; facts: Array<{ title: string; value: string }> }
  | { type: 'Container'; items: Array<TextBlock | RichTextBlock>; separator: true; spacing: 'Medium'; selectAction: OpenUrl };

/** Filing text in a card: plain, whatever markdown it holds. */
export function plainText(text: string, style: TextStyle = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] };
}

/** `**Company:** AT&T Inc.`, the value plain. */
function labelled(label: string, value: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}: `, weight: 'Bolder' }, { type: 'TextRun', text: value }] };
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions: OpenUrl[];
  msteams: { width: 'Full' };
}

export interface TeamsPayload {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

export function envelope(body: CardElement[], actions: OpenUrl[]): TeamsPayload {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: ADAPTIVE_CARD_VERSION, body, actions, msteams: { width: 'Full' } },
      },
    ],
  };
}

/** The card with at most `evidence` sentences and every free text cut to `cap` characters. */
function card(message: AlertMessage, evidence: number, cap: number): TeamsPayload {
  const { incident, filing, changes } = message.data;
  const cut = (text: string, max = cap) => truncate(text, Math.max(Math.min(max, cap), 1)) || '—';
  const flags = flagLabels(incident.flags);
  const facts = [
    { title: 'Items', value: cut(itemLine(message)) },
    { title: 'Materiality', value: materialityLabel(incident.materialImpact) },
    { title: 'Flags', value: flags.length > 0 ? flags.join(', ') : 'none stated' },
    ...(filing ? [{ title: 'Filing', value: cut(`${filing.form} filed ${filing.filedAt}`) }] : []),
  ];
  // The headline names the company when it has no ticker.
  const body: CardElement[] = [
    plainText(cut(headline(message), 300), { weight: 'Bolder', size: 'Medium', ...(incident.materialImpact === 'material' ? { color: 'Attention' as const } : {}) }),
    plainText(cut(incident.title), { isSubtle: true }),
    labelled('Company', cut(companyLine(message))),
    { type: 'FactSet', facts },
  ];
  if (changes.length > 0) {
    body.push(labelled('Changed', cut([...changes.slice(0, CHANGES_SHOWN).map(changeLine), ...(changes.length > CHANGES_SHOWN ? [`and ${changes.length - CHANGES_SHOWN} more`] : [])].join('; '))));
  }
  for (const item of message.data.evidence.slice(0, evidence)) {
    body.push({ type: 'TextBlock', text: `Evidence (${fieldLabel(item.field)})`, wrap: true, weight: 'Bolder', spacing: 'Medium' });
    body.push(plainText(cut(item.sentence, SENTENCE_MAX)));
  }
  if (message.test) body.push({ type: 'TextBlock', text: 'Test alert from cyber8k', wrap: true, isSubtle: true });
  const actions: AdaptiveCard['actions'] = [{ type: 'Action.OpenUrl', title: 'Open incident', url: incident.url }];
  if (filing) actions.push({ type: 'Action.OpenUrl', title: 'SEC filing', url: filing.secUrl });
  return envelope(body, actions);
}

const bytes = (payload: TeamsPayload) => Buffer.byteLength(JSON.stringify(payload), 'utf8');

/**
 * The Workflows message for an alert, at most TEAMS_MAX_BYTES: evidence sentences are dropped
 * from the last, then every free text is cut to the longest length that fits.
 */
export function teamsPayload(message: AlertMessage): TeamsPayload {
  for (let evidence = EVIDENCE_SHOWN; evidence >= 1; evidence--) {
    const payload = card(message, evidence, TEXT_MAX);
    if (bytes(payload) <= TEAMS_MAX_BYTES) return payload;
  }
  let low = 1;
  let high = TEXT_MAX;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes(card(message, 1, mid)) <= TEAMS_MAX_BYTES) low = mid;
    else high = mid - 1;
  }
  const payload = card(message, 1, low);
  // Only URLs are left uncut; two URLs past 28 KB are refused when saved, long before this.
  if (bytes(payload) > TEAMS_MAX_BYTES) throw new RangeError(`a Teams card for ${message.id} cannot be made smaller than ${bytes(payload)} bytes`);
  return payload;
}

/** The POST to a Teams Workflows webhook (its URL carries the signature; nothing to sign). */
export function teamsRequest(url: string, message: AlertMessage): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(teamsPayload(message)) };
}

const DIGEST_SENTENCE_MAX = 300;

function digestCard(digest: AlertDigest, count: number, cap: number): TeamsPayload {
  const cut = (text: string, max: number) => truncate(text, Math.max(Math.min(max, cap), 1)) || '—';
  const body: CardElement[] = [
    { type: 'TextBlock', text: digestHeadline(digest), wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: cut(digest.period, 300), wrap: true, isSubtle: true },
  ];
  for (const message of digest.messages.slice(0, count)) {
    const first = message.data.evidence[0];
    const items: Array<TextBlock | RichTextBlock> = [
      plainText(cut(headline(message), 300), { weight: 'Bolder', ...(message.data.incident.materialImpact === 'material' ? { color: 'Attention' as const } : {}) }),
      plainText(cut(summaryLine(message), TEXT_MAX), { isSubtle: true }),
    ];
    if (first) items.push(plainText(cut(`“${first.sentence}”`, DIGEST_SENTENCE_MAX)));
    // The whole container opens the incident: one tap target per alert, however many alerts.
    body.push({ type: 'Container', items, separator: true, spacing: 'Medium', selectAction: { type: 'Action.OpenUrl', title: 'Open incident', url: message.data.incident.url } });
  }
  const more = digest.messages.length - count;
  if (more > 0) body.push({ type: 'TextBlock', text: `and ${more} more alert${more === 1 ? '' : 's'} in this period`, wrap: true, isSubtle: true });
  return envelope(body, []);
}

/**
 * One card for a digest, one Container per alert (each opening its incident), at most
 * TEAMS_MAX_BYTES: as many alerts as fit are shown and the rest counted; with pathological text
 * the first alert's texts are cut instead.
 */
export function teamsDigestPayload(digest: AlertDigest): TeamsPayload {
  const fits = (count: number, cap: number) => bytes(digestCard(digest, count, cap)) <= TEAMS_MAX_BYTES;
  let low = 0;
  let high = digest.messages.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid, TEXT_MAX)) low = mid;
    else high = mid - 1;
  }
  if (low > 0 || digest.messages.length === 0) return digestCard(digest, low, TEXT_MAX);
  let capLow = 1;
  let capHigh = TEXT_MAX;
  while (capLow < capHigh) {
    const mid = Math.ceil((capLow + capHigh) / 2);
    if (fits(1, mid)) capLow = mid;
    else capHigh = mid - 1;
  }
  return fits(1, capLow) ? digestCard(digest, 1, capLow) : digestCard(digest, 0, TEXT_MAX);
}

export function teamsDigestRequest(url: string, digest: AlertDigest): ChannelRequest {
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(teamsDigestPayload(digest)) };
}

/**
 * What a Workflows webhook's answer means. Any 2xx (202 in practice) is `accepted`: the flow runs
 * later and may still fail to post, which the sender never learns. A missing or refused flow
 * (401/403/404/410) disables the subscription; a card Teams refuses (400/413) fails unretried;
 * throttling (429) and server errors retry.
 */
export function classifyTeamsResponse(response: ChannelResponse, now: Date): ChannelOutcome {
  const { status } = response;
  const said = excerpt(response.body);
  if (status >= 200 && status < 300) return { state: 'accepted', reason: `Teams accepted the card (${status}); the workflow posts it asynchronously and does not confirm` };
  if (status === 401 || status === 403) return { state: 'disable', reason: `the Teams workflow refused the webhook URL (${status}${said ? `: ${said}` : ''}): its signature was changed or the flow was turned off` };
  if (status === 404 || status === 410) return { state: 'disable', reason: `the Teams workflow no longer exists (${status}${said ? `: ${said}` : ''})` };
  if (status === 400 || status === 413) return { state: 'failed', reason: `Teams refused the card (${status}${said ? `: ${said}` : ''}): a payload bug, not retried` };
  if (status === 429) return { state: 'retry', reason: 'Teams throttled the workflow (429)', retryAfterMs: retryAfterMs(response.headers, now) };
  return classifyHttp(response, now);
}
