import type { DeliveryRow, SubscriptionRow } from '../../../db/repositories/subscriptions.ts';
import { displayChannel } from '../../../src/alerts/subscription.ts';
import { SECTORS } from '../../../src/companies/sectors.ts';
import { FLAG_NAMES } from '../../schemas/incident.ts';
import { badge, dash, FLAG_LABELS, timestamp } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The page itself needs no key: the key is typed here, kept in this tab's sessionStorage by
 * dashboard.js and sent as a Bearer header on the htmx requests below, which answer as /v1 does
 * (401 without a key, 403 for a read-only one).
 */
export function subscriptionsPage(): SafeHtml {
  return html`<h1>Subscriptions</h1>
<form id="key-form" class="filters" autocomplete="off">
<label class="wide">API key (scope alerts or admin; kept in this browser tab only, never sent in a URL)
<input type="password" name="key" placeholder="c8k_…" maxlength="200" autocomplete="off" required></label>
<div class="actions wide"><button type="submit">Use this key</button><button type="button" class="secondary" id="key-forget">Forget key</button><span id="key-state" class="muted"></span></div>
</form>
<section data-needs-key hidden>
<h2>New subscription</h2>
<form id="create-form" class="filters" hx-post="/subscriptions" hx-target="#subscriptions" hx-swap="outerHTML">
<label>Name<input name="name" required maxlength="200" placeholder="Telecom watchlist"></label>
<label>Channel<select name="type"><option value="webhook">Webhook (signed)</option><option value="slack">Slack</option><option value="teams">Microsoft Teams</option><option value="email">E-mail</option></select></label>
<label class="wide">URL (webhook, Slack, Teams)<input name="url" type="url" maxlength="2048" placeholder="https://example.com/cyber8k"></label>
<label class="wide">E-mail recipients (comma-separated)<input name="to" maxlength="2000" placeholder="soc@example.com"></label>
<label>Tickers<input name="tickers" maxlength="500" placeholder="UNH, T"></label>
<label>Sector<select name="sectors"><option value="">Any sector</option>${SECTORS.map((s) => html`<option value="${s.name}">${s.title}</option>`)}</select></label>
<label>Item<select name="items"><option value="">Any item</option><option value="1.05">1.05</option><option value="8.01">8.01</option><option value="7.01">7.01</option></select></label>
<fieldset class="wide"><legend>Only with (any of)</legend>${FLAG_NAMES.map((f) => html`<label><input type="checkbox" name="flags" value="${f}"> ${FLAG_LABELS[f]}</label>`)}</fieldset>
<label>Daily digest at (empty: each alert at once)<input name="digestAt" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" placeholder="08:00" maxlength="5"></label>
<label>Time zone of the digest<input name="timezone" maxlength="64" value="America/New_York"></label>
<div class="actions wide"><button type="submit">Subscribe</button></div>
</form>
<h2>Your subscriptions</h2>
<section id="subscriptions" hx-get="/subscriptions/list" hx-trigger="c8k-key from:body" hx-swap="outerHTML"><p class="muted">Loading…</p></section>
</section>`;
}

function channelText(row: SubscriptionRow): string {
  const c = displayChannel(row.channel);
  return `${c.type}${c.url ? ` ${c.url}` : ''}${c.to ? ` ${c.to.join(', ')}` : ''}`;
}

function filterText(row: SubscriptionRow): string {
  const f = row.filter as unknown as Record<string, unknown>;
  const parts = Object.entries(f)
    .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return parts.length ? parts.join(' · ') : 'every incident';
}

/** What the list says above itself after an action: what was done, and a secret shown only now. */
export interface ListNotice {
  text: string;
  secret?: string | null;
}

/** The list, and after an action its notice (a create's or a rotation's one-time secret). */
export function subscriptionList(rows: SubscriptionRow[], notice?: ListNotice): SafeHtml {
  return html`<section id="subscriptions" hx-get="/subscriptions/list" hx-trigger="c8k-key from:body" hx-swap="outerHTML">
${notice ? html`<div class="notice" role="status">${notice.text}${notice.secret ? html` Its signing secret, shown only now: <span class="secret">${notice.secret}</span>` : ''}</div>` : ''}
${rows.length ? html`<div class="table-wrap"><table class="subscriptions"><thead><tr><th>Id</th><th>Name</th><th>Channel</th><th>Alerts on</th><th>Mode</th><th>State</th><th></th></tr></thead><tbody>${rows.map(
    (r) => html`<tr data-subscription="${r.id}"><td class="num">${r.id}</td><td>${r.name}</td><td>${channelText(r)}</td><td>${filterText(r)}</td><td>${r.mode === 'instant' ? 'instant' : `digest ${(r.mode as { digest: { at: string; timezone: string } }).digest.at} ${(r.mode as { digest: { at: string; timezone: string } }).digest.timezone}`}</td>
<td>${r.disabledAt ? html`${badge('disabled')} <span class="note">${dash(r.disabledReason)}</span>` : badge('enabled', 'ok')}</td>
<td class="actions"><button type="button" hx-post="/subscriptions/${r.id}/test" hx-target="#log" hx-swap="outerHTML">Send test</button><button type="button" class="secondary" hx-get="/subscriptions/${r.id}/deliveries" hx-target="#log" hx-swap="outerHTML">Delivery log</button>${rowActions(r)}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">No subscription yet.</p>`}
<section id="log"></section>
</section>`;
}

/** Pause or resume, rotate a webhook's secret, delete: each answers with the list and a notice. */
function rowActions(r: SubscriptionRow): SafeHtml {
  const swap = html` hx-target="#subscriptions" hx-swap="outerHTML"`;
  return html`${r.disabledAt
    ? html`<button type="button" class="secondary" hx-post="/subscriptions/${r.id}/resume"${swap}>Resume</button>`
    : html`<button type="button" class="secondary" hx-post="/subscriptions/${r.id}/pause"${swap}>Pause</button>`}${r.channel.type === 'webhook'
    ? html`<button type="button" class="secondary" hx-post="/subscriptions/${r.id}/rotate-secret" hx-confirm="Replace the signing secret of “${r.name}”? The old one keeps signing for 24 hours."${swap}>Rotate secret</button>`
    : ''}<button type="button" class="danger" hx-delete="/subscriptions/${r.id}" hx-confirm="Delete “${r.name}” and its delivery log?"${swap}>Delete</button>`;
}

const settled = new Set(['delivered', 'accepted', 'failed', 'cancelled']);

/** How soon a send must be due for the log to ask again by itself; a retry hours away is not watched. */
const WATCH_MS = 30_000;

/**
 * A subscription's delivery log; while a send is due within WATCH_MS it asks again each second
 * (a retry waiting up to 10 h would otherwise poll all that time).
 */
export function deliveryLog(subscription: SubscriptionRow, rows: DeliveryRow[], now: Date): SafeHtml {
  const waiting = rows.some(
    (r) => !settled.has(r.state) && r.state !== 'scheduled' && (r.nextAttemptAt === null || r.nextAttemptAt.getTime() - now.getTime() <= WATCH_MS),
  );
  return html`<section id="log" data-subscription="${subscription.id}"${waiting ? html` hx-get="/subscriptions/${subscription.id}/deliveries" hx-trigger="load delay:1s" hx-swap="outerHTML"` : ''}>
<h2>Delivery log: ${subscription.name}</h2>
${rows.length ? html`<div class="table-wrap"><table class="deliveries"><thead><tr><th>Id</th><th>Alert</th><th>State</th><th class="num">Attempts</th><th>Last answer</th><th>Last attempt</th><th>Delivered</th><th></th></tr></thead><tbody>${rows.map(
    (d) => html`<tr data-delivery="${d.id}" data-state="${d.state}"><td class="num">${d.id}</td><td>${d.kind === 'test' ? 'test message' : `event ${d.eventId ?? ''}`}</td><td>${badge(d.state)}</td><td class="num">${d.attempts}</td>
<td>${d.lastStatus !== null ? `HTTP ${d.lastStatus}` : ''}${d.lastError ? html` <span class="note">${d.lastError}</span>` : ''}${d.responseExcerpt ? html`<div class="note">${d.responseExcerpt}</div>` : ''}</td>
<td class="nowrap">${timestamp(d.lastAttemptAt)}</td><td class="nowrap">${timestamp(d.deliveredAt)}</td>
<td>${settled.has(d.state) ? html`<button type="button" class="secondary" hx-post="/deliveries/${d.id}/replay" hx-target="#log" hx-swap="outerHTML">Replay</button>` : ''}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">Nothing sent yet.</p>`}
</section>`;
}
