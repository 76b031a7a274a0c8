// One week of report data written out by hand (2024-W08, the week of UnitedHealth's Item 1.05):
// a new Item 1.05 incident, an Item 8.01 incident escalated to 1.05, an 8-K/A update, a 10-Q
// passage, a formula-like evidence sentence, and a reconciliation that found one filing the feed
// missed. The golden files of test/fixtures/reports are rendered from it.

import type { IncidentMember } from '../../src/incidents/facts.ts';
import type { ReportFilingInput, WeekData } from '../../src/reports/model.ts';

const NO_FLAGS = { ransomware: false, dataAccessed: false, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false };
const NO_DATES = { began: null, detected: null, determinedMaterial: null, contained: null };

type MemberSpec = Partial<Omit<IncidentMember, 'analysis'>> & { accessionNumber: string; filedAt: string; analysis?: Partial<IncidentMember['analysis']> };

function member(spec: MemberSpec): IncidentMember {
  return {
    role: 'original',
    reason: 'first filing on record of this incident',
    confidence: 1,
    form: '8-K',
    items: ['1.05', '9.01'],
    acceptedAt: `${spec.filedAt}T21:00:00.000Z`,
    company: 'ACME CORP',
    ...spec,
    analysis: { item: '1.05', materialImpact: null, dates: NO_DATES, flags: NO_FLAGS, evidence: {}, incidentName: null, incidents: [], ...spec.analysis },
  };
}

const unh = [
  member({
    accessionNumber: '0000731766-24-000056', filedAt: '2024-02-22', acceptedAt: '2024-02-22T21:08:47.000Z', company: 'UNITEDHEALTH GROUP INC', items: ['1.05'],
    analysis: {
      item: '1.05', materialImpact: 'not-determined',
      dates: { ...NO_DATES, detected: '2024-02-21' },
      flags: { ...NO_FLAGS, operationalDisruption: true, nationState: true, lawEnforcementNotified: true },
      evidence: {
        incident: 'On February 21, 2024, UnitedHealth Group Incorporated (the “Company”) identified a suspected nation-state associated cyber security threat actor had gained access to some of the Change Healthcare information technology systems.',
        'dates.detected': 'On February 21, 2024, UnitedHealth Group Incorporated identified a suspected nation-state associated cyber security threat actor.',
      },
    },
  }),
];

const widget = [
  member({ accessionNumber: '0000000002-24-000010', filedAt: '2024-02-09', company: 'WIDGET TELECOM INC', items: ['8.01', '9.01'], analysis: { item: '8.01', dates: { ...NO_DATES, detected: '2024-02-05' }, flags: { ...NO_FLAGS, thirdParty: true }, evidence: { incident: 'On February 5, 2024, the Company detected unauthorized access at a third-party vendor.' } } }),
  member({
    accessionNumber: '0000000002-24-000014', filedAt: '2024-02-20', company: 'WIDGET TELECOM INC', role: 'escalation', reason: 'as previously disclosed, detected on the same day (2024-02-05)', confidence: 0.8, items: ['1.05'],
    analysis: { item: '1.05', materialImpact: 'material', dates: { ...NO_DATES, detected: '2024-02-05', determinedMaterial: '2024-02-14' }, flags: { ...NO_FLAGS, ransomware: true, dataAccessed: true }, evidence: { incident: '=HYPERLINK("http://evil.example") As previously disclosed, the Company experienced a ransomware attack.', materialImpact: 'The Company has determined the incident is material.' } },
  }),
];

const gadget = [
  member({ accessionNumber: '0000000003-23-000090', filedAt: '2023-12-28', company: 'GADGET BANK CORP', items: ['1.05'], analysis: { item: '1.05', materialImpact: 'not-determined', dates: { ...NO_DATES, detected: '2023-12-20', determinedMaterial: '2023-12-22' } } }),
  member({ accessionNumber: '0000000003-24-000012', filedAt: '2024-02-23', acceptedAt: '2024-02-23T14:30:00.000Z', company: 'GADGET BANK CORP', form: '8-K/A', role: 'amendment', reason: 'amends the 8-K filed on 2023-12-28', confidence: 0.99, items: ['1.05'], analysis: { item: '1.05', materialImpact: 'not-material', evidence: { materialImpact: '+ The incident has not had a material impact on the Company.' } } }),
  // Filed after the week: the report must not see it.
  member({ accessionNumber: '0000000003-24-000020', filedAt: '2024-03-05', company: 'GADGET BANK CORP', form: '8-K/A', role: 'amendment', reason: 'amends', confidence: 0.99, items: ['1.05'], analysis: { item: '1.05', materialImpact: 'material' } }),
];

const gizmo = [
  member({ accessionNumber: '0000000004-24-000003', filedAt: '2024-02-21', company: 'GIZMO SOFTWARE INC', form: '10-Q', role: 'periodic', items: [], analysis: { item: null, dates: { ...NO_DATES, detected: '2024-01' }, evidence: { incident: '@SUM In January 2024 we detected unauthorized access to an internal system.' } } }),
];

function filingOf(m: IncidentMember, cik: string, incidentId: number, review = false): ReportFilingInput {
  return { accessionNumber: m.accessionNumber, cik, company: m.company, form: m.form, items: m.items, filedAt: m.filedAt, acceptedAt: m.acceptedAt, item: m.analysis.item, materialImpact: m.analysis.materialImpact, review, incidentId, role: m.role, evidence: m.analysis.evidence };
}

export const FIXTURE_WEEK = '2024-W08';
export const FIXTURE_ANALYZER = '1.8.0';

export function fixtureWeekData(): WeekData {
  return {
    filings: [
      filingOf(unh[0]!, '0000731766', 11),
      filingOf(widget[1]!, '0000000002', 12),
      filingOf(gadget[1]!, '0000000003', 13),
      filingOf(gizmo[0]!, '0000000004', 14, true),
    ],
    incidents: [
      { id: 11, cik: '0000731766', company: 'UNITEDHEALTH GROUP INC', tickers: ['UNH'], sic: '6324', secOffice: 'Office of Life Sciences', sectors: ['healthcare'], members: unh },
      { id: 12, cik: '0000000002', company: 'WIDGET TELECOM INC', tickers: [], sic: '4813', secOffice: 'Office of Technology', sectors: ['telecom'], members: widget },
      { id: 13, cik: '0000000003', company: 'GADGET BANK CORP', tickers: ['GDGT'], sic: '6022', secOffice: 'Office of Finance', sectors: [], members: gadget },
      { id: 14, cik: '0000000004', company: 'GIZMO SOFTWARE INC', tickers: ['GZMO'], sic: null, secOffice: null, sectors: [], members: gizmo },
    ],
    quality: {
      filings: { discovered: 1312, analyzed: 1309, pending: 1, failed: 0, dead: 2, review: 3 },
      discoveredByDay: [
        { date: '2024-02-20', discovered: 301 }, { date: '2024-02-21', discovered: 322 }, { date: '2024-02-22', discovered: 297 }, { date: '2024-02-23', discovered: 392 },
      ],
      dailyIndex: [
        { date: '2024-02-20', listed: 301, missing: 0, indexFound: true },
        { date: '2024-02-21', listed: 322, missing: 1, indexFound: true },
        { date: '2024-02-22', listed: 297, missing: 0, indexFound: true },
        { date: '2024-02-23', listed: 392, missing: 0, indexFound: true },
      ],
      dead: [
        { accessionNumber: '0000000009-24-000002', form: '8-K', company: 'BROKEN DOCS INC', error: 'the submission is a ZIP archive, not a filing' },
        { accessionNumber: '0000000009-24-000001', form: '10-Q', company: 'SLOW FILER LLC', error: 'analysis took longer than 60 s' },
      ],
      review: [{ accessionNumber: '0000000004-24-000003', form: '10-Q', company: 'GIZMO SOFTWARE INC', confidence: 0.8 }],
    },
    trend: [
      { week: '2023-W52', item105: 1, item801: 0, item701: 0, periodic: 0, other: 0 },
      { week: '2024-W02', item105: 0, item801: 2, item701: 1, periodic: 1, other: 0 },
      { week: '2024-W06', item105: 0, item801: 1, item701: 0, periodic: 3, other: 1 },
      { week: '2024-W08', item105: 3, item801: 0, item701: 0, periodic: 1, other: 0 },
    ],
    timing13: [
      { incidentId: 13, firstDisclosedAt: '2023-12-28', detectionToDisclosureBusinessDays: 5, detectionToDisclosureDays: 8, businessDaysToItem105: 3, hasItem105: true },
      { incidentId: 12, firstDisclosedAt: '2024-02-09', detectionToDisclosureBusinessDays: 4, detectionToDisclosureDays: 4, businessDaysToItem105: 4, hasItem105: true },
      { incidentId: 11, firstDisclosedAt: '2024-02-22', detectionToDisclosureBusinessDays: 1, detectionToDisclosureDays: 1, businessDaysToItem105: null, hasItem105: true },
      // Outside the 13 weeks.
      { incidentId: 5, firstDisclosedAt: '2023-06-01', detectionToDisclosureBusinessDays: 30, detectionToDisclosureDays: 40, businessDaysToItem105: 9, hasItem105: true },
    ],
  };
}
