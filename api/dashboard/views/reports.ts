import type { WeekListing } from '../../../src/reports/weekly.usecase.ts';
import { html, type SafeHtml } from '../html.ts';
import { timestamp } from '../format.ts';

export function reportsPage(weeks: WeekListing[]): SafeHtml {
  const link = (w: WeekListing, f: string, label: string) => html`<a href="/v1/reports/weekly/${w.week}.${f}">${label}</a>`;
  return html`<h1>Weekly disclosure reports</h1>
<p class="muted">One report per ISO week (Monday–Sunday, by EDGAR filing date), built every Monday 07:00 New York time; a week not built yet is built when opened.</p>
${weeks.length ? html`<div class="table-wrap"><table class="reports"><thead><tr><th>Week</th><th>Dates</th><th>Report</th><th>Also as</th><th>Built</th></tr></thead><tbody>${weeks.map(
    (w) => html`<tr data-week="${w.week}"><td class="nowrap">${w.week}</td><td class="nowrap">${w.start} – ${w.end}</td><td>${link(w, 'html', 'Read')}</td><td>${link(w, 'md', 'Markdown')} · ${link(w, 'csv', 'CSV')} · ${link(w, 'json', 'JSON')}</td><td class="nowrap">${w.builtAt ? timestamp(w.builtAt) : html`<span class="muted">on request</span>`}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">No filing recorded yet, so no week to report on.</p>`}`;
}
