import type { IncidentSummary, IncidentWithFilings } from '../../../db/repositories/incidents.ts';
import type { FilingRow, SearchHit } from '../../../db/repositories/filings.ts';
import { SECTORS, sectorsOf } from '../../../src/companies/sectors.ts';
import { INCIDENT_STATUSES } from '../../../src/incidents/facts.ts';
import { MATERIAL_IMPACTS } from '../../../src/alerts/subscription.ts';
import { FLAG_NAMES } from '../../schemas/incident.ts';
import { EARLIEST_QUERY_DATE } from '../../schemas/common.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { badge, dash, factLabel, FLAG_LABELS, flagList, materiality, query, secUrl, shortTitle, timestamp } from '../format.ts';
import { evidenceBySentence, highlightEvidence } from '../highlight.ts';

/** What the incidents list's form sends (every field optional; blanks are no filter). */
export interface ListQuery {
  q?: string;
  ticker?: string;
  sector?: string;
  item?: string;
  materialImpact?: string;
  status?: string;
  flag?: string[];
  since?: string;
  until?: string;
  cursor?: string;
}

const ITEMS = [
  ['1.05', '1.05 Material incident'],
  ['8.01', '8.01 Other events'],
  ['7.01', '7.01 Reg FD'],
] as const;

const STATUS_LABELS: Record<string, string> = { open: 'Open', updated: 'Updated', escalated: 'Escalated to 1.05', retracted: 'Retracted' };

function options(values: ReadonlyArray<readonly [string, string]>, selected: string | undefined, any: string): SafeHtml {
  return html`<option value="">${any}</option>${values.map(([v, label]) => html`<option value="${v}"${v === selected ? raw(' selected') : ''}>${label}</option>`)}`;
}

/**
 * The filters: a GET form to `/` that works without JavaScript; with htmx each change (typing
 * waits 300 ms) swaps only the results and pushes the URL, so the address bar can be shared.
 */
export function filtersForm(q: ListQuery, action = '/'): SafeHtml {
  const flags = new Set(q.flag ?? []);
  return html`<form class="filters" method="get" action="${action}" role="search" hx-get="${action}" hx-target="#results" hx-swap="outerHTML" hx-trigger="input delay:300ms, submit" hx-push-url="true" hx-sync="this:replace" hx-indicator="#searching">
<label class="wide">Search filings and incidents
<input type="search" name="q" value="${q.q ?? ''}" placeholder="ransomware, &quot;threat actor&quot;, vendor…" maxlength="500" autocomplete="off" id="q"></label>
<label>Ticker<input name="ticker" value="${q.ticker ?? ''}" maxlength="12" autocomplete="off" placeholder="UNH"></label>
<label>Sector<select name="sector">${options(SECTORS.map((s) => [s.name, s.title] as const), q.sector, 'Any sector')}</select></label>
<label>Item<select name="item">${options(ITEMS, q.item, 'Any item')}</select></label>
<label>Materiality<select name="materialImpact">${options(MATERIAL_IMPACTS.map((m) => [m, materiality(m)] as const), q.materialImpact, 'Any')}</select></label>
<label>Status<select name="status">${options(INCIDENT_STATUSES.map((s) => [s, STATUS_LABELS[s] ?? s] as const), q.status, 'Any status')}</select></label>
<label>First disclosed from<input type="date" name="since" value="${q.since ?? ''}" min="${EARLIEST_QUERY_DATE}" max="9999-12-31"></label>
<label>to<input type="date" name="until" value="${q.until ?? ''}" min="${EARLIEST_QUERY_DATE}" max="9999-12-31"></label>
<fieldset class="wide"><legend>Stated in a filing (all of)</legend>${FLAG_NAMES.map(
    (f) => html`<label><input type="checkbox" name="flag" value="${f}"${flags.has(f) ? raw(' checked') : ''}> ${FLAG_LABELS[f]}</label>`,
  )}</fieldset>
<div class="actions wide"><button type="submit">Apply</button><a href="${action}">Clear</a><span id="searching" class="htmx-indicator muted">Searching…</span></div>
</form>`;
}

export type ListedIncident = IncidentSummary & { search?: SearchHit };

function incidentRow(i: ListedIncident): SafeHtml {
  const tickers = i.tickers.length ? html` <span class="muted">${i.tickers.join(', ')}</span>` : '';
  const sectors = sectorsOf(i.sic);
  return html`<tr data-incident="${i.id}">
<td data-label="Company"><a href="/companies/${i.cik}">${i.companyName}</a>${tickers}</td>
<td data-label="Incident"><a href="/incidents/${i.id}">${shortTitle(i.title, i.companyName)}</a>${i.search?.snippet ? html`<div class="snippet">${raw(i.search.snippet)}</div>` : ''}</td>
<td data-label="Status">${badge(STATUS_LABELS[i.status] ?? i.status, i.status)}</td>
<td data-label="Items" class="nowrap">${dash(i.itemPath)}</td>
<td data-label="Materiality">${i.facts.materialImpact === 'material' ? badge('Material', 'material') : materiality(i.facts.materialImpact)}</td>
<td data-label="First disclosed" class="nowrap">${dash(i.facts.firstDisclosedAt)}</td>
<td data-label="Last filing" class="nowrap">${dash(i.facts.lastFiledAt)}</td>
<td data-label="Sector">${sectors.length ? sectors.map((s) => html`<a href="/sectors/${s}">${s}</a> `) : html`<span class="muted">${i.sic ? `SIC ${i.sic}` : '–'}</span>`}</td>
<td data-label="Flags">${flagList(i.facts.flags)}</td>
</tr>`;
}

/** The results: what htmx swaps in as the filters change. `base` is the page the filters belong to. */
export function incidentResults(rows: ListedIncident[], next: string | null, q: ListQuery, base = '/'): SafeHtml {
  const { cursor: _cursor, ...filters } = q;
  const more = next ? `${base}${query({ ...filters, cursor: next })}` : null;
  // Cursors only run forwards; the way back is the first page with the same filters (and the
  // browser's back button, since each page is pushed to the history).
  const first = q.cursor ? `${base}${query(filters)}` : null;
  const searching = Boolean(q.q);
  return html`<section id="results" aria-live="polite">
<p class="muted" id="result-count">${rows.length === 0 ? 'No incident matches these filters.' : `${rows.length}${next ? '+' : ''} incident${rows.length === 1 ? '' : 's'}${searching ? ', best match first' : ', most recent activity first'}${q.cursor ? ' (next page)' : ''}`}</p>
${rows.length ? html`<div class="table-wrap"><table class="incidents"><thead><tr><th>Company</th><th>Incident</th><th>Status</th><th>Items</th><th>Materiality</th><th>First disclosed</th><th>Last filing</th><th>Sector</th><th>Flags</th></tr></thead><tbody>
${rows.map(incidentRow)}
</tbody></table></div>` : ''}
${first || more ? html`<div class="pager">${first ? html`<a href="${first}" hx-get="${first}" hx-target="#results" hx-swap="outerHTML" hx-push-url="true">← First page</a>` : ''}${more ? html`<a href="${more}" hx-get="${more}" hx-target="#results" hx-swap="outerHTML" hx-push-url="true">Next page →</a>` : ''}</div>` : ''}
</section>`;
}

export function incidentsPage(rows: ListedIncident[], next: string | null, q: ListQuery): SafeHtml {
  return html`<h1>Cybersecurity incidents disclosed to the SEC</h1>
${filtersForm(q)}
${incidentResults(rows, next, q)}`;
}

const DATE_LABELS: Record<string, string> = { began: 'Began', detected: 'Detected', determinedMaterial: 'Determined material', contained: 'Contained' };
const ROLE_LABELS: Record<string, string> = { original: 'Original disclosure', amendment: 'Amendment', update: 'Update', escalation: 'Escalation to Item 1.05', periodic: 'Periodic report' };

/** An incident with each of its filings, in order, as the page shows it. */
export interface IncidentTimelineEntry {
  link: IncidentWithFilings['filings'][number];
  filing: FilingRow | undefined;
}

function filingText(filing: FilingRow): { text: string; source: string } {
  if (filing.item105Text) return { text: filing.item105Text, source: 'Item 1.05 of the filing' };
  const statements = filing.analysis?.statements ?? [];
  return { text: [...new Set(statements.map((s) => s.text))].join('\n'), source: 'passages of the filing the analyzer read' };
}

function timelineEntry({ link, filing }: IncidentTimelineEntry, cik: string): SafeHtml {
  const analysis = filing?.analysis ?? null;
  const evidence = evidenceBySentence(analysis?.evidence ?? {});
  const { text, source } = filing ? filingText(filing) : { text: '', source: '' };
  const marked = highlightEvidence(text, evidence);
  const dates = analysis ? Object.entries(analysis.dates).filter(([, v]) => v) : [];
  return html`<li id="filing-${link.accessionNumber}">
<h3>${link.filedAt} · ${link.form}${link.items.length ? ` (items ${link.items.join(', ')})` : ''} · ${ROLE_LABELS[link.role] ?? link.role}</h3>
<p class="note">Accession <a href="${secUrl(cik, link.accessionNumber)}" rel="noopener">${link.accessionNumber}</a> on SEC EDGAR · linked ${link.linkedBy === 'user' ? 'by a reviewer' : 'automatically'}: ${link.reason} (confidence ${Math.round(link.confidence * 100)} %)</p>
${analysis ? html`<dl class="facts">
<div><dt>Item</dt><dd>${dash(analysis.item)}</dd></div>
<div><dt>Materiality</dt><dd>${materiality(analysis.materialImpact)}</dd></div>
${dates.map(([k, v]) => html`<div><dt>${DATE_LABELS[k] ?? k}</dt><dd>${v}</dd></div>`)}
<div><dt>Flags</dt><dd>${flagList(analysis.flags)}</dd></div>
</dl>` : html`<p class="muted">Not analyzed yet.</p>`}
${evidence.length ? html`<h4>Evidence</h4><ul class="evidence">${evidence.map((e) => html`<li><b>${e.facts.map(factLabel).join(', ')}</b>: <mark>${e.sentence}</mark></li>`)}</ul>` : ''}
${text ? html`<details open><summary>The filing’s text (${source}), evidence highlighted</summary><div class="filing-text">${marked.text}</div></details>` : ''}
</li>`;
}

export function incidentPage(incident: IncidentWithFilings, timeline: IncidentTimelineEntry[]): SafeHtml {
  const f = incident.facts;
  const dated = Object.entries(f.dates).filter(([, v]) => v) as Array<[string, { date: string; accessionNumber: string; evidence: string | null }]>;
  return html`<p class="note"><a href="/">← All incidents</a></p>
<h1>${incident.title}</h1>
<p><a href="/companies/${incident.cik}">${incident.companyName}</a>${incident.tickers.length ? html` <span class="muted">${incident.tickers.join(', ')}</span>` : ''} · ${badge(STATUS_LABELS[incident.status] ?? incident.status, incident.status)}</p>
<dl class="facts">
<div><dt>Items</dt><dd>${dash(incident.itemPath)}</dd></div>
<div><dt>Materiality</dt><dd>${materiality(f.materialImpact)}</dd></div>
<div><dt>First disclosed</dt><dd>${dash(f.firstDisclosedAt)}</dd></div>
<div><dt>Last filing</dt><dd>${dash(f.lastFiledAt)}</dd></div>
${dated.map(([k, v]) => html`<div><dt>${DATE_LABELS[k] ?? k}</dt><dd><a href="#filing-${v.accessionNumber}">${v.date}</a></dd></div>`)}
${f.timeliness.businessDaysToItem105 !== null ? html`<div><dt>Determination → Item 1.05</dt><dd>${f.timeliness.businessDaysToItem105} business days${f.timeliness.withinFourBusinessDays === false ? html` ${badge('late', 'material')}` : ''}</dd></div>` : ''}
${f.timeliness.detectionToDisclosureDays !== null ? html`<div><dt>Detection → disclosure</dt><dd>${f.timeliness.detectionToDisclosureDays} days</dd></div>` : ''}
<div><dt>Flags</dt><dd>${flagList(f.flags)}</dd></div>
</dl>
<h2>Timeline: ${timeline.length} filing${timeline.length === 1 ? '' : 's'}</h2>
<ol class="timeline">${timeline.map((t) => timelineEntry(t, incident.cik))}</ol>
<p class="note">Updated ${timestamp(incident.updatedAt)} · <a href="/v1/incidents/${incident.id}">JSON</a></p>`;
}
