import type { JobRow } from '../../../db/repositories/jobs.ts';
import type { PollSourceStatus } from '../../../db/repositories/poll-state.ts';
import { feedSource } from '../../../src/ingest/feed-poller.ts';
import { badge, dash, timestamp } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';

export interface HealthView {
  polling: boolean;
  leader: boolean;
  breaker: { open: boolean; pausedUntil: string | null; trips: number } | null;
  sources: PollSourceStatus[];
  queue: Array<{ kind: string; state: string; count: number }>;
  dead: JobRow[];
  alerts: { pending: number; scheduled: number; oldestPendingSeconds: number | null; disabledCount: number; disabled: Array<{ id: number; name: string; reason: string | null; since: Date }> };
}

/** `42 s`, `7 min`, `3.5 h`, `2.0 d` */
export function age(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

export function healthPage(h: HealthView): SafeHtml {
  const totals = { queued: 0, running: 0, retrying: 0, dead: 0 } as Record<string, number>;
  for (const q of h.queue) totals[q.state] = (totals[q.state] ?? 0) + q.count;
  // The live feed's lag; the nightly reconciliation and other sources are read on their own schedule (table below).
  const feeds = h.sources.filter((s) => s.source.startsWith(feedSource('')));
  const worstLag = Math.max(-1, ...feeds.map((s) => s.ageSeconds ?? -1));
  return html`<h1>Health</h1>
<div class="cards">
<div class="card"><div class="k">Feed lag (slowest EDGAR feed)</div><div class="v" id="feed-lag">${worstLag < 0 ? '–' : age(worstLag)}</div><div class="note">${h.polling ? (h.leader ? 'this instance polls EDGAR' : 'another instance polls EDGAR') : 'this process does not poll'}</div></div>
<div class="card"><div class="k">Queue</div><div class="v" id="queue-depth">${totals.queued ?? 0}</div><div class="note">queued · ${totals.running ?? 0} running</div></div>
<div class="card"><div class="k">Dead jobs</div><div class="v" id="dead-jobs">${totals.dead ?? 0}</div><div class="note">out of attempts: <code>cyber8k jobs retry</code></div></div>
<div class="card"><div class="k">Alerts waiting</div><div class="v">${h.alerts.pending}</div><div class="note">oldest ${age(h.alerts.oldestPendingSeconds)} · ${h.alerts.scheduled} held for digests</div></div>
<div class="card"><div class="k">Disabled subscriptions</div><div class="v" id="disabled-subscriptions">${h.alerts.disabledCount}</div><div class="note">alerts no longer go to them</div></div>
${h.breaker ? html`<div class="card"><div class="k">EDGAR rate limit</div><div class="v">${h.breaker.open ? badge('paused', 'failed') : badge('ok', 'ok')}</div><div class="note">${h.breaker.trips} trips${h.breaker.pausedUntil ? ` · until ${h.breaker.pausedUntil}` : ''}</div></div>` : ''}
</div>
<h2>Feed sources</h2>
${h.sources.length ? html`<div class="table-wrap"><table><thead><tr><th>Source</th><th>Last read</th><th>Lag</th><th>Last error</th></tr></thead><tbody>${h.sources.map(
    (s) => html`<tr><td>${s.source}</td><td class="nowrap">${timestamp(s.lastSuccessAt)}</td><td class="num">${age(s.ageSeconds)}</td><td>${dash(s.lastError)}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">No source read yet.</p>`}
<h2>Queue by kind</h2>
${h.queue.length ? html`<div class="table-wrap"><table><thead><tr><th>Kind</th><th>State</th><th class="num">Jobs</th></tr></thead><tbody>${h.queue.map(
    (q) => html`<tr><td>${q.kind}</td><td>${badge(q.state)}</td><td class="num">${q.count}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">The queue is empty.</p>`}
<h2>Dead jobs</h2>
${h.dead.length ? html`<div class="table-wrap"><table><thead><tr><th>Kind</th><th>Key</th><th class="num">Attempts</th><th>Last error</th><th>Since</th></tr></thead><tbody>${h.dead.map(
    (j) => html`<tr><td>${j.kind}</td><td>${j.key}</td><td class="num">${j.attempts}</td><td>${dash(j.lastError)}</td><td class="nowrap">${timestamp(j.finishedAt ?? j.updatedAt)}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">None.</p>`}
<h2>Disabled subscriptions</h2>
${h.alerts.disabled.length ? html`<p class="note">Names and reasons are on the Subscriptions page, to the key that owns them.</p><div class="table-wrap"><table><thead><tr><th>Id</th><th>Since</th></tr></thead><tbody>${h.alerts.disabled.map(
    (d) => html`<tr><td class="num">${d.id}</td><td class="nowrap">${timestamp(d.since)}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">None.</p>`}`;
}
