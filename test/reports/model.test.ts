import { describe, expect, it } from 'vitest';
import { buildReportModel, evidenceSentence, itemClass, statistic } from '../../src/reports/model.ts';
import { sicDivision } from '../../src/reports/sic.ts';
import { FIXTURE_ANALYZER, FIXTURE_WEEK, fixtureWeekData } from './fixture.ts';

const model = () => buildReportModel(fixtureWeekData(), FIXTURE_WEEK, FIXTURE_ANALYZER);

describe('the weekly report model', () => {
  it('counts filings, issuers and incidents, each with its unit', () => {
    const { headline } = model();
    expect(headline.filings).toEqual({ value: 4, unit: 'filings' });
    expect(headline.issuers).toEqual({ value: 4, unit: 'issuers' });
    expect(headline.incidents.touched).toEqual({ value: 4, unit: 'incidents' });
    // UnitedHealth and Gizmo's 10-Q start incidents; Widget (escalated) and Gadget (8-K/A) update older ones.
    expect(headline.incidents.new.value).toBe(2);
    expect(headline.incidents.updated.value).toBe(2);
    expect(headline.incidents.escalated.value).toBe(1);
    expect(headline.filingsByItem).toEqual({ '1.05': 3, '8.01': 0, '7.01': 0, periodic: 1, other: 0, unit: 'filings' });
    expect(headline.updates.amendments.value).toBe(1);
    expect(headline.updates.plainUpdates.value).toBe(1);
  });

  it('reads each incident as it stood at the end of the week, not as later filings changed it', () => {
    const gadget = model().incidents.find((i) => i.id === 13)!;
    // Its 2024-03-05 8-K/A says material; the week's 8-K/A says not material.
    expect(gadget.materialImpact).toBe('not-material');
    expect(gadget.filingsThisWeek.map((f) => f.accessionNumber)).toEqual(['0000000003-24-000012']);
    expect(gadget.kind).toBe('update');
  });

  it('lists new incidents first, each with one evidence sentence and links to the incident and the SEC filing', () => {
    const rows = model().incidents;
    expect(rows.map((r) => [r.id, r.kind])).toEqual([[11, 'new'], [14, 'new'], [12, 'update'], [13, 'update']]);
    const unh = rows.find((r) => r.id === 11)!;
    expect(unh).toMatchObject({ company: 'UNITEDHEALTH GROUP INC', tickers: ['UNH'], itemPath: '1.05', status: 'open', sicDivision: 'H', detected: '2024-02-21', materialImpact: 'not-determined' });
    expect(unh.evidence).toMatch(/^On February 21, 2024, UnitedHealth Group/);
    expect(unh.links).toEqual({ incident: '/v1/incidents/11', filing: 'https://www.sec.gov/Archives/edgar/data/731766/000073176624000056/0000731766-24-000056-index.htm' });
    expect(rows.find((r) => r.id === 12)).toMatchObject({ itemPath: '8.01 → 1.05', status: 'escalated', escalatedThisWeek: true });
  });

  it('gives time to disclose in business days with n and coverage, holidays excluded', () => {
    const { timing } = model();
    // UnitedHealth: detected Wed 02-21, disclosed Thu 02-22 → 1; Gizmo's detection is month-precise: not counted.
    expect(timing.week.detectionToDisclosure).toMatchObject({ unit: 'business days', n: 1, of: 2, coverage: 0.5, median: 1, mean: 1, withinFourBusinessDays: 1 });
    // Widget: determined Wed 02-14, Item 1.05 filed Tue 02-20 — Monday 02-19 is Washington's Birthday → 3;
    // UnitedHealth's first Item 1.05 states no determination date.
    expect(timing.week.determinationToItem105).toMatchObject({ n: 1, of: 2, coverage: 0.5, median: 3, withinFourBusinessDays: 1 });
    expect(timing.trailing13.from).toBe('2023-W48');
    expect(timing.trailing13.detectionToDisclosure).toMatchObject({ n: 3, of: 3, median: 4, mean: 3.33, withinFourBusinessDays: 0.6667 });
    expect(timing.trailing13.determinationToItem105).toMatchObject({ n: 2, of: 3, coverage: 0.6667, median: 3.5 });
  });

  it('states materiality per filing and per incident, and the impact mix per incident', () => {
    const { materiality, impacts } = model();
    expect(materiality.filings).toEqual({ material: 1, 'not-material': 1, 'not-determined': 1, 'not-stated': 1, unit: 'filings' });
    expect(materiality.incidents).toEqual({ material: 1, 'not-material': 1, 'not-determined': 1, 'not-stated': 1, unit: 'incidents' });
    expect(impacts.of).toBe(4);
    expect(impacts.counts).toMatchObject({ nationState: 1, operationalDisruption: 1, ransomware: 1, dataAccessed: 1, thirdParty: 1, disclosureDelayed: 0 });
  });

  it('splits incidents by SIC division and named sector', () => {
    const { sectors } = model();
    expect(sectors.bySicDivision.map((d) => [d.division, d.incidents, d.newIncidents])).toEqual([['E', 1, 0], ['H', 2, 1], ['Unknown', 1, 1]]);
    expect(sectors.named).toEqual([{ sector: 'healthcare', incidents: 1 }, { sector: 'telecom', incidents: 1 }]);
    expect(sectors.bySecOffice.map((o) => o.office)).toEqual(['Office of Finance', 'Office of Life Sciences', 'Office of Technology', 'Unknown']);
  });

  it('fills 52 weeks of trend with zeros and computes the Item 1.05 share of 8-K incident filings', () => {
    const { trends } = model();
    expect(trends.weeks).toHaveLength(52);
    expect(trends.weeks[0]!.week).toBe('2023-W09');
    expect(trends.weeks.at(-1)).toMatchObject({ week: '2024-W08', item105: 3, filings: 4, item105Share: 1 });
    expect(trends.trailing13.byItem).toEqual({ '1.05': 4, '8.01': 3, '7.01': 1, periodic: 5, other: 1 });
    expect(trends.trailing13.item105Share).toBe(0.4444);
    expect(trends.weeks.at(-1)!.item105Share13).toBe(0.4444);
    expect(trends.trailing4.from).toBe('2024-W05');
    expect(trends.weeks.find((w) => w.week === '2024-W01')!.item105Share).toBeNull();
  });

  it('compares what was discovered with EDGAR’s daily index, day by day', () => {
    const { dataQuality } = model();
    expect(dataQuality.days.map((d) => [d.date, d.businessDay])).toEqual([
      ['2024-02-19', false], ['2024-02-20', true], ['2024-02-21', true], ['2024-02-22', true], ['2024-02-23', true], ['2024-02-24', false], ['2024-02-25', false],
    ]);
    expect(dataQuality.reconciliation).toEqual({ daysChecked: 4, businessDays: 4, listed: 1312, discovered: 1312, missedByFeed: 1, coverage: 1 });
    expect(dataQuality.days[0]).toMatchObject({ listed: null, indexFound: null });
    expect(dataQuality.dead.map((d) => d.accessionNumber)).toEqual(['0000000009-24-000001', '0000000009-24-000002']);
  });

  it('is the same object for the same data in any order', () => {
    const data = fixtureWeekData();
    const shuffled = { ...data, filings: [...data.filings].reverse(), incidents: [...data.incidents].reverse(), timing13: [...data.timing13].reverse() };
    expect(JSON.stringify(buildReportModel(shuffled, FIXTURE_WEEK, FIXTURE_ANALYZER))).toBe(JSON.stringify(model()));
  });

  it('builds an empty week without dividing by zero', () => {
    const empty = buildReportModel({ filings: [], incidents: [], trend: [], timing13: [], quality: { filings: { discovered: 0, analyzed: 0, pending: 0, failed: 0, dead: 0, review: 0 }, discoveredByDay: [], dailyIndex: [], dead: [], review: [] } }, '2026-W53', '1.8.0');
    expect(empty.period).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(empty.timing.week.detectionToDisclosure).toMatchObject({ n: 0, of: 0, coverage: null, median: null, mean: null });
    expect(empty.trends.trailing52.item105Share).toBeNull();
    expect(empty.dataQuality.reconciliation.coverage).toBeNull();
  });
});

describe('report helpers', () => {
  it('classes filings by the item carrying the incident', () => {
    expect(itemClass({ form: '10-K', item: null, items: [] })).toBe('periodic');
    expect(itemClass({ form: '8-K', item: null, items: ['1.05'] })).toBe('1.05');
    expect(itemClass({ form: '8-K/A', item: '8.01', items: ['1.05'] })).toBe('8.01');
    expect(itemClass({ form: '8-K', item: '2.02', items: [] })).toBe('other');
  });

  it('maps SIC codes to divisions', () => {
    expect([sicDivision('7372').code, sicDivision('4813').code, sicDivision('0100').code, sicDivision('100').code, sicDivision('9995').code, sicDivision(null).code, sicDivision('x').code, sicDivision('9800').code]).toEqual(['I', 'E', 'A', 'A', 'K', 'Unknown', 'Unknown', 'Unknown']);
  });

  it('picks the incident sentence over others, and averages medians of even counts', () => {
    expect(evidenceSentence({ 'dates.detected': 'b', incident: 'a' })).toBe('a');
    expect(evidenceSentence({ 'flags.ransomware': 'z' })).toBe('z');
    expect(evidenceSentence({})).toBeNull();
    expect(statistic([1, 2, 4, null, 10], 'business days', true)).toMatchObject({ n: 4, of: 5, coverage: 0.8, median: 3, mean: 4.25, min: 1, max: 10, withinFourBusinessDays: 0.75 });
  });
});
