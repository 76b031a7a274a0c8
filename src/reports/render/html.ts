// The report as one self-contained HTML page: inline stylesheet (light and dark, screen and
// print), inline SVG charts each with the table of its numbers, no script, no external resource.

import { day, dayRange, IMPACT_LABELS, ITEM_LABELS, MATERIALITY_LABELS, num, percent, plural, statisticLine } from '../format.ts';
import { IMPACTS, ITEM_CLASSES, MATERIALITY, type ReportIncidentRow, type ReportModel, type Statistic } from '../model.ts';
import { barChart, escapeHtml as esc, lineChart, SERIES_COLOURS, stackedChart } from './charts.ts';
import type { RenderOptions } from './options.ts';

const STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#5b6470;--rule:#d9dde3;--panel:#f5f7fa;--accent:#1f5fa8;--new:#b3261e;
--s0:${SERIES_COLOURS[0]};--s1:${SERIES_COLOURS[1]};--s2:${SERIES_COLOURS[2]};--s3:${SERIES_COLOURS[3]};--s4:${SERIES_COLOURS[4]}}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e6e8eb;--muted:#a0a8b3;--rule:#343a42;--panel:#1c2026;--accent:#7fb0ea;--new:#ff8a80;
--s0:#6fa8e8;--s1:#f0a04b;--s2:#5cc494;--s3:#b49ad8;--s4:#a9aeb6}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 28px 48px}
header.report{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:22px}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--muted);margin:0 0 4px}
h1{font-size:28px;line-height:1.2;margin:0 0 6px}
h2{font-size:19px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule)}
h3{font-size:15px;margin:0 0 6px}
p.meta,.note{color:var(--muted);font-size:13px;margin:4px 0}
a{color:var(--accent)}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:18px 0 6px}
.kpi{background:var(--panel);border:1px solid var(--rule);border-radius:8px;padding:12px 14px}
.kpi .v{font-size:30px;font-weight:650;line-height:1.1;font-variant-numeric:tabular-nums}
.kpi .k{font-size:13px;font-weight:600}
.kpi .u{font-size:12px;color:var(--muted)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px 28px}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 10px}
caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--rule);vertical-align:top}
thead th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--rule)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.incident{border:1px solid var(--rule);border-left:4px solid var(--accent);border-radius:6px;padding:12px 14px;margin:12px 0;background:var(--panel);break-inside:avoid}
.incident.new{border-left-color:var(--new)}
.badge{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;padding:1px 7px;border-radius:10px;border:1px solid currentColor;margin-right:6px}
.incident.new .badge{color:var(--new)}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:13px;margin:4px 0}
.facts b{font-weight:600}
blockquote{margin:8px 0;padding:6px 12px;border-left:3px solid var(--rule);color:var(--fg);font-style:italic;font-size:13.5px}
.links{font-size:13px}
figure.chart-figure{margin:8px 0 16px;break-inside:avoid}figcaption{font-size:13px;font-weight:600;margin:0 0 6px}
svg.chart{max-width:100%;height:auto;color:var(--fg);overflow:visible}
svg .s0{fill:var(--s0)}svg .s1{fill:var(--s1)}svg .s2{fill:var(--s2)}svg .s3{fill:var(--s3)}svg .s4{fill:var(--s4)}
svg .line.s0{fill:none;stroke:var(--s0)}
svg .label,svg .legend{font-size:12px}svg .tick{font-size:11px;fill-opacity:.75}svg .value{font-size:12px;font-weight:600}
details.chart-data summary{cursor:pointer;font-size:12px;color:var(--muted)}
dl.definitions dt{font-weight:600;margin-top:8px}dl.definitions dd{margin:0 0 0 0;color:var(--muted);font-size:13.5px}
footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--rule);font-size:12px;color:var(--muted)}
@media print{body{background:#fff;color:#000;font-size:11pt}main{max-width:none;padding:0}
:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#bbb;--panel:#fff;--accent:#1f5fa8;--new:#b3261e;--s0:${SERIES_COLOURS[0]};--s1:${SERIES_COLOURS[1]};--s2:${SERIES_COLOURS[2]};--s3:${SERIES_COLOURS[3]};--s4:${SERIES_COLOURS[4]}}
details.chart-data{display:none}h2{break-after:avoid}a{color:#000}.kpis{grid-template-columns:repeat(6,1fr)}.grid2{grid-template-columns:1fr 1fr}}
`
  .trim()
  .replace(/\n/g, '');

const kpi = (value: number | string, label: string, unit: string) => `<div class="kpi"><div class="v">${esc(String(value))}</div><div class="k">${esc(label)}</div><div class="u">${esc(unit)}</div></div>`;

function statRow(name: string, window: string, s: Statistic): string {
  return `<tr><th scope="row">${esc(name)}</th><td>${esc(window)}</td><td class="num">${num(s.median)}</td><td class="num">${num(s.mean)}</td><td class="num">${percent(s.withinFourBusinessDays)}</td><td class="num">${s.n} of ${s.of}</td><td class="num">${percent(s.coverage)}</td></tr>`;
}

function incidentCard(i: ReportIncidentRow, base: string): string {
  const tickers = i.tickers.length ? ` <span class="note">(${esc(i.tickers.join(', '))})</span>` : '';
  const filings = i.filingsThisWeek.map((f) => `<a href="${esc(f.url)}">${esc(`${f.form} ${f.accessionNumber}`)}</a> <span class="note">${esc(`${f.role ?? 'unthreaded'}, ${day(f.filedAt)}`)}</span>`).join('; ');
  return (
    `<article class="incident ${i.kind}"><h3><span class="badge">${i.kind === 'new' ? 'New' : i.escalatedThisWeek ? 'Escalated' : 'Update'}</span>${esc(i.company)}${tickers}</h3>` +
    `<div class="facts"><span><b>Item path</b> ${esc(i.itemPath ?? '–')}</span><span><b>Status</b> ${esc(i.status)}</span><span><b>Materiality</b> ${esc(i.materialImpact ? MATERIALITY_LABELS[i.materialImpact] : 'Not stated')}</span>` +
    `<span><b>First disclosed</b> ${esc(i.firstDisclosedAt ? day(i.firstDisclosedAt) : '–')}</span><span><b>Detected</b> ${esc(i.detected ?? '–')}</span>` +
    (i.determinedMaterial ? `<span><b>Determined material</b> ${esc(i.determinedMaterial)}</span>` : '') +
    (i.detectionToDisclosureBusinessDays !== null ? `<span><b>Detection → disclosure</b> ${i.detectionToDisclosureBusinessDays} business days</span>` : '') +
    (i.businessDaysToItem105 !== null ? `<span><b>Determination → Item 1.05</b> ${i.businessDaysToItem105} business days</span>` : '') +
    `</div>` +
    `<div class="facts"><span><b>Impacts</b> ${esc(i.flags.length ? i.flags.map((f) => IMPACT_LABELS[f]).join(' · ') : 'none stated')}</span><span><b>Sector</b> SIC division ${esc(i.sicDivision)}${i.sectors.length ? ` · ${esc(i.sectors.join(', '))}` : ''}</span></div>` +
    (i.evidence ? `<blockquote>${esc(i.evidence.replace(/\s+/g, ' ').trim())}</blockquote>` : '') +
    `<div class="links">Filings this week: ${filings}<br><a href="${esc(base + i.links.incident)}">Incident ${i.id} timeline in cyber8k</a> · <a href="${esc(i.links.filing)}">Latest filing on SEC EDGAR</a></div></article>`
  );
}

export function renderHtml(model: ReportModel, options: RenderOptions = {}): string {
  const base = options.baseUrl ?? '';
  const h = model.headline;
  const q = model.dataQuality;
  const t = model.timing;
  const tr = model.trends;
  const weeks13 = tr.weeks.slice(-13);
  const shortWeek = (w: string) => w.slice(5);
  const title = `Cyber-incident disclosures — week ${model.week}`;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">`);
  parts.push(`<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>`);
  parts.push(
    `<header class="report"><p class="kicker">cyber8k weekly disclosure report · SEC EDGAR</p><h1>${esc(title)}</h1>` +
      `<p class="meta">${esc(dayRange(model.period.start, model.period.end))} · by EDGAR filing date (America/New_York) · analyzer ${esc(model.analyzerVersion)} · report model v${model.modelVersion}</p></header>`,
  );

  const summary =
    `${plural(h.incidents.new.value, 'new incident')} and ${plural(h.incidents.updated.value, 'update')} of earlier incidents` +
    `${h.incidents.escalated.value ? ` (${h.incidents.escalated.value} escalated to Item 1.05)` : ''}, in ${plural(h.filings.value, 'filing')} by ${plural(h.issuers.value, 'issuer')}; ` +
    `${h.filingsByItem['1.05']} under Item 1.05. Item 1.05 share of 8-K incident filings over the trailing 13 weeks: ${percent(tr.trailing13.item105Share)}.`;
  parts.push(`<section aria-labelledby="headline"><h2 id="headline">Headline</h2><p>${esc(summary)}</p><div class="kpis">`);
  parts.push(kpi(h.incidents.new.value, 'New incidents', 'first disclosed this week'));
  parts.push(kpi(h.incidents.updated.value, 'Updated incidents', 'disclosed before'));
  parts.push(kpi(h.incidents.escalated.value, 'Escalated', 'to Item 1.05 this week'));
  parts.push(kpi(h.filings.value, 'Incident filings', `${h.updates.amendments.value} 8-K/A · ${h.updates.plainUpdates.value} plain 8-K updates`));
  parts.push(kpi(h.issuers.value, 'Issuers', 'distinct registrants'));
  parts.push(kpi(h.filingsByItem['1.05'], 'Item 1.05 filings', 'material incident item'));
  parts.push('</div>');
  parts.push(
    barChart({
      id: 'chart-items',
      title: `Incident filings by item, ${model.week}`,
      desc: `Filings disclosing an incident in ${model.week}, by the item carrying it: ${ITEM_CLASSES.map((c) => `${ITEM_LABELS[c]} ${h.filingsByItem[c]}`).join(', ')}.`,
      unit: 'filings',
      bars: ITEM_CLASSES.map((c, i) => ({ label: ITEM_LABELS[c], value: h.filingsByItem[c], series: i })),
    }),
  );
  parts.push('</section>');

  parts.push(`<section aria-labelledby="incidents"><h2 id="incidents">Incidents this week</h2>`);
  parts.push(model.incidents.length ? model.incidents.map((i) => incidentCard(i, base)).join('') : '<p>No incident was disclosed or updated this week.</p>');
  parts.push('</section>');

  parts.push(`<section aria-labelledby="materiality"><h2 id="materiality">Materiality and impact</h2><div class="grid2"><div>`);
  parts.push(
    `<table><caption>Materiality as the filings state it</caption><thead><tr><th scope="col">Statement</th><th scope="col" class="num">Filings</th><th scope="col" class="num">Incidents</th></tr></thead><tbody>` +
      MATERIALITY.map((m) => `<tr><th scope="row">${esc(MATERIALITY_LABELS[m])}</th><td class="num">${model.materiality.filings[m]}</td><td class="num">${model.materiality.incidents[m]}</td></tr>`).join('') +
      `</tbody></table><p class="note">What each filing says about the impact on the company, not its item number.</p></div><div>`,
  );
  parts.push(
    barChart({
      id: 'chart-impacts',
      title: `Impact mix of the ${model.impacts.of} incidents touched in ${model.week}`,
      desc: `Incidents whose filings state each impact: ${IMPACTS.map((k) => `${IMPACT_LABELS[k]} ${model.impacts.counts[k]}`).join(', ')}.`,
      unit: 'incidents',
      // Full width = every incident touched: the bar is the share.
      max: model.impacts.of,
      bars: IMPACTS.map((k) => ({ label: IMPACT_LABELS[k], value: model.impacts.counts[k], series: 0 })),
    }),
  );
  parts.push('</div></div></section>');

  parts.push(`<section aria-labelledby="timing"><h2 id="timing">Time to disclose</h2>`);
  parts.push(
    `<table><caption>Business days (weekends and US federal holidays excluded)</caption><thead><tr><th scope="col">Measure</th><th scope="col">Window</th><th scope="col" class="num">Median</th><th scope="col" class="num">Mean</th><th scope="col" class="num">Within 4</th><th scope="col" class="num">n</th><th scope="col" class="num">Coverage</th></tr></thead><tbody>` +
      statRow('Detection → first disclosure', model.week, t.week.detectionToDisclosure) +
      statRow('Determination → Item 1.05', model.week, t.week.determinationToItem105) +
      statRow('Detection → first disclosure', `${t.trailing13.from} – ${t.trailing13.to}`, t.trailing13.detectionToDisclosure) +
      statRow('Determination → Item 1.05', `${t.trailing13.from} – ${t.trailing13.to}`, t.trailing13.determinationToItem105) +
      `</tbody></table><p class="note">Detection → first disclosure in calendar days, ${esc(model.week)}: ${esc(statisticLine(t.week.detectionToDisclosureCalendar))}. n counts incidents stating both dates to the day; coverage is n over the incidents measured.</p></section>`,
  );

  parts.push(`<section aria-labelledby="trends"><h2 id="trends">Trends</h2>`);
  parts.push(
    stackedChart({
      id: 'chart-trend-items',
      title: `Incident filings by item, 13 weeks to ${model.week}`,
      desc: `Weekly incident filings from ${weeks13[0]!.week} to ${model.week}, stacked by item; ${tr.trailing13.filings} in all, ${tr.trailing13.byItem['1.05']} under Item 1.05.`,
      unit: 'filings',
      categories: weeks13.map((w) => w.week),
      ticks: weeks13.map((w) => shortWeek(w.week)),
      series: [
        { name: ITEM_LABELS['1.05'], values: weeks13.map((w) => w.item105) },
        { name: ITEM_LABELS['8.01'], values: weeks13.map((w) => w.item801) },
        { name: ITEM_LABELS['7.01'], values: weeks13.map((w) => w.item701) },
        { name: ITEM_LABELS.periodic, values: weeks13.map((w) => w.periodic) },
        { name: ITEM_LABELS.other, values: weeks13.map((w) => w.other) },
      ],
    }),
  );
  parts.push(
    lineChart({
      id: 'chart-trend-share',
      title: `Item 1.05 share of 8-K incident filings (trailing 13 weeks), 52 weeks to ${model.week}`,
      desc: `For each week from ${tr.weeks[0]!.week} to ${model.week}, the share of incident 8-K filings of the 13 weeks ending with it made under Item 1.05; ${percent(tr.trailing52.item105Share)} over the 52 weeks, ${percent(tr.trailing13.item105Share)} over the last 13. Gaps: no 8-K incident filing in the 13 weeks.`,
      categories: tr.weeks.map((w) => w.week),
      ticks: tr.weeks.map((w) => shortWeek(w.week)),
      values: tr.weeks.map((w) => w.item105Share13),
      format: percent,
      valueName: 'Item 1.05 share, trailing 13 weeks',
    }),
  );
  parts.push(
    `<table><caption>Trailing windows</caption><thead><tr><th scope="col">Window</th>${ITEM_CLASSES.map((c) => `<th scope="col" class="num">${esc(ITEM_LABELS[c])}</th>`).join('')}<th scope="col" class="num">Filings</th><th scope="col" class="num">1.05 share</th></tr></thead><tbody>` +
      [tr.trailing4, tr.trailing13, tr.trailing52].map((w) => `<tr><th scope="row">${w.weeks} weeks <span class="note">${esc(`${w.from} – ${w.to}`)}</span></th>${ITEM_CLASSES.map((c) => `<td class="num">${w.byItem[c]}</td>`).join('')}<td class="num">${w.filings}</td><td class="num">${percent(w.item105Share)}</td></tr>`).join('') +
      '</tbody></table></section>',
  );

  parts.push(`<section aria-labelledby="sectors"><h2 id="sectors">By sector</h2>`);
  parts.push(
    model.sectors.bySicDivision.length
      ? `<table><caption>Incidents touched, by SIC division</caption><thead><tr><th scope="col">SIC division</th><th scope="col" class="num">Incidents</th><th scope="col" class="num">New</th></tr></thead><tbody>` +
          model.sectors.bySicDivision.map((d) => `<tr><th scope="row">${esc(`${d.division} — ${d.name}`)}</th><td class="num">${d.incidents}</td><td class="num">${d.newIncidents}</td></tr>`).join('') +
          '</tbody></table>'
      : '<p>No incident this week.</p>',
  );
  if (model.sectors.named.length) {
    parts.push(`<table><caption>Named sectors</caption><thead><tr><th scope="col">Sector</th><th scope="col" class="num">Incidents</th></tr></thead><tbody>${model.sectors.named.map((s) => `<tr><th scope="row">${esc(s.sector)}</th><td class="num">${s.incidents}</td></tr>`).join('')}</tbody></table>`);
  }
  if (model.sectors.bySecOffice.length) {
    parts.push(`<table><caption>SEC office reviewing the filer</caption><thead><tr><th scope="col">Office</th><th scope="col" class="num">Incidents</th></tr></thead><tbody>${model.sectors.bySecOffice.map((s) => `<tr><th scope="row">${esc(s.office)}</th><td class="num">${s.incidents}</td></tr>`).join('')}</tbody></table>`);
  }
  parts.push('</section>');

  parts.push(`<section aria-labelledby="quality"><h2 id="quality">Data quality</h2>`);
  parts.push(
    `<p>Filings of the week, all forms: <b>${q.filings.discovered}</b> discovered, ${q.filings.analyzed} analyzed, ${q.filings.pending} pending, ${q.filings.failed} failed (retried), ${q.filings.dead} dead, ${q.filings.review} flagged for review. ` +
      `EDGAR’s daily index: ${q.reconciliation.daysChecked} of ${q.reconciliation.businessDays} business days reconciled, ${q.reconciliation.listed} filings listed, ${q.reconciliation.discovered} discovered, ${q.reconciliation.missedByFeed} missed by the live feed and recovered — coverage <b>${percent(q.reconciliation.coverage)}</b>.</p>`,
  );
  parts.push(
    `<table><caption>Day by day</caption><thead><tr><th scope="col">Day</th><th scope="col" class="num">Discovered</th><th scope="col" class="num">Listed by EDGAR</th><th scope="col" class="num">Missed by feed</th></tr></thead><tbody>` +
      q.days.map((d) => `<tr><th scope="row">${esc(day(d.date))}${d.businessDay ? '' : ' <span class="note">closed</span>'}</th><td class="num">${d.discovered}</td><td class="num">${d.indexFound === false ? 'no index' : d.listed === null ? '–' : d.listed}</td><td class="num">${d.missedByFeed === null ? '–' : d.missedByFeed}</td></tr>`).join('') +
      '</tbody></table>',
  );
  if (q.dead.length) {
    parts.push(`<table><caption>Dead filings (analysis set aside)</caption><thead><tr><th scope="col">Accession</th><th scope="col">Form</th><th scope="col">Company</th><th scope="col">Error</th></tr></thead><tbody>${q.dead.map((d) => `<tr><td>${esc(d.accessionNumber)}</td><td>${esc(d.form)}</td><td>${esc(d.company)}</td><td>${esc(d.error ?? '')}</td></tr>`).join('')}</tbody></table>`);
  }
  if (q.review.length) {
    parts.push(`<table><caption>Incident filings flagged for review</caption><thead><tr><th scope="col">Accession</th><th scope="col">Form</th><th scope="col">Company</th><th scope="col" class="num">Confidence</th></tr></thead><tbody>${q.review.map((r) => `<tr><td>${esc(r.accessionNumber)}</td><td>${esc(r.form)}</td><td>${esc(r.company)}</td><td class="num">${num(r.confidence)}</td></tr>`).join('')}</tbody></table>`);
  }
  parts.push('</section>');

  parts.push(`<section aria-labelledby="definitions"><h2 id="definitions">Definitions</h2><dl class="definitions">${model.definitions.map((d) => `<dt>${esc(d.term)}</dt><dd>${esc(d.definition)}</dd>`).join('')}</dl></section>`);
  parts.push(`<footer>cyber8k · week ${esc(model.week)} · analyzer ${esc(model.analyzerVersion)} · the same data and analyzer version always give this same page.</footer>`);
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}
