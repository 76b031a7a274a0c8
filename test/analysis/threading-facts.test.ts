// The facts incident threading joins filings on (issue 8 §3), on real filings. Expected values
// were read from the filings (quoted in the comments), not copied from the analyzer's output.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { extractIncidentNames, memberToLabel } from '../../src/analysis/incident-name.ts';
import { citationsIn } from '../../src/analysis/references.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { fixture, shared } from './corpus.ts';

const NO_DATES = { began: null, detected: null, determinedMaterial: null, contained: null };

describe('Nucor 8-K/A (inline XBRL): what it amends and the date of the original event', async () => {
  const a = await analyze(fixture('raw/item105-amend/nue-2025-06-20-0001193125-25-143135-ixbrl.htm'), { form: '8-K/A', filedAt: '2025-06-20' });

  it('repeats the original report date from the cover page ("Date of earliest event reported): May 13, 2025")', () => {
    expect(a.reportDate).toBe('2025-05-13');
    expect(a.evidence.reportDate).toBe('Date of Report (Date of earliest event reported): May 13, 2025');
  });

  it('reads "This Amendment No. 1 … to the Current Report on Form 8-K filed … on May 14, 2025"', () => {
    expect(a.amendment).toEqual({ number: 1, of: { filedOn: '2025-05-14' } });
    expect(a.evidence.amendment).toMatch(/^This Amendment No\. 1 \(this “Amendment”\) to the Current Report on Form 8-K filed by Nucor/);
  });

  it('cites the original once, though the note names the “Original Form 8-K” five times', () => {
    expect(a.references).toEqual([{ form: '8-K', filedOn: '2025-05-14' }]);
  });
});

describe('Wytec 8-K/A: an amendment that names neither the date nor the accession of its original', async () => {
  const a = await analyze(fixture('raw/item105-amend/wytc-2026-02-03-0001683168-26-000732-ixbrl.htm'), { form: '8-K/A', filedAt: '2026-02-03' });

  it('takes the number from the cover ("FORM 8-K/A (Amendment No. 1)") and leaves the filing date null', () => {
    expect(a.amendment).toEqual({ number: 1, of: { filedOn: null } });
  });

  it('does not read "As of the date of this Amendment" as the sentence that amends', () => {
    expect(a.evidence.amendment).toMatch(/^As disclosed in a Current Report on Form 8-K \(the “Original Report”\)/);
  });

  it('cites "a Current Report on Form 8-K (the “Original Report”)" without a date, and the event date after it is not a filing date', () => {
    expect(a.references).toEqual([{ form: '8-K', filedOn: null }]);
    expect(a.reportDate).toBe('2025-08-25');
  });
});

describe('Follow-ups filed as plain 8-Ks and renderings', () => {
  it('cites Crimson Wine’s “Initial Report” filed on July 5, 2024 without making the 8-K an amendment', async () => {
    const a = await analyze(fixture('raw/item105/cwgl-2024-07-25-0001562151-24-000032.txt'), { form: '8-K', filedAt: '2024-07-25' });
    expect(a.references).toEqual([{ form: '8-K', filedOn: '2024-07-05' }]);
    expect(a.evidence['references.0']).toMatch(/As previously disclosed on the Current Report on Form 8-K filed by Crimson Wine Group/);
    expect(a.amendment).toBeNull();
  });

  it('cites River Financial’s “Form 8-K filed July 10, 2026”, not the amendment it “will file”', async () => {
    const a = await analyze(fixture('raw/item105-amend/rvrf-2026-07-17-0001193125-26-307288.txt'), { form: '8-K/A', filedAt: '2026-07-17' });
    expect(a.references).toEqual([{ form: '8-K', filedOn: '2026-07-10' }]);
    // An 8-K/A is an amendment even when its text (a rendering of Item 1.05) says nothing of it.
    expect(a.amendment).toEqual({ number: null, of: { filedOn: null } });
    expect(a.evidence.amendment).toBe('Form 8-K/A');
  });

  it('has no report date when the text is only the rendered Item 1.05 section', async () => {
    const a = await analyze(fixture('raw/item105/ffiv-2025-10-15-0001048695-25-000149.txt'), { form: '8-K', filedAt: '2025-10-15' });
    expect(a.reportDate).toBeNull();
    expect(a.evidence.reportDate).toBeUndefined();
  });
});

describe('Report date from the SGML header', () => {
  it('takes UnitedHealth’s CONFORMED PERIOD OF REPORT (20240221), quoting the cover line that agrees', async () => {
    const a = await analyze(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));
    expect(a.reportDate).toBe('2024-02-21');
    expect(a.evidence.reportDate).toMatch(/earliest event reported\): February 21, 2024$/);
  });

  it('gives a 10-K no report date: its period of report is a fiscal year end, not an event', async () => {
    const a = await analyze(fixture('raw/periodic/unfi-10-k-2025-10-01-0001020859-25-000054-cyd-facts.ndjson'));
    expect(a.reportDate).toBeNull();
  });

  it('reports the date of a filing that is no incident too, and nothing else (Costco Item 8.01)', async () => {
    const a = await analyze(fixture('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt'));
    expect(a).toMatchObject({ incident: false, reportDate: '2025-10-15', amendment: null, references: [], incidentName: null, incidents: [] });
  });
});

describe('Incident names', () => {
  it('takes UNFI’s defined term whose quotes the data set dropped: "(the Cybersecurity Incident)"', async () => {
    const a = await analyze(fixture('raw/periodic/unfi-10-k-2025-10-01-0001020859-25-000054-cyd-facts.ndjson'));
    expect(a.incidentName).toBe('the Cybersecurity Incident');
    expect(a.evidence.incidentName).toMatch(/proactively taking certain systems offline \(the Cybersecurity Incident\)/);
    expect(a.incidents).toEqual([{ name: 'the Cybersecurity Incident', dates: a.dates }]);
  });

  it('takes Coupang’s “Incident” defined as "unauthorized access to customer accounts (the “Incident”)"', async () => {
    const a = await analyze(fixture('raw/item105/cpng-2025-12-16-0001834584-25-000196.txt'), { form: '8-K', filedAt: '2025-12-16' });
    expect(a.incidentName).toBe('the Incident');
    expect(a.incidents).toHaveLength(1);
  });

  it('leaves an incident the filing never names unnamed (F5)', async () => {
    const a = await analyze(fixture('raw/item105/ffiv-2025-10-15-0001048695-25-000149.txt'), { form: '8-K', filedAt: '2025-10-15' });
    expect(a.incidentName).toBeNull();
    expect(a.incidents).toEqual([{ name: null, dates: a.dates }]);
  });

  it('labels a cyd axis member: syk:March112026IncidentMember is "March 11, 2026 Incident"', () => {
    expect(memberToLabel('syk:March112026IncidentMember')).toBe('March 11, 2026 Incident');
    expect(memberToLabel('abc:CDKGlobalCyberIncidentMember')).toBe('CDK Global Cyber Incident');
  });

  it('does not take an incident response plan for a name ("the Company’s Cyber Incident Response Plan")', () => {
    // HealthCare Services Group 10-K, Item 1C.
    const text = 'On October 9, 2024 we identified a cybersecurity incident. We immediately activated the Company’s Cyber Incident Response Plan (IRP) to investigate such activity.';
    const names = extractIncidentNames({ sentences: splitSentences(text), cyd: [], dates: NO_DATES });
    expect(names.incidentName).toBeNull();
  });

  it('tells apart incidents a filing names differently, each with its own dates', () => {
    // Sentences of Prosper's and Clorox's 10-Ks read as one text: built from real filings to show
    // the split; the corpus holds no filing that reports two incidents.
    const text =
      'For example, as previously disclosed in Prospers Form 8-K filed with the SEC on September 17, 2025, an unauthorized third party gained access to the Companys systems that contain proprietary, confidential, and personal information (the September Incident). ' +
      'The Companys business strategy, results of operations, and financial condition have been materially affected by our previously disclosed August 2023 cyberattack, and the Company is regularly subject to cyber threats.';
    const names = extractIncidentNames({ sentences: splitSentences(text), cyd: [], dates: NO_DATES, filedAt: '2026-03-26' });
    expect(names.incidents.map((i) => i.name)).toEqual(['the September Incident', 'the August 2023 cyberattack']);
    expect(names.evidence['incidents.1']).toMatch(/August 2023 cyberattack/);
  });

  it('reads a heading that names an incident and a defined "(the “MOVEit Vulnerability”)" as two incidents', () => {
    // Progress Software 10-Q (quarter ended May 31, 2023), note "Cyber Related Matters", as sec.gov
    // renders it (headings run into the paragraphs they open).
    const text =
      '|Cyber Related Matters November 2022 Cyber Incident Following the detection of irregular activity on certain portions of our corporate network, we engaged outside cybersecurity experts and other incident response professionals to conduct a forensic investigation and assess the extent and scope of the cyber incident.\n' +
      'MOVEit Vulnerability\nOn the evening of May 28, 2023, our MOVEit technical support team received an initial customer support call indicating unusual activity within their MOVEit Transfer instance. ' +
      'The investigative team determined the zero-day vulnerability (the “MOVEit Vulnerability”) could provide for unauthorized escalated privileges and access to the customer’s underlying environment.';
    const names = extractIncidentNames({ sentences: splitSentences(text), cyd: [], dates: NO_DATES, filedAt: '2023-07-10' });
    expect(names.incidentName).toBe('the MOVEit Vulnerability');
    expect(names.incidents.map((i) => i.name).sort()).toEqual(['the MOVEit Vulnerability', 'the November 2022 Cyber Incident']);
  });

  it('keeps one incident when a generic name and a distinctive one refer to it ("the Incident", "the MOVEit Cybersecurity Incident")', () => {
    const text =
      'We were notified of a vulnerability in MOVEit (the “Incident”). We do not believe the MOVEit Cybersecurity Incident has had any impact on any of our information systems.';
    const names = extractIncidentNames({ sentences: splitSentences(text), cyd: [], dates: NO_DATES });
    expect(names.incidents).toHaveLength(1);
    expect(names.incidentName).toBe('the Incident');
  });
});

describe('Citations that are not references', () => {
  it.each([
    // AMD 8-K forward-looking statements
    ['see the section captioned “Risk Factors” in AMD’s Annual Report on Form 10-K for the fiscal year ended December 28, 2024, subsequent Quarterly Reports on Form 10-Q and other filings with the SEC.'],
    // CareCloud 8-K
    ['To the extent any information required by Item 1.05(a) of Form 8-K was not determined or was unavailable at the time of this filing, the Company will amend this Current Report on Form 8-K as such information is determined or becomes available.'],
    // Jewett-Cameron 8-K: a report still to be filed
    ['Current analysis indicates that the data exfiltrated primarily relates to financial information the Company has been gathering in preparation of filing with the Securities and Exchange Commission its Annual Report on Form 10-K for the fiscal year ended August 31, 2025, which the Company expects to release in mid-November.'],
    // AMD 8-K exhibit text
    ['A copy of the press release is furnished as Exhibit 99.1 to this Current Report on Form 8-K and is incorporated herein by reference.'],
  ])('%s', (sentence) => {
    expect(citationsIn(sentence)).toEqual([]);
  });

  it('reads each report of a list: "two Item 7.01 Current Reports on Form 8-K, furnished to the SEC on March 12, 2026, and March 23, 2026 respectively"', () => {
    // Stryker 8-K/A: the event date after "respectively, on" is not a third report.
    const s = 'As previously disclosed in the Original Report and as further reported on two Item 7.01 Current Reports on Form 8-K, furnished to the SEC on March 12, 2026, and March 23, 2026 respectively, on March 11, 2026, the Company identified a cybersecurity incident.';
    expect(citationsIn(s).map((c) => c.filedOn)).toEqual(['2026-03-12', '2026-03-23']);
  });

  it('reads an amended report and its amendments: "on Form 8-K on January 8, 2024, as amended on January 22, 2024 and February 27, 2024"', () => {
    // loanDepot 10-K, Item 1C.
    const s = 'Such risks have not materially affected us, with the exception of the Cybersecurity Incident, as disclosed in a Current Report filed by the Company on Form 8-K on January 8, 2024, as amended on January 22, 2024 and February 27, 2024, and in subsequent filings with the SEC.';
    expect(citationsIn(s).map(({ form, filedOn }) => ({ form, filedOn }))).toEqual([
      { form: '8-K', filedOn: '2024-01-08' },
      { form: '8-K/A', filedOn: '2024-01-22' },
      { form: '8-K/A', filedOn: '2024-02-27' },
    ]);
  });

  it('reads periodic reports by the period they cover ("Quarterly Report for the quarters ended June 30, 2023, September 30, 2023")', () => {
    // Smith Micro 10-K, Item 1C.
    const s = 'To date, the Company has been subject to cyber related incidents, as previously disclosed in the Companys Quarterly Report for the quarters ended June 30, 2023, September 30, 2023 and as disclosed in its Form 10-K for the year ended December 31, 2024 and within this Annual Report.';
    expect(citationsIn(s).map(({ form, filedOn, period }) => ({ form, filedOn, period }))).toEqual([
      { form: '10-Q', filedOn: null, period: '2023-06-30' },
      { form: '10-Q', filedOn: null, period: '2023-09-30' },
      { form: '10-K', filedOn: null, period: '2024-12-31' },
    ]);
  });

  it('reads a filing date told before the citation: "On June 30, 2023, F&amp;G filed a Current Report on Form 8-K"', () => {
    // F&G 10-K as the data set prints it, entity and all.
    expect(citationsIn('On June 30, 2023, F&amp;G filed a Current Report on Form 8-K regarding a cybersecurity incident associated with the MOVEit file transfer system.').map((c) => c.filedOn)).toEqual(['2023-06-30']);
  });
});

describe('Filings that may not be committed (read from ../shared)', () => {
  const stryker = shared('raw/item105-amend/syk-2026-04-09-0001193125-26-149607-ixbrl.htm');
  it.skipIf(!stryker)('Stryker 8-K/A: amends the report filed March 11, 2026, cites the two 7.01 reports, and names the incident by its cyd member', async () => {
    const a = await analyze(stryker!, { form: '8-K/A', filedAt: '2026-04-09' });
    expect(a.amendment).toEqual({ number: 1, of: { filedOn: '2026-03-11' } });
    expect(a.references).toEqual([
      { form: '8-K', filedOn: '2026-03-11' },
      { form: '8-K', filedOn: '2026-03-12' },
      { form: '8-K', filedOn: '2026-03-23' },
    ]);
    expect(a.reportDate).toBe('2026-03-11');
    expect(a.incidentName).toBe('March 11, 2026 Incident');
    expect(a.incidents).toEqual([{ name: 'March 11, 2026 Incident', member: 'syk:March112026IncidentMember', dates: a.dates }]);
  });

  const toi = shared('raw/item105/toi-2026-05-22-0001079973-26-000721-ixbrl.htm');
  it.skipIf(!toi)('Oncology Institute 8-K: an Item 1.05 report that cites the Item 7.01 8-K filed on November 6, 2025', async () => {
    const a = await analyze(toi!, { form: '8-K', filedAt: '2026-05-22' });
    expect(a.references).toEqual([{ form: '8-K', filedOn: '2025-11-06' }]);
    expect(a).toMatchObject({ amendment: null, reportDate: '2026-05-20' });
  });

  const hal = shared('raw/periodic/hal-10-k-2025-02-12-0000045012-25-000010-cyd-facts.ndjson');
  it.skipIf(!hal)('Halliburton 10-K: "as previously disclosed in a Form 8-K we filed with the SEC on September 3, 2024"', async () => {
    const a = await analyze(hal!);
    expect(a.references).toEqual([{ form: '8-K', filedOn: '2024-09-03' }]);
  });
});
