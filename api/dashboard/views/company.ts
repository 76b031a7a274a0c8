import type { CompanyRow } from '../../../db/repositories/companies.ts';
import { SECTORS, sectorsOf, type Sector } from '../../../src/companies/sectors.ts';
import { dash, timestamp } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { incidentResults, type ListedIncident } from './incidents.ts';

export function companyPage(company: CompanyRow, incidents: ListedIncident[]): SafeHtml {
  const sectors = sectorsOf(company.sic);
  const location = [company.businessCity, company.businessState].filter(Boolean).join(', ');
  return html`<p class="note"><a href="/">← All incidents</a></p>
<h1>${company.name}</h1>
<dl class="facts">
<div><dt>CIK</dt><dd><a href="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=${company.cik}" rel="noopener">${company.cik}</a></dd></div>
<div><dt>Tickers</dt><dd>${company.tickers.length ? company.tickers.map((t, i) => html`${i ? ', ' : ''}${t}${company.exchanges[i] ? html` <span class="muted">(${company.exchanges[i]})</span>` : ''}`) : 'none (unlisted or not looked up yet)'}</dd></div>
<div><dt>Industry (SIC)</dt><dd>${company.sic ? `${company.sic}${company.sicDescription ? ` ${company.sicDescription}` : ''}` : '–'}</dd></div>
<div><dt>Sectors</dt><dd>${sectors.length ? sectors.map((s, i) => html`${i ? ', ' : ''}<a href="/sectors/${s}">${s}</a>`) : '–'}</dd></div>
<div><dt>Incorporated in</dt><dd>${dash(company.state)}</dd></div>
<div><dt>Located in</dt><dd>${dash(location)}</dd></div>
<div><dt>SEC office</dt><dd>${dash(company.secOffice)}</dd></div>
<div><dt>Last filing seen</dt><dd>${timestamp(company.lastFiledAt)}</dd></div>
${company.formerNames.length ? html`<div><dt>Former names</dt><dd>${company.formerNames.map((n, i) => html`${i ? "; " : ""}${n.name}${n.to ? ` (until ${n.to})` : ""}`)}</dd></div>` : ''}
</dl>
<h2>Incidents</h2>
${incidentResults(incidents, null, {})}`;
}

const code = (n: number) => String(n).padStart(4, '0');
const ranges = (s: Sector) => s.ranges.map(([from, to]) => (from === to ? code(from) : `${code(from)}–${code(to)}`)).join(', ');

export function sectorsPage(): SafeHtml {
  return html`<h1>Sectors</h1>
<p class="muted">A sector is a named set of SIC codes (the industry code EDGAR assigns each registrant); a company can be in several.</p>
<div class="cards">${SECTORS.map((s) => html`<div class="card"><h3><a href="/sectors/${s.name}">${s.title}</a></h3><p class="note">${s.description}</p><p class="note">SIC ${ranges(s)}</p></div>`)}</div>`;
}

export function sectorPage(sector: Sector, incidents: ListedIncident[], next: string | null, cursor: string | undefined, companies: CompanyRow[]): SafeHtml {
  return html`<p class="note"><a href="/sectors">← All sectors</a></p>
<h1>${sector.title}</h1>
<p class="muted">${sector.description} SIC ${ranges(sector)}.</p>
<p><a href="/?sector=${sector.name}">Filter the incident list by this sector</a></p>
<h2>Incidents</h2>
${incidentResults(incidents, next, { cursor }, `/sectors/${sector.name}`)}
<h2>Companies seen</h2>
${companies.length ? html`<div class="table-wrap"><table><thead><tr><th>Company</th><th>Tickers</th><th>SIC</th><th>Last filing</th></tr></thead><tbody>${companies.map(
    (c) => html`<tr><td><a href="/companies/${c.cik}">${c.name}</a></td><td>${dash(c.tickers.join(', '))}</td><td>${dash(c.sic)}</td><td class="nowrap">${c.lastFiledAt.toISOString().slice(0, 10)}</td></tr>`,
  )}</tbody></table></div>` : html`<p class="muted">No company in this sector has filed yet.</p>`}`;
}
