import { day, dayRange, IMPACT_LABELS, ITEM_LABELS, MATERIALITY_LABELS, num, percent, statisticLine } from '../format.ts';
import { IMPACTS, ITEM_CLASSES, MATERIALITY, type ReportModel } from '../model.ts';
import type { RenderOptions } from './options.ts';

/** Table cells: one line, pipes escaped. */
const cell = (value: string | number | null) => (value === null ? '–' : String(value).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim() || '–');
const row = (cells: Array<string | number | null>) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: Array<Array<string | number | null>>) => [row(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(row)].join('\n');

export function renderMarkdown(model: ReportModel, options: RenderOptions = {}): string {
  const base = options.baseUrl ?? '';
  const h = model.headline;
  const q = model.dataQuality;
  const out: string[] = [];
  out.push(`# Cyber-incident disclosures, week ${model.week}`);
  out.push(`${dayRange(model.period.start, model.period.end)} · by EDGAR filing date (America/New_York) · analyzer ${model.analyzerVersion} · report model v${model.modelVersion}`);

  out.push('## Headline');
  out.push(
    table(['Measure', 'Count', 'Unit'], [
      ['New incidents', h.incidents.new.value, h.incidents.new.unit],
      ['Updated incidents', h.incidents.updated.value, h.incidents.updated.unit],
      ['Escalated to Item 1.05', h.incidents.escalated.value, h.incidents.escalated.unit],
      ['Incident filings', h.filings.value, h.filings.unit],
      ['Issuers', h.issuers.value, h.issuers.unit],
      ...ITEM_CLASSES.map((c) => [`— under ${ITEM_LABELS[c]}`, h.filingsByItem[c], 'filings']),
      ['Updates filed as 8-K/A', h.updates.amendments.value, 'filings'],
      ['Updates filed as plain 8-K', h.updates.plainUpdates.value, 'filings'],
    ]),
  );

  out.push('## Incidents this week');
  if (model.incidents.length === 0) out.push('No incident was disclosed or updated this week.');
  for (const i of model.incidents) {
    const tickers = i.tickers.length ? ` (${i.tickers.join(', ')})` : '';
    out.push(`### ${i.kind === 'new' ? 'New' : 'Update'}: ${i.company}${tickers}`);
    out.push(
      [
        `- Item path: ${i.itemPath ?? '–'} · status: ${i.status}${i.escalatedThisWeek ? ' (escalated this week)' : ''} · materiality: ${i.materialImpact ? MATERIALITY_LABELS[i.materialImpact] : 'not stated'}`,
        `- First disclosed ${i.firstDisclosedAt ? day(i.firstDisclosedAt) : '–'} · detected ${i.detected ?? '–'} · materiality determined ${i.determinedMaterial ?? '–'}`,
        `- Business days: detection → disclosure ${num(i.detectionToDisclosureBusinessDays)}, determination → Item 1.05 ${num(i.businessDaysToItem105)}`,
        `- Impacts: ${i.flags.length ? i.flags.map((f) => IMPACT_LABELS[f]).join(', ') : 'none stated'}`,
        `- Filings this week: ${i.filingsThisWeek.map((f) => `[${f.form} ${f.accessionNumber}](${f.url}) (${f.role ?? 'unthreaded'}, ${f.filedAt})`).join('; ')}`,
        `- [Incident ${i.id} in cyber8k](${base}${i.links.incident}) · [SEC filing](${i.links.filing})`,
      ].join('\n'),
    );
    if (i.evidence) out.push(`> ${i.evidence.replace(/\s+/g, ' ').trim()}`);
  }

  out.push('## Materiality as stated');
  out.push(table(['Statement', 'Filings', 'Incidents'], MATERIALITY.map((m) => [MATERIALITY_LABELS[m], model.materiality.filings[m], model.materiality.incidents[m]])));

  out.push('## Impact mix');
  out.push(`Incidents touched this week whose filings state each impact (of ${model.impacts.of}).`);
  out.push(table(['Impact', 'Incidents', 'Share'], IMPACTS.map((k) => [IMPACT_LABELS[k], model.impacts.counts[k], percent(model.impacts.of ? model.impacts.counts[k] / model.impacts.of : null)])));

  out.push('## Time to disclose (business days)');
  const t = model.timing;
  out.push(
    table(['Measure', 'Window', 'Result'], [
      ['Detection → first disclosure', model.week, statisticLine(t.week.detectionToDisclosure)],
      ['Detection → first disclosure (calendar days)', model.week, statisticLine(t.week.detectionToDisclosureCalendar)],
      ['Determination → Item 1.05 filing', model.week, statisticLine(t.week.determinationToItem105)],
      ['Detection → first disclosure', `${t.trailing13.from} to ${t.trailing13.to}`, statisticLine(t.trailing13.detectionToDisclosure)],
      ['Determination → Item 1.05 filing', `${t.trailing13.from} to ${t.trailing13.to}`, statisticLine(t.trailing13.determinationToItem105)],
    ]),
  );

  out.push('## By sector');
  out.push(
    model.sectors.bySicDivision.length
      ? table(['SIC division', 'Incidents', 'New'], model.sectors.bySicDivision.map((d) => [`${d.division} — ${d.name}`, d.incidents, d.newIncidents]))
      : 'No incident this week.',
  );
  if (model.sectors.named.length) out.push(table(['Named sector', 'Incidents'], model.sectors.named.map((s) => [s.sector, s.incidents])));
  if (model.sectors.bySecOffice.length) out.push(table(['SEC office', 'Incidents'], model.sectors.bySecOffice.map((s) => [s.office, s.incidents])));

  out.push('## Trends');
  const tr = model.trends;
  out.push(
    table(['Window', ...ITEM_CLASSES.map((c) => ITEM_LABELS[c]), 'Filings', 'Item 1.05 share'], [tr.trailing4, tr.trailing13, tr.trailing52].map((w) => [`${w.weeks} weeks (${w.from} to ${w.to})`, ...ITEM_CLASSES.map((c) => w.byItem[c]), w.filings, percent(w.item105Share)])),
  );
  out.push(table(['Week', ...ITEM_CLASSES.map((c) => ITEM_LABELS[c]), 'Filings', 'Item 1.05 share'], tr.weeks.slice(-13).map((w) => [w.week, w.item105, w.item801, w.item701, w.periodic, w.other, w.filings, percent(w.item105Share)])));

  out.push('## Data quality');
  out.push(
    `Filings of the week (all forms): ${q.filings.discovered} discovered, ${q.filings.analyzed} analyzed, ${q.filings.pending} pending, ${q.filings.failed} failed (to be retried), ${q.filings.dead} dead, ${q.filings.review} flagged for review. ` +
      `Reconciliation with EDGAR’s daily index: ${q.reconciliation.daysChecked} of ${q.reconciliation.businessDays} business days checked, ${q.reconciliation.listed} filings listed, ${q.reconciliation.discovered} discovered, ${q.reconciliation.missedByFeed} missed by the feed and recovered, coverage ${percent(q.reconciliation.coverage)}.`,
  );
  out.push(table(['Day', 'Business day', 'Discovered', 'Listed by EDGAR', 'Missed by feed'], q.days.map((d) => [d.date, d.businessDay ? 'yes' : 'no', d.discovered, d.indexFound === false ? 'no index' : d.listed, d.missedByFeed])));
  if (q.dead.length) out.push(table(['Dead filing', 'Form', 'Company', 'Error'], q.dead.map((d) => [d.accessionNumber, d.form, d.company, d.error])));
  if (q.review.length) out.push(table(['Flagged for review', 'Form', 'Company', 'Confidence'], q.review.map((r) => [r.accessionNumber, r.form, r.company, num(r.confidence)])));

  out.push('## Definitions');
  out.push(model.definitions.map((d) => `- **${d.term}**: ${d.definition}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
